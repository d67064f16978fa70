// One zod schema per form of a region's agencies (OPD) and working groups (Pokja). Messages are i18n keys.
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();
const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const id = z.string({ required_error: "errors.required" }).min(1).max(40);

/** Kinds offered in the list; any other text is accepted too (a datalist, not a select). */
export const AGENCY_KINDS = [
  "Dinas PUPR",
  "Bappeda",
  "BPKAD",
  "Dinas Kesehatan",
  "DLH",
  "Sekretariat Daerah",
  "Sekretariat DPRD",
  "Dinas Pendidikan",
  "Dinas Sosial",
  "Dinas Perhubungan",
  "Dinas Perumahan dan Kawasan Permukiman",
  "Inspektorat",
  "Kecamatan",
  "Puskesmas",
  "RSUD",
  "Lainnya",
] as const;

export const agencySchema = z.object({
  intent: z.literal("agency"),
  agencyId: z.string().max(40).optional(),
  name: required(200),
  kind: text(120),
});

export const agencyDeleteSchema = z.object({ intent: z.literal("agency-delete"), agencyId: id });

export const groupSchema = z.object({
  intent: z.literal("group"),
  groupId: z.string().max(40).optional(),
  name: required(200),
  topic: text(300),
});

export const groupDeleteSchema = z.object({ intent: z.literal("group-delete"), groupId: id });

/** A member with an account (by email, any region) or a name + position + agency without one. */
export const groupMemberSchema = z
  .object({
    intent: z.literal("group-member"),
    groupId: id,
    email: z.string().trim().email("errors.email").max(254, "errors.tooLong").optional(),
    name: text(200),
    position: text(200),
    organisationId: z.string().max(40).optional(),
    isLead: z
      .enum(["on", "true"])
      .optional()
      .transform((v) => v !== undefined),
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.name)
      ctx.addIssue({ code: "custom", path: ["name"], message: "agencies.emailOrName" });
  });

export const groupMemberRemoveSchema = z.object({
  intent: z.literal("group-member-remove"),
  memberId: id,
});

export const groupLeadSchema = z.object({ intent: z.literal("group-lead"), memberId: id });
