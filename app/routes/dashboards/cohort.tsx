// A cohort's dashboard for its coaches, the training institution and the PMU: every project the
// person may see with its launch status, milestone completion and the check-ins 3, 6 and 12
// months after launch, so that "implemented, not stopped halfway" shows a year later.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { HBarChart } from "~/components/dashboard-chart";
import { LaunchEventList } from "~/components/launch-follow-up";
import { AtRiskBadge } from "~/components/risk-reasons";
import { StatusBadge } from "~/components/project-status";
import { getCohortDashboard } from "~/modules/dashboards/cohort.server";
import { refuseOutOfScope } from "~/modules/dashboards/scope.server";
import { listLaunchEvents } from "~/modules/projects/launch-event.server";
import { getProjectsPortfolio, portfolioFilterFrom } from "~/modules/projects/portfolio.server";
import { PortfolioTimeline } from "~/components/portfolio-timeline";
import { formatDay } from "~/utils/format";
import { formatPercent } from "~/utils/numbers";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.cohort.programme.replace("_", " ")} ${data.cohort.batch} (${data.cohort.year}) · Dasbor · Lintas`
      : "Lintas",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dashboard:read");
  const dashboard = await getCohortDashboard(user, requireParam(params, "cohortId")).catch(refuseOutOfScope);
  invariantResponse(dashboard, "Not found", { status: 404 });
  const projectIds = dashboard.projects.map((p) => p.id);
  const [launchEvents, portfolio] = await Promise.all([
    listLaunchEvents({ projectIds }),
    getProjectsPortfolio(projectIds, portfolioFilterFrom(new URL(request.url).searchParams)),
  ]);
  return { ...dashboard, launchEvents, portfolio };
}

const CHECK_IN_SYMBOL = { done: "✓", late: "≈", overdue: "!", due: "…", notLaunched: "—" } as const;

export default function CohortDashboard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const name = `${t(`cohorts.programme.${d.cohort.programme}`)} ${d.cohort.batch} (${d.cohort.year})`;
  return (
    <main>
      <p className="muted">
        <Link to="/dasbor">{t("nav.dashboard")}</Link> › <Link to={`/angkatan/${d.cohort.id}`}>{name}</Link>
      </p>
      <h1>{t("dashboards.cohortHeading", { name })}</h1>
      {d.cohort.organiser ? <p className="muted">{d.cohort.organiser}</p> : null}
      <p>
        <Link to={`/dasbor/angkatan/${d.cohort.id}/laporan`}>{t("reports.cohortLink")}</Link>
      </p>
      <HBarChart
        id="cohort-status"
        title={t("dashboards.byLaunchStatus")}
        csvName={`lintas-angkatan-${d.cohort.batch}-${d.cohort.year}-status`}
        series={[t("dashboards.projects")]}
        rows={Object.entries(d.byStatus).map(([status, count]) => ({
          label: t(`projects.status.${status}`),
          values: [count],
        }))}
      />
      <HBarChart
        id="cohort-checkins"
        title={t("dashboards.checkInsAfterLaunch")}
        csvName={`lintas-angkatan-${d.cohort.batch}-${d.cohort.year}-cek`}
        series={[
          t("dashboards.checkInDone"),
          t("dashboards.checkInLate"),
          t("dashboards.checkInOverdue"),
          t("dashboards.checkInDue"),
        ]}
        rows={d.checkInSummary.map((c) => ({
          label: t("dashboards.monthsAfter", { count: c.months }),
          values: [c.done, c.late, c.overdue, c.due],
        }))}
      />
      <p className="muted">{t("projects.checkInWindow")}</p>
      <table>
        <caption>{t("dashboards.cohortTable", { count: d.projects.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("projects.fields.title")}</th>
            <th scope="col">{t("projects.fields.region")}</th>
            <th scope="col">{t("projects.launchStatus")}</th>
            <th scope="col">{t("dashboards.milestoneCompletion")}</th>
            <th scope="col">{t("dashboards.monthsAfter", { count: 3 })}</th>
            <th scope="col">{t("dashboards.monthsAfter", { count: 6 })}</th>
            <th scope="col">{t("dashboards.monthsAfter", { count: 12 })}</th>
          </tr>
        </thead>
        <tbody>
          {d.projects.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/proyek/${p.id}`}>{p.acronym ? `${p.acronym}: ${p.title}` : p.title}</Link>
                {p.organisation ? <div className="muted">{p.organisation.name}</div> : null}
              </td>
              <td>{p.region.name}</td>
              <td>
                <StatusBadge status={p.status} /> <AtRiskBadge reasons={p.riskReasons} />
                {p.launchedAt ? <div className="muted">{formatDay(p.launchedAt, lng, d.zone)}</div> : null}
              </td>
              <td>
                {p.completion === null ? "—" : formatPercent(p.completion, lng, { maximumFractionDigits: 1 })}
                <div className="muted">
                  {p.milestonesDone} / {p.milestonesTotal}
                </div>
              </td>
              {([3, 6, 12] as const).map((m) => (
                <td key={m}>
                  <span aria-hidden="true">{CHECK_IN_SYMBOL[p.checkIns[m]]} </span>
                  {t(`dashboards.checkIn_${p.checkIns[m]}`)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {d.launchEvents.length > 0 ? (
        <LaunchEventList
          events={d.launchEvents}
          viewerZone={d.zone}
          headingId="launch-events-heading"
          heading={t("launchEvents.cohortHeading")}
        />
      ) : null}
      <PortfolioTimeline portfolio={d.portfolio} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
