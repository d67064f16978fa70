// Progress toward the target in the indicator's good direction: rising is progress when higher is
// better, falling when lower is better; the wrong way is negative; past the target is over 1.
import { describe, expect, it } from "vitest";
import { latestProgress, progressTowardTarget } from "~/modules/projects/indicator-progress";

describe("progressTowardTarget", () => {
  it.each([
    ["higher is better, rising (road condition 78.35 → 83 %)", "UP", 78.35, 83, 80, 0.355],
    ["higher is better, falling", "UP", 78.35, 83, 77, -0.29],
    ["higher is better, past the target", "UP", 1.22, 5, 6.2, 1.317],
    ["lower is better, falling", "DOWN", 20, 10, 15, 0.5],
    ["lower is better, rising", "DOWN", 20, 10, 25, -0.5],
    ["lower is better, past the target", "DOWN", 20, 10, 5, 1.5],
    ["higher is better, a target below the baseline, falling", "UP", 10, 5, 8, -0.4],
    ["baseline equals target, reached", "UP", 5, 5, 5, 1],
    ["baseline equals target, not reached", "DOWN", 5, 5, 6, 0],
  ] as const)("%s", (_label, direction, baseline, target, latest, expected) => {
    expect(progressTowardTarget({ direction, baseline, target }, latest)).toBeCloseTo(expected, 2);
  });

  it("has nothing to say without a baseline, a target or a value", () => {
    expect(progressTowardTarget({ direction: "UP", baseline: null, target: 5 }, 3)).toBeNull();
    expect(progressTowardTarget({ direction: "UP", baseline: 1, target: null }, 3)).toBeNull();
    expect(progressTowardTarget({ direction: "UP", baseline: 1, target: 5 }, null)).toBeNull();
  });
});

describe("latestProgress", () => {
  it("reads the latest measurement (oldest first)", () => {
    // consultation visits, lower is better in this reading: 5,129 (2022) → target 4,500
    const indicator = { direction: "DOWN" as const, baseline: 5129, target: 4500 };
    expect(latestProgress({ ...indicator, measurements: [{ value: 5000 }, { value: 4772 }] })).toBeCloseTo(
      0.568,
      3,
    );
    expect(latestProgress({ ...indicator, measurements: [] })).toBeNull();
  });
});
