// Region outlines and centroids for the map, from a GeoJSON FeatureCollection whose features
// carry Kemendagri codes (properties.code). Validated whole before anything is written.
import { z } from "zod";
import { prisma } from "~/db.server";
import { ringsOf, svgPathFor } from "~/map/project";

export type RegionShape = { code: string; mapPath: string; lat: number; lng: number };
export type GeoReport = { shapes: RegionShape[]; problems: string[]; missing: string[] };

const featureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ code: z.string() }).passthrough(),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
    }),
  ),
});

/** Parses and simplifies a GeoJSON text; every problem is reported, none thrown. */
export function shapesFromGeoJson(text: string): { shapes: RegionShape[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { shapes: [], problems: [`Not JSON: ${(error as Error).message}`] };
  }
  const parsed = featureCollection.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      shapes: [],
      problems: [
        `Not a FeatureCollection of features with properties.code: ${issue.path.join(".")} ${issue.message}`,
      ],
    };
  }
  const problems: string[] = [];
  const shapes: RegionShape[] = [];
  const seen = new Set<string>();
  for (const [index, feature] of parsed.data.features.entries()) {
    const code = feature.properties.code.trim();
    if (!/^\d{2}(\.\d{2})?$/.test(code)) {
      problems.push(`Feature ${index}: "${code}" is not a Kemendagri code (74 or 74.71)`);
      continue;
    }
    if (seen.has(code)) {
      problems.push(`Feature ${index}: code ${code} appears twice`);
      continue;
    }
    seen.add(code);
    const rings = ringsOf(feature.geometry);
    if (!rings) {
      problems.push(`Feature ${index} (${code}): geometry is not a valid Polygon/MultiPolygon`);
      continue;
    }
    const [lng, lat] = planarCentroid(rings);
    shapes.push({ code, mapPath: svgPathFor(rings), lat: round(lat), lng: round(lng) });
  }
  return { shapes, problems };
}

/**
 * Area-weighted centroid in degrees, planar (regions are small). Each ring counts by its
 * absolute area, so files that wind rings either way give the same point.
 */
function planarCentroid(rings: [number, number][][]): [number, number] {
  let total = 0;
  let x = 0;
  let y = 0;
  for (const ring of rings) {
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(area) < 1e-12) continue;
    const weight = Math.abs(area / 2);
    total += weight;
    x += (cx / (3 * area)) * weight;
    y += (cy / (3 * area)) * weight;
  }
  return total > 0 ? [x / total, y / total] : rings[0][0];
}

function round(value: number) {
  return Math.round(value * 100000) / 100000;
}

/** Checks shapes against the region table: unknown codes are problems; regions without a shape are listed. */
export async function checkShapesAgainstRegions(
  shapes: RegionShape[],
): Promise<{ problems: string[]; missing: string[] }> {
  const regions = await prisma.region.findMany({
    where: { kind: { not: "PROVINCE" } },
    select: { code: true },
  });
  const known = new Set(regions.map((r) => r.code));
  const given = new Set(shapes.map((s) => s.code));
  const problems = shapes
    .filter((s) => !known.has(s.code))
    .map((s) => `Code ${s.code} is not a kabupaten/kota in Lintas`);
  const missing = [...known].filter((code) => !given.has(code)).sort();
  return { problems, missing };
}

/** Validates, then writes every shape in one transaction; with any problem, writes nothing. */
export async function importRegionShapes(text: string): Promise<GeoReport & { written: number }> {
  const parsed = shapesFromGeoJson(text);
  const checked = await checkShapesAgainstRegions(parsed.shapes);
  const problems = [...parsed.problems, ...checked.problems];
  if (problems.length > 0) return { shapes: parsed.shapes, problems, missing: checked.missing, written: 0 };
  await writeRegionShapes(parsed.shapes);
  return { shapes: parsed.shapes, problems, missing: checked.missing, written: parsed.shapes.length };
}

export async function writeRegionShapes(shapes: RegionShape[]) {
  await prisma.$transaction(
    async (tx) => {
      for (const shape of shapes) {
        await tx.region.update({
          where: { code: shape.code },
          data: { mapPath: shape.mapPath, lat: shape.lat, lng: shape.lng },
        });
      }
    },
    { timeout: 120_000 },
  );
}
