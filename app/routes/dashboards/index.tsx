import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { grantsFor } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { BarChart } from "~/components/bar-chart";
import { HBarChart, StackedColumnChart } from "~/components/dashboard-chart";
import { intlLocale } from "~/i18n/config";
import { getDashboard } from "~/modules/dashboards/overview.server";
import { getPmuDashboard } from "~/modules/dashboards/programme.server";
import { viewerZone } from "~/modules/dashboards/periods.server";
import { followsProgramme, seesEverything } from "~/modules/dashboards/scope.server";
import { env } from "~/env.server";
import { createMemo } from "~/utils/memo.server";
import { formatDay, formatInstant, formatNumber } from "~/utils/format";
import { titleMeta } from "~/i18n/translate";
import { dateTimeFormat } from "~/utils/intl-formats";
import { RiskReasonList } from "~/components/risk-reasons";
import { listNextSteps } from "~/modules/dashboards/next-steps.server";
import { NextSteps } from "~/components/next-steps";
import { regionNames } from "~/modules/regions/region.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "nav.dashboard");

// The programme-wide figures are the same for every PMU member in a zone and cost hundreds of
// milliseconds at national scale: counted at most once a minute (DASHBOARD_CACHE_SECONDS), and the
// page says as of when.
const programmeFigures = createMemo<Awaited<ReturnType<typeof getPmuDashboard>>>({
  ttlMs: env.DASHBOARD_CACHE_SECONDS * 1000,
});
// likewise the overview of someone who sees every project and pairing (narrower scopes count live)
const everythingFigures = createMemo<Awaited<ReturnType<typeof getDashboard>>>({
  ttlMs: env.DASHBOARD_CACHE_SECONDS * 1000,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "app:use");
  // the region and province dashboards the person's memberships open (the PMU reaches any from a region page)
  const opened = grantsFor(user.memberships, "dashboard:read").flatMap((g) =>
    g.regionCode && (g.scope === "region" || g.scope === "province")
      ? [{ code: g.regionCode, province: g.scope === "province" }]
      : [],
  );
  // named as people know them ("Kab. Lahat"), not by code
  const names = await regionNames(opened.map((d) => d.code));
  const dashboards = opened.map((d) => ({ ...d, name: names.get(d.code) ?? d.code }));
  const [{ value: fullDashboard }, programme, nextSteps] = await Promise.all([
    seesEverything(user)
      ? everythingFigures.get("all", () => getDashboard(user))
      : // not `{ value: await … }`: that waited here, before the other two had started
        getDashboard(user).then((value) => ({ value })),
    followsProgramme(user)
      ? programmeFigures.get(viewerZone(user), () => getPmuDashboard(user))
      : { value: null, computedAt: new Date() },
    // what waits for this person (per person, never cached)
    listNextSteps(user),
  ]);
  const pmu = programme.value ? { ...programme.value, computedAt: programme.computedAt } : null;
  // long lists are counted in full and listed in part (the project and pairing lists hold all)
  const { atRisk, needsAttention, ...rest } = fullDashboard;
  const dashboard = {
    ...rest,
    atRisk: atRisk.slice(0, LIST_SHOWN),
    atRiskCount: atRisk.length,
    needsAttention: needsAttention.slice(0, LIST_SHOWN),
    needsAttentionCount: needsAttention.length,
  };
  return {
    user: { name: user.name, roles: user.memberships.map((m) => m.role), region: user.region?.name ?? null },
    dashboard,
    dashboards,
    pmu,
    nextSteps,
  };
}

/** Projects listed as at risk and pairings under "needs attention" (the counts name them all). */
const LIST_SHOWN = 20;

/** "Jun 24" for a month key "2024-06". */
function monthLabel(key: string, lng: string) {
  const [year, month] = key.split("-").map(Number);
  return dateTimeFormat(intlLocale(lng), {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  }).format(Date.UTC(year, month - 1, 1));
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const { user, dashboard, dashboards, pmu, nextSteps } = useLoaderData<typeof loader>();
  const projectsTotal = dashboard.projectsByStatus.reduce((s, r) => s + r.count, 0);
  const pairingsTotal = dashboard.pairingsByStatus.reduce((s, r) => s + r.count, 0);
  return (
    <main>
      <h1>{t("dashboard.greeting", { name: user.name })}</h1>
      <p className="muted">
        {user.roles.map((r) => t(`roles.${r}`)).join(", ")}
        {user.region ? ` · ${user.region}` : ""}
      </p>
      <NextSteps lists={nextSteps.lists} zone={nextSteps.zone} />
      {dashboards.length > 0 ? (
        <p className="dashboard-links">
          {dashboards.map((d) => (
            <span key={d.code}>
              <Link to={`/dasbor/wilayah/${d.code}`}>
                {t("dashboards.regionDashboard", { name: d.name })}
              </Link>
              {d.province ? (
                <>
                  {" · "}
                  <Link to={`/dasbor/provinsi/${d.code}`}>{t("dashboards.provinceLink")}</Link>
                </>
              ) : null}{" "}
            </span>
          ))}
        </p>
      ) : null}
      <ul className="stat-list">
        <li>
          <Link to="/proyek">
            <strong>{projectsTotal}</strong> {t("dashboard.projectsInScope")}
          </Link>
        </li>
        <li>
          <Link to="/proyek?berisiko=1">
            <strong>{formatNumber(dashboard.atRiskCount, i18n.language)}</strong> {t("dashboard.atRisk")}
          </Link>
        </li>
        <li>
          <Link to="/pasangan">
            <strong>{pairingsTotal}</strong> {t("dashboard.pairings")}
          </Link>
        </li>
        <li>
          <strong>
            {dashboard.sessions.held} / {dashboard.sessions.planned}
          </strong>{" "}
          {t("dashboard.sessionsHeld")}
        </li>
        <li>
          <strong>
            {dashboard.commitments.done} / {dashboard.commitments.total}
          </strong>{" "}
          {t("dashboard.commitmentsDone", { overdue: dashboard.commitments.overdue })}
        </li>
      </ul>
      <div className="two-columns">
        {projectsTotal > 0 ? (
          <BarChart
            title={t("dashboard.projectsByStatus")}
            rows={dashboard.projectsByStatus.map((r) => ({
              label: t(`projects.status.${r.status}`),
              value: r.count,
            }))}
          />
        ) : null}
        {pairingsTotal > 0 ? (
          <BarChart
            title={t("dashboard.pairingsByStatus")}
            rows={dashboard.pairingsByStatus.map((r) => ({
              label: t(`pairings.status.${r.status}`),
              value: r.count,
            }))}
          />
        ) : null}
      </div>
      {dashboard.atRisk.length > 0 ? (
        <section aria-labelledby="risk-heading">
          <h2 id="risk-heading">{t("dashboard.atRiskHeading")}</h2>
          {dashboard.atRiskCount > dashboard.atRisk.length ? (
            <p className="muted">
              {t("dashboard.atRiskShown", {
                shown: formatNumber(dashboard.atRisk.length, i18n.language),
                total: formatNumber(dashboard.atRiskCount, i18n.language),
              })}{" "}
              <Link to="/proyek?berisiko=1">{t("dashboard.allAtRisk")}</Link>
            </p>
          ) : null}
          <ul>
            {dashboard.atRisk.map((p) => (
              <li key={p.id}>
                <Link to={`/proyek/${p.id}`}>{p.title}</Link> · {p.region} ·{" "}
                {t(`projects.status.${p.status}`)}
                <RiskReasonList reasons={p.reasons} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dashboard.dueThisMonth.length > 0 ? (
        <section aria-labelledby="due-heading">
          <h2 id="due-heading">{t("dashboard.dueThisMonth")}</h2>
          <ul>
            {dashboard.dueThisMonth.map((m) => (
              <li key={m.id}>
                {formatDay(m.dueDate, i18n.language)} ·{" "}
                <Link to={`/proyek/${m.project.id}/tonggak`}>{m.project.acronym ?? m.project.title}</Link>:{" "}
                {m.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {pmu ? <PmuSection pmu={pmu} /> : null}
      {dashboard.needsAttention.length > 0 ? (
        <section aria-labelledby="attention-heading">
          <h2 id="attention-heading">{t("dashboard.needsAttention")}</h2>
          {dashboard.needsAttentionCount > dashboard.needsAttention.length ? (
            <p className="muted">
              {t("dashboard.attentionShown", {
                shown: formatNumber(dashboard.needsAttention.length, i18n.language),
                total: formatNumber(dashboard.needsAttentionCount, i18n.language),
              })}{" "}
              <Link to="/pasangan">{t("dashboard.allPairings")}</Link>
            </p>
          ) : null}
          <ul>
            {dashboard.needsAttention.map((p) => (
              <li key={p.id}>
                <Link to={`/pasangan/${p.id}`}>{p.topic}</Link> ({p.regions}):{" "}
                {p.reasons.map((r) => t(r)).join("; ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function PmuSection({ pmu }: { pmu: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["pmu"]> }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const c = pmu.commitments;
  // the statuses in their order along the pairing's path, as the model keys each month
  const statuses = Object.keys(
    pmu.pairingsByMonth[0]?.counts ?? {},
  ) as (keyof (typeof pmu.pairingsByMonth)[number]["counts"])[];
  return (
    <section aria-labelledby="pmu-heading">
      <h2 id="pmu-heading">{t("dashboards.pmuHeading")}</h2>
      <p className="muted">
        {t("dashboards.figuresAsOf", { time: formatInstant(pmu.computedAt, lng, pmu.zone) })}
      </p>
      <ul className="stat-list">
        <li>
          <strong>{formatNumber(pmu.results.lessonsPublished, lng)}</strong>{" "}
          {t("dashboards.lessonsPublished")}
        </li>
        <li>
          <strong>{formatNumber(pmu.results.pairingsReplicated, lng)}</strong>{" "}
          {t("dashboards.pairingsReplicated")}
        </li>
        <li>
          <strong>
            {formatNumber(pmu.sessions.held, lng)} / {formatNumber(pmu.sessions.planned, lng)}
          </strong>{" "}
          {t("dashboard.sessionsHeld")}
        </li>
      </ul>
      <StackedColumnChart
        id="pmu-pairings-month"
        title={t("dashboards.pairingsOverTime", { zone: pmu.zone })}
        csvName="lintas-pasangan-per-bulan"
        series={statuses.map((s) => t(`pairings.status.${s}`))}
        categories={pmu.pairingsByMonth.map((m) => ({
          label: monthLabel(m.month, lng),
          values: statuses.map((s) => m.counts[s]),
        }))}
      />
      {pmu.sessions.pairings > pmu.sessions.byPairing.length ? (
        <p className="muted">
          {t("dashboards.furthestBehind", {
            shown: formatNumber(pmu.sessions.byPairing.length, lng),
            total: formatNumber(pmu.sessions.pairings, lng),
          })}{" "}
          <Link to="/pasangan">{t("dashboard.allPairings")}</Link>
        </p>
      ) : null}
      <HBarChart
        id="pmu-sessions"
        title={t("dashboards.sessionsHeldVsPlanned")}
        csvName="lintas-sesi-per-pasangan"
        series={[t("dashboards.held"), t("dashboards.planned")]}
        extraColumns={[t("dashboards.topic")]}
        rows={pmu.sessions.byPairing.map((p) => ({
          label: p.label,
          values: [p.held, p.planned],
          extra: [p.topic],
        }))}
      />
      {pmu.attendanceRegions > pmu.attendanceByRegion.length ? (
        <p className="muted">
          {t("dashboards.topRegions", {
            shown: formatNumber(pmu.attendanceByRegion.length, lng),
            total: formatNumber(pmu.attendanceRegions, lng),
          })}
        </p>
      ) : null}
      <HBarChart
        id="pmu-attendance"
        title={t("dashboards.attendanceByRegion")}
        csvName="lintas-kehadiran-per-wilayah"
        series={[t("dashboards.attendances")]}
        rows={pmu.attendanceByRegion.map((a) => ({
          label: a.name ?? t("dashboards.unknownRegion"),
          values: [a.count],
        }))}
      />
      <HBarChart
        id="pmu-commitments"
        title={t("dashboards.commitments")}
        csvName="lintas-tindak-lanjut"
        series={[t("dashboards.count")]}
        rows={[
          { label: t("dashboards.commitmentDone"), values: [c.done] },
          { label: t("dashboards.commitmentOverdue"), values: [c.overdue] },
          { label: t("dashboards.commitmentOpen"), values: [c.open] },
          { label: t("dashboards.commitmentDropped"), values: [c.dropped] },
        ]}
      />
      <HBarChart
        id="pmu-results"
        title={t("dashboards.results")}
        csvName="lintas-hasil-program"
        series={[t("dashboards.count")]}
        rows={[
          { label: t("dashboards.lessonsPublished"), values: [pmu.results.lessonsPublished] },
          { label: t("dashboards.practicesPublished"), values: [pmu.results.practicesPublished] },
          { label: t("dashboards.pairingsReplicated"), values: [pmu.results.pairingsReplicated] },
          { label: t("dashboards.catalogueReplications"), values: [pmu.results.catalogueReplications] },
        ]}
      />
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
