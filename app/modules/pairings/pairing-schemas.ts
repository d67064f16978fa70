import { z } from "zod";
import { regionCode } from "~/modules/projects/project-schemas";
import { safeHref } from "~/utils/url-schema";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const date = z.coerce
  .date({ errorMap: () => ({ message: "errors.date" }) })
  .min(new Date("1990-01-01"), "errors.date")
  .max(new Date("2100-01-01"), "errors.date");

export const PAIRING_STATUSES = [
  "PROPOSED",
  "AGREED",
  "ACTIVE",
  "COMPLETED",
  "REPLICATING",
  "REPLICATED",
  "CANCELLED",
] as const;
export const METHODS = ["PRIVATE_TELECONFERENCE", "SITE_VISIT", "WORKSHOP"] as const;

/** The project choice that makes a new one when a commitment becomes a milestone (see commitments.server.ts). */
export const NEW_PROJECT = "new";
/** Pairings on a page of the list. */
export const PAIRING_PAGE_SIZE = 50;

/** The plan of a pairing: what a new pairing states and the facilitator may later adjust. */
const planFields = {
  topic: required(200),
  sector: text(120),
  supportingProgramme: text(160),
  goals: text(3000),
  method: z.enum(METHODS, { errorMap: () => ({ message: "errors.choice" }) }),
  plannedSessions: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int("errors.number")
    .min(1, "errors.number")
    .max(100, "errors.number")
    .optional(),
  periodStart: date.optional(),
  periodEnd: date.optional(),
  // a link (a WhatsApp group's invitation) or a plain description ("Grup WhatsApp Pokja …"); only
  // an http(s) link is rendered as a link (followUpLink)
  followUpChannel: text(500),
};

const recordId = z.string().trim().max(40, "errors.tooLong").optional();
/** What the pairing builds on, each limited to its side's region (checked by the model). */
const recordFields = {
  mentorProjectId: recordId,
  practiceId: recordId,
  menteeProjectId: recordId,
  mentorGroupId: recordId,
  menteeGroupId: recordId,
};

/** The follow-up channel as a link, when it is an http(s) URL; otherwise it is shown as text. */
export function followUpLink(channel: string | null | undefined) {
  return safeHref(channel);
}
const periodInOrder = (v: { periodStart?: Date; periodEnd?: Date }) =>
  !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart;
const periodError = { path: ["periodEnd"], message: "errors.endBeforeStart" };

export const newPairingSchema = z
  .object({
    mentorRegionCode: regionCode,
    menteeRegionCode: regionCode,
    ...planFields,
    ...recordFields,
    facilitatorOrgName: text(160),
  })
  .refine((v) => v.mentorRegionCode !== v.menteeRegionCode, {
    path: ["menteeRegionCode"],
    message: "pairings.errors.sameRegion",
  })
  .refine(periodInOrder, periodError);

/** The facilitator adjusts a pairing (e.g. a request from the catalogue) before or while it runs. */
export const pairingAdjustSchema = z
  .object({ intent: z.literal("adjust"), ...planFields, ...recordFields })
  .refine(periodInOrder, periodError);

export const pairingTransitionSchema = z.object({
  intent: z.literal("transition"),
  to: z.enum(PAIRING_STATUSES, { errorMap: () => ({ message: "errors.choice" }) }),
  cancelReason: text(1000),
});

export const participantSchema = z.object({
  intent: z.literal("participant"),
  side: z.enum(["MENTOR", "MENTEE"], { errorMap: () => ({ message: "errors.choice" }) }),
  name: required(160),
  position: text(160),
  agency: text(160),
  email: z.string().trim().email("errors.email").max(254).optional(),
  isLead: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export const commitmentSchema = z.object({
  intent: z.literal("commitment"),
  title: required(300),
  side: z.enum(["MENTOR", "MENTEE"], { errorMap: () => ({ message: "errors.choice" }) }),
  owner: text(160),
  dueDate: date.optional(),
});

export const commitmentStatusSchema = z.object({
  intent: z.literal("commitment-status"),
  commitmentId: required(40),
  status: z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE", "LATE", "DROPPED"], {
    errorMap: () => ({ message: "errors.choice" }),
  }),
});

export const commitmentToMilestoneSchema = z.object({
  intent: z.literal("to-milestone"),
  commitmentId: required(40),
  /** one of the mentee region's projects, or "new"; needed while the pairing has no mentee project */
  projectId: z.string().trim().max(40, "errors.tooLong").optional(),
});

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date")
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "errors.date",
  );

/** The report's period (GET form): whole days, either end open. */
export const reportPeriodSchema = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((v) => !v.from || !v.to || v.to >= v.from, { path: ["to"], message: "errors.endBeforeStart" });
