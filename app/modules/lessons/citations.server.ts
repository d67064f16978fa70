// Citations of a lesson ("learned from") by pairings and projects.
import type { Scope } from "~/auth/require-user.server";
import { pairingWhere, projectWhere } from "~/auth/scope.server";
import { grantsFor } from "~/auth/permissions";
import { prisma } from "~/db.server";
import { logActivity } from "~/modules/accounts/activity.server";
import { mayOnPairing } from "~/modules/pairings/queries.server";
import { OutOfScopeError } from "~/errors";
import { mayOnProject } from "~/modules/projects/queries.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { isUniqueViolation } from "~/modules/lessons/publish.server";
import { LessonError } from "~/modules/lessons/working-copy.server";

type Actor = Pick<Scope, "user">;

/** The pairings and projects the person may update that have not cited this lesson yet. */
export async function citationTargets(user: CurrentUser, slug: string) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true, pairingId: true },
  });
  if (!lesson) return [];
  const pairingGrants = grantsFor(user.memberships, "pairing:update");
  const projectGrants = grantsFor(user.memberships, "project:update");
  const [pairings, projects] = await Promise.all([
    pairingGrants.length
      ? prisma.pairing.findMany({
          where: {
            AND: [
              pairingWhere(user.id, pairingGrants),
              { id: { not: lesson.pairingId ?? undefined } },
              { lessonCitations: { none: { lessonId: lesson.id } } },
            ],
          },
          orderBy: { updatedAt: "desc" },
          take: 50,
          select: {
            id: true,
            topic: true,
            mentorRegion: { select: { name: true } },
            menteeRegion: { select: { name: true } },
          },
        })
      : [],
    projectGrants.length
      ? prisma.changeProject.findMany({
          where: {
            AND: [
              projectWhere(user.id, projectGrants),
              { lessonCitations: { none: { lessonId: lesson.id } } },
            ],
          },
          orderBy: { updatedAt: "desc" },
          take: 50,
          select: { id: true, title: true, region: { select: { name: true } } },
        })
      : [],
  ]);
  return [
    ...pairings.map((p) => ({
      value: `pairing:${p.id}`,
      kind: "pairing" as const,
      label: `${p.mentorRegion.name} → ${p.menteeRegion.name}: ${p.topic}`,
    })),
    ...projects.map((p) => ({
      value: `project:${p.id}`,
      kind: "project" as const,
      label: `${p.title}${p.region ? ` (${p.region.name})` : ""}`,
    })),
  ];
}

/** "Learned from this lesson": one citation per pairing or project (pairing:update / project:update). */
export async function citeLesson(actor: Actor, slug: string, input: { target: string; note?: string }) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true, pairingId: true },
  });
  if (!lesson) throw new LessonError("lessonReview.errors.notPublished");
  const [kind, id] = input.target.split(":");
  const allowed =
    kind === "pairing"
      ? await mayOnPairing(actor.user, id, "pairing:update")
      : kind === "project"
        ? await mayOnProject(actor.user, id, "project:update")
        : false;
  if (!allowed) throw new OutOfScopeError("not allowed");
  if (kind === "pairing" && id === lesson.pairingId)
    throw new LessonError("lessonReview.errors.ownPairing", "target");
  try {
    return await prisma.$transaction(async (tx) => {
      const citation = await tx.lessonCitation.create({
        data: {
          lessonId: lesson.id,
          pairingId: kind === "pairing" ? id : null,
          projectId: kind === "project" ? id : null,
          note: input.note || null,
          createdById: actor.user.id,
        },
      });
      await logActivity(
        {
          actorId: actor.user.id,
          action: "lesson.cited",
          subjectType: kind === "pairing" ? "Pairing" : "ChangeProject",
          subjectId: id,
          data: { slug },
        },
        tx,
      );
      return citation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LessonError("lessonReview.errors.alreadyCited", "target");
    throw error;
  }
}
