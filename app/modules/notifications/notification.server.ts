// A person's notifications in the app (mentions, check-ins due, session reminders, requests):
// read only by their owner, marked read one by one or all at once.
import { prisma } from "~/db.server";

/** Only links inside Lintas are followed ("/proyek/…"), never another site ("//…", "https:…"). */
export function safeLink(link: string | null) {
  return link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
}

export async function listNotifications(userId: string, take = 100) {
  const notifications = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, link: true, readAt: true, createdAt: true },
  });
  return notifications.map((n) => ({ ...n, link: safeLink(n.link) }));
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
