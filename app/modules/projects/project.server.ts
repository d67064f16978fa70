// Change projects, always read and written through a person's scope.
import { ConflictError, OutOfScopeError, RuleError } from "~/errors";
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Horizon, ProjectKind, ProjectStatus, SpmField, WorkStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { normaliseCohort } from "~/modules/projects/cohort-import.server";
import { checkEvidence, deleteEvidence, storeEvidence } from "~/modules/projects/evidence.server";
import { BOARD_COLUMN_SIZE, PROJECT_PAGE_SIZE, type ProjectSort } from "~/modules/projects/project-filters";
import { type CohortChoice, PROJECT_STATUSES } from "~/modules/projects/project-schemas";
import { peopleWithAccounts } from "~/modules/projects/project-people";
import { LAUNCHED_STATUSES, checkTransition, isAtRisk, riskReasons } from "~/modules/projects/project-status";
import { type CurrentUser, normaliseEmail } from "~/modules/accounts/user.server";
import { mentionedPeople, suggestedHandle } from "~/utils/person-name";

type Actor = Pick<Scope, "user">;

/** A step on the project's activity timeline (in the caller's transaction when given one). */
function logProjectStep(
  actorId: string,
  projectId: string,
  action: string,
  data?: Prisma.InputJsonValue,
  db?: Prisma.TransactionClient,
) {
  return logActivity({ actorId, action, subjectType: "ChangeProject", subjectId: projectId, data }, db);
}

type DecimalLike = { toNumber(): number } | number | null;
function toNumber(value: DecimalLike) {
  return value === null ? null : typeof value === "number" ? value : value.toNumber();
}

/** Indicator values as plain numbers: Prisma's Decimal does not survive the trip to the browser. */
export function plainIndicator<
  T extends { baseline: DecimalLike; target: DecimalLike; measurements: ({ value: DecimalLike } & object)[] },
>(indicator: T) {
  return {
    ...indicator,
    baseline: toNumber(indicator.baseline),
    target: toNumber(indicator.target),
    measurements: indicator.measurements.map((m) => ({ ...m, value: toNumber(m.value) as number })),
  };
}

/** The filter for projects the person may `action` on. */
function scopeFor(user: CurrentUser, action: Action): Prisma.ChangeProjectWhereInput {
  return projectWhere(user.id, grantsFor(user.memberships, action));
}

export type ProjectFilters = {
  status?: ProjectStatus;
  regionCode?: string;
  cohortId?: string;
  agency?: string;
  sector?: string;
  q?: string;
  atRisk?: boolean;
  sort?: ProjectSort;
};

/** The facts `isAtRisk` reads of a project: its status, launch date, check-ins and milestones. */
export const riskFactsSelect = {
  status: true,
  launchedAt: true,
  checkIns: { select: { createdAt: true, status: true } },
  milestones: { select: { status: true, dueDate: true, title: true } },
} satisfies Prisma.ChangeProjectSelect;

/** A launched project as the dashboards list it, with what its risk flag needs. */
export const launchedProjectSelect = {
  id: true,
  title: true,
  acronym: true,
  region: { select: { name: true } },
  ...riskFactsSelect,
} satisfies Prisma.ChangeProjectSelect;

const listSelect = {
  id: true,
  title: true,
  acronym: true,
  kind: true,
  sector: true,
  region: { select: { code: true, name: true } },
  organisation: { select: { name: true } },
  cohort: { select: { id: true, programme: true, batch: true, year: true } },
  ...riskFactsSelect,
} satisfies Prisma.ChangeProjectSelect;

const ORDER_BY: Record<ProjectSort, Prisma.ChangeProjectOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  region: [{ region: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
  status: [{ status: "asc" }, { title: "asc" }, { id: "asc" }],
};

/**
 * The filter for a list in the person's scope. "At risk" depends on check-in dates and late
 * milestones, not on a column, so it is worked out here and becomes a list of ids.
 */
async function listWhere(
  { user, grants }: Scope,
  filters: ProjectFilters,
  now: Date,
): Promise<Prisma.ChangeProjectWhereInput> {
  const { status, regionCode, cohortId, agency, sector, q } = filters;
  const where: Prisma.ChangeProjectWhereInput = {
    AND: [
      projectWhere(user.id, grants),
      status ? { status } : {},
      regionCode ? { OR: [{ regionCode }, { region: { provinceCode: regionCode } }] } : {},
      cohortId ? { cohortId } : {},
      agency ? { organisation: { name: { contains: agency, mode: "insensitive" } } } : {},
      sector ? { sector: { contains: sector, mode: "insensitive" } } : {},
      q
        ? {
            OR: [
              { title: { contains: q, mode: "insensitive" } },
              { acronym: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  if (!filters.atRisk) return where;
  const launched = await prisma.changeProject.findMany({
    where: { AND: [where, { status: { in: LAUNCHED_STATUSES } }] },
    select: { id: true, ...riskFactsSelect },
  });
  return { id: { in: launched.filter((p) => isAtRisk(p, now)).map((p) => p.id) } };
}

function withRisk(projects: Prisma.ChangeProjectGetPayload<{ select: typeof listSelect }>[], now: Date) {
  return projects.map(({ checkIns, milestones, ...project }) => {
    const reasons = riskReasons(
      { status: project.status, launchedAt: project.launchedAt, checkIns, milestones },
      now,
    );
    return { ...project, atRisk: reasons.length > 0, riskReasons: reasons };
  });
}

/** Every matching project (for CSV export), up to `take`. */
export async function listProjectsForUser(scope: Scope, filters: ProjectFilters = {}, take = 5000) {
  const now = new Date();
  const projects = await prisma.changeProject.findMany({
    where: await listWhere(scope, filters, now),
    orderBy: ORDER_BY[filters.sort ?? "updated"],
    take,
    select: listSelect,
  });
  return withRisk(projects, now);
}

/** One page of matching projects and how many there are in all. */
export async function pageProjectsForUser(scope: Scope, filters: ProjectFilters, page: number) {
  const now = new Date();
  const where = await listWhere(scope, filters, now);
  const total = await prisma.changeProject.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PROJECT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const projects = await prisma.changeProject.findMany({
    where,
    orderBy: ORDER_BY[filters.sort ?? "updated"],
    skip: (current - 1) * PROJECT_PAGE_SIZE,
    take: PROJECT_PAGE_SIZE,
    select: listSelect,
  });
  return { projects: withRisk(projects, now), total, page: current, pageCount };
}

/** Matching projects by launch status: each column's count and its first cards. */
export async function boardProjectsForUser(scope: Scope, filters: ProjectFilters) {
  const now = new Date();
  const where = await listWhere(scope, { ...filters, status: undefined }, now);
  const counts = await prisma.changeProject.groupBy({ by: ["status"], where, _count: { _all: true } });
  const columns = [];
  for (const status of PROJECT_STATUSES) {
    const total = counts.find((c) => c.status === status)?._count._all ?? 0;
    const projects = total
      ? await prisma.changeProject.findMany({
          where: { AND: [where, { status }] },
          orderBy: ORDER_BY[filters.sort ?? "updated"],
          take: BOARD_COLUMN_SIZE,
          select: listSelect,
        })
      : [];
    columns.push({ status, total, projects: withRisk(projects, now) });
  }
  return columns;
}

/** What the list's filter menus offer: the regions and cohorts of the projects the person sees. */
export async function projectFilterOptions({ user, grants }: Scope) {
  const scope = projectWhere(user.id, grants);
  const [regions, cohorts] = await Promise.all([
    prisma.region.findMany({
      where: { projects: { some: scope } },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    prisma.cohort.findMany({
      where: { projects: { some: scope } },
      orderBy: [{ year: "desc" }, { programme: "asc" }, { batch: "asc" }],
      select: { id: true, programme: true, batch: true, year: true },
    }),
  ]);
  return { regions, cohorts };
}

/** One project if the person may see it; null otherwise (the route answers 404 either way). */
export async function getProjectForUser({ user, grants }: Scope, id: string) {
  const project = await prisma.changeProject.findFirst({
    where: { AND: [{ id }, projectWhere(user.id, grants)] },
    include: {
      region: { select: { code: true, name: true, timeZone: true } },
      organisation: { select: { id: true, name: true } },
      cohort: true,
      launchEvent: true,
      leader: { select: { id: true, name: true, position: true } },
      coach: { select: { id: true, name: true, email: true } },
      mentor: { select: { id: true, name: true, email: true } },
      milestones: {
        orderBy: [{ horizon: "asc" }, { dueDate: "asc" }],
        include: {
          owner: { select: { name: true } },
          approvedBy: { select: { name: true } },
          // a milestone made from a pairing's commitment links back to the pairing
          commitment: { select: { pairing: { select: { id: true, topic: true } } } },
        },
      },
      members: { include: { assignments: { orderBy: { dueDate: "asc" } } }, orderBy: { name: "asc" } },
      assignments: { include: { owner: { select: { name: true } } }, orderBy: { dueDate: "asc" } },
      stakeholders: { orderBy: { name: "asc" } },
      indicators: {
        include: { measurements: { orderBy: { measuredAt: "asc" } } },
        orderBy: { createdAt: "asc" },
      },
      checkIns: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
    },
  });
  if (!project) return null;
  const reasons = riskReasons(project);
  // who each comment notified, by name (also people who have since left the project)
  const mentionedIds = [...new Set(project.comments.flatMap((c) => c.mentionedIds))];
  const names = new Map(
    mentionedIds.length
      ? (
          await prisma.user.findMany({
            where: { id: { in: mentionedIds } },
            select: { id: true, name: true },
          })
        ).map((u) => [u.id, u.name])
      : [],
  );
  return {
    ...project,
    comments: project.comments.map(({ mentionedIds: ids, ...c }) => ({
      ...c,
      notified: ids.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
    })),
    indicators: project.indicators.map(plainIndicator),
    atRisk: reasons.length > 0,
    riskReasons: reasons,
  };
}

/** The person may do `action` on this project (it exists and is in their scope for that action). */
export async function mayOnProject(user: CurrentUser, projectId: string, action: Action) {
  // no grant for the action at all: no need to ask the database
  if (grantsFor(user.memberships, action).length === 0) return false;
  return (
    (await prisma.changeProject.count({ where: { AND: [{ id: projectId }, scopeFor(user, action)] } })) > 0
  );
}

// ── writing ──

export type ProjectInput = {
  title: string;
  acronym?: string;
  kind: ProjectKind;
  regionCode: string;
  organisationName?: string;
  sector?: string;
  spmField?: SpmField;
  problem?: string;
  evidence?: string;
  objectives?: string;
  benefits?: string;
  locus?: string;
  startDate?: Date;
  endDate?: Date;
  /** a training project's cohort: undefined leaves it as it is, null removes it */
  cohort?: CohortChoice;
};

export { ConflictError, OutOfScopeError };
/** The cohort picked for a project does not exist (any more). */
export class CohortNotFoundError extends Error {}
/** The coach or mentor named by email is not an active account holding that role. */
export class ReviewerNotFoundError extends Error {
  constructor(readonly field: "coachEmail" | "mentorEmail") {
    super(`no active ${field === "coachEmail" ? "coach" : "mentor"} with that email`);
  }
}

/**
 * The coach or mentor a project names by email: undefined leaves it as it is, empty removes it,
 * otherwise the email must be an active account holding that role (COACH or MENTOR).
 */
async function reviewerIdFor(
  tx: Prisma.TransactionClient,
  email: string | null | undefined,
  role: "COACH" | "MENTOR",
) {
  if (email === undefined) return undefined;
  if (email === null || !email.trim()) return null;
  const person = await tx.user.findFirst({
    where: { email: normaliseEmail(email), deactivatedAt: null, memberships: { some: { role } } },
    select: { id: true, name: true },
  });
  if (!person) throw new ReviewerNotFoundError(role === "COACH" ? "coachEmail" : "mentorEmail");
  return person;
}

/** May the person create a project in this region (region/province grant, or their own as leader)? */
function mayCreateIn(user: CurrentUser, regionCode: string, provinceCode: string | null) {
  return grantsFor(user.memberships, "project:create").some(
    (grant) =>
      grant.scope === "all" ||
      grant.scope === "own" ||
      (grant.scope === "region" && grant.regionCode === regionCode) ||
      (grant.scope === "province" && (grant.regionCode === regionCode || grant.regionCode === provinceCode)),
  );
}

async function organisationIdFor(tx: Prisma.TransactionClient, regionCode: string, name?: string) {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  const organisation = await tx.organisation.upsert({
    where: { regionCode_name: { regionCode, name: trimmed } },
    create: { regionCode, name: trimmed, type: "AGENCY" },
    update: {},
  });
  return organisation.id;
}

/**
 * The cohort a project joins: undefined leaves it, null (or a project that is not a training
 * project) removes it, an id must exist, and a named cohort is found or made, named as the
 * cohort import names it ("XX" is "Angkatan XX").
 */
async function cohortIdFor(
  tx: Prisma.TransactionClient,
  kind: ProjectKind,
  choice: CohortChoice | undefined,
) {
  if (kind !== "TRAINING_CHANGE_PROJECT") return null;
  if (choice === undefined || choice === null) return choice;
  if ("id" in choice) {
    const found = await tx.cohort.findUnique({ where: { id: choice.id }, select: { id: true } });
    if (!found) throw new CohortNotFoundError(choice.id);
    return found.id;
  }
  const cohort = normaliseCohort({ ...choice, organiser: choice.organiserName ?? "" });
  const organiser = cohort.organiser
    ? await tx.organisation.findFirst({
        where: { type: "TRAINING_INSTITUTION", name: { equals: cohort.organiser, mode: "insensitive" } },
        select: { id: true },
      })
    : null;
  const saved = await tx.cohort.upsert({
    where: { programme_batch_year: { programme: cohort.programme, batch: cohort.batch, year: cohort.year } },
    create: {
      programme: cohort.programme,
      batch: cohort.batch,
      year: cohort.year,
      organiserId: organiser?.id ?? null,
      organiserName: cohort.organiser || null,
    },
    // an existing cohort keeps its organiser: naming it again only picks it
    update: {},
    select: { id: true },
  });
  return saved.id;
}

export async function createProject({ user }: Actor, input: ProjectInput) {
  const region = await prisma.region.findUnique({
    where: { code: input.regionCode },
    select: { provinceCode: true },
  });
  if (!region) throw new OutOfScopeError("unknown region");
  if (!mayCreateIn(user, input.regionCode, region.provinceCode))
    throw new OutOfScopeError("region outside scope");
  return prisma.$transaction(async (tx) => {
    const { organisationName, cohort, ...data } = input;
    const project = await tx.changeProject.create({
      data: {
        ...data,
        organisationId: await organisationIdFor(tx, input.regionCode, organisationName),
        cohortId: await cohortIdFor(tx, input.kind, cohort),
        leaderId: user.id,
        members: { create: { userId: user.id, name: user.name, roleInTeam: "Project leader" } },
      },
    });
    await logProjectStep(user.id, project.id, "project.created", { title: project.title }, tx);
    return project;
  });
}

/**
 * Updates the project's description, and its coach and mentor when their emails are given;
 * refuses a stale version (someone saved in between).
 */
export async function updateProject(
  { user }: Actor,
  id: string,
  version: number,
  input: Omit<ProjectInput, "regionCode"> & { coachEmail?: string | null; mentorEmail?: string | null },
) {
  if (!(await mayOnProject(user, id, "project:update"))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const current = await tx.changeProject.findUniqueOrThrow({
      where: { id },
      select: { regionCode: true, coachId: true, mentorId: true },
    });
    const { organisationName, coachEmail, mentorEmail, cohort, ...data } = input;
    const coach = await reviewerIdFor(tx, coachEmail, "COACH");
    const mentor = await reviewerIdFor(tx, mentorEmail, "MENTOR");
    const cohortId = await cohortIdFor(tx, input.kind, cohort);
    const { count } = await tx.changeProject.updateMany({
      where: { id, version },
      data: {
        ...data,
        organisationId: await organisationIdFor(tx, current.regionCode, organisationName),
        ...(cohortId !== undefined ? { cohortId } : {}),
        ...(coach !== undefined ? { coachId: coach?.id ?? null } : {}),
        ...(mentor !== undefined ? { mentorId: mentor?.id ?? null } : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new ConflictError("project changed since it was loaded");
    await logProjectStep(user.id, id, "project.updated", undefined, tx);
    // a new coach or mentor gains access to the project: worth its own line in the timeline
    for (const [action, person, previousId] of [
      ["project.coach_assigned", coach, current.coachId],
      ["project.mentor_assigned", mentor, current.mentorId],
    ] as const) {
      if (person && person.id !== previousId)
        await logProjectStep(user.id, id, action, { name: person.name }, tx);
    }
  });
}

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
  await prisma.$transaction(async (tx) => {
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
      user.id,
      projectId,
      "project.milestone_updated",
      { milestoneId, status: input.status ?? null },
      tx,
    );
  });
}

/** The coach or mentor approves a milestone of a training project. */
export async function approveMilestone({ user }: Actor, projectId: string, milestoneId: string) {
  if (!(await mayOnProject(user, projectId, "project:review"))) throw new OutOfScopeError("not allowed");
  await prisma.$transaction(async (tx) => {
    const where = { id: milestoneId, projectId, project: { kind: "TRAINING_CHANGE_PROJECT" as const } };
    // a milestone is approved for what was done: one not started yet has nothing to approve
    const { count } = await tx.milestone.updateMany({
      where: { ...where, status: { not: "NOT_STARTED" } },
      data: { approvedAt: new Date(), approvedById: user.id, version: { increment: 1 } },
    });
    if (count !== 1) {
      if (await tx.milestone.count({ where })) throw new RuleError("milestones.errors.notStarted");
      throw new OutOfScopeError("no such milestone on a training project");
    }
    await logProjectStep(user.id, projectId, "project.milestone_approved", { milestoneId }, tx);
  });
}

export type IndicatorInput = {
  name: string;
  unit: string;
  direction: "UP" | "DOWN";
  baseline?: number;
  baselineYear?: number;
  target?: number;
  targetYear?: number;
};

export async function addIndicator({ user }: Actor, projectId: string, input: IndicatorInput) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const indicator = await prisma.indicator.create({ data: { projectId, ...input } });
  await logProjectStep(user.id, projectId, "project.indicator_added", { name: input.name });
  return indicator;
}

export async function addMeasurement(
  { user }: Actor,
  projectId: string,
  indicatorId: string,
  input: { value: number; measuredAt: Date; periodLabel?: string; source?: string },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  if (!(await prisma.indicator.count({ where: { id: indicatorId, projectId } })))
    throw new OutOfScopeError("no such indicator");
  const measurement = await prisma.measurement.create({
    data: {
      indicatorId,
      value: input.value,
      measuredAt: input.measuredAt,
      periodLabel: input.periodLabel || null,
      source: input.source || null,
    },
  });
  await logProjectStep(user.id, projectId, "project.measurement_added", { indicatorId, value: input.value });
  return measurement;
}

/** The regions whose launch events a project of `regionCode` may join: its own and its province's. */
async function launchEventRegionsFor(regionCode: string) {
  const region = await prisma.region.findUnique({
    where: { code: regionCode },
    select: { provinceCode: true },
  });
  return region?.provinceCode ? [regionCode, region.provinceCode] : [regionCode];
}

/** How far back a launch event is still offered to projects that launch late. */
export const RECENT_LAUNCH_DAYS = 90;

/**
 * The launch events the person may launch this project at: its region's and its province's,
 * upcoming or held in the last RECENT_LAUNCH_DAYS, soonest first; none unless the project is
 * piloting and the person has the launch right.
 */
export async function listLaunchEventsForProject({ user }: Actor, projectId: string, now = new Date()) {
  const project = await prisma.changeProject.findUnique({
    where: { id: projectId },
    select: { regionCode: true, status: true },
  });
  // only a project about to launch needs them
  if (project?.status !== "PILOTING" || !(await mayOnProject(user, projectId, "project:launch"))) return [];
  return prisma.launchEvent.findMany({
    where: {
      regionCode: { in: await launchEventRegionsFor(project.regionCode) },
      date: { gte: new Date(now.getTime() - RECENT_LAUNCH_DAYS * 86_400_000) },
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      date: true,
      place: true,
      launchedBy: true,
      region: { select: { name: true } },
      _count: { select: { projects: true } },
    },
  });
}

export type TransitionResult =
  | { ok: true }
  | { ok: false; reason: "not-a-move" | "not-allowed" | "incomplete"; missing: string[] };

/** Moves the launch status if the move exists, the person may make it and nothing is missing. */
export async function transitionProject(
  { user }: Actor,
  projectId: string,
  to: ProjectStatus,
  input: {
    launchEvent?: { title: string; date: Date; place?: string; launchedBy?: string };
    launchEventId?: string;
    stopReason?: string;
  } = {},
): Promise<TransitionResult> {
  const project = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId }, scopeFor(user, "project:read")] },
    include: {
      milestones: { select: { horizon: true, status: true } },
      checkIns: { select: { createdAt: true } },
      _count: { select: { members: true, indicators: true } },
    },
  });
  if (!project) throw new OutOfScopeError("not allowed");
  // several projects can share one launch event of their region or of its province
  const existingEvent = input.launchEventId
    ? await prisma.launchEvent.findFirst({
        where: {
          id: input.launchEventId,
          regionCode: { in: await launchEventRegionsFor(project.regionCode) },
        },
      })
    : null;
  // an event that was picked but is not one the project may join launches nothing (never a new one)
  const launchEvent = existingEvent
    ? {
        title: existingEvent.title,
        date: existingEvent.date,
        place: existingEvent.place ?? undefined,
        launchedBy: existingEvent.launchedBy ?? undefined,
      }
    : input.launchEventId
      ? null
      : (input.launchEvent ?? null);
  const permitted = new Map<Action, boolean>();
  for (const action of ["project:update", "project:review", "project:launch"] as const)
    permitted.set(action, await mayOnProject(user, projectId, action));
  const check = checkTransition(
    project.status,
    to,
    (action) => permitted.get(action) ?? false,
    {
      kind: project.kind,
      problem: project.problem,
      teamSize: project._count.members,
      milestones: project.milestones,
      indicatorCount: project._count.indicators,
      launchedAt: project.launchedAt,
      checkIns: project.checkIns,
    },
    { launchEvent, stopReason: input.stopReason },
  );
  if (!check.ok) return check;
  await prisma.$transaction(async (tx) => {
    let launchEventId: string | null = null;
    if (to === "LAUNCHED" && launchEvent) {
      launchEventId =
        existingEvent?.id ??
        (await tx.launchEvent.create({ data: { ...launchEvent, regionCode: project.regionCode } })).id;
    }
    // only from the status that was checked: two moves at once, one wins, the other is told
    const { count } = await tx.changeProject.updateMany({
      where: { id: projectId, status: project.status },
      data: {
        status: to,
        version: { increment: 1 },
        ...(to === "APPROVED" ? { approvedAt: new Date(), approvedById: user.id } : {}),
        ...(to === "LAUNCHED" ? { launchEventId, launchedAt: launchEvent?.date ?? new Date() } : {}),
        ...(to === "STOPPED" ? { stopReason: input.stopReason?.trim() } : {}),
      },
    });
    if (count !== 1) throw new ConflictError("project status changed since it was checked");
    await logProjectStep(user.id, projectId, "project.status_changed", { from: project.status, to }, tx);
  });
  return { ok: true };
}

export async function addCheckIn(
  { user }: Actor,
  projectId: string,
  input: { status: string; note: string },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const checkIn = await prisma.checkIn.create({ data: { projectId, authorId: user.id, ...input } });
  await logProjectStep(user.id, projectId, "project.check_in");
  return checkIn;
}

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

export async function listProjectTimeline(projectId: string) {
  return prisma.activityLog.findMany({
    where: { subjectType: "ChangeProject", subjectId: projectId },
    orderBy: { createdAt: "asc" },
    include: { actor: { select: { name: true } } },
  });
}

/** An indicator's unit, direction, baseline and target: what is needed to read its values. */
export const indicatorTargetSelect = {
  unit: true,
  direction: true,
  baseline: true,
  baselineYear: true,
  target: true,
  targetYear: true,
} satisfies Prisma.IndicatorSelect;

/** Only an indicator's latest measurement. */
export const latestMeasurementSelect = {
  select: { value: true, measuredAt: true, periodLabel: true },
  orderBy: { measuredAt: "desc" },
  take: 1,
} satisfies Prisma.Indicator$measurementsArgs;

/** What public pages show of an indicator: its values over time, never who entered them. */
export const publicIndicatorSelect = {
  select: {
    id: true,
    name: true,
    ...indicatorTargetSelect,
    measurements: {
      select: { value: true, measuredAt: true, periodLabel: true, source: true },
      orderBy: { measuredAt: "asc" },
    },
  },
} satisfies Prisma.ChangeProject$indicatorsArgs;

/** Projects with a public follow-up page: launched, or stopped after their launch. */
export const PUBLIC_PROJECT_WHERE: Prisma.ChangeProjectWhereInput = {
  OR: [{ status: { in: LAUNCHED_STATUSES } }, { status: "STOPPED", launchedAt: { not: null } }],
};

/**
 * The public follow-up page of a launched project: no drafts, no comments, no contacts. A project
 * stopped after its launch keeps its page, saying that it stopped and why: the public was promised
 * it would not be "stopped halfway", so a stop is what they most need to see.
 */
export async function getPublicProject(id: string) {
  const project = await prisma.changeProject.findFirst({
    where: { AND: [{ id }, PUBLIC_PROJECT_WHERE] },
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      stopReason: true,
      coverImage: true,
      problem: true,
      objectives: true,
      benefits: true,
      launchedAt: true,
      region: { select: { code: true, name: true, timeZone: true } },
      organisation: { select: { name: true } },
      launchEvent: { select: { title: true, date: true, place: true, launchedBy: true } },
      milestones: {
        select: { id: true, title: true, horizon: true, status: true, dueDate: true },
        orderBy: [{ horizon: "asc" }, { dueDate: "asc" }],
      },
      indicators: publicIndicatorSelect,
      checkIns: { select: { status: true, note: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  return project && { ...project, indicators: project.indicators.map(plainIndicator) };
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
  const file = await storeEvidence(bytes, check.ext);
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

// ── cover image ──

/** The result of an upload: the stored name, or the i18n key of why the file was refused. */
export type UploadResult = { ok: true; file: string } | { ok: false; error: string };

/**
 * Sets the project's cover image: an image (JPEG, PNG or WebP, read from its bytes) within the
 * evidence size limit, kept in the evidence storage. Written first, then recorded with the
 * version check; if recording fails the new file is removed, and the replaced one only after.
 */
export async function setProjectCover(
  { user }: Actor,
  projectId: string,
  version: number,
  bytes: Uint8Array,
): Promise<UploadResult> {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const check = await checkEvidence(bytes);
  if (!check.ok) return check;
  if (!check.mime.startsWith("image/")) return { ok: false, error: "evidence.notAnImage" };
  const file = await storeEvidence(bytes, check.ext);
  let previous: string | null;
  try {
    previous = await prisma.$transaction(async (tx) => {
      const current = await tx.changeProject.findUniqueOrThrow({
        where: { id: projectId },
        select: { coverImage: true },
      });
      const { count } = await tx.changeProject.updateMany({
        where: { id: projectId, version },
        data: { coverImage: file, version: { increment: 1 } },
      });
      if (count !== 1) throw new ConflictError("project changed since it was loaded");
      await logProjectStep(user.id, projectId, "project.cover_set", undefined, tx);
      return current.coverImage;
    });
  } catch (error) {
    await deleteEvidence(file);
    throw error;
  }
  if (previous) await deleteEvidence(previous);
  return { ok: true, file };
}

/** Removes the project's cover image, and its file. */
export async function removeProjectCover({ user }: Actor, projectId: string, version: number) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const previous = await prisma.$transaction(async (tx) => {
    const current = await tx.changeProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { coverImage: true },
    });
    const { count } = await tx.changeProject.updateMany({
      where: { id: projectId, version },
      data: { coverImage: null, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("project changed since it was loaded");
    if (current.coverImage) await logProjectStep(user.id, projectId, "project.cover_removed", undefined, tx);
    return current.coverImage;
  });
  if (previous) await deleteEvidence(previous);
}

/**
 * The stored name of a project's cover image, for serving it: anyone may see the cover of a
 * project with a public page; otherwise only people who may read the project.
 */
export async function findProjectCover(user: CurrentUser | null, projectId: string) {
  const select = { coverImage: true } as const;
  const open = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId }, PUBLIC_PROJECT_WHERE] },
    select,
  });
  if (open) return open.coverImage;
  if (!user || grantsFor(user.memberships, "project:read").length === 0) return null;
  const scoped = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId }, scopeFor(user, "project:read")] },
    select,
  });
  return scoped?.coverImage ?? null;
}
