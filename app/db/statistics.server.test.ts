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

  it("re-analyses only when the rows moved past the threshold", async () => {
    await sql.exec(`INSERT INTO item SELECT i, 'k' FROM generate_series(2001, 2100) i`);
    expect(await analyzeStaleTables(sql)).toEqual([]);
    expect(await estimate()).toBe(2000);
    await sql.exec(`INSERT INTO item SELECT i, 'k' FROM generate_series(2101, 3000) i`);
    expect(await analyzeStaleTables(sql)).toEqual(["item"]);
    expect(await estimate()).toBe(3000);
  });
});
