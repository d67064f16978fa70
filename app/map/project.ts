// Turns GeoJSON boundaries into small SVG paths on a fixed Mercator canvas of Indonesia.
// d3-geo projects; simplify-js (Ramer–Douglas–Peucker) drops points smaller than a pixel.
import { geoMercator } from "d3-geo";
import simplify from "simplify-js";

export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 380;

// Indonesia from Sabang to Merauke, with a margin
const projection = geoMercator()
  .center([118, -2.5])
  .scale(1050)
  .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);

export function projectPoint(lng: number, lat: number): [number, number] {
  const point = projection([lng, lat]);
  if (!point) throw new Error(`cannot project ${lng},${lat}`);
  return [round(point[0]), round(point[1])];
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}

type Position = [number, number];
export type Geometry = { type: string; coordinates?: unknown };

function depthOf(value: unknown): number {
  let depth = 0;
  while (Array.isArray(value)) {
    depth++;
    value = value[0];
  }
  return depth;
}

/**
 * The rings of a Polygon or MultiPolygon. Some published files label a list of rings as a
 * MultiPolygon; the nesting depth, not the label, decides. Null when it is not polygons at all.
 */
export function ringsOf(geometry: Geometry): Position[][] | null {
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") return null;
  const depth = depthOf(geometry.coordinates);
  const rings =
    depth === 4
      ? (geometry.coordinates as Position[][][]).flat()
      : depth === 3
        ? (geometry.coordinates as Position[][])
        : null;
  if (!rings) return null;
  const valid = rings.every((ring) =>
    ring.every(
      ([lng, lat]) =>
        Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180,
    ),
  );
  // slivers of fewer than four positions are not rings: drop them
  const usable = rings.filter((ring) => ring.length >= 4);
  return valid && usable.length > 0 ? usable : null;
}

/** An SVG path for polygon rings, simplified to `tolerance` pixels; tiny islands dropped. */
export function svgPathFor(rings: Position[][], tolerance = 0.5): string {
  const parts: string[] = [];
  {
    for (const ring of rings) {
      const projected = ring.map(([lng, lat]) => {
        const [x, y] = projectPoint(lng, lat);
        return { x, y };
      });
      const simple = simplify(projected, tolerance, true);
      if (simple.length < 4 || area(simple) < tolerance * tolerance) continue;
      parts.push(
        "M" +
          simple
            .slice(0, -1)
            .map((p) => `${p.x} ${p.y}`)
            .join("L") +
          "Z",
      );
    }
  }
  return parts.join("");
}

function area(points: { x: number; y: number }[]) {
  let sum = 0;
  for (let i = 0; i < points.length - 1; i++)
    sum += points[i].x * points[i + 1].y - points[i + 1].x * points[i].y;
  return Math.abs(sum / 2);
}
