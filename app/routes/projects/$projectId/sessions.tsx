import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { grantsFor } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { HostedSessionList } from "~/components/hosted-session-list";
import { getProjectForUser } from "~/modules/projects/queries.server";
import { listHostedSessions } from "~/modules/sessions/queries.server";
import { mayHostSessions } from "~/modules/sessions/schedule.server";
import { invariantResponse } from "~/utils/invariant";
import type { loader as projectLoader } from "./layout";
import { requireParam } from "~/utils/route-params";

// the project team's own sessions (meetings that belong to no pairing)
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, grants } = await requirePermission(request, "project:read");
  const project = await getProjectForUser({ user, grants }, requireParam(params, "projectId"));
  invariantResponse(project, "Not found", { status: 404 });
  const [sessions, canSchedule] = await Promise.all([
    listHostedSessions(
      { user, grants: grantsFor(user.memberships, "session:read") },
      { projectId: project.id },
    ),
    mayHostSessions(user, { projectId: project.id }),
  ]);
  return { projectId: project.id, sessions, canSchedule };
}

export default function ProjectSessions() {
  const { t } = useTranslation();
  const { projectId, sessions, canSchedule } = useLoaderData<typeof loader>();
  const data = useRouteLoaderData<typeof projectLoader>("routes/projects/$projectId/layout");
  return (
    <section aria-labelledby="project-sessions-heading">
      <h2 id="project-sessions-heading">{t("hostedSessions.projectHeading")}</h2>
      {canSchedule ? (
        <p>
          <Link to={`/proyek/${projectId}/sesi-baru`} className="button">
            {t("hostedSessions.schedule")}
          </Link>
        </p>
      ) : null}
      <HostedSessionList sessions={sessions} viewerZone={data?.viewerZone ?? "Asia/Jakarta"} />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
