import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { MilestoneTimeline } from "~/components/milestone-timeline";
import { getProjectForUser } from "~/modules/projects/queries.server";
import { listProjectTimeline } from "~/modules/projects/timeline.server";
import { formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import type { loader as projectLoader } from "./layout";
import { requireParam } from "~/utils/route-params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, grants } = await requirePermission(request, "project:read");
  const project = await getProjectForUser({ user, grants }, requireParam(params, "projectId"));
  invariantResponse(project, "Not found", { status: 404 });
  return { entries: await listProjectTimeline(project.id) };
}

export default function ProjectTimeline() {
  const { t, i18n } = useTranslation();
  const { entries } = useLoaderData<typeof loader>();
  const data = useRouteLoaderData<typeof projectLoader>("routes/projects/$projectId/layout");
  const zone = data?.viewerZone ?? "Asia/Jakarta";
  return (
    <div>
      {data?.mode === "member" ? <MilestoneTimeline milestones={data.project.milestones} /> : null}
      <h2>{t("projects.activity")}</h2>
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={entry.id}>
            <time dateTime={new Date(entry.createdAt).toISOString()}>
              {formatInstant(entry.createdAt, i18n.language, zone)}
            </time>{" "}
            <strong>{entry.actor?.name ?? "—"}</strong>{" "}
            {t(`activity.${entry.action}`, { defaultValue: entry.action })}
            {entry.data && typeof entry.data === "object" && "to" in entry.data
              ? ` → ${t(`projects.status.${String(entry.data.to)}`)}`
              : ""}
            {entry.data && typeof entry.data === "object" && "title" in entry.data
              ? `: ${String(entry.data.title)}`
              : ""}
            {entry.data && typeof entry.data === "object" && "name" in entry.data
              ? `: ${String(entry.data.name)}`
              : ""}
            {entry.data && typeof entry.data === "object" && "status" in entry.data && entry.data.status
              ? ` → ${t(`projects.workStatus.${String(entry.data.status)}`)}`
              : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
