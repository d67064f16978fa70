// Invitees hear of new sessions, of a moved or cancelled session, and people just invited hear of
// the session: a notification in the app and an email through the outbox, in each person's
// language and time zone (named: WIB, WITA, WIT), written in the same transaction as the change
// (a change that rolls back tells no one). The person who made the change is not told. The email
// carries the calendar file (same UID, the current SEQUENCE; METHOD:REQUEST with the ORGANIZER
// and every invitee as ATTENDEE, METHOD:CANCEL for a cancellation), so a mail client adds,
// updates or removes the event in the person's calendar.
import { type InvitedSession, invitationIcs } from "~/calendar/ics.server";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.server";
import { fixedT } from "~/i18n/translate";
import { queueEmail } from "~/modules/notifications/outbox.server";
import { formatInstant } from "~/utils/dates";
import { recipientSelect } from "~/modules/accounts/user.server";
import { queueWhatsAppMessages } from "~/modules/notifications/whatsapp.server";
import {
  clocksForSession,
  sessionLinks,
  whatsAppSeriesMessage,
  whatsAppSessionMessage,
} from "~/modules/sessions/whatsapp-message";

export type SessionChange = "moved" | "cancelled" | "invited";

const calendarSelect = {
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
  pairing: {
    select: {
      topic: true,
      // the clocks of a WhatsApp invitation (0058)
      mentorRegion: { select: { name: true, timeZone: true } },
      menteeRegion: { select: { name: true, timeZone: true } },
    },
  },
  hostRegion: { select: { name: true, timeZone: true } },
  agenda: { select: { title: true, presenter: true }, orderBy: { position: "asc" } },
  organizer: { select: { name: true, email: true } },
  // every active invitee is an ATTENDEE of the file; only some of them are written to
  invitees: {
    where: { user: { deactivatedAt: null } },
    select: { user: { select: recipientSelect } },
    orderBy: { user: { name: "asc" } },
  },
} satisfies Prisma.SessionSelect;

type Recipient = Prisma.UserGetPayload<{ select: typeof recipientSelect }>;

function invited<S extends Omit<InvitedSession, "attendees"> & { invitees: { user: Recipient }[] }>(
  session: S,
): S & InvitedSession {
  return {
    ...session,
    attendees: session.invitees.map(({ user }) => ({ name: user.name, email: user.email })),
  };
}

function whenFor(user: Recipient, startsAt: Date, sessionZone: string) {
  const zone = user.timeZone ?? user.region?.timeZone ?? sessionZone;
  return formatInstant(startsAt, zone, user.locale === "en" ? "en" : "id");
}

export async function notifyInviteesOfChange(
  tx: Prisma.TransactionClient,
  sessionId: string,
  change: SessionChange,
  actorId: string,
  /** Only these invitees (the people just invited); all of them when absent. */
  onlyUserIds?: string[],
) {
  const session = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: calendarSelect });
  const recipients = session.invitees
    .map((i) => i.user)
    .filter((user) => user.id !== actorId && (!onlyUserIds || onlyUserIds.includes(user.id)));
  const calendar = invitationIcs([invited(session)]);
  const link = `${env.APP_URL}/sesi/${session.id}`;
  for (const user of recipients) {
    const t = fixedT(user.locale);
    const values = {
      name: user.name,
      title: session.title,
      when: whenFor(user, session.startsAt, session.timeZone),
      reason: session.cancelReason ?? "—",
      link,
      calendar: `${link}/kalender.ics`,
    };
    await queueEmail(
      {
        to: user.email,
        subject: t(`sessionChange.${change}Subject`, values),
        text: t(`sessionChange.${change}Body`, values),
        calendar,
      },
      tx,
    );
    if (change === "invited" && user.whatsapp)
      await queueWhatsAppMessages(
        [
          {
            kind: "invitation",
            sessionId: session.id,
            userId: user.id,
            to: user.whatsapp,
            text: whatsAppSessionMessage({
              t,
              language: user.locale === "en" ? "en" : "id",
              session: { ...session, links: sessionLinks(env.APP_URL, session.id) },
              clocks: clocksForSession(session),
              intro: t("whatsapp.invitation"),
            }),
          },
        ],
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
  return recipients.length;
}

/**
 * Invites everyone invited to sessions just scheduled (a series, or one session): one email per
 * person listing every session still ahead in their own zone, with one calendar file (REQUEST)
 * holding all of them, and one notification. Sessions already past (a series recorded after the
 * fact) invite nobody. Returns how many people were invited.
 */
export async function inviteToNewSessions(
  tx: Prisma.TransactionClient,
  sessionIds: string[],
  actorId: string,
  { seriesTitle, now = new Date() }: { seriesTitle: string; now?: Date },
) {
  const sessions = await tx.session.findMany({
    where: { id: { in: sessionIds }, status: "SCHEDULED", startsAt: { gt: now } },
    select: calendarSelect,
    orderBy: { startsAt: "asc" },
  });
  if (sessions.length === 1) return notifyInviteesOfChange(tx, sessions[0].id, "invited", actorId);
  // each person gets the sessions they are invited to (all of them, for a series just made)
  const byPerson = new Map<string, { user: Recipient; sessions: typeof sessions }>();
  for (const session of sessions)
    for (const { user } of session.invitees) {
      if (user.id === actorId) continue;
      const entry = byPerson.get(user.id) ?? { user, sessions: [] };
      entry.sessions.push(session);
      byPerson.set(user.id, entry);
    }
  for (const { user, sessions: theirs } of byPerson.values()) {
    const t = fixedT(user.locale);
    const first = theirs[0];
    const lines = theirs.map((session) =>
      t("sessionChange.seriesLine", {
        when: whenFor(user, session.startsAt, session.timeZone),
        title: session.title,
        link: `${env.APP_URL}/sesi/${session.id}`,
      }),
    );
    const values = {
      name: user.name,
      title: seriesTitle,
      total: theirs.length,
      when: whenFor(user, first.startsAt, first.timeZone),
      sessions: lines.join("\n"),
    };
    await queueEmail(
      {
        to: user.email,
        subject: t("sessionChange.seriesSubject", values),
        text: t("sessionChange.seriesBody", values),
        calendar: invitationIcs(theirs.map(invited), seriesTitle),
      },
      tx,
    );
    if (user.whatsapp)
      await queueWhatsAppMessages(
        [
          {
            kind: "invitation",
            sessionId: first.id,
            userId: user.id,
            to: user.whatsapp,
            text: [
              t("whatsapp.invitation"),
              whatsAppSeriesMessage({
                t,
                language: user.locale === "en" ? "en" : "id",
                title: seriesTitle,
                clocks: clocksForSession(first),
                sessions: theirs.map((session) => ({
                  ...session,
                  links: sessionLinks(env.APP_URL, session.id),
                })),
              }),
            ].join("\n"),
          },
        ],
        tx,
      );
    await tx.notification.create({
      data: {
        userId: user.id,
        kind: "session-change-invited",
        title: t("sessionChange.seriesNotification", values),
        link: `/sesi/${first.id}`,
      },
    });
  }
  return byPerson.size;
}
