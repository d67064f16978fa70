// A province's kabupaten/kota side by side (the Sulawesi Tenggara coordination case: 17 of them):
// one SPM indicator chosen among those recorded in the province, and project counts.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { HBarChart } from "~/components/dashboard-chart";
import { getProvinceDashboard } from "~/modules/dashboards/province.server";
import { refuseOutOfScope } from "~/modules/dashboards/scope.server";
import { formatNumber } from "~/utils/format";
import { formatPercent } from "~/utils/numbers";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.province.name} · Dasbor · Lintas` : "Lintas" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "dashboard:read");
  const chosen = new URL(request.url).searchParams.get("indikator")?.slice(0, 300) ?? null;
  const code = requireParam(params, "code", "regionCode");
  const dashboard = await getProvinceDashboard(user, code, chosen).catch(refuseOutOfScope);
  invariantResponse(dashboard, "Not found", { status: 404 });
  return dashboard;
}

export default function ProvinceDashboard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const write = (v: number) =>
    d.unit === "%" ? formatPercent(v, lng) : `${formatNumber(v, lng)}${d.unit ? ` ${d.unit}` : ""}`;
  const withIndicator = d.regencies.filter(
    (r) => r.indicator?.value !== null && r.indicator?.value !== undefined,
  );
  return (
    <main>
      <p className="muted">
        <Link to="/dasbor">{t("nav.dashboard")}</Link> ›{" "}
        <Link to={`/wilayah/${d.province.code}`}>{t("regions.provinceName", { name: d.province.name })}</Link>
      </p>
      <h1>{t("dashboards.provinceHeading", { name: d.province.name })}</h1>
      <p>{t("dashboards.provinceIntro", { count: d.regencies.length })}</p>

      <section aria-labelledby="spm-heading">
        <h2 id="spm-heading">{t("dashboards.spmIndicator")}</h2>
        {d.indicatorNames.length === 0 ? (
          <p>{t("dashboards.noIndicators")}</p>
        ) : (
          <>
            <Form method="get" className="inline-fields">
              <div className="field">
                <label htmlFor="indikator">{t("dashboards.chooseIndicator")}</label>
                <select id="indikator" name="indikator" defaultValue={d.chosen ?? ""}>
                  {d.indicatorNames.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t("dashboards.show")}
              </button>
            </Form>
            <HBarChart
              key={d.chosen}
              id="province-indicator"
              title={d.chosen ?? ""}
              csvName={`lintas-${d.province.code}-indikator`}
              summary={d.direction === "DOWN" ? t("indicators.lowerBetter") : t("indicators.higherBetter")}
              series={[t("dashboards.value"), t("dashboards.target")]}
              extraColumns={[t("dashboards.period")]}
              format={write}
              rows={withIndicator.map((r) => ({
                label: r.name,
                values: [r.indicator!.value, r.indicator!.target],
                extra: [r.indicator!.period],
              }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t("dashboards.projectCounts")}</h2>
        <HBarChart
          id="province-projects"
          title={t("dashboards.projectsPerRegency")}
          csvName={`lintas-${d.province.code}-proyek`}
          series={[t("dashboards.allProjects"), t("dashboards.launchedProjects"), t("dashboards.stopped")]}
          rows={d.regencies.map((r) => ({ label: r.name, values: [r.projects, r.launched, r.stopped] }))}
        />
        <ul className="plain">
          {d.regencies.map((r) => (
            <li key={r.code}>
              <Link to={`/dasbor/wilayah/${r.code}`}>{r.name}</Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
