// A region's printable report for a period (from/to, whole days in the viewer's zone): the
// dashboard's figures as they stand, and what happened within the period.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { DataTableView } from "~/components/dashboard-chart";
import { ReportPeriodForm } from "~/components/report-period";
import { getRegionReport } from "~/modules/dashboards/region.server";
import { parsePeriod, viewerZone } from "~/modules/dashboards/periods.server";
import { refuseOutOfScope } from "~/modules/dashboards/scope.server";
import { formatDay, formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";
import { RiskReasonList } from "~/components/risk-reasons";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.region.name} · Laporan · Lintas` : "Lintas" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dashboard:read");
  const period = parsePeriod(new URL(request.url).searchParams, viewerZone(user));
  const code = requireParam(params, "code", "regionCode");
  const report = await getRegionReport(user, code, period).catch(refuseOutOfScope);
  invariantResponse(report, "Not found", { status: 404 });
  return { report, fromDay: period.fromDay, toDay: period.toDay };
}

export default function RegionReport() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { report: r, fromDay, toDay } = useLoaderData<typeof loader>();
  const zone = abbreviationForIanaZone(r.zone) ?? r.zone;
  const lastDay = new Date(new Date(r.period.to).getTime() - 1);
  return (
    <main className="report">
      <p className="muted actions">
        <Link to={`/dasbor/wilayah/${r.region.code}`}>{t("dashboards.regionLink")}</Link>
      </p>
      <h1>{t("reports.regionTitle", { name: r.region.name })}</h1>
      <p>
        {t("reports.period")}: {formatDay(r.period.from, lng, r.zone)} – {formatDay(lastDay, lng, r.zone)} (
        {zone})
      </p>
      <ReportPeriodForm fromDay={fromDay} toDay={toDay} />

      <section>
        <h2>{t("reports.inPeriod")}</h2>
        <DataTableView
          lng={lng}
          caption={t("reports.inPeriod")}
          table={{
            columns: [t("dashboards.item"), t("dashboards.count")],
            rows: [
              [t("reports.projectsLaunched"), r.launched.length],
              [t("reports.milestonesDone"), r.milestonesDone.length],
              [t("reports.checkIns"), r.checkIns],
              [t("reports.sessionsHeld"), r.sessions.length],
              [t("reports.lessonsPublished"), r.lessons.length],
            ],
          }}
        />
        {r.launched.length > 0 ? (
          <>
            <h3>{t("reports.projectsLaunched")}</h3>
            <ul>
              {r.launched.map((p) => (
                <li key={p.id}>
                  {formatDay(p.launchedAt, lng, r.zone)} · {p.acronym ? `${p.acronym}: ` : ""}
                  {p.title} · {t(`projects.status.${p.status}`)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {r.milestonesDone.length > 0 ? (
          <>
            <h3>{t("reports.milestonesDone")}</h3>
            <ul>
              {r.milestonesDone.map((m) => (
                <li key={m.id}>
                  {formatDay(m.completedAt, lng, r.zone)} · {m.project.acronym ?? m.project.title}: {m.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {r.sessions.length > 0 ? (
          <>
            <h3>{t("reports.sessionsHeld")}</h3>
            <ul>
              {r.sessions.map((s) => (
                <li key={s.id}>
                  {formatInstant(s.startsAt, lng, r.zone)} · {s.title} ·{" "}
                  {t("reports.attendances", { count: s._count.attendances })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {r.lessons.length > 0 ? (
          <>
            <h3>{t("reports.lessonsPublished")}</h3>
            <ul>
              {r.lessons.map((l) => (
                <li key={l.slug}>
                  {formatDay(l.publishedAt, lng, r.zone)} · {l.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section>
        <h2>{t("reports.standing")}</h2>
        <DataTableView
          lng={lng}
          caption={t("dashboards.funnel")}
          table={{
            columns: [t("projects.launchStatus"), t("dashboards.inStatus"), t("dashboards.reachedStage")],
            rows: [
              ...r.funnel.map((f) => [t(`projects.status.${f.status}`), f.count, f.reached]),
              [t("projects.status.STOPPED"), r.stopped, null],
            ],
          }}
        />
        <h3>{t("dashboard.atRiskHeading")}</h3>
        {r.atRisk.length === 0 ? <p>{t("dashboards.noneAtRisk")}</p> : null}
        <ul>
          {r.atRisk.map((p) => (
            <li key={p.id}>
              {p.title} · {t(`projects.status.${p.status}`)}
              <RiskReasonList reasons={p.reasons} />
              <RiskReasonList reasons={p.reasons} />
            </li>
          ))}
        </ul>
        <DataTableView
          lng={lng}
          caption={t("dashboards.pairings")}
          table={{
            columns: [
              t("dashboards.topic"),
              t("dashboards.side"),
              t("dashboards.status"),
              t("dashboards.held"),
              t("dashboards.planned"),
            ],
            rows: [
              ...r.mentorPairings.map((p) => [
                `${p.topic} (${p.menteeRegion.name})`,
                t("dashboards.side_mentor"),
                t(`pairings.status.${p.status}`),
                p.held,
                p.planned,
              ]),
              ...r.menteePairings.map((p) => [
                `${p.topic} (${p.mentorRegion.name})`,
                t("dashboards.side_mentee"),
                t(`pairings.status.${p.status}`),
                p.held,
                p.planned,
              ]),
            ],
          }}
        />
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
