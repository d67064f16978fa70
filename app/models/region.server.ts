// Regions (38 provinces, 514 kabupaten/kota), their pages, search and the map.
import { readFile } from "node:fs/promises";
import { getProvinces, getRegencies } from "idn-area-data";
import type { Grant } from "~/auth/permissions";
import { pairingWhere, projectWhere, publicOrScoped } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { indicatorTargetSelect, latestMeasurementSelect } from "~/models/project.server";
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

/**
 * Loads the 38 provinces and 514 kabupaten/kota of idn-area-data (ODbL) by Kemendagri code,
 * with the shipped map outlines. Idempotent: re-running after a data release renames or adds
 * regions and keeps every link (rows are keyed by code, never deleted).
 */
export async function importRegions(db: PrismaClient): Promise<{ provinces: number; regencies: number }> {
  const provinces = await getProvinces();
  const regencies = await getRegencies({ transform: true });
  const shapes = await readShippedShapes();
  await db.$transaction(
    async (tx) => {
      for (const province of provinces) {
        const own = regencies.filter((r) => r.provinceCode === province.code && shapes[r.code]);
        const lat = own.length ? mean(own.map((r) => shapes[r.code][1])) : null;
        const lng = own.length ? mean(own.map((r) => shapes[r.code][2])) : null;
        const data = { name: province.name, timeZone: ianaZoneForRegionCode(province.code), lat, lng };
        await tx.region.upsert({
          where: { code: province.code },
          create: { code: province.code, kind: "PROVINCE", ...data },
          update: data,
        });
      }
      for (const regency of regencies) {
        const shape = shapes[regency.code];
        const data = {
          name: regency.name,
          kind: regency.name.startsWith("Kota ") ? ("CITY" as const) : ("REGENCY" as const),
          provinceCode: regency.provinceCode,
          timeZone: ianaZoneForRegionCode(regency.code),
          ...(shape ? { mapPath: shape[0], lat: shape[1], lng: shape[2] } : {}),
        };
        await tx.region.upsert({
          where: { code: regency.code },
          create: { code: regency.code, ...data },
          update: data,
        });
      }
    },
    { timeout: 120_000 },
  );
  return { provinces: provinces.length, regencies: regencies.length };
}

function mean(values: number[]) {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100000) / 100000;
}

export async function regionExists(code: string) {
  return (await prisma.region.count({ where: { code } })) > 0;
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
    prisma.pairing.findMany({
      where: { AND: [{ mentorRegionCode: code }, pairingVisibility] },
      select: { id: true, topic: true, status: true, menteeRegion: { select: { code: true, name: true } } },
    }),
    prisma.pairing.findMany({
      where: { AND: [{ menteeRegionCode: code }, pairingVisibility] },
      select: { id: true, topic: true, status: true, mentorRegion: { select: { code: true, name: true } } },
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
  return {
    regions,
    pairings,
    practiceRegions: practices.map((p) => ({ code: p.regionCode, count: p._count._all })),
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
