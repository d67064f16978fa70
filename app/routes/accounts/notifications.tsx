import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/require-user.server";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "~/modules/notifications/notification.server";
import { titleMeta } from "~/i18n/translate";
import { defineIntent, done, runIntents } from "~/utils/form-action.server";
import { formatInstant } from "~/utils/format";
import { viewerZone } from "~/utils/time-zones";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  return {
    notifications: await listNotifications(user.id),
    // the viewer's own zone, as every page picks it (profile, else region, else WIB)
    timeZone: viewerZone(user),
  };
}

const readSchema = z.object({ id: z.string().trim().min(1).max(40) });
const readAllSchema = z.object({});

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  return runIntents(await request.formData(), {
    read: defineIntent(readSchema, async ({ id }) =>
      done({ ok: true, count: await markNotificationRead(user.id, id) }),
    ),
    "read-all": defineIntent(readAllSchema, async () =>
      done({ ok: true, count: await markAllNotificationsRead(user.id) }),
    ),
  });
}

const KIND_GROUPS = [
  "mention",
  "checkin-due",
  "session-reminder",
  "session-change",
  "pairing-request",
  "lesson-review",
  "project-proposed",
  "milestone-ready",
] as const;

/** "checkin-due-3" and "session-reminder-15" are shown by their family. */
function kindGroup(kind: string) {
  return KIND_GROUPS.find((group) => kind === group || kind.startsWith(`${group}-`)) ?? "other";
}

export default function Notifications() {
  const { t, i18n } = useTranslation();
  const { notifications, timeZone } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <main className="narrow">
      <h1>{t("notifications.title")}</h1>
      <p>{t("notifications.unreadCount", { count: unread })}</p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p>{t("notifications.empty")}</p> : null}
      <ul className="card-list notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? "card" : "card notification-unread"}>
            <p className="muted">
              {n.readAt ? null : <strong className="badge">{t("notifications.unread")}</strong>}{" "}
              {t(`notifications.kind.${kindGroup(n.kind)}`)} ·{" "}
              <time dateTime={new Date(n.createdAt).toISOString()}>
                {formatInstant(n.createdAt, i18n.language, timeZone)}
              </time>
            </p>
            <p>{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</p>
            {n.session ? (
              <p className="muted">
                {n.session.status === "CANCELLED"
                  ? t("notifications.sessionCancelled")
                  : t("notifications.sessionAt", {
                      when: formatInstant(n.session.startsAt, i18n.language, timeZone),
                    })}
              </p>
            ) : null}
            {n.readAt ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="link-button">
                  {t("notifications.markRead")}
                  <span className="visually-hidden">: {n.title}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
