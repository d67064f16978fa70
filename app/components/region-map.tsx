// The national map, drawn as SVG on the server from the regions' simplified outlines:
// pairings are arcs from mentor to mentee, regions with published practices carry a marker.
// Every region is a link to its page; the table beside it says the same in words.
import { useTranslation } from "react-i18next";
import { layoutArcs } from "~/map/arcs";
import { MAP_HEIGHT, MAP_WIDTH, projectPoint } from "~/map/project";

type MapRegion = {
  code: string;
  name: string;
  mapPath: string | null;
  lat: number | null;
  lng: number | null;
};
type MapEnd = { code: string; name: string; lat: number | null; lng: number | null };
export type MapData = {
  regions: MapRegion[];
  pairings: { id: string; topic: string; status: string; mentorRegion: MapEnd; menteeRegion: MapEnd }[];
  practiceRegions: { code: string; name: string; count: number }[];
};

function point(end: { lat: number | null; lng: number | null }) {
  return end.lat === null || end.lng === null ? null : projectPoint(end.lng, end.lat);
}

export function RegionMap({ data, highlight }: { data: MapData; highlight?: string }) {
  const { t } = useTranslation();
  const practiceCount = new Map(data.practiceRegions.map((p) => [p.code, p.count]));
  const byCode = new Map(data.regions.map((r) => [r.code, r]));
  const placed = data.pairings.flatMap((pairing) => {
    const from = point(pairing.mentorRegion);
    const to = point(pairing.menteeRegion);
    return from && to ? [{ pairing, from, to }] : [];
  });
  const arcs = layoutArcs(placed).map((arc, i) => ({ ...arc, pairing: placed[i].pairing }));
  const anyProposed = placed.some(({ pairing }) => pairing.status === "PROPOSED");
  return (
    <figure className="region-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-labelledby="region-map-title">
        <title id="region-map-title">{t("map.title")}</title>
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" className="map-arrow" />
          </marker>
        </defs>
        <g className="map-regions">
          {data.regions.map((region) => {
            const centre = point(region);
            const className =
              region.code === highlight
                ? "map-region is-highlighted"
                : practiceCount.has(region.code)
                  ? "map-region has-practice"
                  : "map-region";
            return (
              <a key={region.code} href={`/wilayah/${region.code}`} aria-label={region.name}>
                <title>{region.name}</title>
                {region.mapPath ? (
                  <path d={region.mapPath} className={className} />
                ) : centre ? (
                  <circle cx={centre[0]} cy={centre[1]} r={2} className={className} />
                ) : null}
              </a>
            );
          })}
        </g>
        <g className="map-arcs" aria-hidden="true">
          {arcs.map(({ pairing, d }) => (
            <path
              key={pairing.id}
              d={d}
              // a proposed pairing is dashed: not yet agreed, not yet running
              className={pairing.status === "PROPOSED" ? "map-arc is-proposed" : "map-arc"}
              markerEnd="url(#arrow)"
            />
          ))}
        </g>
        <g className="map-markers" aria-hidden="true">
          {[...practiceCount.keys()].map((code) => {
            const region = byCode.get(code);
            const centre = region && point(region);
            return centre ? (
              <circle key={code} cx={centre[0]} cy={centre[1]} r={4} className="map-marker" />
            ) : null;
          })}
        </g>
      </svg>
      <figcaption>
        <span className="legend-item">
          <span className="legend-swatch legend-practice" aria-hidden="true" /> {t("map.legendPractice")}
        </span>{" "}
        <span className="legend-item">
          <span className="legend-swatch legend-arc" aria-hidden="true" /> {t("map.legendPairing")}
        </span>
        {anyProposed ? (
          <>
            {" "}
            <span className="legend-item">
              <span className="legend-swatch legend-arc is-proposed" aria-hidden="true" />{" "}
              {t("map.legendProposed")}
            </span>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** The same facts as the map, as tables for screen readers and for people who prefer reading. */
export function RegionMapTable({ data }: { data: MapData }) {
  const { t } = useTranslation();
  return (
    <div className="map-tables" id="peta-tabel">
      <table>
        <caption>{t("map.pairingsTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("map.mentor")}</th>
            <th scope="col">{t("map.mentee")}</th>
            <th scope="col">{t("map.topic")}</th>
            <th scope="col">{t("map.status")}</th>
          </tr>
        </thead>
        <tbody>
          {data.pairings.length === 0 ? (
            <tr>
              <td colSpan={4}>{t("map.none")}</td>
            </tr>
          ) : null}
          {data.pairings.map((pairing) => (
            <tr key={pairing.id}>
              <td>
                <a href={`/wilayah/${pairing.mentorRegion.code}`}>{pairing.mentorRegion.name}</a>
              </td>
              <td>
                <a href={`/wilayah/${pairing.menteeRegion.code}`}>{pairing.menteeRegion.name}</a>
              </td>
              <td>{pairing.topic}</td>
              <td>{t(`pairings.status.${pairing.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t("map.practicesTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("map.region")}</th>
            <th scope="col">{t("map.practices")}</th>
          </tr>
        </thead>
        <tbody>
          {data.practiceRegions.length === 0 ? (
            <tr>
              <td colSpan={2}>{t("map.none")}</td>
            </tr>
          ) : null}
          {data.practiceRegions.map((p) => (
            <tr key={p.code}>
              <td>
                <a href={`/wilayah/${p.code}`}>{p.name}</a>
              </td>
              <td>{p.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
