import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegionMap, RegionMapTable } from "~/components/region-map";
import { getMapData, listProvinces, searchRegions } from "~/modules/regions/region.server";
import { abbreviationForIanaZone } from "~/utils/time-zones";
import { titleMeta } from "~/i18n/translate";

// a plain page (forms and links work without JavaScript): the map's 500 outlines are sent once
export const handle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "regions.title");

// public: the map and the region search show only public facts
export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  const [results, provinces, map] = await Promise.all([
    q ? searchRegions(q) : [],
    listProvinces(),
    getMapData(),
  ]);
  return { q, results, provinces, map };
}

export default function Regions() {
  const { t } = useTranslation();
  const { q, results, provinces, map } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("regions.title")}</h1>
      <Form method="get" role="search" className="inline-form">
        <label htmlFor="region-q">{t("regions.searchLabel")}</label>
        <input
          id="region-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Kendari, 74.71"
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("common.search")}
        </button>
      </Form>
      {q ? (
        <section aria-live="polite">
          <h2>{t("regions.results", { count: results.length, q })}</h2>
          <ul>
            {results.map((region) => (
              <li key={region.code}>
                <Link to={`/wilayah/${region.code}`}>{region.name}</Link>{" "}
                <span className="muted">
                  ({region.code}
                  {region.provinceName ? `, ${region.provinceName}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* one link per region on the map: keyboard users can pass its 500-odd Tab stops at once */}
      <p>
        <a href="#peta-tabel">{t("regions.skipMap")}</a>
      </p>
      <RegionMap data={map} />
      <RegionMapTable data={map} />
      <section>
        <h2>{t("regions.provinces")}</h2>
        <ul className="columns">
          {provinces.map((province) => (
            <li key={province.code}>
              <Link to={`/wilayah/${province.code}`}>{province.name}</Link>{" "}
              <span className="muted">
                {abbreviationForIanaZone(province.timeZone)} ·{" "}
                {t("regions.regencyCount", { count: province._count.regencies })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <p className="muted">
        <Link to="/tentang-data">{t("regions.aboutData")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
