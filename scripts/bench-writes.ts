// npm run bench:writes [-- --writes 400 --concurrency 10 --dir PATH]
// What durability costs on the embedded database (docs/decisions/0038): small committed writes
// through Prisma (one ActivityLog row each, a comment's size), one after another and N at a time,
// on a directory database with every commit synced to disk (what `npm start` runs) and with
// PGlite's own behaviour (fsync off), which keeps nothing through a power cut. The directory is a
// throw-away one beside DATA_DIR, on the same disk as the real data (a /tmp on tmpfs would make
// fsync free and the numbers meaningless).
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { databaseFromPglite, openPglite, pgliteDriver } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import { env } from "../app/env.server";

const { values } = parseArgs({
  options: {
    writes: { type: "string", default: "400" },
    concurrency: { type: "string", default: "10" },
    dir: { type: "string" },
  },
});
const writes = Number(values.writes);
const concurrency = Number(values.concurrency);
const parent = path.resolve(values.dir ?? path.dirname(path.resolve(env.DATA_DIR)));

type Result = { perSecond: number; p50: number; p95: number };

function summarise(latencies: number[], seconds: number): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { perSecond: latencies.length / seconds, p50: at(0.5), p95: at(0.95) };
}

async function run(durable: boolean, template: Blob): Promise<{ sequential: Result; concurrent: Result }> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, "bench-writes-"));
  try {
    const database = databaseFromPglite(await openPglite(path.join(dir, "pg"), template, { durable }));
    try {
      let n = 0;
      const write = async () => {
        const started = performance.now();
        await database.prisma.activityLog.create({
          data: { action: "bench", subjectType: "Bench", subjectId: String(n++) },
        });
        return performance.now() - started;
      };
      for (let i = 0; i < 20; i++) await write(); // warm-up

      const sequential: number[] = [];
      let started = performance.now();
      for (let i = 0; i < writes; i++) sequential.push(await write());
      const sequentialSeconds = (performance.now() - started) / 1000;

      const concurrent: number[] = [];
      let next = 0;
      started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < writes) concurrent.push(await write());
        }),
      );
      const concurrentSeconds = (performance.now() - started) / 1000;
      return {
        sequential: summarise(sequential, sequentialSeconds),
        concurrent: summarise(concurrent, concurrentSeconds),
      };
    } finally {
      await database.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// one migrated cluster, loaded into a fresh directory for each mode
const scratch = await PGlite.create();
await applyMigrations(pgliteDriver(scratch), await readMigrations());
const template = await scratch.dumpDataDir("none");
await scratch.close();

console.log(`${writes} writes through Prisma, sequential and ${concurrency} at a time, in ${parent}\n`);
const rows: string[][] = [];
const results: Record<string, { sequential: Result; concurrent: Result }> = {};
for (const [label, durable] of [
  ["synced at commit (npm start)", true],
  ["fsync off (PGlite's default)", false],
] as const) {
  const result = await run(durable, template);
  results[label] = result;
  for (const [mode, r] of Object.entries(result)) {
    const name = mode === "sequential" ? "sequential" : `${concurrency} concurrent`;
    rows.push([label, name, Math.round(r.perSecond).toString(), r.p50.toFixed(2), r.p95.toFixed(2)]);
  }
}
const headers = ["database", "writes", "writes/s", "p50 ms", "p95 ms"];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log([line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n"));
const [durable, fast] = Object.values(results);
console.log(
  `\nDurability costs ${(100 * (1 - durable.sequential.perSecond / fast.sequential.perSecond)).toFixed(0)} % of sequential throughput ` +
    `and ${(100 * (1 - durable.concurrent.perSecond / fast.concurrent.perSecond)).toFixed(0)} % at ${concurrency} concurrent.`,
);
process.exit(0);
