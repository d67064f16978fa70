// The national map as the server renders it: a proposed pairing is drawn dashed with its own
// legend entry, an agreed or running one solid, and the table beside the map says each status.
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { type MapData, RegionMap, RegionMapTable } from "~/components/region-map";
import { i18nConfig } from "~/i18n/config";
import id from "~/i18n/id.json";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

const kendari = { code: "74.71", name: "Kota Kendari", lat: -3.998, lng: 122.532 };
const kotaBlitar = { code: "35.72", name: "Kota Blitar", lat: -8.094, lng: 112.167 };
const kabBlitar = { code: "35.05", name: "Kabupaten Blitar", lat: -8.1, lng: 112.25 };

const data: MapData = {
  regions: [kendari, kotaBlitar, kabBlitar].map((r) => ({ ...r, mapPath: null })),
  pairings: [
    { id: "p1", topic: "L2T2", status: "ACTIVE", mentorRegion: kendari, menteeRegion: kotaBlitar },
    { id: "p2", topic: "Sedot tinja", status: "PROPOSED", mentorRegion: kendari, menteeRegion: kabBlitar },
  ],
  practiceRegions: [],
};

const render = (node: React.ReactNode) =>
  renderToString(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

describe("the region map (item 6)", () => {
  it("draws a proposed pairing dashed, with a legend entry, apart from an active one", () => {
    const html = render(<RegionMap data={data} />);
    const arcs = [...html.matchAll(/<path d="(M[^"]+)" class="(map-arc[^"]*)"/g)];
    expect(arcs.map((m) => m[2])).toEqual(["map-arc", "map-arc is-proposed"]);
    expect(arcs[0][1]).not.toBe(arcs[1][1]);
    expect(html).toContain(id.map.legendProposed);
  });

  it("leaves the proposed legend out when no pairing is proposed", () => {
    const html = render(<RegionMap data={{ ...data, pairings: [data.pairings[0]] }} />);
    expect(html).not.toContain(id.map.legendProposed);
  });

  it("says each pairing's status in the table", () => {
    const html = render(<RegionMapTable data={data} />);
    expect(html).toContain(`<td>${id.pairings.status.ACTIVE}</td>`);
    expect(html).toContain(`<td>${id.pairings.status.PROPOSED}</td>`);
  });
});
