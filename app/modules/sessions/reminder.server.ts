// Session reminders, a day and 15 minutes before, by email (outbox) and in the app, to every
// invitee once. A scheduler job enqueues one job per session, kind and SEQUENCE
// (reminder:day:<session>:<sequence>), so a moved session gets new jobs and the old ones find a
// newer sequence and do nothing; a cancelled session gets none. Sending marks the session
// (remindedDayAt / reminded15At) in the same transaction as the mail and notifications, so a
// reminder that runs twice (two workers, a retry) is sent once.
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { fixedT } from "~/i18n/translate";
import { type EnqueueInput, enqueueJobs } from "~/jobs/queue.server";
import { queueEmail } from "~/modules/notifications/outbox.server";
import { formatInstant } from "~/utils/dates";
import { recipientSelect } from "~/modules/accounts/user.server";
import { queueWhatsAppMessages } from "~/modules/notifications/whatsapp.server";
import {
  clocksForSession,
  sessionLinks,
  whatsAppSessionMessage,
  whatsAppShareUrl,
} from "~/modules/sessions/whatsapp-message";

export type ReminderWhich = "day" | "15";

export const REMINDER_OFFSETS_MS: Record<ReminderWhich, number> = {
  day: 24 * 60 * 60_000,
  "15": 15 * 60_000,
};

/** How far ahead the scheduler looks: a little more than a day, so the day-before job exists in time. */
export const REMINDER_HORIZON_MS = 25 * 60 * 60_000;

export const REMINDER_JOB = "reminder.send";

export function reminderKey(which: ReminderWhich, sessionId: string, sequence: number) {
  return `reminder:${which}:${sessionId}:${sequence}`;
}

/**
 * The reminder jobs for sessions starting within the horizon. A session scheduled less than a day
 * ahead gets its day reminder at once (when more than an hour is left), a session less than
 * 15 minutes ahead its 15-minute reminder at once. Returns how many new jobs were added.
 */
export async function scheduleReminders(now = new Date()) {
  const sessions = await prisma.session.findMany({
    where: {
      status: "SCHEDULED",
      startsAt: { gt: now, lte: new Date(now.getTime() + REMINDER_HORIZON_MS) },
    },
    select: { id: true, sequence: true, startsAt: true, remindedDayAt: true, reminded15At: true },
  });
  const jobs: EnqueueInput[] = [];
  for (const session of sessions) {
    const left = session.startsAt.getTime() - now.getTime();
    for (const which of ["day", "15"] as const) {
      if (which === "day" && (session.remindedDayAt || left <= 60 * 60_000)) continue;
      if (which === "15" && session.reminded15At) continue;
      const runAt = new Date(
        Math.max(now.getTime(), session.startsAt.getTime() - REMINDER_OFFSETS_MS[which]),
      );
      jobs.push({
        kind: REMINDER_JOB,
        key: reminderKey(which, session.id, session.sequence),
        payload: { sessionId: session.id, sequence: session.sequence, which },
        runAt,
        maxAttempts: 3,
      });
    }
  }
  return enqueueJobs(jobs);
}

export type ReminderOutcome = "sent" | "already-sent" | "stale" | "cancelled" | "past" | "missing";

/** Sends one reminder to every invitee, once; does nothing for an older sequence or a cancelled session. */
export async function sendSessionReminder(
  { sessionId, sequence, which }: { sessionId: string; sequence: number; which: ReminderWhich },
  now = new Date(),
): Promise<ReminderOutcome> {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      sequence: true,
      status: true,
      startsAt: true,
      durationMinutes: true,
      timeZone: true,
      pairing: {
        select: {
          mentorRegion: { select: { name: true, timeZone: true } },
          menteeRegion: { select: { name: true, timeZone: true } },
        },
      },
      hostRegion: { select: { name: true, timeZone: true } },
      invitees: {
        where: { user: { deactivatedAt: null } },
        select: {
          user: { select: recipientSelect },
        },
      },
    },
  });
  if (!session) return "missing";
  if (session.status === "CANCELLED") return "cancelled";
  if (session.sequence !== sequence) return "stale";
  if (session.status !== "SCHEDULED" || session.startsAt.getTime() <= now.getTime()) return "past";
  const column = which === "day" ? "remindedDayAt" : "reminded15At";
  const link = `${env.APP_URL}/sesi/${session.id}`;
  return prisma.$transaction(async (tx) => {
    // the mark and the messages commit together: a second run finds the mark and sends nothing
    const { count } = await tx.session.updateMany({
      where: { id: session.id, sequence, status: "SCHEDULED", [column]: null },
      data: { [column]: now },
    });
    if (count === 0) return "already-sent" as const;
    for (const { user } of session.invitees) {
      const t = fixedT(user.locale);
      const zone = user.timeZone ?? user.region?.timeZone ?? session.timeZone;
      const when = formatInstant(session.startsAt, zone, user.locale === "en" ? "en" : "id");
      // the day reminder of a session set up less than a day ahead goes out on its own day:
      // "today" or "tomorrow" as the invitee's calendar has it
      const day = which === "day" ? (sameDay(session.startsAt, now, zone) ? "today" : "day") : "soon";
      const subject = t(`reminders.${day}Subject`, { title: session.title });
      // the same message by WhatsApp, and as a link in the email to forward to the pairing's group
      const whatsAppText = whatsAppSessionMessage({
        t,
        language: user.locale === "en" ? "en" : "id",
        session: { ...session, links: sessionLinks(env.APP_URL, session.id) },
        clocks: clocksForSession(session),
        intro: t(`whatsapp.reminder.${day}`),
      });
      await queueEmail(
        {
          to: user.email,
          subject,
          text: [
            t("reminders.body", { name: user.name, title: session.title, when, link }),
            `${t("whatsapp.shareEmail")}\n${whatsAppShareUrl(whatsAppText)}`,
          ].join("\n\n"),
        },
        tx,
      );
      // by WhatsApp too, once per person and session whichever reminder comes first (0058)
      if (user.whatsapp)
        await queueWhatsAppMessages(
          [
            {
              kind: "reminder",
              sessionId: session.id,
              userId: user.id,
              to: user.whatsapp,
              text: whatsAppText,
            },
          ],
          tx,
        );
      await tx.notification.create({
        data: {
          userId: user.id,
          kind: `session-reminder-${which}`,
          title: t(`reminders.${day}Notification`, {
            title: session.title,
            when,
          }),
          link: `/sesi/${session.id}`,
        },
      });
    }
    return "sent" as const;
  });
}

/** Whether two instants fall on the same calendar day in `zone`. */
function sameDay(a: Date, b: Date, zone: string) {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return day.format(a) === day.format(b);
}
