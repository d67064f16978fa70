// Regions (38 provinces, 514 kabupaten/kota), their pages, search and the map.
import { readFile } from "node:fs/promises";
import { getProvinces, getRegencies } from "idn-area-data";
import type { Grant } from "~/auth/permissions";
import { pairingWhere, projectWhere, publicOrScoped } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { indicatorTargetSelect, latestMeasurementSelect } from "~/modules/projects/indicator-values.server";
import { ianaZoneForRegionCode } from "~/utils/time-zones";

/** Outlines and centroids shipped with Lintas (prisma/data, MIT, see its licence file). */
async function readShippedShapes(): Promise<Record<string, [string, number, number]>> {
  try {
    return JSON.parse(
      await readFile(new URL("../../prisma/data/regency-shapes.json", import.meta.url), "utf8"),
    );
  } catch {
    return JSON.parse(await readFile("prisma/data/regency-shapes.json", "utf8"));
  }
}

type RegionRow = {
  code: string;
  name: string;
  kind: "PROVINCE" | "REGENCY" | "CITY";
  provinceCode: string | null;
  timeZone: string;
  lat: number | null;
  lng: number | null;
  mapPath: string | null;
};

/** The regions of the bundled idn-area-data release (ODbL) with the shipped outlines, provinces first. */
async function bundledRegions(): Promise<RegionRow[]> {
  const provinces = await getProvinces();
  const regencies = await getRegencies({ transform: true });
  const shapes = await readShippedShapes();
  const rows: RegionRow[] = provinces.map((province) => {
    const own = regencies.filter((r) => r.provinceCode === province.code && shapes[r.code]);
    return {
      code: province.code,
      name: province.name,
      kind: "PROVINCE",
      provinceCode: null,
      timeZone: ianaZoneForRegionCode(province.code),
      lat: own.length ? mean(own.map((r) => shapes[r.code][1])) : null,
      lng: own.length ? mean(own.map((r) => shapes[r.code][2])) : null,
      mapPath: null,
    };
  });
  for (const regency of regencies) {
    const shape = shapes[regency.code];
    rows.push({
      code: regency.code,
      name: regency.name,
      kind: regency.name.startsWith("Kota ") ? "CITY" : "REGENCY",
      provinceCode: regency.provinceCode,
      timeZone: ianaZoneForRegionCode(regency.code),
      lat: shape?.[1] ?? null,
      lng: shape?.[2] ?? null,
      mapPath: shape?.[0] ?? null,
    });
  }
  return rows;
}

/**
 * Loads the 38 provinces and 514 kabupaten/kota of idn-area-data (ODbL) by Kemendagri code,
 * with the shipped map outlines. Run at every start (server/prepare.ts): it compares the bundled
 * release with the table (one read of 552 short rows) and writes only what differs, so a start
 * with nothing new writes nothing. A new release renames or adds regions and keeps every link
 * (rows are keyed by code, never deleted). Outlines are filled in only where a region has none,
 * so outlines imported with `npm run regions:import-geo` stay.
 */
export async function importRegions(
  db: PrismaClient,
): Promise<{ provinces: number; regencies: number; created: number; updated: number }> {
  const wanted = await bundledRegions();
  const existing = new Map(
    (
      await db.region.findMany({
        select: { code: true, name: true, kind: true, provinceCode: true, timeZone: true, lat: true },
      })
    ).map((r) => [r.code, r]),
  );
  const created = wanted.filter((r) => !existing.has(r.code));
  const updated = wanted.flatMap((r) => {
    const row = existing.get(r.code);
    if (!row) return [];
    const data = {
      ...(row.name !== r.name ||
      row.kind !== r.kind ||
      row.provinceCode !== r.provinceCode ||
      row.timeZone !== r.timeZone
        ? { name: r.name, kind: r.kind, provinceCode: r.provinceCode, timeZone: r.timeZone }
        : {}),
      ...(row.lat === null && r.lat !== null
        ? { lat: r.lat, lng: r.lng, ...(r.mapPath ? { mapPath: r.mapPath } : {}) }
        : {}),
    };
    return Object.keys(data).length ? [{ code: r.code, data }] : [];
  });
  const counts = {
    provinces: wanted.filter((r) => r.kind === "PROVINCE").length,
    regencies: wanted.filter((r) => r.kind !== "PROVINCE").length,
    created: created.length,
    updated: updated.length,
  };
  if (created.length === 0 && updated.length === 0) return counts;
  await db.$transaction(
    async (tx) => {
      // provinces before their kabupaten/kota (the foreign key)
      await tx.region.createMany({
        data: created.filter((r) => r.kind === "PROVINCE"),
        skipDuplicates: true,
      });
      await tx.region.createMany({
        data: created.filter((r) => r.kind !== "PROVINCE"),
        skipDuplicates: true,
      });
      for (const { code, data } of updated) await tx.region.update({ where: { code }, data });
    },
    { timeout: 120_000 },
  );
  // names may have changed: the next search reads the table again
  regionIndex = undefined;
  return counts;
}

function mean(values: number[]) {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100000) / 100000;
}

// ── search ──

/** Lower case, accents folded, "kab."/"kabupaten" and punctuation evened out. */
export function foldForSearch(text: string) {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\bkab\.?\s/g, "kabupaten ")
    .replace(/\bprov\.?\s/g, "")
    .replace(/[^a-z0-9.]+/g, " ")
    .trim();
}

type RegionEntry = { code: string; name: string; kind: string; provinceName: string | null; folded: string };
let regionIndex: RegionEntry[] | undefined;

async function loadRegionIndex() {
  if (regionIndex) return regionIndex;
  const regions = await prisma.region.findMany({
    select: { code: true, name: true, kind: true, province: { select: { name: true } } },
    orderBy: { code: "asc" },
  });
  const index = regions.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    provinceName: r.province?.name ?? null,
    folded: foldForSearch(r.name),
  }));
  // the region list changes only with a data release; an empty table is not cached
  if (index.length > 0) regionIndex = index;
  return index;
}

/** Regions whose name or code matches, best first: exact code, name start, word start, anywhere. */
export async function searchRegions(query: string, limit = 20) {
  const q = foldForSearch(query).slice(0, 60);
  if (!q) return [];
  const index = await loadRegionIndex();
  const scored = index
    .map((entry) => {
      const bare = entry.folded.replace(/^(kabupaten|kota) /, "");
      let score = 0;
      if (entry.code === q) score = 100;
      else if (entry.code.startsWith(q) && /^\d/.test(q)) score = 60;
      else if (entry.folded === q || bare === q) score = 90;
      else if (bare.startsWith(q) || entry.folded.startsWith(q)) score = 70;
      else if (entry.folded.includes(` ${q}`)) score = 50;
      else if (entry.folded.includes(q)) score = 30;
      return { entry, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name, "id"));
  return scored.slice(0, limit).map(({ entry }) => ({
    code: entry.code,
    name: entry.name,
    kind: entry.kind,
    provinceName: entry.provinceName,
  }));
}

/** The leading Kemendagri code of a picked entry ("74.71 Kota Kendari, Sulawesi Tenggara") or a typed code. */
const LEADING_CODE = /^\d{2}(\.\d{2})?(?=[\s,]|$)/;

/** "Kab. Blitar (35.05)": how a choice is named in an error. */
function choiceLabel(entry: { code: string; name: string; kind: string }) {
  const name =
    entry.kind === "PROVINCE" ? `Provinsi ${entry.name}` : entry.name.replace(/^Kabupaten /, "Kab. ");
  return `${name} (${entry.code})`;
}

/**
 * What a person typed into a region field, as a region code: a code ("74.71"), a picked entry
 * ("74.71 Kota Kendari, Sulawesi Tenggara") or a name in any case and accents ("kendari",
 * "Kota Kendari", "KÉNDARI"). Otherwise an error for the field: `errors.regionNotFound`, or
 * `errors.regionAmbiguous|Kab. Blitar (35.05)|Kota Blitar (35.72)` naming the choices (the
 * region picker translates it and joins the choices with "or").
 */
export async function resolveRegionInput(input: string): Promise<{ code: string } | { error: string }> {
  const typed = input.trim();
  const index = await loadRegionIndex();
  const code = LEADING_CODE.exec(typed)?.[0];
  if (code) return index.some((r) => r.code === code) ? { code } : { error: "errors.regionNotFound" };
  const q = foldForSearch(typed).replace(/^provinsi /, "");
  if (!q) return { error: "errors.regionNotFound" };
  // a whole name: "blitar" names both Kab. Blitar and Kota Blitar; "kota blitar" only one
  const exact = index.filter(
    (r) =>
      r.folded === q ||
      r.folded.replace(/^(kabupaten|kota) /, "") === q ||
      (r.provinceName !== null && foldForSearch(`${r.name} ${r.provinceName}`) === q),
  );
  const matches = exact.length > 0 ? exact : await searchRegions(typed, 6);
  if (matches.length === 1) return { code: matches[0].code };
  if (matches.length === 0) return { error: "errors.regionNotFound" };
  return { error: ["errors.regionAmbiguous", ...matches.slice(0, 5).map(choiceLabel)].join("|") };
}

/**
 * The region fields of a parsed form as codes, or each unresolved field's error (for
 * `submission.reply({ fieldErrors })`, which keeps what the person typed). Empty optional fields
 * stay empty.
 */
export async function resolveRegionFields<T extends Record<string, unknown>>(
  value: T,
  fields: (keyof T & string)[],
): Promise<
  { value: T; fieldErrors?: undefined } | { value?: undefined; fieldErrors: Record<string, string[]> }
> {
  const resolved: Record<string, unknown> = { ...value };
  const fieldErrors: Record<string, string[]> = {};
  for (const field of fields) {
    const input = value[field];
    if (typeof input !== "string" || input.trim() === "") continue;
    const result = await resolveRegionInput(input);
    if ("code" in result) resolved[field] = result.code;
    else fieldErrors[field] = [result.error];
  }
  return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : { value: resolved as T };
}

// ── region page ──

const PUBLIC_PROJECT_STATUSES: ProjectStatus[] = ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"];
const HIDDEN_PAIRING_STATUSES = ["PROPOSED", "CANCELLED"] as const;

/** What a region page shows: public facts for everyone, more for signed-in people in scope. */
export async function getRegionOverview(
  code: string,
  viewer?: { userId: string; projectGrants: Grant[]; pairingGrants: Grant[] },
) {
  const region = await prisma.region.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      kind: true,
      timeZone: true,
      lat: true,
      lng: true,
      province: { select: { code: true, name: true } },
      organisations: { select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } },
      workingGroups: {
        select: {
          id: true,
          name: true,
          topic: true,
          members: { select: { organisation: { select: { name: true } } } },
        },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!region) return null;
  const inRegion =
    region.kind === "PROVINCE"
      ? { OR: [{ regionCode: code }, { region: { provinceCode: code } }] }
      : { regionCode: code };
  const inRegionCode: Prisma.RegionWhereInput =
    region.kind === "PROVINCE" ? { OR: [{ code }, { provinceCode: code }] } : { code };
  const pairingSelect = {
    id: true,
    topic: true,
    status: true,
    mentorRegion: { select: { code: true, name: true } },
    menteeRegion: { select: { code: true, name: true } },
  } satisfies Prisma.PairingSelect;

  const projectVisibility = publicOrScoped<Prisma.ChangeProjectWhereInput>(
    { status: { in: PUBLIC_PROJECT_STATUSES } },
    viewer && viewer.projectGrants.length > 0 ? projectWhere(viewer.userId, viewer.projectGrants) : undefined,
  );
  const pairingVisibility = publicOrScoped<Prisma.PairingWhereInput>(
    { status: { notIn: [...HIDDEN_PAIRING_STATUSES] } },
    viewer && viewer.pairingGrants.length > 0 ? pairingWhere(viewer.userId, viewer.pairingGrants) : undefined,
  );

  const [projects, mentorPairings, menteePairings, practices, lessons, indicators] = await Promise.all([
    prisma.changeProject.findMany({
      where: { AND: [inRegion, projectVisibility] },
      select: {
        id: true,
        title: true,
        acronym: true,
        status: true,
        region: { select: { name: true } },
        organisation: { select: { name: true } },
      },
      orderBy: [{ status: "asc" }, { title: "asc" }],
      take: 200,
    }),
    // a province's page lists its kabupaten/kota's pairings, as its regency table counts them
    // (one within the province once, as a mentor's)
    prisma.pairing.findMany({
      where: { AND: [{ mentorRegion: inRegionCode }, pairingVisibility] },
      select: pairingSelect,
      orderBy: { createdAt: "asc" },
    }),
    prisma.pairing.findMany({
      where: {
        AND: [{ menteeRegion: inRegionCode, NOT: { mentorRegion: inRegionCode } }, pairingVisibility],
      },
      select: pairingSelect,
      orderBy: { createdAt: "asc" },
    }),
    prisma.practice.findMany({
      where: { ...inRegion, status: "PUBLISHED" },
      select: { slug: true, name: true, summary: true, maturity: true },
      orderBy: { publishedAt: "desc" },
    }),
    prisma.lesson.findMany({
      where: { ...inRegion, status: "PUBLISHED" },
      select: { slug: true, title: true, summary: true, publishedAt: true },
      orderBy: { publishedAt: "desc" },
    }),
    prisma.indicator.findMany({
      where: { regionCode: code, projectId: null },
      select: {
        id: true,
        name: true,
        ...indicatorTargetSelect,
        measurements: latestMeasurementSelect,
      },
    }),
  ]);

  const regencies = region.kind === "PROVINCE" ? await listRegenciesWithCounts(code) : [];

  return {
    region,
    projects,
    mentorPairings,
    menteePairings,
    practices,
    lessons,
    indicators: indicators.map((i) => ({
      ...i,
      baseline: i.baseline?.toString() ?? null,
      target: i.target?.toString() ?? null,
      latest: i.measurements[0]
        ? {
            value: i.measurements[0].value.toString(),
            measuredAt: i.measurements[0].measuredAt,
            periodLabel: i.measurements[0].periodLabel,
          }
        : null,
    })),
    regencies,
  };
}

/** A province's kabupaten/kota side by side with public counts (a coordinator's glance at 17). */
export async function listRegenciesWithCounts(provinceCode: string) {
  const regencies = await prisma.region.findMany({
    where: { provinceCode },
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      _count: {
        select: {
          projects: { where: { status: { in: PUBLIC_PROJECT_STATUSES } } },
          practices: { where: { status: "PUBLISHED" } },
          mentorPairings: { where: { status: { notIn: [...HIDDEN_PAIRING_STATUSES] } } },
          menteePairings: { where: { status: { notIn: [...HIDDEN_PAIRING_STATUSES] } } },
        },
      },
    },
  });
  return regencies.map((r) => ({
    code: r.code,
    name: r.name,
    launchedProjects: r._count.projects,
    practices: r._count.practices,
    pairings: r._count.mentorPairings + r._count.menteePairings,
  }));
}

export async function listProvinces() {
  return prisma.region.findMany({
    where: { kind: "PROVINCE" },
    orderBy: { code: "asc" },
    select: { code: true, name: true, timeZone: true, _count: { select: { regencies: true } } },
  });
}

// ── map ──

/** Everything the national map draws: outlines, public pairings as arcs, practice regions as markers. */
export async function getMapData() {
  const [regions, pairings, practices] = await Promise.all([
    prisma.region.findMany({
      where: { kind: { not: "PROVINCE" } },
      select: { code: true, name: true, mapPath: true, lat: true, lng: true },
      orderBy: { code: "asc" },
    }),
    prisma.pairing.findMany({
      where: { status: { notIn: [...HIDDEN_PAIRING_STATUSES] } },
      select: {
        id: true,
        topic: true,
        status: true,
        mentorRegion: { select: { code: true, name: true, lat: true, lng: true } },
        menteeRegion: { select: { code: true, name: true, lat: true, lng: true } },
      },
    }),
    prisma.practice.groupBy({ by: ["regionCode"], where: { status: "PUBLISHED" }, _count: { _all: true } }),
  ]);
  // practices of a province itself (a provincial innovation) sit on no kabupaten/kota outline, but
  // their row in the table still names the province
  const named = new Map(regions.map((r) => [r.code, r.name]));
  const unnamed = practices.map((p) => p.regionCode).filter((code) => !named.has(code));
  if (unnamed.length > 0) {
    const provinces = await prisma.region.findMany({
      where: { code: { in: unnamed } },
      select: { code: true, name: true },
    });
    for (const province of provinces) named.set(province.code, province.name);
  }
  return {
    regions,
    pairings,
    practiceRegions: practices.map((p) => ({
      code: p.regionCode,
      name: named.get(p.regionCode) ?? p.regionCode,
      count: p._count._all,
    })),
  };
}

/** Every region as [code, label] for a picker (552 entries, about 20 KB). */
export async function listRegionsForPicker() {
  const index = await loadRegionIndex();
  return index.map((r) => ({
    code: r.code,
    label: r.provinceName ? `${r.name}, ${r.provinceName}` : `Provinsi ${r.name}`,
  }));
}

/** The names of regions by code ("16.04" → "Kab. Lahat"), for links that would otherwise show codes. */
export async function regionNames(codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const regions = await prisma.region.findMany({
    where: { code: { in: codes } },
    select: { code: true, name: true },
  });
  return new Map(regions.map((r) => [r.code, r.name]));
}
