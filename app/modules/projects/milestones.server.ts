// A project's milestones: adding and updating them (with a version check), their owner, the
// coach's or mentor's approval, and their evidence files.
import { ConflictError, OutOfScopeError, RuleError } from "~/errors";
import type { Scope } from "~/auth/require-user.server";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Horizon, WorkStatus } from "~/generated/prisma/enums";
import { checkEvidence, deleteEvidence, storeEvidence } from "~/modules/projects/evidence.server";
import { notifyApprovers } from "~/modules/projects/approval-notices.server";
import { peopleWithAccounts } from "~/modules/projects/project-people";
import { mayOnProject } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

export type MilestoneInput = {
  title: string;
  horizon: Horizon;
  dueDate?: Date;
  status: WorkStatus;
  evidenceUrl?: string;
  /** one of the project's people with an account (`listProjectPeopleWithAccounts`); null for nobody */
  ownerId?: string | null;
};

/** The owner named for a milestone is not one of the project's people with an account. */
export class OwnerNotOnProjectError extends Error {}

/** The project's people who have accounts: leader, members with accounts, coach and mentor. */
export async function listProjectPeopleWithAccounts(
  projectId: string,
  db: Prisma.TransactionClient = prisma,
) {
  const project = await db.changeProject.findUnique({
    where: { id: projectId },
    select: {
      leader: { select: { id: true, name: true } },
      coach: { select: { id: true, name: true } },
      mentor: { select: { id: true, name: true } },
      members: { select: { userId: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  return project ? peopleWithAccounts(project) : [];
}

async function checkMilestoneOwner(
  projectId: string,
  ownerId: string | null | undefined,
  db: Prisma.TransactionClient = prisma,
) {
  if (!ownerId) return;
  const people = await listProjectPeopleWithAccounts(projectId, db);
  if (!people.some((person) => person.id === ownerId)) throw new OwnerNotOnProjectError(ownerId);
}

/** Refuses (OwnerNotOnProjectError) an owner who is not one of the project's people with an account. */
export async function assertMilestoneOwner(
  { user }: Actor,
  projectId: string,
  ownerId: string | null | undefined,
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  await checkMilestoneOwner(projectId, ownerId);
}

export async function addMilestone({ user }: Actor, projectId: string, input: MilestoneInput) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    await checkMilestoneOwner(projectId, input.ownerId, tx);
    const milestone = await tx.milestone.create({
      data: {
        projectId,
        ...input,
        ownerId: input.ownerId || null,
        evidenceUrl: input.evidenceUrl || null,
        completedAt: input.status === "DONE" ? new Date() : null,
      },
    });
    await logProjectStep(user.id, projectId, "project.milestone_added", { title: input.title }, tx);
    if (input.status === "DONE") await tellApproversMilestoneDone(tx, user.id, projectId, milestone.id);
    return milestone;
  });
}

/** Updates a milestone only if nobody saved it since `version` was read (no silent overwrite). */
export async function updateMilestone(
  { user }: Actor,
  projectId: string,
  milestoneId: string,
  version: number,
  input: Partial<MilestoneInput> & { evidenceFile?: string | null },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  await prisma.$transaction((tx) =>
    writeMilestoneUpdate(tx, user.id, projectId, milestoneId, version, input),
  );
}

/**
 * The write of `updateMilestone` inside the caller's transaction, for a caller that has checked
 * `project:update` on the project (the spreadsheet update); `logData` joins the timeline line.
 */
export async function writeMilestoneUpdate(
  tx: Prisma.TransactionClient,
  actorId: string,
  projectId: string,
  milestoneId: string,
  version: number,
  input: Partial<MilestoneInput> & { evidenceFile?: string | null },
  logData: Record<string, string> = {},
) {
  await checkMilestoneOwner(projectId, input.ownerId, tx);
  const { count } = await tx.milestone.updateMany({
    where: { id: milestoneId, projectId, version },
    data: {
      ...input,
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId || null } : {}),
      ...(input.status ? { completedAt: input.status === "DONE" ? new Date() : null } : {}),
      // a changed milestone needs approving again
      approvedAt: null,
      approvedById: null,
      version: { increment: 1 },
    },
  });
  if (count !== 1) {
    const exists = await tx.milestone.count({ where: { id: milestoneId, projectId } });
    if (!exists) throw new OutOfScopeError("no such milestone");
    throw new ConflictError("milestone changed since it was loaded");
  }
  await logProjectStep(
    actorId,
    projectId,
    "project.milestone_updated",
    { milestoneId, status: input.status ?? null, ...logData },
    tx,
  );
  if (input.status === "DONE") await tellApproversMilestoneDone(tx, actorId, projectId, milestoneId);
}

/** A milestone of a training project marked done waits for the coach's or mentor's approval: tell them. */
async function tellApproversMilestoneDone(
  tx: Prisma.TransactionClient,
  actorId: string,
  projectId: string,
  milestoneId: string,
) {
  const milestone = await tx.milestone.findFirst({
    where: { id: milestoneId, projectId, approvedAt: null, project: { kind: "TRAINING_CHANGE_PROJECT" } },
    select: { title: true, project: { select: { title: true } } },
  });
  if (!milestone) return;
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { name: true } });
  await notifyApprovers(tx, projectId, actorId, {
    kind: "milestone-ready",
    link: `/proyek/${projectId}/tonggak`,
    values: { title: milestone.project.title, milestone: milestone.title, by: actor?.name ?? "" },
  });
}

/** The coach or mentor approves a milestone of a training project. */
export async function approveMilestone({ user }: Actor, projectId: string, milestoneId: string) {
  if (!(await mayOnProject(user, projectId, "project:review"))) throw new OutOfScopeError("not allowed");
  await prisma.$transaction((tx) => writeMilestoneApproval(tx, user.id, projectId, milestoneId));
}

/**
 * The write of `approveMilestone` inside the caller's transaction, for a caller that has checked
 * `project:review` on the project; `version`, when given, must still be the milestone's.
 */
export async function writeMilestoneApproval(
  tx: Prisma.TransactionClient,
  actorId: string,
  projectId: string,
  milestoneId: string,
  { version, logData = {} }: { version?: number; logData?: Record<string, string> } = {},
) {
  const where = { id: milestoneId, projectId, project: { kind: "TRAINING_CHANGE_PROJECT" as const } };
  // a milestone is approved for what was done: one not started yet has nothing to approve
  const { count } = await tx.milestone.updateMany({
    where: { ...where, status: { not: "NOT_STARTED" }, ...(version === undefined ? {} : { version }) },
    data: { approvedAt: new Date(), approvedById: actorId, version: { increment: 1 } },
  });
  if (count !== 1) {
    const current = await tx.milestone.findFirst({ where, select: { status: true } });
    if (current && version !== undefined && current.status !== "NOT_STARTED")
      throw new ConflictError("milestone changed since it was loaded");
    if (current) throw new RuleError("milestones.errors.notStarted");
    throw new OutOfScopeError("no such milestone on a training project");
  }
  await logProjectStep(actorId, projectId, "project.milestone_approved", { milestoneId, ...logData }, tx);
}

/**
 * Attaches an evidence file to a milestone: checked, written, then recorded with the version
 * check; if recording fails the file is removed, so nothing is left behind.
 */
export async function attachMilestoneEvidence(
  actor: Actor,
  projectId: string,
  milestoneId: string,
  version: number,
  bytes: Uint8Array,
): Promise<{ ok: true; file: string } | { ok: false; error: string }> {
  if (!(await mayOnProject(actor.user, projectId, "project:update")))
    throw new OutOfScopeError("not allowed");
  const check = await checkEvidence(bytes);
  if (!check.ok) return check;
  const file = await storeEvidence(check);
  try {
    const previous = await prisma.milestone.findFirst({
      where: { id: milestoneId, projectId },
      select: { evidenceFile: true },
    });
    await updateMilestone(actor, projectId, milestoneId, version, { evidenceFile: file });
    if (previous?.evidenceFile) await deleteEvidence(previous.evidenceFile);
    return { ok: true, file };
  } catch (error) {
    await deleteEvidence(file);
    throw error;
  }
}

/** The project of an evidence file, if the person may read it (for serving the file). */
export async function findEvidenceForUser({ user, grants }: Scope, file: string) {
  return prisma.milestone.findFirst({
    where: { evidenceFile: file, project: projectWhere(user.id, grants) },
    select: { id: true, projectId: true },
  });
}
