// npm run bench [-- --scale N --connections 20 --duration 10 --processes 1[,2] --no-http --keep DIR]
// Seeds a throw-away embedded database (a directory under the OS temp dir), or the PostgreSQL
// server of DATABASE_URL (a throw-away one: scripts/with-postgres.sh npm run bench), with the demo
// data and N generated change projects (default 10,000), then
//  1. times representative queries through Prisma (median and p95 of 20 runs after a warm-up);
//  2. starts the production server (one or two processes; two need PostgreSQL), measures cold
//     start, and loads pages with autocannon beside the trivial route (scripts/bench-http.ts):
//     p50/p95/p99, requests per second, the ratio to the trivial route, RSS after the run.
// Prints tables, checks the targets, writes everything to bench-results.json.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { isPostgresUrl, openDatabase } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import { analyzeAll } from "../app/db/statistics.server";
import { parseScale } from "../prisma/seed-scale";

const RUNS = 20;
const WARM_UP = 3;

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10000" },
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    processes: { type: "string", default: "1" },
    "no-http": { type: "boolean", default: false },
    out: { type: "string", default: "bench-results.json" },
    // keep the seeded embedded database in this directory and reuse it next time (the seed only
    // tops it up), instead of a throw-away one
    keep: { type: "string" },
  },
});
const scale = parseScale(values.scale);
const connections = Number(values.connections);
const durationSeconds = Number(values.duration);
const processCounts = values.processes.split(",").map(Number);
const postgresUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
if (processCounts.some((n) => n > 1) && !postgresUrl) {
  console.error("Two processes need PostgreSQL: scripts/with-postgres.sh npm run bench -- --processes 1,2");
  process.exit(2);
}

const dir = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), "lintas-bench-"));
const database = await openDatabase(postgresUrl, path.join(dir, "pg"));
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
  started = performance.now();
  await analyzeAll(database.sql);
  // written out now, so the server's cold start below does not replay the seed from the WAL
  if (database.sql.kind === "pglite") await database.sql.exec("CHECKPOINT");
  const analyzeSeconds = seconds(started);

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
    `\nLintas bench: ${database.sql.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server"}, --scale ${int(scale)} (${os.cpus().length} CPUs, Node ${process.version})`,
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
        ["planner statistics (ANALYZE) and checkpoint", `${analyzeSeconds.toFixed(2)} s`],
        ["process RSS now / peak", `${mb(memory.rss)} / ${mb(peakRss)}`],
      ],
    ),
  );
  console.log();
  console.log(table([`query through Prisma (${RUNS} runs)`, "median", "p95"], timings));

  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    engine: database.sql.kind,
    cpus: os.cpus().length,
    node: process.version,
    scale,
    database: { projects, pairings, sessions, practices },
    seedSeconds: { migrate: migrateSeconds, demo: demoSeconds, scale: scaled.seconds, rows: scaled.rows },
    queries: Object.fromEntries(timings.map(([name, median, p95]) => [name, { median, p95 }])),
  };

  if (!values["no-http"]) {
    // pages to load: a generated project and pairing (with their milestones, sessions), search
    const project = await prisma.changeProject.findFirstOrThrow({
      where: { id: { startsWith: "scale-p" }, status: { in: ["LAUNCHED", "IMPLEMENTED"] } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const pairing = await prisma.pairing.findFirstOrThrow({
      where: { id: { startsWith: "scale-pa" } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    await database.close();
    const { runHttpBench } = await import("./bench-http");
    const targets = [
      { name: "trivial route (/healthz)", path: "/healthz" },
      // what a visitor gets: the same search again is answered from the page cache
      { name: "catalogue search", path: "/katalog?q=sedot+lumpur+tinja", budgetP95Ms: 50 },
      // what the database and renderer cost: every request a new URL, so the cache never answers
      {
        name: "catalogue search, uncached",
        path: "/katalog",
        everyRequestNew: true,
        queries: [
          "sedot lumpur tinja",
          "penyedotan lumpur tinja terjadwal",
          "stunting",
          "imunisasi dasar",
          "perizinan daring",
          "rumah tidak layak huni",
          "sanitasi",
          "air minum perdesaan",
        ],
      },
      // signed-in pages: the same person again is answered from the signed-in page cache while
      // nothing changed in the database; "uncached" asks a new URL every time (the loader ignores
      // the extra query), which is what each page costs to read and render
      ...[
        { name: "project page", path: `/proyek/${project.id}`, budgetP95Ms: 80 },
        { name: "pairing page", path: `/pasangan/${pairing.id}` },
        { name: "PMU dashboard", path: "/dasbor" },
        { name: "region dashboard", path: `/dasbor/wilayah/${regionCode}` },
        { name: "province dashboard", path: `/dasbor/provinsi/${provinceCode}` },
      ].flatMap((page) => [
        { ...page, signedIn: true },
        { name: `${page.name}, uncached`, path: page.path, signedIn: true, everyRequestNew: true },
      ]),
    ];
    const env: Record<string, string> = postgresUrl
      ? { DATABASE_URL: postgresUrl, UPLOAD_DIR: path.join(dir, "uploads") }
      : { DATABASE_URL: "", DATA_DIR: path.join(dir, "pg"), UPLOAD_DIR: path.join(dir, "uploads") };
    const runs = [];
    for (const processes of processCounts) {
      const run = await runHttpBench({
        env,
        processes,
        connections,
        durationSeconds,
        targets,
        account: { email: "fasilitator@lintas.test", password: "lintas-demo-2024" },
        log: (line) => console.error(line),
      });
      runs.push(run);
      console.log(
        `\nThrough the production server: ${processes} process(es), ${connections} connections, ` +
          `${durationSeconds} s per page; cold start ${run.coldStartSeconds.map((s) => `${s.toFixed(1)} s`).join(", ")}; ` +
          `RSS after the run ${run.rssMb.map((m) => `${m.now} MB (peak ${m.peak} MB)`).join(", ")}`,
      );
      console.log(
        table(
          ["page", "req/s", "p50", "p95", "p99", "vs trivial", "non-2xx", "target"],
          run.results.map((r) => {
            const ratioOk = r.budgetP95Ms === undefined || (r.ratio ?? 0) >= 0.3;
            const latencyOk = r.budgetP95Ms === undefined || r.p95 < r.budgetP95Ms;
            return [
              r.name,
              int(r.rps),
              ms(r.p50),
              ms(r.p95),
              ms(r.p99),
              r.ratio === undefined ? "—" : `${Math.round(r.ratio * 100)} %`,
              int(r.non2xx + r.errors),
              r.budgetP95Ms === undefined
                ? ""
                : `${latencyOk && ratioOk ? "met" : "MISSED"} (p95 < ${r.budgetP95Ms} ms, ≥ 30 %)`,
            ];
          }),
        ),
      );
    }
    report.http = runs;
  } else {
    await database.close();
  }
  await writeFile(values.out, JSON.stringify(report, null, 2));
  console.log(`\nWritten to ${values.out}`);
} finally {
  await database.close().catch(() => {});
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
process.exit(0);
