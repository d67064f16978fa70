import { describe, expect, it } from "vitest";
import { MIN_BEND, layoutArcs } from "./arcs";
import { projectPoint } from "./project";

const kendari = projectPoint(122.532, -3.998);
const kotaBlitar = projectPoint(112.167, -8.094);
const kabBlitar = projectPoint(112.25, -8.1);
const konawe = projectPoint(122.4, -4.2);

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe("the map's pairing arcs", () => {
  it("separates two arcs from one city to two nearby cities (item 6)", () => {
    // Kota and Kabupaten Blitar are a pixel or two apart on the national map
    expect(distance(kotaBlitar, kabBlitar)).toBeLessThan(3);
    const [a, b] = layoutArcs([
      { from: kendari, to: kotaBlitar },
      { from: kendari, to: kabBlitar },
    ]);
    expect(a.d).not.toBe(b.d);
    // their middles lie on either side, well apart
    expect(distance(a.control, b.control)).toBeGreaterThan(2 * 0.2 * distance(kendari, kotaBlitar) - 5);
  });

  it("bends a short arc visibly, and A → B apart from B → A", () => {
    const [short] = layoutArcs([{ from: kendari, to: konawe }]);
    const middle: [number, number] = [(kendari[0] + konawe[0]) / 2, (kendari[1] + konawe[1]) / 2];
    expect(distance(short.control, middle)).toBeGreaterThanOrEqual(MIN_BEND - 0.1);
    const [there, back] = layoutArcs([
      { from: kendari, to: kotaBlitar },
      { from: kotaBlitar, to: kendari },
    ]);
    expect(distance(there.control, back.control)).toBeGreaterThan(50);
  });

  it("spreads a third and fourth arc between the same places further out", () => {
    const arcs = layoutArcs(Array.from({ length: 4 }, () => ({ from: kendari, to: kotaBlitar })));
    const controls = new Set(arcs.map((a) => a.control.join()));
    expect(controls.size).toBe(4);
  });
});
