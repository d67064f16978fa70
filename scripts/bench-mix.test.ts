import { describe, expect, it } from "vitest";
import { checkTarget, createMixPlan, hitRatio, percentile, summarise, writeSchedule } from "./bench-mix";

describe("bench helpers", () => {
  it("takes nearest-rank percentiles of sorted samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
    expect(summarise([30, 10, 20])).toEqual({ p50: 20, p95: 30, p99: 30 });
  });

  it("says n/a (null) for the hit ratio when no answer carried the cache header", () => {
    expect(hitRatio(0, 0)).toBeNull();
    expect(hitRatio(9, 1)).toBe(0.9);
    // answers without the header (pages the cache does not keep) were rendered: misses
    expect(hitRatio(9, 1, 20)).toBe(0.45);
    expect(hitRatio(0, 0, 20)).toBeNull();
  });

  it("spaces the writer's writes evenly at the asked rate", () => {
    expect(writeSchedule(2, 3)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(writeSchedule(5, 1)).toEqual([0, 200, 400, 600, 800]);
    expect(writeSchedule(0, 10)).toEqual([]);
  });

  it("spreads the mix over every person's own pages and the anonymous pages", () => {
    const people = Array.from({ length: 50 }, (_, i) => ({
      cookie: `s=${i}`,
      pages: [
        { kind: "project", path: `/proyek/p${i}` },
        { kind: "dashboard", path: "/dasbor" },
      ],
    }));
    const next = createMixPlan({
      people,
      anonymousPages: [{ kind: "catalogue", path: "/katalog?q=a" }],
      signedInShare: 0.7,
    });
    const requests = Array.from({ length: 5000 }, next);
    const cookies = new Set(requests.map((r) => r.cookie).filter(Boolean));
    expect(cookies.size).toBe(50);
    const anonymous = requests.filter((r) => r.anonymous);
    expect(anonymous.length / requests.length).toBeGreaterThan(0.25);
    expect(anonymous.length / requests.length).toBeLessThan(0.35);
    expect(anonymous.every((r) => r.cookie === undefined && r.kind === "catalogue")).toBe(true);
    // a person only gets their own pages
    for (const r of requests.filter((r) => !r.anonymous && r.kind === "project")) {
      expect(r.path).toBe(`/proyek/p${r.cookie!.slice(2)}`);
    }
    // the same seed asks for the same pages in the same order
    const again = createMixPlan({ people, anonymousPages: [{ kind: "catalogue", path: "/katalog?q=a" }] });
    expect(Array.from({ length: 20 }, again)).toEqual(requests.slice(0, 20));
  });

  it("checks targets without failing the run", () => {
    expect(checkTarget(210, { atLeast: 200 })).toBe("met");
    expect(checkTarget(180, { atLeast: 200 })).toBe("not met");
    expect(checkTarget(151, { atMost: 150 })).toBe("not met");
    expect(checkTarget(undefined, { atMost: 150 })).toBe("not measured");
  });
});
