import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { importRegionShapes } from "~/modules/regions/region-geo.server";
import { getMapData, getRegionOverview, importRegions, searchRegions } from "~/modules/regions/region.server";
import { grantsFor } from "~/auth/permissions";
import * as regionRoute from "~/routes/regions/region";
import { callRoute, cookieFor, createPerson, getRequest } from "../fixtures/people";

async function regionsChecksum() {
  const rows = await prisma.region.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      kind: true,
      provinceCode: true,
      timeZone: true,
      mapPath: true,
      lat: true,
      lng: true,
    },
  });
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

beforeAll(async () => {
  await importRegions(prisma);
}, 120_000);

describe("regions from idn-area-data", () => {
  it("holds 38 provinces and 514 kabupaten/kota with unique codes", async () => {
    expect(await prisma.region.count({ where: { kind: "PROVINCE" } })).toBe(38);
    expect(await prisma.region.count({ where: { kind: { not: "PROVINCE" } } })).toBe(514);
    const codes = await prisma.region.findMany({ select: { code: true } });
    expect(new Set(codes.map((c) => c.code)).size).toBe(552);
    const kendari = await prisma.region.findUniqueOrThrow({ where: { code: "74.71" } });
    expect(kendari).toMatchObject({
      name: "Kota Kendari",
      kind: "CITY",
      provinceCode: "74",
      timeZone: "Asia/Makassar",
    });
    expect(kendari.mapPath).toMatch(/^M[\d. L]+Z/);
  });

  it.each([
    ["74", "Asia/Makassar"], // Sulawesi Tenggara: WITA
    ["35", "Asia/Jakarta"], // Jawa Timur: WIB
    ["91", "Asia/Jayapura"], // Papua: WIT
    ["61", "Asia/Jakarta"], // Kalimantan Barat: WIB
    ["64", "Asia/Makassar"], // Kalimantan Timur: WITA
    ["35.72", "Asia/Jakarta"], // Kota Blitar inherits its province's zone
  ])("%s keeps %s", async (code, zone) => {
    expect((await prisma.region.findUniqueOrThrow({ where: { code } })).timeZone).toBe(zone);
  });

  it("stores each of the 38 provinces' zone, and each kabupaten/kota its province's", async () => {
    // written from the map of Indonesia's zones, independently of app/utils/time-zones.ts
    const WITA = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"];
    const WIT = ["81", "82", "91", "92", "93", "94", "95", "96"];
    const zoneOf = (province: string) =>
      WITA.includes(province) ? "Asia/Makassar" : WIT.includes(province) ? "Asia/Jayapura" : "Asia/Jakarta";
    const regions = await prisma.region.findMany({ select: { code: true, kind: true, timeZone: true } });
    const provinces = regions.filter((r) => r.kind === "PROVINCE");
    expect(provinces).toHaveLength(38);
    expect(provinces.filter((p) => zoneOf(p.code) === "Asia/Jakarta")).toHaveLength(18);
    for (const region of regions) expect(region.timeZone, region.code).toBe(zoneOf(region.code.slice(0, 2)));
  });

  it("changes nothing on a rerun, and a renamed region keeps its links", async () => {
    const before = await regionsChecksum();
    await importRegions(prisma);
    expect(await regionsChecksum()).toBe(before);

    const project = await prisma.changeProject.create({
      data: { title: "Uji tautan", kind: "REGIONAL_INNOVATION", regionCode: "35.72", status: "LAUNCHED" },
    });
    await prisma.region.update({ where: { code: "35.72" }, data: { name: "Kota Blitar (nama lama)" } });
    await importRegions(prisma);
    expect((await prisma.region.findUniqueOrThrow({ where: { code: "35.72" } })).name).toBe("Kota Blitar");
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).regionCode).toBe(
      "35.72",
    );
    await prisma.changeProject.delete({ where: { id: project.id } });
  }, 120_000);
});

describe("region search", () => {
  it("finds Blitar as both Kota Blitar (35.72) and Kabupaten Blitar (35.05)", async () => {
    const codes = (await searchRegions("Blitar")).map((r) => r.code);
    expect(codes).toContain("35.72");
    expect(codes).toContain("35.05");
  });

  it.each(["kendari", "Kota Kendari", "74.71", "KÉNDARI", "  kota   kendari "])(
    "puts Kota Kendari first for %j",
    async (q) => {
      expect((await searchRegions(q))[0]?.code).toBe("74.71");
    },
  );

  it("understands Kab. as Kabupaten", async () => {
    expect((await searchRegions("Kab. Lahat"))[0]?.code).toBe("16.04");
  });

  it("returns nothing for an empty or hostile query without failing", async () => {
    expect(await searchRegions("   ")).toEqual([]);
    expect(await searchRegions('\'; DROP TABLE "Region"; --')).toEqual([]);
  });
});

describe("region page", () => {
  beforeAll(async () => {
    await prisma.changeProject.createMany({
      data: [
        {
          id: "rp-launched",
          title: "L2T2 terjadwal",
          kind: "REGIONAL_INNOVATION",
          regionCode: "74.71",
          status: "LAUNCHED",
        },
        {
          id: "rp-draft",
          title: "Rancangan rahasia",
          kind: "REGIONAL_INNOVATION",
          regionCode: "74.71",
          status: "DRAFT",
        },
      ],
    });
    await prisma.pairing.create({
      data: {
        id: "rp-pairing",
        mentorRegionCode: "74.71",
        menteeRegionCode: "35.72",
        topic: "Air limbah: L2T2",
        status: "ACTIVE",
      },
    });
  });

  it("shows anonymous visitors launched projects only, and public pairings", async () => {
    const response = await callRoute(regionRoute.loader, getRequest("/wilayah/74.71"), { code: "74.71" });
    const data = await response.json();
    expect(data.projects.map((p: { title: string }) => p.title)).toEqual(["L2T2 terjadwal"]);
    expect(data.mentorPairings[0].menteeRegion.name).toBe("Kota Blitar");
  });

  it("shows a region officer of the region the draft too", async () => {
    const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
    const response = await callRoute(
      regionRoute.loader,
      getRequest("/wilayah/74.71", await cookieFor(officer.id)),
      { code: "74.71" },
    );
    const titles = (await response.json()).projects.map((p: { title: string }) => p.title).sort();
    expect(titles).toEqual(["L2T2 terjadwal", "Rancangan rahasia"]);
  });

  it("does not show another region's officer the draft", async () => {
    const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
    const overview = await getRegionOverview("74.71", {
      userId: officer.id,
      projectGrants: grantsFor(
        [{ role: "REGION_OFFICER", regionCode: "35.72", organisationId: null }],
        "project:read",
      ),
      pairingGrants: [],
    });
    expect(overview?.projects.map((p) => p.title)).toEqual(["L2T2 terjadwal"]);
  });

  it("lists a province's kabupaten/kota with counts (17 in Sulawesi Tenggara)", async () => {
    const overview = await getRegionOverview("74");
    expect(overview?.regencies).toHaveLength(17);
    expect(overview?.regencies.find((r) => r.code === "74.71")).toMatchObject({
      launchedProjects: 1,
      pairings: 1,
    });
  });

  it("lists on a province's page the pairings its regency table counts, each once (item 6)", async () => {
    // Sulawesi Tenggara: Kota Kendari mentors Kota Blitar (Jawa Timur)
    const sultra = await getRegionOverview("74");
    expect(sultra?.regencies.find((r) => r.code === "74.71")?.pairings).toBe(1);
    expect(sultra?.mentorPairings.map((p) => [p.mentorRegion.name, p.menteeRegion.name])).toEqual([
      ["Kota Kendari", "Kota Blitar"],
    ]);
    expect(sultra?.menteePairings).toEqual([]);
    // Jawa Timur: Kota Blitar learns from Kota Kendari
    const jatim = await getRegionOverview("35");
    expect(jatim?.menteePairings.map((p) => p.id)).toEqual(["rp-pairing"]);
    expect(jatim?.mentorPairings).toEqual([]);
  });

  it("answers 404 for an unknown or malformed code", async () => {
    expect(
      (await callRoute(regionRoute.loader, getRequest("/wilayah/99.99"), { code: "99.99" })).status,
    ).toBe(404);
    expect(
      (await callRoute(regionRoute.loader, getRequest("/wilayah/abc"), { code: "<script>" })).status,
    ).toBe(404);
  });

  it("draws the pairing as an arc between two placed regions on the map", async () => {
    const map = await getMapData();
    const pairing = map.pairings.find((p) => p.id === "rp-pairing");
    expect(pairing?.mentorRegion.lat).toBeTypeOf("number");
    expect(pairing?.menteeRegion.lng).toBeTypeOf("number");
    expect(map.regions.filter((r) => r.mapPath).length).toBeGreaterThan(500);
  });
});

describe("importing outlines from GeoJSON", () => {
  const feature = (
    code: string,
    coordinates: unknown = [
      [
        [
          [122.5, -4.0],
          [122.6, -4.0],
          [122.6, -3.9],
          [122.5, -3.9],
          [122.5, -4.0],
        ],
      ],
    ],
  ) => ({
    type: "Feature",
    properties: { code },
    geometry: { type: "MultiPolygon", coordinates },
  });

  it.each([
    ["not JSON", "{nope", /Not JSON/],
    ["not a FeatureCollection", JSON.stringify({ type: "Feature" }), /FeatureCollection/],
    [
      "an unknown code",
      JSON.stringify({ type: "FeatureCollection", features: [feature("99.98")] }),
      /99\.98 is not a kabupaten\/kota/,
    ],
    [
      "a malformed code",
      JSON.stringify({ type: "FeatureCollection", features: [feature("Kendari")] }),
      /not a Kemendagri code/,
    ],
    [
      "a broken geometry",
      JSON.stringify({ type: "FeatureCollection", features: [feature("74.71", [[["x", 1]]])] }),
      /not a valid Polygon/,
    ],
    [
      "a duplicate code",
      JSON.stringify({ type: "FeatureCollection", features: [feature("74.71"), feature("74.71")] }),
      /appears twice/,
    ],
  ])("reports %s and changes nothing", async (_name, text, problem) => {
    const before = await regionsChecksum();
    const report = await importRegionShapes(text);
    expect(report.written).toBe(0);
    expect(report.problems.join("\n")).toMatch(problem);
    expect(await regionsChecksum()).toBe(before);
  });

  it("writes valid outlines and lists the regions it lacks", async () => {
    const report = await importRegionShapes(
      JSON.stringify({ type: "FeatureCollection", features: [feature("74.71")] }),
    );
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(1);
    expect(report.missing).toHaveLength(513);
    const kendari = await prisma.region.findUniqueOrThrow({ where: { code: "74.71" } });
    expect(kendari.lat).toBeCloseTo(-3.95, 1);
  });

  it("accepts the full boundaries file when it is at hand", async () => {
    const text = await readFile("../shared/data/regencies.geojson", "utf8").catch(() => null);
    // the shipped derived file stands in when the source file is not beside the project
    const source = text ?? null;
    if (source === null) {
      const shipped = JSON.parse(await readFile("prisma/data/regency-shapes.json", "utf8"));
      expect(Object.keys(shipped)).toHaveLength(514);
      return;
    }
    const report = await importRegionShapes(source);
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(514);
  }, 120_000);
});
