import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDriver } from "./database.server";
import { analyzeNeverAnalyzed, analyzeStaleTables, isStale } from "./statistics.server";

describe("the stale-statistics threshold", () => {
  it("is autovacuum's: more than 50 rows + 10 % moved, or never analysed", () => {
    expect(isStale(-1, 0)).toBe(true);
    expect(isStale(0, 50)).toBe(false);
    expect(isStale(0, 51)).toBe(true);
    expect(isStale(1000, 1150)).toBe(false);
    expect(isStale(1000, 1151)).toBe(true);
    expect(isStale(1000, 849)).toBe(true);
  });
});

describe("planner statistics on PGlite", () => {
  const client = new PGlite();
  const sql = pgliteDriver(client);
  const estimate = async () =>
    Number(
      (
        await sql.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'item'`)
      )[0].n,
    );
  beforeAll(async () => {
    await sql.exec(`CREATE TABLE item (id int primary key, kind text)`);
    await sql.exec(`INSERT INTO item SELECT i, 'k' || (i % 7) FROM generate_series(1, 2000) i`);
  });
  afterAll(() => client.close());

  it("analyses a table that has no statistics, then leaves it alone", async () => {
    expect(await analyzeNeverAnalyzed(sql)).toEqual(["item"]);
    expect(await estimate()).toBe(2000);
    expect(await analyzeNeverAnalyzed(sql)).toEqual([]);
  });

  it("leaves an empty table alone once analysed, and analyses it again when it has rows", async () => {
    const analysedAt = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = 'empty_one'`,
        )
      )[0].n;
    await sql.exec(`CREATE TABLE empty_one (id int primary key)`);
    // never analysed: analysed now; it keeps no statistics, being empty
    expect(await analyzeNeverAnalyzed(sql)).toEqual(["empty_one"]);
    expect(await analysedAt()).toBe(1);
    // an empty table is not analysed again on every start
    expect(await analyzeNeverAnalyzed(sql)).toEqual([]);
    expect(await analysedAt()).toBe(1);
    // rows came in since: analysed again
    await sql.exec(`INSERT INTO empty_one SELECT generate_series(1, 30)`);
    expect(await analyzeNeverAnalyzed(sql)).toEqual(["empty_one"]);
    expect(await analyzeNeverAnalyzed(sql)).toEqual([]);
  });

  it("re-analyses only when the rows moved past the threshold", async () => {
    await sql.exec(`INSERT INTO item SELECT i, 'k' FROM generate_series(2001, 2100) i`);
    expect(await analyzeStaleTables(sql)).toEqual([]);
    expect(await estimate()).toBe(2000);
    await sql.exec(`INSERT INTO item SELECT i, 'k' FROM generate_series(2101, 3000) i`);
    expect(await analyzeStaleTables(sql)).toEqual(["item"]);
    expect(await estimate()).toBe(3000);
  });
});
