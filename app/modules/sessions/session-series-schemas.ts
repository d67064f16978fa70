// The form that schedules a series of sessions (a pairing's, a project team's or a province's).
// Messages are i18n keys.
import { z } from "zod";

export const SESSION_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;

const id = z.string().max(40);

export const seriesSchema = z.object({
  title: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(200, "errors.tooLong"),
  firstLocal: z
    .string({ required_error: "errors.required" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.date"),
  timeZone: z.enum(SESSION_ZONES, { errorMap: () => ({ message: "errors.choice" }) }),
  durationMinutes: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int("errors.number")
    .min(15, "errors.number")
    .max(600, "errors.number"),
  count: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int("errors.number")
    .min(1, "errors.number")
    .max(52, "errors.number"),
  intervalWeeks: z.coerce
    .number({ invalid_type_error: "errors.number" })
    .int()
    .min(1, "errors.number")
    .max(4, "errors.number"),
  agenda: z.string().max(3000, "errors.tooLong").optional(),
  skip: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .max(60)
    .optional(),
  /** "1" when the invitee boxes were shown: then only the ticked people are invited */
  inviteesChosen: z.literal("1").optional(),
  invitee: z.array(id).max(500).optional(),
});

export type SeriesValues = z.infer<typeof seriesSchema>;

/** One agenda item per line: "Title — Presenter" (the presenter is optional). */
export function parseAgenda(text?: string) {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 30)
    .map((line) => {
      const [title, presenter] = line.split(/\s+[—–-]\s+/, 2);
      return { title: title.slice(0, 200), presenter: presenter?.slice(0, 160) };
    });
}

/** The invitees the form chose: undefined means the host's defaults. */
export function chosenInviteeIds(value: Pick<SeriesValues, "inviteesChosen" | "invitee">) {
  return value.inviteesChosen ? (value.invitee ?? []) : undefined;
}
