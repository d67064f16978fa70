// A person's private calendar feed (/kalender/<token>.ics): created on request, replaced by a new
// address when it may have leaked (the old one stops at once), or turned off. The token in the
// address is the only permission, because calendar apps cannot sign in.
import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { logActivity } from "~/modules/accounts/activity.server";

export type CalendarFeed = { https: string; webcal: string } | null;

/** The feed's addresses: https for pasting into Google Calendar / Outlook, webcal to open a calendar app. */
export function calendarFeedUrls(token: string, appUrl = env.APP_URL) {
  const https = `${appUrl.replace(/\/+$/, "")}/kalender/${token}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//, "webcal://") };
}

export async function getCalendarFeed(userId: string): Promise<CalendarFeed> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { calendarToken: true } });
  return user?.calendarToken ? calendarFeedUrls(user.calendarToken) : null;
}

/** Creates the address when there is none; an existing one is kept (a second click changes nothing). */
export async function createCalendarFeed(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { calendarToken: true } });
  if (user?.calendarToken) return calendarFeedUrls(user.calendarToken);
  return issueCalendarFeed(userId, "calendar_feed.created");
}

/** A new address; the old one answers 404 from now on. */
export async function replaceCalendarFeed(userId: string) {
  return issueCalendarFeed(userId, "calendar_feed.replaced");
}

async function issueCalendarFeed(userId: string, action: string) {
  const token = await rotateCalendarToken(userId);
  await logActivity({ actorId: userId, action, subjectType: "User", subjectId: userId });
  return calendarFeedUrls(token);
}

/** Turns the feed off: no address works until the person creates a new one. */
export async function revokeCalendarFeed(userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: null } });
  await logActivity({
    actorId: userId,
    action: "calendar_feed.revoked",
    subjectType: "User",
    subjectId: userId,
  });
}

/** Sessions of a person's calendar feed, by their private token. */
export async function listSessionsForCalendarToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await prisma.user.findUnique({
    where: { calendarToken: token },
    select: { id: true, name: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  const sessions = await prisma.session.findMany({
    where: { invitees: { some: { userId: user.id } } },
    orderBy: { startsAt: "desc" },
    take: 500,
    include: {
      pairing: { select: { topic: true } },
      agenda: { orderBy: { position: "asc" } },
      organizer: { select: { name: true, email: true } },
    },
  });
  return { user, sessions };
}

/** A new private calendar-feed token (the old link stops working). */
export async function rotateCalendarToken(userId: string) {
  const token = randomBytes(24).toString("base64url");
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}
