// One zod schema per form of a session's agenda and invitees. Messages are i18n keys.
import { z } from "zod";

const required = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

export const agendaAddSchema = z.object({
  intent: z.literal("agenda-add"),
  title: required(200),
  presenter: z.string().trim().max(160, "errors.tooLong").optional(),
});

export const agendaItemSchema = z.object({
  intent: z.enum(["agenda-remove", "agenda-up", "agenda-down"]),
  itemId: required(40),
});

/** Emails separated by commas, spaces or lines, and/or working groups ticked. */
export const inviteSchema = z
  .object({
    intent: z.literal("invite"),
    emails: z
      .string()
      .max(5000, "errors.tooLong")
      .optional()
      .transform((v) => (v ?? "").split(/[\s,;]+/).filter(Boolean))
      .refine((list) => list.every((e) => z.string().email().safeParse(e).success), "errors.email")
      .refine((list) => list.length <= 100, "errors.tooLong"),
    workingGroupIds: z.array(z.string().max(40)).max(20).optional(),
  })
  .refine((v) => v.emails.length > 0 || (v.workingGroupIds?.length ?? 0) > 0, {
    path: ["emails"],
    message: "agenda.errors.nobody",
  });

export const uninviteSchema = z.object({
  intent: z.literal("uninvite"),
  userId: required(40),
});
