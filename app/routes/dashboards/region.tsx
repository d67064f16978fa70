// A region's dashboard for its head, officers and viewers (and the PMU): projects by launch
// status as a funnel, at-risk projects, milestones due this month, indicators toward their
// targets and the region's pairings as mentor and as mentee.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { HBarChart } from "~/components/dashboard-chart";
import { IndicatorChart } from "~/components/indicator-chart";
import { LaunchEventList } from "~/components/launch-follow-up";
import { getRegionDashboard } from "~/modules/dashboards/region.server";
import { refuseOutOfScope } from "~/modules/dashboards/scope.server";
import { listLaunchEvents } from "~/modules/projects/launch-event.server";
import { getRegionPortfolio, portfolioFilterFrom } from "~/modules/projects/portfolio.server";
import { PortfolioTimeline } from "~/components/portfolio-timeline";
import { formatDay, formatNumber } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { RiskReasonList } from "~/components/risk-reasons";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.region.name} · Dasbor · Lintas` : "Lintas" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dashboard:read");
  const code = requireParam(params, "code", "regionCode");
  const dashboard = await getRegionDashboard(user, code).catch(refuseOutOfScope);
  invariantResponse(dashboard, "Not found", { status: 404 });
  // the head of region's "projects I launched": each launch event here and what became of its projects
  const [launchEvents, portfolio] = await Promise.all([
    listLaunchEvents({ regionCode: code }),
    getRegionPortfolio(dashboard.region, portfolioFilterFrom(new URL(request.url).searchParams)),
  ]);
  return { ...dashboard, launchEvents, portfolio };
}

export default function RegionDashboard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const pairings = [
    ...d.mentorPairings.map((p) => ({ ...p, side: "mentor" as const, other: p.menteeRegion })),
    ...d.menteePairings.map((p) => ({ ...p, side: "mentee" as const, other: p.mentorRegion })),
  ];
  return (
    <main>
      <p className="muted">
        <Link to="/dasbor">{t("nav.dashboard")}</Link> ›{" "}
        <Link to={`/wilayah/${d.region.code}`}>{d.region.name}</Link>
      </p>
      <h1>{t("dashboards.regionHeading", { name: d.region.name })}</h1>
      <p>
        <Link to={`/dasbor/wilayah/${d.region.code}/laporan`}>{t("reports.regionLink")}</Link>
        {d.region.kind === "PROVINCE" ? (
          <>
            {" · "}
            <Link to={`/dasbor/provinsi/${d.region.code}`}>{t("dashboards.provinceLink")}</Link>
          </>
        ) : null}
      </p>
      <ul className="stat-list">
        <li>
          <strong>{formatNumber(d.total, lng)}</strong> {t("dashboards.projects")}
        </li>
        <li>
          <strong>{formatNumber(d.atRisk.length, lng)}</strong> {t("dashboard.atRisk")}
        </li>
        <li>
          <strong>{formatNumber(d.stopped, lng)}</strong> {t("dashboards.stopped")}
        </li>
        <li>
          <strong>{formatNumber(d.dueThisMonth.length, lng)}</strong> {t("dashboards.dueThisMonthCount")}
        </li>
      </ul>

      <HBarChart
        id="funnel"
        title={t("dashboards.funnel")}
        csvName={`lintas-${d.region.code}-corong-proyek`}
        funnel
        series={[t("dashboards.reachedStage")]}
        extraColumns={[t("dashboards.inStatus")]}
        summary={t("dashboards.funnelNote", { stopped: d.stopped })}
        rows={d.funnel.map((f) => ({
          label: t(`projects.status.${f.status}`),
          values: [f.reached],
          extra: [f.count],
        }))}
      />

      <LaunchEventList
        events={d.launchEvents}
        viewerZone={d.zone}
        headingId="launch-events-heading"
        heading={t("launchEvents.dashboardHeading")}
      />

      <section aria-labelledby="risk-heading">
        <h2 id="risk-heading">{t("dashboard.atRiskHeading")}</h2>
        {d.atRisk.length === 0 ? <p>{t("dashboards.noneAtRisk")}</p> : null}
        <ul>
          {d.atRisk.map((p) => (
            <li key={p.id}>
              <Link to={`/proyek/${p.id}`}>{p.title}</Link> · {p.region} · {t(`projects.status.${p.status}`)}
              <RiskReasonList reasons={p.reasons} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t("dashboard.dueThisMonth")}</h2>
        {d.dueThisMonth.length === 0 ? <p>{t("dashboards.noneDue")}</p> : null}
        <ul>
          {d.dueThisMonth.map((m) => (
            <li key={m.id}>
              {formatDay(m.dueDate, lng)} ·{" "}
              <Link to={`/proyek/${m.project.id}/tonggak`}>{m.project.acronym ?? m.project.title}</Link>:{" "}
              {m.title}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("dashboards.indicators")}</h2>
        {d.indicators.length === 0 ? <p>{t("dashboards.noData")}</p> : null}
        {d.indicatorCount > d.indicators.length ? (
          <p className="muted">
            {t("dashboards.indicatorsShown", {
              shown: formatNumber(d.indicators.length, lng),
              total: formatNumber(d.indicatorCount, lng),
            })}
          </p>
        ) : null}
        <div className="two-columns">
          {d.indicators.map((indicator) => (
            <div key={indicator.id}>
              {indicator.project ? (
                <p className="muted">
                  <Link to={`/proyek/${indicator.project.id}/indikator`}>
                    {indicator.project.acronym ?? indicator.project.title}
                  </Link>
                </p>
              ) : null}
              <IndicatorChart indicator={indicator} />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="pairings-heading">
        <h2 id="pairings-heading">{t("dashboards.pairings")}</h2>
        {pairings.length === 0 ? (
          <p>{t("dashboards.noData")}</p>
        ) : (
          <HBarChart
            id="region-pairings"
            title={t("dashboards.sessionsByPairing")}
            csvName={`lintas-${d.region.code}-pasangan`}
            series={[t("dashboards.held"), t("dashboards.planned")]}
            extraColumns={[t("dashboards.side"), t("dashboards.status")]}
            rows={pairings.map((p) => ({
              label: `${p.side === "mentor" ? "→" : "←"} ${p.other.name}: ${p.topic}`,
              values: [p.held, p.planned],
              extra: [t(`dashboards.side_${p.side}`), t(`pairings.status.${p.status}`)],
            }))}
          />
        )}
        <ul>
          {pairings.map((p) => (
            <li key={p.id}>
              <Link to={`/pasangan/${p.id}`}>
                {p.side === "mentor"
                  ? t("regions.mentorOf", { name: p.other.name })
                  : t("regions.menteeOf", { name: p.other.name })}
                : {p.topic}
              </Link>{" "}
              · {t(`pairings.status.${p.status}`)}
            </li>
          ))}
        </ul>
      </section>
      <PortfolioTimeline portfolio={d.portfolio} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
