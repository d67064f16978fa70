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

/**
 * Mentor regions for a mentee's need, best first: published practices and launched or
 * implemented projects whose sector, title or tags match count most; drafts count nothing.
 */
export async function suggestMentors(need: string, menteeRegionCode: string, limit = 10) {
  const words = need
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
  if (words.length === 0) return [];
  const matchText = (fields: (string | null | undefined)[]) => {
    const text = fields.filter(Boolean).join(" ").toLowerCase();
    return words.filter((w) => text.includes(w)).length / words.length;
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
        _count: { select: { indicators: true } },
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
        maturity: true,
        regionCode: true,
      },
    }),
  ]);
  const scores = new Map<string, { score: number; reasons: string[] }>();
  const add = (code: string, score: number, reason: string) => {
    const entry = scores.get(code) ?? { score: 0, reasons: [] };
    entry.score += score;
    entry.reasons.push(reason);
    scores.set(code, entry);
  };
  for (const p of projects) {
    const match = matchText([p.title, p.acronym, p.sector, p.problem]);
    if (match > 0)
      add(
        p.regionCode,
        match * (PROJECT_WEIGHT[p.status] ?? 0) + (p._count.indicators > 0 ? 0.5 : 0),
        p.acronym ?? p.title,
      );
  }
  for (const p of practices) {
    const match = matchText([p.name, p.sector, p.summary, ...p.tags]);
    if (match > 0)
      add(
        p.regionCode,
        match * 6 + (p.maturity === "REPLICATED" || p.maturity === "SUSTAINED" ? 1 : 0),
        p.name,
      );
  }
  const regions = await prisma.region.findMany({
    where: { code: { in: [...scores.keys()] } },
    select: { code: true, name: true, lat: true, lng: true },
  });
  const menteeZone = ianaZoneForRegionCode(menteeRegionCode);
  return regions
    .map((region) => ({
      code: region.code,
      name: region.name,
      score: Math.round(scores.get(region.code)!.score * 100) / 100,
      reasons: scores.get(region.code)!.reasons.slice(0, 3),
      distanceKm: mentee ? distanceKm(mentee, region) : null,
      zoneDifferenceHours: zoneDifferenceHours(menteeZone, ianaZoneForRegionCode(region.code)),
    }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
