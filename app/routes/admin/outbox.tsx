import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { AdminNav } from "~/components/admin-nav";
import { env } from "~/env.server";
import { listOutbox } from "~/modules/notifications/outbox.server";
import { formatInstant } from "~/utils/format";
import { viewerZone } from "~/utils/time-zones";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "outbox:read");
  return { messages: await listOutbox(), smtp: Boolean(env.SMTP_URL), viewerZone: viewerZone(user) };
}

export default function Outbox() {
  const { t, i18n } = useTranslation();
  const { messages, smtp, viewerZone } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("admin.outbox")}</h1>
      <AdminNav />
      <p className="notice">{smtp ? t("admin.outboxSmtp") : t("admin.outboxNoSmtp")}</p>
      {messages.length === 0 ? <p>{t("admin.outboxEmpty")}</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="card outbox-message">
          <h2>{message.subject}</h2>
          <p className="muted">
            {t("admin.to")}: {message.to} · {t(`admin.outboxStatus.${message.status}`)} ·{" "}
            {formatInstant(message.createdAt, i18n.language, viewerZone)}
          </p>
          {message.icalMethod ? (
            <p>
              <span className="badge">{t(`admin.outboxCalendar.${message.icalMethod}`)}</span>
            </p>
          ) : null}
          <pre>{message.text}</pre>
        </article>
      ))}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
