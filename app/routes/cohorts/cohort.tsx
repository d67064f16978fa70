import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can, grantsFor } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { StatusBadge } from "~/components/project-status";
import { getCohortOverview } from "~/modules/projects/cohort.server";
import { formatDay } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { AtRiskBadge } from "~/components/risk-reasons";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.cohort.programme.replace("_", " ")} ${data.cohort.batch} (${data.cohort.year}) · Lintas`
      : "Lintas",
  },
];

// public: launched projects of the cohort for everyone; signed-in people also see their scope's drafts
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const overview = await getCohortOverview(
    requireParam(params, "cohortId"),
    user ? { userId: user.id, grants: grantsFor(user.memberships, "project:read") } : undefined,
  );
  invariantResponse(overview, "Not found", { status: 404 });
  return { ...overview, canDashboard: user ? can(user.memberships, "dashboard:read") : false };
}

export default function CohortPage() {
  const { t, i18n } = useTranslation();
  const { cohort, projects, canDashboard } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>
        {t(`cohorts.programme.${cohort.programme}`)} {cohort.batch} ({cohort.year})
      </h1>
      {cohort.organiser ? <p className="muted">{cohort.organiser}</p> : null}
      {canDashboard ? (
        <p>
          <Link to={`/dasbor/angkatan/${cohort.id}`}>{t("dashboards.cohortLink")}</Link>
        </p>
      ) : null}
      <table>
        <caption>{t("cohorts.caption", { count: projects.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("projects.fields.title")}</th>
            <th scope="col">{t("projects.fields.region")}</th>
            <th scope="col">{t("projects.launchStatus")}</th>
            <th scope="col">{t("cohorts.milestonesDone")}</th>
            <th scope="col">{t("cohorts.checkIns")}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/proyek/${p.id}`}>{p.acronym ? `${p.acronym}: ${p.title}` : p.title}</Link>
                {p.organisation ? <div className="muted">{p.organisation.name}</div> : null}
              </td>
              <td>{p.region.name}</td>
              <td>
                <StatusBadge status={p.status} /> <AtRiskBadge reasons={p.riskReasons} />
                {p.launchedAt ? <div className="muted">{formatDay(p.launchedAt, i18n.language)}</div> : null}
              </td>
              <td>
                {p.milestonesDone} / {p.milestonesTotal}
              </td>
              <td>
                {p.checkIns}
                {p.lastCheckIn ? (
                  <div className="muted">{formatDay(p.lastCheckIn, i18n.language)}</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
