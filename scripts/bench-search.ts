// npm run bench:search [-- --scale N --runs R --keep DIR --no-scale]
// Search quality and speed of the catalogue (docs/decisions/0054):
//  1. on the demo catalogue (prisma/seed-demo.ts), runs every judged query of
//     tests/search/judged-queries.json through searchCatalog and prints recall@3, MRR@10, nDCG@10
//     and the zero-result rate, with the queries that miss;
//  2. tops the database up to N generated practices (the 10k bench seed, prisma/seed-scale.ts),
//     ANALYZEs, and times every judged query uncached (no page cache; the catalogue vocabulary
//     is forgotten before each run, so each search loads it again: the worst case): p50/p95 per query.
// A throw-away embedded database (or the PostgreSQL server of DATABASE_URL, a throw-away one).
// Exits 1 when recall@3 < 0.9 or a judged query finds nothing.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { isPostgresUrl, openDatabase } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import { analyzeAll } from "../app/db/statistics.server";
import { parseScale } from "../prisma/seed-scale";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    keep: { type: "string" },
    "no-scale": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const scale = parseScale(values.scale);
const runs = Number(values.runs);

type Judged = { q: string; kind: string; relevant: string[] };
const judged: Judged[] = JSON.parse(
  await readFile(new URL("../tests/search/judged-queries.json", import.meta.url), "utf8"),
).queries;

const postgresUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), "lintas-search-"));
const database = await openDatabase(postgresUrl, path.join(dir, "pg"));
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

  // 2. latency at N practices, uncached
  let latency: { practices: number; p50: number; p95: number; slowest: { q: string; p95: number } } | null =
    null;
  if (!values["no-scale"]) {
    const { seedScale } = await import("../prisma/seed-scale");
    await seedScale(prisma, { count: scale, log: quiet, progress: false });
    await analyzeAll(database.sql);
    const practices = await prisma.practice.count({ where: { status: "PUBLISHED" } });
    const all: number[] = [];
    let slowest = { q: "", p95: 0 };
    for (const j of judged) {
      await searchCatalog({ q: j.q }); // warm-up: plans and the connection
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        invalidateCatalogVocabulary();
        const started = performance.now();
        await searchCatalog({ q: j.q });
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      all.push(...samples);
      const p95 = percentile(samples, 95);
      if (p95 > slowest.p95) slowest = { q: j.q, p95 };
    }
    // the same with the vocabulary loaded (how a search runs between catalogue changes)
    const warm: number[] = [];
    for (const j of judged) {
      await searchCatalog({ q: j.q });
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await searchCatalog({ q: j.q });
        warm.push(performance.now() - started);
      }
    }
    all.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    latency = { practices, p50: percentile(all, 50), p95: percentile(all, 95), slowest };
    console.log(
      `\nLatency: ${judged.length} judged queries × ${runs} runs at ${practices} published practices\n`,
    );
    console.log(`  vocabulary reloaded each run   p50 ${ms(latency.p50)}   p95 ${ms(latency.p95)}`);
    console.log(
      `  vocabulary loaded (usual)      p50 ${ms(percentile(warm, 50))}   p95 ${ms(percentile(warm, 95))}`,
    );
    console.log(`  slowest query (p95, reloaded)  "${slowest.q}" ${ms(slowest.p95)}`);
  }
  if (values.json) console.log(JSON.stringify({ quality, latency }, null, 2));
  if (quality.recallAt3 < 0.9 || quality.zeroResultRate > 0) process.exitCode = 1;
} finally {
  await database.close().catch(() => {});
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
