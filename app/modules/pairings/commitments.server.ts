// A pairing's commitments (follow-ups each side takes on), and a commitment made a milestone of the
// mentee's change project.
import { grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { commitmentWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { PairingSide, WorkStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { OutOfScopeError } from "~/errors";
import { NEW_PROJECT } from "~/modules/pairings/pairing-schemas";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { PairingRuleError } from "~/modules/pairings/pairing-status";
import { listProjectPeopleWithAccounts } from "~/modules/projects/milestones.server";

type Actor = Pick<Scope, "user">;

/** May the person write this pairing's commitments ("pairing:commit"); `menteeOnly`: turn them into milestones. */
export async function mayCommit(user: CurrentUser, pairingId: string, { menteeOnly = false } = {}) {
  const where = commitmentWhere(user.id, grantsFor(user.memberships, "pairing:commit"), { menteeOnly });
  return (await prisma.pairing.count({ where: { AND: [{ id: pairingId }, where] } })) > 0;
}

export async function addCommitment(
  { user }: Actor,
  pairingId: string,
  input: { title: string; side: PairingSide; owner?: string; dueDate?: Date; sessionId?: string },
) {
  if (!(await mayCommit(user, pairingId))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const commitment = await tx.commitment.create({
      data: { pairingId, ...input, owner: input.owner || null, sessionId: input.sessionId || null },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.commitment_added",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { title: input.title },
      },
      tx,
    );
    return commitment;
  });
}

export async function setCommitmentStatus(
  { user }: Actor,
  pairingId: string,
  commitmentId: string,
  status: WorkStatus,
) {
  if (!(await mayCommit(user, pairingId))) throw new OutOfScopeError("not allowed");
  await prisma.$transaction(async (tx) => {
    const commitment = await tx.commitment.findFirst({
      where: { id: commitmentId, pairingId },
      select: { milestoneId: true },
    });
    if (!commitment) throw new OutOfScopeError("no such commitment");
    await tx.commitment.update({ where: { id: commitmentId }, data: { status } });
    // the milestone made of it follows: same status, done-date, and (changed) it needs approving again
    if (commitment.milestoneId)
      await tx.milestone.updateMany({
        where: { id: commitment.milestoneId, status: { not: status } },
        data: {
          status,
          completedAt: status === "DONE" ? new Date() : null,
          approvedAt: null,
          approvedById: null,
          version: { increment: 1 },
        },
      });
  });
}

/** The one project person (with an account) a commitment's free-text owner names, if any. */
function ownerIdNamed(owner: string | null, people: { id: string; name: string }[]) {
  const wanted = owner?.trim().toLocaleLowerCase("id");
  if (!wanted) return null;
  const matches = people.filter((p) => p.name.trim().toLocaleLowerCase("id") === wanted);
  return matches.length === 1 ? matches[0].id : null;
}

/** The change projects of the mentee region a commitment may become a milestone of (not stopped). */
export async function listMenteeProjectChoices(menteeRegionCode: string, alsoId?: string | null) {
  return prisma.changeProject.findMany({
    where: {
      regionCode: menteeRegionCode,
      OR: [{ status: { not: "STOPPED" } }, ...(alsoId ? [{ id: alsoId }] : [])],
    },
    orderBy: { title: "asc" },
    take: 200,
    select: { id: true, title: true, acronym: true, status: true },
  });
}

/**
 * Turns a mentee-side commitment into a short-term milestone of the mentee's change project,
 * linked both ways. The project is the pairing's `menteeProject`; while it has none (or it was
 * stopped), `projectChoice` names one of the mentee region's projects or NEW_PROJECT (a draft
 * "Replikasi: <topic>"), and the pairing keeps it as its mentee project from then on.
 */
export async function convertCommitmentToMilestone(
  { user }: Actor,
  pairingId: string,
  commitmentId: string,
  projectChoice?: string,
) {
  if (!(await mayCommit(user, pairingId, { menteeOnly: true }))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const commitment = await tx.commitment.findFirst({
      where: { id: commitmentId, pairingId },
      include: { pairing: true },
    });
    if (!commitment) throw new OutOfScopeError("no such commitment");
    if (commitment.milestoneId)
      return {
        milestoneId: commitment.milestoneId,
        projectId: (await tx.milestone.findUniqueOrThrow({ where: { id: commitment.milestoneId } }))
          .projectId,
        created: false,
      };
    if (commitment.side !== "MENTEE") throw new PairingRuleError("pairings.errors.mentorCommitment");
    const { pairing } = commitment;
    const open = { regionCode: pairing.menteeRegionCode, status: { not: "STOPPED" as const } };
    let project = pairing.menteeProjectId
      ? await tx.changeProject.findFirst({ where: { id: pairing.menteeProjectId, ...open } })
      : null;
    if (!project) {
      if (!projectChoice) throw new PairingRuleError("pairings.errors.chooseProject");
      if (projectChoice === NEW_PROJECT) {
        project = await tx.changeProject.create({
          data: {
            title: `Replikasi: ${pairing.topic}`,
            kind: "REGIONAL_INNOVATION",
            regionCode: pairing.menteeRegionCode,
            sector: pairing.sector,
            problem: pairing.goals,
          },
        });
        await logActivity(
          {
            actorId: user.id,
            action: "project.created",
            subjectType: "ChangeProject",
            subjectId: project.id,
            data: { title: project.title, fromPairing: pairingId },
          },
          tx,
        );
      } else {
        project = await tx.changeProject.findFirst({ where: { id: projectChoice, ...open } });
        if (!project) throw new PairingRuleError("pairings.errors.projectNotMentee");
      }
      await tx.pairing.update({ where: { id: pairingId }, data: { menteeProjectId: project.id } });
    }
    // the commitment's owner owns the milestone when they are one of the project's people with an
    // account; otherwise the name stays on the linked commitment and the milestone shows it
    const people = await listProjectPeopleWithAccounts(project.id, tx);
    const milestone = await tx.milestone.create({
      data: {
        projectId: project.id,
        title: commitment.title,
        horizon: "SHORT",
        dueDate: commitment.dueDate,
        status: commitment.status,
        completedAt: commitment.status === "DONE" ? new Date() : null,
        ownerId: ownerIdNamed(commitment.owner, people),
      },
    });
    await tx.commitment.update({ where: { id: commitment.id }, data: { milestoneId: milestone.id } });
    await logActivity(
      {
        actorId: user.id,
        action: "project.milestone_added",
        subjectType: "ChangeProject",
        subjectId: project.id,
        data: { title: commitment.title, fromPairing: pairingId },
      },
      tx,
    );
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.commitment_to_milestone",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { title: commitment.title },
      },
      tx,
    );
    return { milestoneId: milestone.id, projectId: project.id, created: true };
  });
}
