import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/ui/filter-select";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { RegionMap, RegionMapTable } from "~/components/region-map";
import { pageWindow } from "~/modules/projects/project-filters";
import { PAIRING_PAGE_SIZE, PAIRING_STATUSES } from "~/modules/pairings/pairing-schemas";
import {
  type PairingListFilters,
  mapPairingsForUser,
  pagePairingsForUser,
  pairingFilterOptions,
} from "~/modules/pairings/queries.server";
import { getMapData } from "~/modules/regions/region.server";
import { formatDay } from "~/utils/format";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "pairings.title");

/** The filters as they arrive in the query, each kept only when it is one the list offers. */
function parseFilters(params: URLSearchParams, options: Awaited<ReturnType<typeof pairingFilterOptions>>) {
  const statusParam = params.get("status") ?? "";
  const status = (PAIRING_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as (typeof PAIRING_STATUSES)[number])
    : undefined;
  const q = params.get("q")?.trim().slice(0, 100) ?? "";
  const province = params.get("provinsi") ?? "";
  const sector = params.get("sektor") ?? "";
  const facilitator = params.get("fasilitator") ?? "";
  return {
    status,
    q: q || undefined,
    provinceCode: options.provinces.some((p) => p.code === province) ? province : undefined,
    sector: options.sectors.includes(sector) ? sector : undefined,
    facilitatorOrgId: options.facilitators.some((f) => f.id === facilitator) ? facilitator : undefined,
  } satisfies PairingListFilters;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "pairing:read");
  const params = new URL(request.url).searchParams;
  const options = await pairingFilterOptions(scope);
  const filters = parseFilters(params, options);
  // the map draws every region's outline: only when asked for, to keep the list light
  const showMap = params.get("peta") === "1";
  const [list, mapPairings, mapData] = await Promise.all([
    pagePairingsForUser(scope, filters, Number(params.get("halaman") ?? "1")),
    showMap ? mapPairingsForUser(scope, filters) : null,
    showMap ? getMapData() : null,
  ]);
  const query = new URLSearchParams();
  for (const [key, value] of [
    ["q", filters.q],
    ["status", filters.status],
    ["provinsi", filters.provinceCode],
    ["sektor", filters.sector],
    ["fasilitator", filters.facilitatorOrgId],
  ] as const)
    if (value) query.set(key, value);
  return {
    ...list,
    options,
    filters: {
      q: filters.q ?? "",
      status: filters.status ?? "",
      province: filters.provinceCode ?? "",
      sector: filters.sector ?? "",
      facilitator: filters.facilitatorOrgId ?? "",
    },
    query: query.toString(),
    map:
      mapData && mapPairings
        ? { regions: mapData.regions, pairings: mapPairings, practiceRegions: [] }
        : null,
    canCreate: can(scope.user.memberships, "pairing:create"),
  };
}

function withParams(query: string, extra: Record<string, string>) {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `/pasangan?${text}` : "/pasangan";
}

export default function Pairings() {
  const { t, i18n } = useTranslation();
  const { pairings, total, page, pageCount, options, filters, query, map, canCreate } =
    useLoaderData<typeof loader>();
  const pageLink = (n: number) => withParams(query, { halaman: String(n), ...(map ? { peta: "1" } : {}) });
  return (
    <main>
      <h1>{t("pairings.title")}</h1>
      {canCreate ? (
        <p>
          <Link to="/pasangan/baru" className="button primary">
            {t("pairings.new")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="inline-form" aria-label={t("projects.filters")}>
        <label htmlFor="pq">{t("pairings.searchLabel")}</label>
        <input id="pq" name="q" type="search" defaultValue={filters.q} />
        <FilterSelect
          id="ps"
          name="status"
          label={t("admin.status")}
          value={filters.status}
          allLabel={t("projects.allStatuses")}
          options={PAIRING_STATUSES.map((s) => ({ value: s, label: t(`pairings.status.${s}`) }))}
        />
        <FilterSelect
          id="pprov"
          name="provinsi"
          label={t("pairings.filterProvince")}
          value={filters.province}
          allLabel={t("pairings.allProvinces")}
          options={options.provinces.map((p) => ({ value: p.code, label: p.name }))}
        />
        <FilterSelect
          id="psector"
          name="sektor"
          label={t("projects.fields.sector")}
          value={filters.sector}
          allLabel={t("pairings.allSectors")}
          options={options.sectors.map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect
          id="pfac"
          name="fasilitator"
          label={t("pairings.facilitator")}
          value={filters.facilitator}
          allLabel={t("pairings.allFacilitators")}
          options={options.facilitators.map((f) => ({ value: f.id, label: f.name }))}
        />
        {map ? <input type="hidden" name="peta" value="1" /> : null}
        <button type="submit" className="button">
          {t("projects.filters")}
        </button>
      </Form>
      <p role="status">
        {total === 0
          ? t("pairings.empty")
          : t("board.showingPairings", {
              from: (page - 1) * PAIRING_PAGE_SIZE + 1,
              to: (page - 1) * PAIRING_PAGE_SIZE + pairings.length,
              total,
            })}{" "}
        {map ? (
          <Link to={withParams(query, {})}>{t("pairings.hideMap")}</Link>
        ) : (
          <Link to={withParams(query, { peta: "1" })}>{t("pairings.showMap")}</Link>
        )}
      </p>
      {map ? (
        <section aria-label={t("map.title")}>
          <RegionMap data={map} />
          <details>
            <summary>{t("pairings.mapAsTable")}</summary>
            <RegionMapTable data={map} />
          </details>
        </section>
      ) : null}
      {pairings.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("map.mentor")}</th>
              <th scope="col">{t("map.mentee")}</th>
              <th scope="col">{t("map.topic")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("pairings.facilitator")}</th>
              <th scope="col">{t("pairings.sessions")}</th>
              <th scope="col">{t("pairings.period")}</th>
            </tr>
          </thead>
          <tbody>
            {pairings.map((p) => (
              <tr key={p.id}>
                <td>{p.mentorRegion.name}</td>
                <td>{p.menteeRegion.name}</td>
                <td>
                  <Link to={`/pasangan/${p.id}`}>{p.topic}</Link>
                </td>
                <td>{t(`pairings.status.${p.status}`)}</td>
                <td>{p.facilitatorOrg?.name ?? "—"}</td>
                <td>
                  {p._count.sessions}
                  {p.plannedSessions ? ` / ${p.plannedSessions}` : ""}
                </td>
                <td>
                  {formatDay(p.periodStart, i18n.language)} – {formatDay(p.periodEnd, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pageCount > 1 ? (
        <nav aria-label={t("board.pages")} className="pagination">
          <ul>
            {page > 1 ? (
              <li>
                <Link to={pageLink(page - 1)} rel="prev">
                  {t("board.previous")}
                </Link>
              </li>
            ) : null}
            {pageWindow(page, pageCount).map((n, i) =>
              n === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === page ? (
                    <span aria-current="page">{t("board.page", { page: n })}</span>
                  ) : (
                    <Link to={pageLink(n)} aria-label={t("board.page", { page: n })}>
                      {n}
                    </Link>
                  )}
                </li>
              ),
            )}
            {page < pageCount ? (
              <li>
                <Link to={pageLink(page + 1)} rel="next">
                  {t("board.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
