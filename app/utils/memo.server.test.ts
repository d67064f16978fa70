import { describe, expect, it } from "vitest";
import { createInFlight, createMemo } from "./memo.server";

describe("createMemo", () => {
  it("computes once for callers at the same time and keeps the value for its time", async () => {
    let clock = 1_000;
    let runs = 0;
    const memo = createMemo<number>({ ttlMs: 60_000, now: () => clock });
    const compute = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return runs;
    };
    const [a, b] = await Promise.all([memo.get("k", compute), memo.get("k", compute)]);
    expect([a.value, b.value, runs]).toEqual([1, 1, 1]);
    expect(a.computedAt.getTime()).toBe(1_000);
    clock += 59_999;
    expect((await memo.get("k", compute)).value).toBe(1);
    clock += 1;
    expect((await memo.get("k", compute)).value).toBe(2);
    expect((await memo.get("other", compute)).value).toBe(3);
  });

  it("keeps nothing with a zero time, forgets failures and drops the oldest key past the limit", async () => {
    let runs = 0;
    const never = createMemo<number>({ ttlMs: 0 });
    await never.get("k", async () => ++runs);
    await never.get("k", async () => ++runs);
    expect(runs).toBe(2);

    const memo = createMemo<number>({ ttlMs: 60_000, maxEntries: 2 });
    await expect(memo.get("bad", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await memo.get("bad", async () => 7)).value).toBe(7);
    await memo.get("b", async () => 8);
    await memo.get("c", async () => 9); // "bad" goes
    expect((await memo.get("bad", async () => 10)).value).toBe(10);
    expect((await memo.get("c", async () => 11)).value).toBe(9);
  });
});

describe("createInFlight", () => {
  it("shares a computation among callers while it runs, and keeps nothing once it has answered or failed", async () => {
    const shared = createInFlight<number>();
    let runs = 0;
    const compute = async () => {
      const run = ++runs;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return run;
    };
    const a = shared("k", compute);
    expect(shared("k", compute)).toBe(a);
    const other = shared("other", compute);
    expect(await a).toBe(1);
    expect(await other).toBe(2);
    // answered: the next caller computes again
    expect(await shared("k", compute)).toBe(3);
    const failing = shared("k", async () => {
      throw new Error("gagal");
    });
    await expect(failing).rejects.toThrow("gagal");
    expect(await shared("k", compute)).toBe(4);
  });
});
