// Matching help: mentor regions suggested for a mentee region's need.
import { prisma } from "~/db.server";
import { zoneDifferenceHours } from "~/utils/dates";
import { ianaZoneForRegionCode } from "~/utils/time-zones";

function distanceKm(
  a: { lat: number | null; lng: number | null },
  b: { lat: number | null; lng: number | null },
) {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371 * 2 * Math.asin(Math.sqrt(h)));
}

const PROJECT_WEIGHT: Record<string, number> = { SUSTAINED: 5, IMPLEMENTED: 4, LAUNCHED: 3, PILOTING: 1 };

/** Where the need's words were found in a project or practice. */
export type MatchedField = "sector" | "title" | "tags" | "text";

/** One reason a region is suggested, with the points it adds to the score. */
export type MentorReason =
  | {
      kind: "practice" | "project";
      name: string;
      /** the practice's maturity or the project's status */
      status: string;
      matched: MatchedField[];
      /** measured results: a project's indicator with a measurement, a practice's results written */
      results: boolean;
      points: number;
    }
  | { kind: "zone"; hours: number; points: number }
  | { kind: "distance"; km: number; points: number };

/** Working together is easier on the same clock and within a day's travel: small tie-breakers. */
function zonePoints(hours: number) {
  return hours === 0 ? 0.5 : Math.abs(hours) === 1 ? 0.25 : 0;
}
const NEAR_KM = 500;

/**
 * Mentor regions for a mentee's need, best first: published practices and launched or
 * implemented projects whose sector, title or tags match count most (more with measured
 * results); drafts count nothing; the same zone or a short distance adds a little. Each
 * suggestion carries its reasons with their points, which add up to its score.
 */
export async function suggestMentors(need: string, menteeRegionCode: string, limit = 10) {
  const words = need
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
  if (words.length === 0) return [];
  const matchIn = (fields: Partial<Record<MatchedField, (string | null | undefined)[]>>) => {
    const matched: MatchedField[] = [];
    const found = new Set<string>();
    for (const [field, values] of Object.entries(fields) as [MatchedField, (string | null)[]][]) {
      const text = values.filter(Boolean).join(" ").toLowerCase();
      const hits = words.filter((w) => text.includes(w));
      if (hits.length > 0) matched.push(field);
      for (const w of hits) found.add(w);
    }
    return { share: found.size / words.length, matched };
  };
  const [mentee, projects, practices] = await Promise.all([
    prisma.region.findUnique({ where: { code: menteeRegionCode }, select: { lat: true, lng: true } }),
    prisma.changeProject.findMany({
      where: {
        status: { in: ["PILOTING", "LAUNCHED", "IMPLEMENTED", "SUSTAINED"] },
        regionCode: { not: menteeRegionCode },
      },
      select: {
        id: true,
        title: true,
        acronym: true,
        sector: true,
        problem: true,
        status: true,
        regionCode: true,
        _count: { select: { indicators: { where: { measurements: { some: {} } } } } },
      },
    }),
    prisma.practice.findMany({
      where: { status: "PUBLISHED", regionCode: { not: menteeRegionCode } },
      select: {
        slug: true,
        name: true,
        sector: true,
        tags: true,
        summary: true,
        results: true,
        maturity: true,
        regionCode: true,
      },
    }),
  ]);
  const reasonsByRegion = new Map<string, MentorReason[]>();
  const add = (code: string, reason: MentorReason) =>
    reasonsByRegion.set(code, [...(reasonsByRegion.get(code) ?? []), reason]);
  const round = (n: number) => Math.round(n * 100) / 100;
  for (const p of projects) {
    const { share, matched } = matchIn({
      sector: [p.sector],
      title: [p.title, p.acronym],
      text: [p.problem],
    });
    const results = p._count.indicators > 0;
    if (share > 0)
      add(p.regionCode, {
        kind: "project",
        name: p.acronym ?? p.title,
        status: p.status,
        matched,
        results,
        points: round(share * (PROJECT_WEIGHT[p.status] ?? 0) + (results ? 0.5 : 0)),
      });
  }
  for (const p of practices) {
    const { share, matched } = matchIn({
      sector: [p.sector],
      title: [p.name],
      tags: p.tags,
      text: [p.summary],
    });
    const results = Boolean(p.results?.trim());
    if (share > 0)
      add(p.regionCode, {
        kind: "practice",
        name: p.name,
        status: p.maturity,
        matched,
        results,
        points: round(
          share * 6 +
            (p.maturity === "REPLICATED" || p.maturity === "SUSTAINED" ? 1 : 0) +
            (results ? 0.5 : 0),
        ),
      });
  }
  const regions = await prisma.region.findMany({
    where: { code: { in: [...reasonsByRegion.keys()] } },
    select: { code: true, name: true, lat: true, lng: true },
  });
  const menteeZone = ianaZoneForRegionCode(menteeRegionCode);
  return regions
    .map((region) => {
      const evidence = reasonsByRegion
        .get(region.code)!
        .sort((a, b) => b.points - a.points)
        .slice(0, 3);
      const km = mentee ? distanceKm(mentee, region) : null;
      const hours = zoneDifferenceHours(menteeZone, ianaZoneForRegionCode(region.code));
      const reasons: MentorReason[] = [
        ...evidence,
        { kind: "zone", hours, points: zonePoints(hours) },
        ...(km === null ? [] : [{ kind: "distance" as const, km, points: km <= NEAR_KM ? 0.25 : 0 }]),
      ];
      return {
        code: region.code,
        name: region.name,
        score: round(reasons.reduce((sum, r) => sum + r.points, 0)),
        reasons,
        distanceKm: km,
        zoneDifferenceHours: hours,
      };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
