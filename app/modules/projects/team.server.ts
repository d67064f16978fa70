// A project's team: members, assignments and stakeholders.
import { OutOfScopeError } from "~/errors";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { WorkStatus } from "~/generated/prisma/enums";
import { OwnerNotOnProjectError } from "~/modules/projects/milestones.server";
import { mayOnProject } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

export async function addTeamMember(
  { user }: Actor,
  projectId: string,
  input: { name: string; roleInTeam?: string; email?: string },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const account = input.email
      ? await tx.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true } })
      : null;
    const member = await tx.projectMember.create({
      data: {
        projectId,
        name: input.name,
        roleInTeam: input.roleInTeam || null,
        userId: account?.id ?? null,
      },
    });
    await logProjectStep(user.id, projectId, "project.member_added", { name: input.name }, tx);
    return member;
  });
}

export async function addAssignment(
  { user }: Actor,
  projectId: string,
  input: { title: string; ownerId?: string; dueDate?: Date },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  if (input.ownerId && !(await prisma.projectMember.count({ where: { id: input.ownerId, projectId } })))
    throw new OwnerNotOnProjectError("owner not in team");
  return prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: { projectId, title: input.title, ownerId: input.ownerId || null, dueDate: input.dueDate },
    });
    await logProjectStep(user.id, projectId, "project.assignment_added", { title: input.title }, tx);
    return assignment;
  });
}

export async function setAssignmentStatus(
  { user }: Actor,
  projectId: string,
  assignmentId: string,
  status: WorkStatus,
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  await prisma.$transaction(async (tx) => {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, projectId },
      select: { title: true, status: true },
    });
    if (!assignment) throw new OutOfScopeError("no such assignment");
    await tx.assignment.update({ where: { id: assignmentId }, data: { status } });
    await logProjectStep(
      user.id,
      projectId,
      "project.assignment_status",
      { title: assignment.title, from: assignment.status, status },
      tx,
    );
  });
}

export async function addStakeholder(
  { user }: Actor,
  projectId: string,
  input: { name: string; influence: number; interest: number; internal: boolean; note?: string },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  // only the stakeholder's own fields: a form's value also carries its intent
  const { name, influence, interest, internal, note } = input;
  const stakeholder = await prisma.stakeholder.create({
    data: { projectId, name, influence, interest, internal, note: note || null },
  });
  await logProjectStep(user.id, projectId, "project.stakeholder_added", { name: input.name });
  return stakeholder;
}
