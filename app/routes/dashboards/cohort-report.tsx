// A cohort's printable report for a period: every project the person may see with its launch
// status and check-ins, and the milestones done and check-ins made within the period.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { ReportPeriodForm } from "~/components/report-period";
import { getCohortReport } from "~/modules/dashboards/cohort.server";
import { parsePeriod, viewerZone } from "~/modules/dashboards/periods.server";
import { refuseOutOfScope } from "~/modules/dashboards/scope.server";
import { formatDay } from "~/utils/format";
import { formatPercent } from "~/utils/numbers";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.report.cohort.programme.replace("_", " ")} ${data.report.cohort.batch} · Laporan · Lintas`
      : "Lintas",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dashboard:read");
  const period = parsePeriod(new URL(request.url).searchParams, viewerZone(user));
  const cohortId = requireParam(params, "cohortId");
  const report = await getCohortReport(user, cohortId, period).catch(refuseOutOfScope);
  invariantResponse(report, "Not found", { status: 404 });
  return { report, fromDay: period.fromDay, toDay: period.toDay };
}

export default function CohortReport() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { report: r, fromDay, toDay } = useLoaderData<typeof loader>();
  const zone = abbreviationForIanaZone(r.zone) ?? r.zone;
  const name = `${t(`cohorts.programme.${r.cohort.programme}`)} ${r.cohort.batch} (${r.cohort.year})`;
  const lastDay = new Date(new Date(r.period.to).getTime() - 1);
  const inPeriod = new Map(r.inPeriod.map((p) => [p.id, p]));
  return (
    <main className="report">
      <p className="muted actions">
        <Link to={`/dasbor/angkatan/${r.cohort.id}`}>{t("dashboards.cohortLink")}</Link>
      </p>
      <h1>{t("reports.cohortTitle", { name })}</h1>
      {r.cohort.organiser ? <p>{r.cohort.organiser}</p> : null}
      <p>
        {t("reports.period")}: {formatDay(r.period.from, lng, r.zone)} – {formatDay(lastDay, lng, r.zone)} (
        {zone})
      </p>
      <ReportPeriodForm fromDay={fromDay} toDay={toDay} />
      <ul className="stat-list">
        <li>
          <strong>{r.projects.length}</strong> {t("dashboards.projects")}
        </li>
        <li>
          <strong>{r.launchedInPeriod}</strong> {t("reports.projectsLaunched")}
        </li>
      </ul>
      <section>
        <table>
          <caption>{t("dashboards.cohortTable", { count: r.projects.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("projects.fields.title")}</th>
              <th scope="col">{t("projects.fields.region")}</th>
              <th scope="col">{t("projects.launchStatus")}</th>
              <th scope="col">{t("dashboards.milestoneCompletion")}</th>
              <th scope="col">{t("reports.milestonesDone")}</th>
              <th scope="col">{t("reports.checkIns")}</th>
              <th scope="col">{t("dashboards.checkInsAfterLaunch")}</th>
            </tr>
          </thead>
          <tbody>
            {r.projects.map((p) => (
              <tr key={p.id}>
                <td>{p.acronym ? `${p.acronym}: ${p.title}` : p.title}</td>
                <td>{p.region.name}</td>
                <td>
                  {t(`projects.status.${p.status}`)}
                  {p.launchedAt ? ` · ${formatDay(p.launchedAt, lng, r.zone)}` : ""}
                </td>
                <td>
                  {p.completion === null
                    ? "—"
                    : formatPercent(p.completion, lng, { maximumFractionDigits: 1 })}
                </td>
                <td>{inPeriod.get(p.id)?.milestonesDone ?? 0}</td>
                <td>{inPeriod.get(p.id)?.checkIns ?? 0}</td>
                <td>
                  {([3, 6, 12] as const)
                    .map((m) => `${m}: ${t(`dashboards.checkIn_${p.checkIns[m]}`)}`)
                    .join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
