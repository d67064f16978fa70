// The form that records by hand whether a past session was held and who attended. One schema for
// the browser and the server; messages are i18n keys.
import { z } from "zod";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

export const RECORD_OUTCOMES = ["HELD", "NOT_HELD"] as const;

/** Guests named by hand: one a line, at most this many, each at most GUEST_NAME_MAX characters. */
export const GUESTS_MAX = 50;
export const GUEST_NAME_MAX = 120;

/** "user:<id>" for a person with an account, "member:<id>" for a working-group member without one. */
const attendeeKey = z.string().regex(/^(user|member):[A-Za-z0-9_-]{1,40}$/, "errors.choice");

/**
 * `startsAt` is the session's start: a session that has not started yet cannot be recorded (held
 * or not), the error sits next to the outcome. Not held needs a reason and has no attendees.
 */
export function sessionRecordSchema({ startsAt, now = new Date() }: { startsAt: Date | string; now?: Date }) {
  return z
    .object({
      intent: z.literal("record"),
      outcome: z.enum(RECORD_OUTCOMES, { errorMap: () => ({ message: "errors.choice" }) }),
      reason: z.string().trim().max(500, "errors.tooLong").optional(),
      attendees: z.array(attendeeKey).max(500, "errors.tooLong").default([]),
      guests: z
        .string()
        .max(GUESTS_MAX * (GUEST_NAME_MAX + 2), "errors.tooLong")
        .optional()
        .transform((v) => [
          ...new Set(
            (v ?? "")
              .split(/\r?\n/)
              // control characters never belong in a name
              .map((line) => line.replace(CONTROL, " ").replace(/\s+/g, " ").trim())
              .filter(Boolean),
          ),
        ])
        .refine((names) => names.length <= GUESTS_MAX, "sessionRecord.errors.tooManyGuests")
        .refine((names) => names.every((n) => n.length <= GUEST_NAME_MAX), "errors.tooLong")
        .refine((names) => names.every((n) => /\p{L}/u.test(n)), "sessionRecord.errors.guestName"),
    })
    .superRefine((value, ctx) => {
      if (new Date(startsAt).getTime() > now.getTime())
        ctx.addIssue({ code: "custom", path: ["outcome"], message: "sessionRecord.errors.future" });
      if (value.outcome === "NOT_HELD" && !value.reason)
        ctx.addIssue({ code: "custom", path: ["reason"], message: "sessionRecord.errors.reasonRequired" });
      if (value.outcome === "NOT_HELD" && (value.attendees.length > 0 || value.guests.length > 0))
        ctx.addIssue({
          code: "custom",
          path: ["attendees"],
          message: "sessionRecord.errors.notHeldAttendees",
        });
    });
}

export type SessionRecordInput = z.infer<ReturnType<typeof sessionRecordSchema>>;
