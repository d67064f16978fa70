// One zod schema per form of a pairing's replication record. Messages are i18n keys.
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
/** "1,22" (Indonesian) or "1.22": one decimal separator, no thousands separators */
const number = z.preprocess(
  (v) => (typeof v === "string" && /^-?\d+,\d+$/.test(v.trim()) ? v.trim().replace(",", ".") : v),
  z.coerce
    .number({ invalid_type_error: "errors.number", required_error: "errors.required" })
    .finite("errors.number")
    .min(-1e9, "errors.number")
    .max(1e9, "errors.number"),
);
const year = z.coerce
  .number({ invalid_type_error: "errors.year", required_error: "errors.required" })
  .int("errors.year")
  .min(1990, "errors.year")
  .max(2100, "errors.year");

export const ADOPTION_KINDS = ["ADOPTED", "ADAPTED", "DROPPED"] as const;

export const replicationItemSchema = z.object({
  intent: z.literal("replication-item"),
  kind: z.enum(ADOPTION_KINDS, { errorMap: () => ({ message: "errors.choice" }) }),
  what: required(300),
  why: text(1000),
});

export const replicationResultSchema = z
  .object({
    intent: z.literal("replication-result"),
    indicator: required(200),
    unit: required(40),
    direction: z.enum(["UP", "DOWN"], { errorMap: () => ({ message: "errors.choice" }) }),
    before: number,
    beforeYear: year,
    after: number.optional(),
    afterYear: year.optional(),
    source: text(300),
  })
  .refine((v) => (v.after === undefined) === (v.afterYear === undefined), {
    path: ["afterYear"],
    message: "replication.errors.afterPair",
  })
  .refine((v) => v.afterYear === undefined || v.afterYear >= v.beforeYear, {
    path: ["afterYear"],
    message: "replication.errors.afterBeforeBefore",
  });

export const replicationSummarySchema = z.object({
  intent: z.literal("replication-summary"),
  summary: text(5000),
  replicatedAt: z.coerce
    .date({ errorMap: () => ({ message: "errors.date" }) })
    .min(new Date("1990-01-01"), "errors.date")
    .max(new Date("2100-01-01"), "errors.date")
    .optional(),
});

export const replicationRemoveSchema = z.object({
  intent: z.enum(["replication-item-remove", "replication-result-remove"]),
  id: required(40),
});
