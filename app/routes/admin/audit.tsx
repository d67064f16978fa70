import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { AdminNav } from "~/components/admin-nav";
import { listActivity } from "~/modules/accounts/activity.server";
import { formatInstant } from "~/utils/format";
import { viewerZone } from "~/utils/time-zones";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "audit:read");
  return { entries: await listActivity(), viewerZone: viewerZone(user) };
}

export default function Audit() {
  const { t, i18n } = useTranslation();
  const { entries, viewerZone } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("admin.audit")}</h1>
      <AdminNav />
      <table>
        <caption>{t("admin.auditCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.when")}</th>
            <th scope="col">{t("admin.who")}</th>
            <th scope="col">{t("admin.what")}</th>
            <th scope="col">{t("admin.subject")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatInstant(entry.createdAt, i18n.language, viewerZone)}</td>
              <td>{entry.actor?.name ?? "—"}</td>
              <td>{t(`activity.${entry.action}`, { defaultValue: entry.action })}</td>
              <td>
                {entry.subjectType} {entry.subjectId.slice(0, 8)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
