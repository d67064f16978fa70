// Comments on a project, and the @mentions in them that notify people on the project.
import { OutOfScopeError } from "~/errors";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { mentionedPeople, suggestedHandle } from "~/utils/person-name";
import { mayOnProject } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

const projectPeopleSelect = {
  leader: { select: { id: true, name: true, email: true } },
  coach: { select: { id: true, name: true, email: true } },
  mentor: { select: { id: true, name: true, email: true } },
  members: { select: { user: { select: { id: true, name: true, email: true } } } },
} satisfies Prisma.ChangeProjectSelect;

type Person = { id: string; name: string; email: string };

/** The leader, coach, mentor and members of a project, each once. */
function peopleOfProject(project: Prisma.ChangeProjectGetPayload<{ select: typeof projectPeopleSelect }>) {
  const people = [project.leader, project.coach, project.mentor, ...project.members.map((m) => m.user)];
  const byId = new Map<string, Person>();
  for (const person of people) if (person) byId.set(person.id, person);
  return [...byId.values()];
}

/** Who can be @mentioned on a project, with the handle to type, for the comment form. */
export async function listMentionablePeople(projectId: string) {
  const project = await prisma.changeProject.findUnique({
    where: { id: projectId },
    select: projectPeopleSelect,
  });
  if (!project) return [];
  const people = peopleOfProject(project);
  return people.map((p) => ({ id: p.id, name: p.name, handle: suggestedHandle(p, people) }));
}

/**
 * A comment; @mentions of people on the project notify them, by any part of the name people use
 * ("@Siti" for Dr. Siti Rahmawati, S.T.), the dotted name or the email (app/utils/person-name.ts).
 */
export async function addComment({ user }: Actor, projectId: string, body: string) {
  if (!(await mayOnProject(user, projectId, "project:comment"))) throw new OutOfScopeError("not allowed");
  const project = await prisma.changeProject.findUniqueOrThrow({
    where: { id: projectId },
    select: { title: true, ...projectPeopleSelect },
  });
  const mentioned = new Set(mentionedPeople(body, peopleOfProject(project)).map((p) => p.id));
  mentioned.delete(user.id);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { projectId, authorId: user.id, body, mentionedIds: [...mentioned] },
    });
    if (mentioned.size > 0) {
      await tx.notification.createMany({
        data: [...mentioned].map((userId) => ({
          userId,
          kind: "mention",
          title: `${user.name}: ${project.title}`,
          link: `/proyek/${projectId}`,
        })),
      });
    }
    await logProjectStep(user.id, projectId, "project.commented", undefined, tx);
    return { comment, mentioned: [...mentioned] };
  });
}
