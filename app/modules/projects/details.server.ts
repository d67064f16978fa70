// A project's own description: creating it (in a region the person may create in) and updating
// it, with its organisation, cohort, coach and mentor.
import { ConflictError, OutOfScopeError } from "~/errors";
import { grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ProjectKind, SpmField } from "~/generated/prisma/enums";
import { normaliseCohort } from "~/modules/projects/cohort-import.server";
import type { CohortChoice } from "~/modules/projects/project-schemas";
import { type CurrentUser, normaliseEmail } from "~/modules/accounts/user.server";
import { mayOnProject } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

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
