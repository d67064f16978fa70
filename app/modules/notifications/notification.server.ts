// A person's notifications in the app (mentions, check-ins due, session reminders, requests):
// read only by their owner, marked read one by one or all at once.
import { prisma } from "~/db.server";

/** Only links inside Lintas are followed ("/proyek/…"), never another site ("//…", "https:…"). */
export function safeLink(link: string | null) {
  return link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
}

const SESSION_LINK = /^\/sesi\/([\w-]{1,40})(?:[/?#]|$)/;

/**
 * The person's notifications, newest first. One about a session carries that session's start and
 * status as they are now, so the page can show the time in the reader's own zone (and a moved or
 * cancelled session as it stands): the title keeps the time written when it was sent.
 */
export async function listNotifications(userId: string, take = 100) {
  const notifications = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, link: true, readAt: true, createdAt: true },
  });
  const sessionIdOf = (link: string | null) => (link ? (SESSION_LINK.exec(link)?.[1] ?? null) : null);
  const sessionIds = [...new Set(notifications.map((n) => sessionIdOf(safeLink(n.link))).filter(Boolean))];
  const sessions =
    sessionIds.length > 0
      ? await prisma.session.findMany({
          where: { id: { in: sessionIds as string[] } },
          select: { id: true, startsAt: true, status: true },
        })
      : [];
  const byId = new Map(sessions.map(({ id, ...session }) => [id, session]));
  return notifications.map((n) => {
    const link = safeLink(n.link);
    const sessionId = sessionIdOf(link);
    return { ...n, link, session: (sessionId && byId.get(sessionId)) || null };
  });
}

/** Marks one of the person's own notifications read; another person's id changes nothing. */
export async function markNotificationRead(userId: string, id: string) {
  const { count } = await prisma.notification.updateMany({
    where: { id, userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

export async function markAllNotificationsRead(userId: string) {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
