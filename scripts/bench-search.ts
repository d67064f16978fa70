// npm run bench:search [-- --scale N --runs R --reload-runs R --keep DIR --no-scale --json]
// Search quality and speed of the catalogue (docs/decisions/0054):
//  1. on the demo catalogue (prisma/seed-demo.ts), runs every judged query of
//     tests/search/judged-queries.json through searchCatalog and prints recall@3, MRR@10, nDCG@10
//     and the zero-result rate, with the queries that miss;
//  2. tops the database up to N generated practices (the 10k bench seed, prisma/seed-scale.ts),
//     ANALYZEs, and times every judged query uncached (no page cache), as it usually runs (the
//     catalogue vocabulary loaded) and in the worst case (the vocabulary forgotten before each run,
//     as after a catalogue change): p50/p95 of the database time and end to end, per query and overall.
// A throw-away embedded database (or the PostgreSQL server of DATABASE_URL, a throw-away one).
// Exits 1 when recall@3 < 0.9 or a judged query finds nothing.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseFromPglite, isPostgresUrl, openDatabase, openPglite } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import { analyzeAll } from "../app/db/statistics.server";
import { parseScale } from "../prisma/seed-scale";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    /** runs per query with the vocabulary forgotten first (each loads it: slow) */
    "reload-runs": { type: "string", default: "1" },
    keep: { type: "string" },
    "no-scale": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const scale = parseScale(values.scale);
const runs = Number(values.runs);
const reloadRuns = Number(values["reload-runs"]);

type Judged = { q: string; kind: string; relevant: string[] };
const judged: Judged[] = JSON.parse(
  await readFile(new URL("../tests/search/judged-queries.json", import.meta.url), "utf8"),
).queries;

const postgresUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), "lintas-search-"));

/**
 * Database time: the wall time during which at least one statement of ours was running (the
 * statements of one search that overlap on a PostgreSQL pool are counted once), measured at the
 * driver — PGlite's query/exec, node-postgres' pool.query — so it holds the engine's work and the
 * rows' decoding but not Prisma's nor the search's own JavaScript.
 */
const dbClock = { busy: 0, cpu: 0, inFlight: 0, since: 0, cpuSince: process.cpuUsage() };
function timed<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  return async function (this: unknown, ...args: A): Promise<R> {
    if (dbClock.inFlight++ === 0) {
      dbClock.since = performance.now();
      dbClock.cpuSince = process.cpuUsage();
    }
    try {
      return await run.apply(this, args);
    } finally {
      if (--dbClock.inFlight === 0) {
        dbClock.busy += performance.now() - dbClock.since;
        const { user, system } = process.cpuUsage(dbClock.cpuSince);
        dbClock.cpu += (user + system) / 1000;
      }
    }
  };
}
async function openTimedDatabase() {
  if (postgresUrl) {
    pg.Pool.prototype.query = timed(pg.Pool.prototype.query) as typeof pg.Pool.prototype.query;
    return openDatabase(postgresUrl, "");
  }
  const client = await openPglite(path.join(dir, "pg"));
  client.query = timed(client.query.bind(client)) as typeof client.query;
  client.exec = timed(client.exec.bind(client)) as typeof client.exec;
  return databaseFromPglite(client);
}
const database = await openTimedDatabase();
globalThis.__lintasDatabase = database;
const { prisma } = database;

/** Share of the relevant practices (at most k of them) in the first k results. */
export function recallAt(k: number, found: string[], relevant: string[]) {
  const top = new Set(found.slice(0, k));
  return relevant.filter((r) => top.has(r)).length / Math.min(k, relevant.length);
}

export function reciprocalRankAt(k: number, found: string[], relevant: string[]) {
  const i = found.slice(0, k).findIndex((s) => relevant.includes(s));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Binary gains: 1 for a relevant practice, 0 otherwise. */
export function ndcgAt(k: number, found: string[], relevant: string[]) {
  const dcg = found
    .slice(0, k)
    .reduce((sum, s, i) => sum + (relevant.includes(s) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.length); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fixed = (n: number) => n.toFixed(3);
const ms = (n: number) => `${n.toFixed(1)} ms`;

try {
  const quiet = () => {};
  await applyMigrations(database.sql, await readMigrations(), quiet);
  const { seedDemo } = await import("../prisma/seed-demo");
  await seedDemo(prisma, { log: quiet });
  const { searchCatalog, invalidateCatalogVocabulary } = await import(
    "../app/modules/catalogue/catalog-search.server"
  );
  const catalogue = await prisma.practice.count({ where: { status: "PUBLISHED" } });

  // 1. quality on the demo catalogue
  const rows = [];
  for (const j of judged) {
    const result = await searchCatalog({ q: j.q });
    const found = result.practices.map((p) => p.slug);
    rows.push({
      ...j,
      found,
      total: result.total,
      corrected: result.corrected,
      recall3: recallAt(3, found, j.relevant),
      rr10: reciprocalRankAt(10, found, j.relevant),
      ndcg10: ndcgAt(10, found, j.relevant),
    });
  }
  const quality = {
    queries: rows.length,
    catalogue,
    recallAt3: mean(rows.map((r) => r.recall3)),
    mrrAt10: mean(rows.map((r) => r.rr10)),
    ndcgAt10: mean(rows.map((r) => r.ndcg10)),
    zeroResultRate: rows.filter((r) => r.total === 0).length / rows.length,
  };
  console.log(
    `\nSearch quality: ${rows.length} judged queries on ${catalogue > 1000 ? "a scaled catalogue (--keep)" : "the demo catalogue"} (${catalogue} published practices)\n`,
  );
  console.log(`  recall@3         ${fixed(quality.recallAt3)}   (target ≥ 0.900)`);
  console.log(`  MRR@10           ${fixed(quality.mrrAt10)}`);
  console.log(`  nDCG@10          ${fixed(quality.ndcgAt10)}`);
  console.log(`  zero-result rate ${fixed(quality.zeroResultRate)}   (target 0)`);
  const misses = rows.filter((r) => r.recall3 < 1);
  if (misses.length) {
    console.log(`\n  Not all relevant in the top 3 (${misses.length}):`);
    for (const r of misses)
      console.log(
        `   - "${r.q}"${r.corrected ? ` (→ "${r.corrected}")` : ""}: recall@3 ${r.recall3.toFixed(2)}, ` +
          `top 3 ${JSON.stringify(r.found.slice(0, 3))}`,
      );
  }

  const late = rows.filter((r) => r.recall3 === 1 && r.rr10 < 1);
  if (late.length) {
    console.log(`\n  In the top 3 but not first (${late.length}):`);
    for (const r of late) console.log(`   - "${r.q}": first relevant at rank ${Math.round(1 / r.rr10)}`);
  }

  // 2. latency at N practices, uncached: end to end (parsing, the statements, shaping the result)
  // and the database's share of it, per query and overall
  type Timing = { e2e: number[]; db: number[]; cpu: number[] };
  type Summary = {
    p50: number;
    p95: number;
    dbP50: number;
    dbP95: number;
    /** the process's CPU time in the driver calls: PGlite's own work, whatever else the cores run */
    cpuP50: number;
    cpuP95: number;
  };
  const summarise = (t: Timing): Summary => {
    const e2e = [...t.e2e].sort((a, b) => a - b);
    const db = [...t.db].sort((a, b) => a - b);
    const cpu = [...t.cpu].sort((a, b) => a - b);
    return {
      p50: percentile(e2e, 50),
      p95: percentile(e2e, 95),
      dbP50: percentile(db, 50),
      dbP95: percentile(db, 95),
      cpuP50: percentile(cpu, 50),
      cpuP95: percentile(cpu, 95),
    };
  };
  let latency: {
    practices: number;
    loadAverage: number[];
    usual: Summary;
    reloaded: Summary;
    perQuery: ({ q: string } & Summary)[];
  } | null = null;
  if (!values["no-scale"]) {
    const { seedScale } = await import("../prisma/seed-scale");
    await seedScale(prisma, { count: scale, log: quiet, progress: false });
    await analyzeAll(database.sql);
    const practices = await prisma.practice.count({ where: { status: "PUBLISHED" } });
    async function timeSearch(q: string, into: Timing) {
      const { busy, cpu } = dbClock;
      const started = performance.now();
      await searchCatalog({ q });
      into.e2e.push(performance.now() - started);
      into.db.push(dbClock.busy - busy);
      into.cpu.push(dbClock.cpu - cpu);
    }
    const usual: Timing = { e2e: [], db: [], cpu: [] };
    const reloaded: Timing = { e2e: [], db: [], cpu: [] };
    const perQuery: ({ q: string } & Summary)[] = [];
    for (const j of judged) {
      await searchCatalog({ q: j.q }); // warm-up: plans and the connection
      // usual: the vocabulary loaded, as between catalogue changes; no result is cached
      const mine: Timing = { e2e: [], db: [], cpu: [] };
      for (let i = 0; i < runs; i++) await timeSearch(j.q, mine);
      usual.e2e.push(...mine.e2e);
      usual.db.push(...mine.db);
      usual.cpu.push(...mine.cpu);
      perQuery.push({ q: j.q, ...summarise(mine) });
      // the worst case: the vocabulary forgotten before each run (after a catalogue change)
      for (let i = 0; i < reloadRuns; i++) {
        invalidateCatalogVocabulary();
        await timeSearch(j.q, reloaded);
      }
    }
    perQuery.sort((a, b) => b.dbP95 - a.dbP95);
    latency = {
      practices,
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      usual: summarise(usual),
      reloaded: summarise(reloaded),
      perQuery,
    };
    console.log(
      `\nLatency: ${judged.length} judged queries × ${runs} runs at ${practices} published practices, ` +
        `uncached (${postgresUrl ? "PostgreSQL server" : "embedded PGlite"}; load average ${latency.loadAverage.join(" ")} on ${os.cpus().length} cores)\n`,
    );
    // on PGlite the database runs in this process: its CPU time is its time on a quiet machine
    const embedded = !postgresUrl;
    const cells = (r: Summary) =>
      [r.dbP50, r.dbP95, ...(embedded ? [r.cpuP50, r.cpuP95] : []), r.p50, r.p95]
        .map((n) => ms(n).padStart(9))
        .join(" ");
    const header = `   ${["db p50", "db p95", ...(embedded ? ["db CPU p50", "p95"] : []), "e2e p50", "e2e p95"].map((h) => h.padStart(9)).join(" ")}`;
    console.log(
      `  database: wall time in the driver calls${embedded ? "; db CPU: their CPU time" : ""}; e2e: the whole searchCatalog call\n`,
    );
    console.log(header);
    console.log(`${cells(latency.usual)}   all queries, vocabulary loaded (usual)`);
    if (reloadRuns > 0)
      console.log(
        `${cells(latency.reloaded)}   all queries, vocabulary reloaded each run (after a catalogue change)`,
      );
    console.log(`\n  Per query, vocabulary loaded, slowest database p95 first:`);
    for (const r of perQuery) console.log(`${cells(r)}   "${r.q}"`);
  }
  if (values.json) console.log(JSON.stringify({ quality, latency }, null, 2));
  if (quality.recallAt3 < 0.9 || quality.zeroResultRate > 0) process.exitCode = 1;
} finally {
  await database.close().catch(() => {});
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
