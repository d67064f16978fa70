// What each kind of job does, and which jobs recur (docs/decisions/0017).
import { database } from "~/db.server";
import { analyzeStaleTables } from "~/db/statistics.server";
import { env } from "~/env.server";
import { purgeJobs } from "~/jobs/queue.server";
import type { JobHandler, RecurringJob } from "~/jobs/worker.server";
import { flagDueCheckIns } from "~/modules/projects/check-in-due.server";
import { deliverPendingEmails } from "~/modules/notifications/outbox.server";
import {
  REMINDER_JOB,
  type ReminderWhich,
  scheduleReminders,
  sendSessionReminder,
} from "~/modules/sessions/reminder.server";
import { WHATSAPP_JOB, deliverWhatsAppMessage } from "~/modules/notifications/whatsapp.server";
import { PASSWORD_RESET_JOB, requestPasswordReset } from "~/modules/accounts/user.server";

export const jobHandlers: Record<string, JobHandler> = {
  "reminders.schedule": (_job, { now }) => scheduleReminders(now),
  [REMINDER_JOB]: (job, { now }) =>
    sendSessionReminder(job.payload as { sessionId: string; sequence: number; which: ReminderWhich }, now),
  "outbox.deliver": () => deliverPendingEmails(),
  [WHATSAPP_JOB]: (job) => deliverWhatsAppMessage(job.payload as { to: string; text: string }),
  [PASSWORD_RESET_JOB]: (job) => requestPasswordReset(String(job.payload.email)),
  "checkins.flag": (_job, { now }) => flagDueCheckIns(now),
  "jobs.purge": (_job, { now }) => purgeJobs(undefined, now),
  "db.analyze": async () => {
    await analyzeStaleTables(database.sql);
  },
};

export function recurringJobs(smtpUrl = env.SMTP_URL, engine = database.sql.kind): RecurringJob[] {
  return [
    { kind: "reminders.schedule", everyMs: 60_000 },
    // without SMTP_URL mail waits on /admin/outbox
    ...(smtpUrl ? [{ kind: "outbox.deliver", everyMs: 30_000 }] : []),
    { kind: "checkins.flag", everyMs: 60 * 60_000 },
    { kind: "jobs.purge", everyMs: 60 * 60_000 },
    // PostgreSQL's autovacuum keeps statistics; the embedded PGlite has none (app/db/statistics.server.ts)
    ...(engine === "pglite" ? [{ kind: "db.analyze", everyMs: 60 * 60_000 }] : []),
  ];
}
