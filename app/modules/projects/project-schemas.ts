// One zod schema per project form, shared by browser and server. Messages are i18n keys.
import { z } from "zod";
import { decimalSchema } from "~/utils/decimal-schema";
import { httpUrl } from "~/utils/url-schema";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const date = z.coerce
  .date({ errorMap: () => ({ message: "errors.date" }) })
  .min(new Date("1990-01-01"), "errors.date")
  .max(new Date("2100-01-01"), "errors.date");
const optionalDate = date.optional();
const year = z.coerce
  .number({ invalid_type_error: "errors.year" })
  .int("errors.year")
  .min(1990, "errors.year")
  .max(2100, "errors.year");
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: () => ({ message: "errors.choice" }),
  });

export const PROJECT_KINDS = [
  "TRAINING_CHANGE_PROJECT",
  "PERFORMANCE_IMPROVEMENT_PLAN",
  "REGIONAL_INNOVATION",
] as const;
export const SPM_FIELDS = [
  "EDUCATION",
  "HEALTH",
  "PUBLIC_WORKS",
  "HOUSING",
  "PUBLIC_ORDER",
  "SOCIAL",
] as const;
export const HORIZONS = ["SHORT", "MEDIUM", "LONG"] as const;
export const WORK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "LATE", "DROPPED"] as const;
export const PROJECT_STATUSES = [
  "DRAFT",
  "PROPOSED",
  "APPROVED",
  "PILOTING",
  "LAUNCHED",
  "IMPLEMENTED",
  "SUSTAINED",
  "STOPPED",
] as const;

const projectFields = {
  title: required(200),
  acronym: text(40),
  kind: choice(PROJECT_KINDS),
  organisationName: text(160),
  sector: text(120),
  spmField: choice(SPM_FIELDS).optional(),
  problem: text(5000),
  evidence: text(5000),
  objectives: text(5000),
  benefits: text(5000),
  locus: text(300),
  startDate: optionalDate,
  endDate: optionalDate,
};

/**
 * A region picked from the list ("74.71 Kota Kendari"), typed as a code or typed as a name
 * ("kendari"). The server turns it into a code with resolveRegionFields (region.server.ts).
 */
export const regionCode = z
  .string({ required_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(200, "errors.tooLong");

const datesInOrder = (v: { startDate?: Date; endDate?: Date }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;

export const TRAINING_PROGRAMMES = ["PKN_I", "PKN_II", "PKA", "PKP"] as const;
/** The cohort menu's value for "a new cohort, named in the fields below". */
export const NEW_COHORT = "new";

/** A training project's cohort: none (empty), an existing one (its id), or a new one named here. */
const cohortFields = {
  cohortId: text(40),
  cohortProgramme: choice(TRAINING_PROGRAMMES).optional(),
  cohortBatch: text(80),
  cohortYear: year.optional(),
  cohortOrganiser: text(160),
};

/** Whether a field came filled in, as typed (before its own check). */
const filled = (value: unknown) =>
  typeof value === "string" ? value.trim() !== "" : value !== undefined && value !== null;

/** The cohort rules across fields, on the values as typed (see crossFieldChecks). */
function checkCohort(v: Record<string, unknown>, ctx: z.RefinementCtx) {
  const cohortId = typeof v.cohortId === "string" ? v.cohortId.trim() : "";
  if (!cohortId) return;
  if (typeof v.kind === "string" && v.kind !== "" && v.kind !== "TRAINING_CHANGE_PROJECT")
    ctx.addIssue({ code: "custom", path: ["cohortId"], message: "errors.cohortTrainingOnly" });
  if (cohortId !== NEW_COHORT) return;
  // a field filled in wrongly has its own message; only an empty one is "required" here
  for (const field of ["cohortProgramme", "cohortBatch", "cohortYear"] as const)
    if (!filled(v[field])) ctx.addIssue({ code: "custom", path: [field], message: "errors.required" });
}

export type CohortChoice =
  | { id: string }
  | { programme: (typeof TRAINING_PROGRAMMES)[number]; batch: string; year: number; organiserName?: string }
  | null;

type CohortValues = {
  cohortId?: string;
  cohortProgramme?: (typeof TRAINING_PROGRAMMES)[number];
  cohortBatch?: string;
  cohortYear?: number;
  cohortOrganiser?: string;
};

/** A valid project form's value with its cohort fields turned into the cohort chosen. */
export function withCohortChoice<T extends CohortValues>(value: T) {
  const { cohortId, cohortProgramme, cohortBatch, cohortYear, cohortOrganiser, ...rest } = value;
  let cohort: CohortChoice = null;
  if (cohortId && cohortId !== NEW_COHORT) cohort = { id: cohortId };
  else if (cohortId && cohortProgramme && cohortBatch && cohortYear)
    cohort = {
      programme: cohortProgramme,
      batch: cohortBatch,
      year: cohortYear,
      organiserName: cohortOrganiser,
    };
  return { ...rest, cohort };
}

/**
 * The checks across fields, reading each field leniently (one that fails its own check counts as
 * empty), joined to a form's object with `.and()`: zod skips an object's refine while any field
 * fails, so the date order was reported only once the title was fixed; this way every error of
 * the form comes back at once.
 */
const crossFieldChecks = z
  .object({
    startDate: optionalDate.catch(undefined),
    endDate: optionalDate.catch(undefined),
    kind: z.unknown(),
    cohortId: z.unknown(),
    cohortProgramme: z.unknown(),
    cohortBatch: z.unknown(),
    cohortYear: z.unknown(),
  })
  .refine(datesInOrder, { path: ["endDate"], message: "errors.endBeforeStart" })
  .superRefine(checkCohort)
  // adds no value of its own: the form's object alone is the result (an intersection merges both)
  .transform(() => ({}));

export const newProjectSchema = z
  .object({ ...projectFields, ...cohortFields, regionCode })
  .and(crossFieldChecks);

/**
 * The edit form's fields, to give the form its values and nothing else: conform flattens its
 * default value on every render, and the whole project (milestones, team, comments) cost ~0.8 ms
 * of server CPU a page view (#20).
 */
export const EDIT_PROJECT_FIELDS = [
  ...(Object.keys(projectFields) as (keyof typeof projectFields)[]),
  ...(Object.keys(cohortFields) as (keyof typeof cohortFields)[]),
  "coachEmail",
  "mentorEmail",
] as const;

const reviewerEmail = z.string().trim().email("errors.email").max(254, "errors.tooLong").optional();

export const editProjectSchema = z
  .object({
    intent: z.literal("edit"),
    version: z.coerce.number().int().min(0),
    ...projectFields,
    ...cohortFields,
    coachEmail: reviewerEmail,
    mentorEmail: reviewerEmail,
  })
  .and(crossFieldChecks);

export const transitionSchema = z.object({
  intent: z.literal("transition"),
  to: choice(PROJECT_STATUSES),
  stopReason: text(1000),
  launchEventId: text(40),
  launchTitle: text(200),
  launchDate: optionalDate,
  launchPlace: text(200),
  launchedBy: text(200),
});

export const checkInSchema = z.object({
  intent: z.literal("check-in"),
  status: choice(["ON_TRACK", "AT_RISK", "BLOCKED"]),
  note: required(3000),
});

export const commentSchema = z.object({ intent: z.literal("comment"), body: required(3000) });

export const memberSchema = z.object({
  intent: z.literal("member"),
  name: required(160),
  roleInTeam: text(160),
  email: z.string().trim().email("errors.email").max(254).optional(),
});

export const assignmentSchema = z.object({
  intent: z.literal("assignment"),
  title: required(300),
  ownerId: text(40),
  dueDate: optionalDate,
});

export const assignmentStatusSchema = z.object({
  intent: z.literal("assignment-status"),
  assignmentId: required(40),
  status: choice(WORK_STATUSES),
});

export const stakeholderSchema = z.object({
  intent: z.literal("stakeholder"),
  name: required(160),
  influence: z.coerce
    .number({ invalid_type_error: "errors.scale" })
    .int("errors.scale")
    .min(1, "errors.scale")
    .max(5, "errors.scale"),
  interest: z.coerce
    .number({ invalid_type_error: "errors.scale" })
    .int("errors.scale")
    .min(1, "errors.scale")
    .max(5, "errors.scale"),
  internal: z
    .enum(["true", "false"], { errorMap: () => ({ message: "errors.choice" }) })
    .transform((v) => v === "true"),
  note: text(500),
});

export const milestoneSchema = z.object({
  intent: z.literal("milestone"),
  title: required(300),
  horizon: choice(HORIZONS),
  dueDate: optionalDate,
  status: choice(WORK_STATUSES).default("NOT_STARTED"),
  ownerId: text(40),
  evidenceUrl: httpUrl.optional(),
});

export const milestoneUpdateSchema = z.object({
  intent: z.literal("milestone-update"),
  milestoneId: required(40),
  version: z.coerce.number().int().min(0),
  status: choice(WORK_STATUSES),
  ownerId: text(40),
  evidenceUrl: httpUrl.optional(),
});

export const milestoneApproveSchema = z.object({
  intent: z.literal("milestone-approve"),
  milestoneId: required(40),
});

/** Baseline and target are read the way `language` writes numbers ("1,22" in Indonesian). */
export const indicatorSchema = (language: string) =>
  z
    .object({
      intent: z.literal("indicator"),
      name: required(200),
      unit: required(40),
      direction: choice(["UP", "DOWN"]),
      baseline: decimalSchema(language).optional(),
      baselineYear: year.optional(),
      target: decimalSchema(language).optional(),
      targetYear: year.optional(),
    })
    .refine((v) => !v.baselineYear || !v.targetYear || v.targetYear >= v.baselineYear, {
      path: ["targetYear"],
      message: "errors.targetBeforeBaseline",
    });

export const measurementSchema = (language: string) =>
  z.object({
    intent: z.literal("measurement"),
    indicatorId: required(40),
    value: decimalSchema(language),
    measuredAt: date,
    periodLabel: text(80),
    source: text(200),
  });

export const coverSchema = z.object({
  intent: z.literal("cover"),
  version: z.coerce.number().int().min(0),
});

export const coverRemoveSchema = z.object({
  intent: z.literal("cover-remove"),
  version: z.coerce.number().int().min(0),
});
