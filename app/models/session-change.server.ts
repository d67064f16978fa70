// Invitees hear of a moved or cancelled session, and people just invited hear of the session: a
// notification in the app and an email through the outbox, in each person's language and time
// zone, written in the same transaction as the change (a change that rolls back tells no one).
// The person who made the change is not told. The email carries the session's calendar file (same
// UID, the current SEQUENCE; METHOD:CANCEL for a cancellation, REQUEST otherwise), so a mail client
// adds, updates or removes the event in the person's calendar.
import { sessionIcs, sessionIcsMethod } from "~/calendar/ics.server";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.server";
import { fixedT } from "~/i18n/translate";
import { queueEmail } from "~/models/outbox.server";
import { formatInstant } from "~/utils/dates";
import { recipientSelect } from "~/models/user.server";

export type SessionChange = "moved" | "cancelled" | "invited";

export async function notifyInviteesOfChange(
  tx: Prisma.TransactionClient,
  sessionId: string,
  change: SessionChange,
  actorId: string,
  /** Only these invitees (the people just invited); all of them when absent. */
  onlyUserIds?: string[],
) {
  const session = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      uid: true,
      sequence: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      timeZone: true,
      status: true,
      updatedAt: true,
      cancelReason: true,
      pairing: { select: { topic: true } },
      agenda: { select: { title: true, presenter: true }, orderBy: { position: "asc" } },
      invitees: {
        where: {
          AND: [{ userId: { not: actorId } }, ...(onlyUserIds ? [{ userId: { in: onlyUserIds } }] : [])],
          user: { deactivatedAt: null },
        },
        select: {
          user: { select: recipientSelect },
        },
      },
    },
  });
  const link = `${env.APP_URL}/sesi/${session.id}`;
  for (const { user } of session.invitees) {
    const t = fixedT(user.locale);
    const zone = user.timeZone ?? user.region?.timeZone ?? session.timeZone;
    const values = {
      name: user.name,
      title: session.title,
      when: formatInstant(session.startsAt, zone, user.locale === "en" ? "en" : "id"),
      reason: session.cancelReason ?? "—",
      link,
      calendar: `${link}/kalender.ics`,
    };
    await queueEmail(
      {
        to: user.email,
        subject: t(`sessionChange.${change}Subject`, values),
        text: t(`sessionChange.${change}Body`, values),
        calendar: {
          method: sessionIcsMethod(session),
          content: sessionIcs(session, {
            organizer: env.MAIL_FROM,
            attendee: { name: user.name, email: user.email },
          }),
        },
      },
      tx,
    );
    await tx.notification.create({
      data: {
        userId: user.id,
        kind: `session-change-${change}`,
        title: t(`sessionChange.${change}Notification`, values),
        link: `/sesi/${session.id}`,
      },
    });
  }
  return session.invitees.length;
}
