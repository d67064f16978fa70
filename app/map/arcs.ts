// The map's pairing arcs, from mentor to mentee, laid out so that none hides another: every arc
// bends left of its direction (A → B and B → A fall on either side), by a fifth of its length and
// at least MIN_BEND pixels (a short arc stays visibly curved); an arc whose two ends lie near those
// of an arc already drawn (Kendari → Kota Blitar, then Kendari → Kabupaten Blitar) bends the other
// way, then further out on each side in turn, so the two separate (decision 0061).

type Point = [number, number];

/** Ends this close (pixels on the 1000 × 380 canvas) count as the same place. */
export const NEAR_PX = 12;
/** The smallest sideways bend of an arc's middle, in pixels. */
export const MIN_BEND = 10;
const BEND_SHARE = 0.2;

const near = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= NEAR_PX;

/** The i-th of arcs sharing their ends: 0 bends left, 1 right, 2 further left, 3 further right… */
function bendOf(length: number, level: number) {
  const side = level % 2 === 0 ? 1 : -1;
  const step = 1 + Math.floor(level / 2) * 0.75;
  return side * step * Math.max(length * BEND_SHARE, MIN_BEND);
}

/** The quadratic curve of each arc, in order, and its control point (for tests and labels). */
export function layoutArcs(arcs: { from: Point; to: Point }[]) {
  const drawn: { from: Point; to: Point }[] = [];
  return arcs.map(({ from, to }) => {
    const level = drawn.filter((d) => near(d.from, from) && near(d.to, to)).length;
    drawn.push({ from, to });
    const [x1, y1] = from;
    const [x2, y2] = to;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const length = Math.hypot(dx, dy) || 1;
    const bend = bendOf(length, level);
    // the unit normal to the left of the direction of travel (SVG's y points down)
    const nx = dy / length;
    const ny = -dx / length;
    const control: Point = [
      Math.round(((x1 + x2) / 2 + nx * bend) * 10) / 10,
      Math.round(((y1 + y2) / 2 + ny * bend) * 10) / 10,
    ];
    return { control, d: `M${x1} ${y1}Q${control[0]} ${control[1]} ${x2} ${y2}` };
  });
}
