// Reminders and invitations by WhatsApp, to people who gave a number, when the operator switched
// the Cloud API on (docs/decisions/0058). Each message is a job keyed by kind, session and person
// (whatsapp:reminder:<session>:<user>), enqueued in the same transaction as the email and the
// notification: a reminder that runs twice, or the day and the 15-minute reminders of one
// session, send one WhatsApp message per person. The job retries a 5xx with backoff; a refusal
// (a number without WhatsApp) is logged and not retried. Off: nothing is enqueued.
import { type JobPayload, enqueueJobs } from "~/jobs/queue.server";
import type { prisma } from "~/db.server";
import { WhatsAppSendError, sendWhatsAppMessage, whatsAppConfig } from "~/whatsapp/cloud-api.server";

export const WHATSAPP_JOB = "whatsapp.send";

export type WhatsAppKind = "reminder" | "invitation";

export type WhatsAppItem = {
  kind: WhatsAppKind;
  sessionId: string;
  userId: string;
  /** E.164 */
  to: string;
  text: string;
};

export function whatsAppKey({
  kind,
  sessionId,
  userId,
}: Pick<WhatsAppItem, "kind" | "sessionId" | "userId">) {
  return `whatsapp:${kind}:${sessionId}:${userId}`;
}

/** Whether messages go out by WhatsApp on this Lintas. */
export function whatsAppEnabled() {
  return whatsAppConfig() !== null;
}

/** Enqueues one job per message not sent before; returns how many were added (0 when off). */
export async function queueWhatsAppMessages(items: WhatsAppItem[], db: Pick<typeof prisma, "job">) {
  if (!whatsAppEnabled() || items.length === 0) return 0;
  return enqueueJobs(
    items.map((item) => ({
      kind: WHATSAPP_JOB,
      key: whatsAppKey(item),
      payload: { to: item.to, text: item.text } satisfies JobPayload,
      maxAttempts: 5,
    })),
    db,
  );
}

export type WhatsAppOutcome = "sent" | "off" | "refused";

/** The job: sends one message; throws (so the job retries) when WhatsApp may answer later. */
export async function deliverWhatsAppMessage(
  payload: { to: string; text: string },
  log: Pick<Console, "warn"> = console,
): Promise<WhatsAppOutcome> {
  const config = whatsAppConfig();
  // switched off after the job was queued: nothing to send
  if (!config) return "off";
  try {
    await sendWhatsAppMessage(config, payload);
    return "sent";
  } catch (error) {
    if (error instanceof WhatsAppSendError && !error.retryable) {
      log.warn(`WhatsApp message to ${payload.to} refused:`, error.message);
      return "refused";
    }
    throw error;
  }
}
