// One zod schema per form of a pairing's replication record. Messages are i18n keys.
import { z } from "zod";
import { decimalSchema } from "~/utils/decimal-schema";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
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

/** Before and after are read the way `language` writes numbers ("1,22" in Indonesian). */
export const replicationResultSchema = (language: string) =>
  z
    .object({
      intent: z.literal("replication-result"),
      indicator: required(200),
      unit: required(40),
      direction: z.enum(["UP", "DOWN"], { errorMap: () => ({ message: "errors.choice" }) }),
      before: decimalSchema(language),
      beforeYear: year,
      after: decimalSchema(language).optional(),
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
