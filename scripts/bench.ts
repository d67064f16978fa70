// npm run bench [-- --scale N]
// Seeds a throw-away embedded database (a directory under the OS temp dir) with the demo data and
// N generated change projects (default 2,000), then times representative queries through Prisma:
// median and p95 of 20 runs each after a warm-up. Prints a table; removes the database at the end.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import { parseScale } from "../prisma/seed-scale";

const RUNS = 20;
const WARM_UP = 3;

const { values } = parseArgs({ options: { scale: { type: "string", default: "2000" } } });
const scale = parseScale(values.scale);

const dir = await mkdtemp(path.join(os.tmpdir(), "lintas-bench-"));
const database = await openDatabase(undefined, path.join(dir, "pg"));
// the app's modules (imported below) use this database, never ./data/pg
globalThis.__lintasDatabase = database;
const { prisma } = database;

function seconds(since: number) {
  return (performance.now() - since) / 1000;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

function table(headers: string[], rows: string[][]) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const int = (n: number) => Math.round(n).toLocaleString("en");

try {
  const quiet = () => {};
  let started = performance.now();
  await applyMigrations(database.sql, await readMigrations(), quiet);
  const migrateSeconds = seconds(started);

  const { seedDemo } = await import("../prisma/seed-demo");
  const { seedScale } = await import("../prisma/seed-scale");
  started = performance.now();
  await seedDemo(prisma, { log: quiet });
  const demoSeconds = seconds(started);
  const scaled = await seedScale(prisma, { count: scale, log: quiet });

  // the kabupaten/kota with the most projects, and a province with several regions
  const [busiest] = await prisma.changeProject.groupBy({
    by: ["regionCode"],
    _count: { _all: true },
    orderBy: { _count: { regionCode: "desc" } },
    take: 1,
  });
  const regionCode = busiest.regionCode;
  const provinceCode = regionCode.split(".")[0];

  const queries: [string, () => Promise<unknown>][] = [
    [
      `projects of ${regionCode} by status (launched), 50`,
      () =>
        prisma.changeProject.findMany({
          where: { regionCode, status: { in: ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"] } },
          orderBy: { updatedAt: "desc" },
          take: 50,
          include: {
            leader: { select: { name: true } },
            organisation: { select: { name: true } },
            milestones: { select: { status: true, dueDate: true } },
            checkIns: { select: { createdAt: true } },
          },
        }),
    ],
    [
      `project counts by status in province ${provinceCode}`,
      () =>
        prisma.changeProject.groupBy({
          by: ["status"],
          where: { region: { provinceCode } },
          _count: { _all: true },
        }),
    ],
    [
      "published practices, newest 24",
      () =>
        prisma.practice.findMany({
          where: { status: "PUBLISHED" },
          orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
          take: 24,
          select: { slug: true, name: true, summary: true, tags: true, region: { select: { name: true } } },
        }),
    ],
    [
      "sessions per pairing (all pairings)",
      () =>
        prisma.session.groupBy({
          by: ["pairingId"],
          where: { pairingId: { not: null } },
          _count: { _all: true },
        }),
    ],
  ];
  const timings: string[][] = [];
  for (const [name, run] of queries) {
    const { median, p95 } = await time(run);
    timings.push([name, ms(median), ms(p95)]);
  }

  const [projects, pairings, sessions, practices] = await Promise.all([
    prisma.changeProject.count(),
    prisma.pairing.count(),
    prisma.session.count(),
    prisma.practice.count({ where: { status: "PUBLISHED" } }),
  ]);
  const memory = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

  console.log(
    `\nLintas bench: embedded PGlite, --scale ${int(scale)} (${os.cpus().length} CPUs, Node ${process.version})`,
  );
  console.log(
    `Database: ${int(projects)} projects, ${int(pairings)} pairings, ${int(sessions)} sessions, ` +
      `${int(practices)} published practices\n`,
  );
  console.log(
    table(
      ["step", "value"],
      [
        ["migrate (empty database)", `${migrateSeconds.toFixed(2)} s`],
        ["demo seed (regions, five cases, accounts)", `${demoSeconds.toFixed(2)} s`],
        [
          `scale seed (${int(scaled.created)} projects, ${int(scaled.rows)} rows)`,
          `${scaled.seconds.toFixed(2)} s`,
        ],
        ["scale seed rate", `${int(scaled.rows / Math.max(scaled.seconds, 0.001))} rows/s`],
        ["process RSS now / peak", `${mb(memory.rss)} / ${mb(peakRss)}`],
      ],
    ),
  );
  console.log();
  console.log(table([`query through Prisma (${RUNS} runs)`, "median", "p95"], timings));
} finally {
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
