// The forms of a time poll (/pasangan/:pairingId/pilih-waktu and the personal link): opening it,
// answering it, picking a slot. Messages are i18n keys. The series fields (title, zone, length,
// count, interval) are the series form's own (session-series-schemas.ts).
import { z } from "zod";
import { seriesSchema } from "~/modules/sessions/session-series-schemas";

export const POLL_CHOICES = ["YES", "IF_NEED_BE", "NO"] as const;
export type PollChoice = (typeof POLL_CHOICES)[number];

/** How many candidate slots a poll may offer (the form shows this many inputs without JavaScript). */
export const MAX_SLOTS = 6;

const cuid = z.string().max(40);

const wallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.date");

export const openPollSchema = seriesSchema
  .pick({ title: true, timeZone: true, durationMinutes: true, count: true, intervalWeeks: true })
  .extend({
    // empty inputs are slots not offered; at least two are needed for a choice
    slot: z
      .array(z.string().trim().optional())
      .max(MAX_SLOTS, "errors.tooLong")
      .optional()
      .transform((slots) => (slots ?? []).filter((s): s is string => Boolean(s)))
      .pipe(
        z
          .array(wallClock)
          .min(2, "timePoll.errors.twoSlots")
          .refine((slots) => new Set(slots).size === slots.length, "timePoll.errors.sameSlot"),
      ),
    /** guest.<participantId>: the email to ask a participant without an account at (empty: not asked) */
    guest: z
      .record(
        cuid,
        // an empty input is nobody asked (conform does not empty the values of a record for us)
        z.preprocess(
          (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
          z.string().trim().toLowerCase().max(254, "errors.tooLong").email("errors.email").optional(),
        ),
      )
      .optional(),
  });

export type OpenPollValues = z.output<typeof openPollSchema>;

/** One answer per slot, sent as answer.<slotId> = YES | IF_NEED_BE | NO. */
export const answerSchema = z.object({
  answer: z.record(cuid, z.enum(POLL_CHOICES, { errorMap: () => ({ message: "errors.choice" }) })),
});

export const pickSchema = z.object({ slotId: cuid });
