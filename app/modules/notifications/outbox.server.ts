// Outgoing mail goes through the outbox table. With SMTP_URL it is sent by nodemailer;
// without it, admins read pending messages on /admin/outbox (invitations work offline).
import nodemailer from "nodemailer";
import { prisma } from "~/db.server";
import { env } from "~/env.server";

export type Email = {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar file sent with the mail, so mail clients offer it as an invitation, update or cancellation. */
  calendar?: { method: "REQUEST" | "CANCEL" | "PUBLISH"; content: string };
};

export async function queueEmail(
  { calendar, ...email }: Email,
  db: Pick<typeof prisma, "outboxMessage"> = prisma,
) {
  return db.outboxMessage.create({
    data: { ...email, icalEvent: calendar?.content, icalMethod: calendar?.method },
  });
}

/** The newest messages; the calendar file's text stays in the database, its method says it is there. */
export async function listOutbox({ take = 100 }: { take?: number } = {}) {
  return prisma.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take, omit: { icalEvent: true } });
}

/** Sends due messages by SMTP; returns how many were sent. Does nothing without SMTP_URL. */
export async function deliverPendingEmails(smtpUrl = env.SMTP_URL): Promise<number> {
  if (!smtpUrl) return 0;
  const transport = nodemailer.createTransport(smtpUrl);
  const due = await prisma.outboxMessage.findMany({
    where: { status: "PENDING", sendAfter: { lte: new Date() }, attempts: { lt: 5 } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let sent = 0;
  for (const message of due) {
    // lease the message for 10 minutes, so another process sending at the same time skips it
    // (and a process that dies mid-send leaves it to be sent again later)
    const { count } = await prisma.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING", sendAfter: message.sendAfter },
      data: { sendAfter: new Date(Date.now() + 10 * 60_000) },
    });
    if (count === 0) continue;
    try {
      await transport.sendMail({
        from: env.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        icalEvent: message.icalEvent
          ? { method: message.icalMethod ?? "REQUEST", content: message.icalEvent, filename: "lintas.ics" }
          : undefined,
      });
      await prisma.outboxMessage.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } },
      });
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      await prisma.outboxMessage.update({
        where: { id: message.id },
        data: {
          attempts,
          lastError: String(error).slice(0, 500),
          status: attempts >= 5 ? "FAILED" : "PENDING",
          // back off: 1, 2, 4, 8 minutes
          sendAfter: new Date(Date.now() + 60_000 * 2 ** (attempts - 1)),
        },
      });
    }
  }
  transport.close();
  return sent;
}
