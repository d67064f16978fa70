// One zod schema per practice form (curation, publication, a visitor's request to learn),
// shared by browser and server. Messages are i18n keys.
import { z } from "zod";
import { SPM_FIELDS, regionCode } from "~/modules/projects/project-schemas";
import { httpUrl } from "~/utils/url-schema";

export const MATURITIES = ["IDEA", "PILOTED", "IMPLEMENTED", "SUSTAINED", "REPLICATED"] as const;
export const PUBLICATION_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export const INNOVATION_FORMS = ["GOVERNANCE", "PUBLIC_SERVICE", "OTHER"] as const;
export const INNOVATION_TYPES = ["DIGITAL", "NON_DIGITAL"] as const;
export const INNOVATION_INITIATORS = [
  "HEAD_OF_REGION",
  "DPRD_MEMBER",
  "AGENCY",
  "CIVIL_SERVANT",
  "COMMUNITY",
] as const;
export const INNOVATION_STAGES = ["INITIATIVE", "TRIAL", "IMPLEMENTATION"] as const;

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: () => ({ message: "errors.choice" }),
  });
/** http(s) links only: no javascript: or data: on a public page. */
const url = httpUrl.optional();

export const practiceSchema = z.object({
  name: required(200),
  summary: text(1000),
  regionCode,
  organisationName: text(160),
  projectId: text(40),
  sector: text(120),
  spmField: choice(SPM_FIELDS).optional(),
  tags: text(500),
  problem: text(5000),
  solution: text(10000),
  results: text(5000),
  cost: text(2000),
  resources: text(2000),
  maturity: choice(MATURITIES),
  startedYear: z.coerce
    .number({ invalid_type_error: "errors.year" })
    .int("errors.year")
    .min(1990, "errors.year")
    .max(2100, "errors.year")
    .optional(),
  contactName: text(160),
  contactEmail: z.string().trim().max(200, "errors.tooLong").email("errors.email").optional(),
  mediaUrl: url,
  innovationForm: choice(INNOVATION_FORMS).optional(),
  innovationType: choice(INNOVATION_TYPES).optional(),
  innovationInitiator: choice(INNOVATION_INITIATORS).optional(),
  innovationStage: choice(INNOVATION_STAGES).optional(),
  governmentAffair: text(160),
  evidenceUrl: url,
  lessonIds: z.array(z.string().max(40)).max(50).optional(),
  /** the version of the record the form was opened on (updatedAt); a stale form is refused */
  loadedAt: text(40),
});
export type PracticeInput = z.infer<typeof practiceSchema>;

export const practiceStatusSchema = z.object({ status: choice(PUBLICATION_STATUSES) });

/** A visitor without an account asks to learn a practice; a facilitator receives it. */
export const visitorRequestSchema = z.object({
  name: required(160),
  regionCode,
  email: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(200, "errors.tooLong")
    .email("errors.email"),
  need: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(10, "errors.tooShort")
    .max(2000, "errors.tooLong"),
});
export type VisitorRequest = z.infer<typeof visitorRequestSchema>;
