// npx tsx scripts/bench-pages.ts [--dir /tmp/bench10k] [--runs 20] [--page project,...]
//                                 [--explain --top 3] [--plans] [--memo] [--prepared]
// What each hot page's loaders ask the database, on a database kept by
// `npx tsx scripts/bench.ts --keep DIR --no-http` (docs/performance/hot-pages-plans.md): the
// embedded database in its worker thread, as `npm start` runs it, and the route loaders called as
// the demo PMU facilitator (the account `npm run bench` loads the pages with; /dasbor and the
// project page also as a participant, /dasbor as a region officer: the realistic mix's people),
// with the dashboard memo off (--memo keeps it) so every run counts again. Per page, medians of --runs after a
// warm-up: "db" is the sum of each query timed again alone (side by side they queue for the one
// PGlite session, so Prisma's own durations overcount), "wall" the loaders' time, "cpu" the
// process's (both threads), "main thread" the event loop's busy time. --explain prints
// EXPLAIN (ANALYZE, BUFFERS) of each page's slowest queries, --plans each query's planning and
// execution time, --prepared what named (plan-cached) statements would save.
// The route modules are imported after registering scripts/vite-env-hook.mjs (it replaces
// `import.meta.env.SSR` as Vite does), so plain `npx tsx scripts/bench-pages.ts` runs.
import { createHash } from "node:crypto";
import { register } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "/tmp/bench10k" },
    runs: { type: "string", default: "20" },
    explain: { type: "boolean", default: false },
    page: { type: "string" },
    // each query's planning and execution time (median of EXPLAIN ANALYZE runs)
    plans: { type: "boolean", default: false },
    // how many of each page's slowest queries --explain prints
    top: { type: "string", default: "3" },
    // what named (prepared, plan-cached) statements would save: one connection, statements named
    // by a hash of their text (PGlite is one session: names would clash across connections)
    prepared: { type: "boolean", default: false },
    // keep the dashboards' one-minute memo (what a request costs between two counts)
    memo: { type: "boolean", default: false },
  },
});
register(new URL("./vite-env-hook.mjs", import.meta.url));
const RUNS = Number(values.runs);
const WARM_UP = 3;
// every run counts the dashboards again (the memo would answer from the first)
if (!values.memo) process.env.DASHBOARD_CACHE_SECONDS = "0";

const { openPgliteThread } = await import("../server/pglite-thread");
const { PrismaClient } = await import("../app/generated/prisma/client");
const thread = await openPgliteThread(path.join(path.resolve(values.dir), "pg"));
const pool = new pg.Pool({
  host: thread.socketDir,
  port: 5432,
  user: "postgres",
  database: "template1",
  ...(values.prepared ? { max: 1, idleTimeoutMillis: 0 } : { max: 4 }),
});
type Logged = { query: string; params: string; duration: number };
let logged: Logged[] = [];
const statementName = (query: { sql: string }) =>
  `s${createHash("sha1").update(query.sql).digest("hex").slice(0, 20)}`;
const prisma = new PrismaClient({
  adapter: new PrismaPg(pool, values.prepared ? { statementNameGenerator: statementName } : {}),
  log: [{ emit: "event", level: "query" }],
});
prisma.$on("query", (e) => logged.push({ query: e.query, params: e.params, duration: Number(e.duration) }));
globalThis.__lintasDatabase = { prisma, sql: thread.sql, close: thread.close };

const { authSessionStorage } = await import("../app/auth/session.server");
const { createLoginSession } = await import("../app/modules/accounts/user.server");

type Loader = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;
const route = async (file: string) => (await import(`../app/routes/${file}`)) as { loader: Loader };

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

try {
  const facilitator = await prisma.user.findUniqueOrThrow({
    where: { email: "fasilitator@lintas.test" },
    select: { id: true },
  });
  const cookieOf = async (userId: string) => {
    const loginSession = await createLoginSession(userId, "bench-pages");
    const session = await authSessionStorage.getSession();
    session.set("loginSessionId", loginSession.id);
    return (await authSessionStorage.commitSession(session)).split(";")[0];
  };
  const cookie = await cookieOf(facilitator.id);

  // the pages `npm run bench` loads
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
  const [busiest] = await prisma.changeProject.groupBy({
    by: ["regionCode"],
    _count: { _all: true },
    orderBy: { _count: { regionCode: "desc" } },
    take: 1,
  });
  const regionCode = busiest.regionCode;
  const provinceCode = regionCode.split(".")[0];

  // /dasbor as people of the realistic mix see it (their own scope counted live, no memo): the
  // leader of the project above (a participant) and a region officer (the seed's Kendari officer)
  const leader = await prisma.changeProject.findUniqueOrThrow({
    where: { id: project.id },
    select: { leaderId: true },
  });
  const officer = await prisma.user.findUniqueOrThrow({
    where: { email: "kendari@lintas.test" },
    select: { id: true },
  });

  type Page = {
    name: string;
    url: string;
    loaders: [string, Record<string, string>][];
    /** whose page (the facilitator's when not said) */
    userId?: string;
  };
  const pages = (
    [
      {
        name: "project",
        url: `/proyek/${project.id}`,
        loaders: [
          ["projects/$projectId/layout.tsx", { projectId: project.id }],
          ["projects/$projectId/overview.tsx", { projectId: project.id }],
        ],
      },
      {
        // what its leader gets (a participant: their scope is their own projects)
        name: "project, as its leader",
        url: `/proyek/${project.id}`,
        loaders: [
          ["projects/$projectId/layout.tsx", { projectId: project.id }],
          ["projects/$projectId/overview.tsx", { projectId: project.id }],
        ],
        userId: leader.leaderId ?? undefined,
      },
      {
        name: "pairing",
        url: `/pasangan/${pairing.id}`,
        loaders: [["pairings/pairing.tsx", { pairingId: pairing.id }]],
      },
      { name: "PMU dashboard", url: "/dasbor", loaders: [["dashboards/index.tsx", {}]] },
      {
        name: "participant dashboard",
        url: "/dasbor",
        loaders: [["dashboards/index.tsx", {}]],
        userId: leader.leaderId ?? undefined,
      },
      {
        name: "officer dashboard",
        url: "/dasbor",
        loaders: [["dashboards/index.tsx", {}]],
        userId: officer.id,
      },
      {
        name: `region dashboard (${regionCode})`,
        url: `/dasbor/wilayah/${regionCode}`,
        loaders: [["dashboards/region.tsx", { code: regionCode }]],
      },
      {
        name: `province dashboard (${provinceCode})`,
        url: `/dasbor/provinsi/${provinceCode}`,
        loaders: [["dashboards/province.tsx", { code: provinceCode }]],
      },
    ] satisfies Page[] as Page[]
  ).filter((p) => !values.page || values.page.split(",").some((w) => p.name.startsWith(w)));

  const rows: string[] = [];
  for (const page of pages) {
    const loaders = await Promise.all(
      page.loaders.map(async ([file, params]) => [await route(file), params] as const),
    );
    const pageCookie = page.userId ? await cookieOf(page.userId) : cookie;
    const run = async () => {
      logged = [];
      const request = new Request(`http://localhost${page.url}`, { headers: { cookie: pageCookie } });
      const cpu = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      const started = performance.now();
      // Remix runs a page's loaders side by side
      await Promise.all(loaders.map(([module, params]) => module.loader({ request, params, context: {} })));
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const main = performance.eventLoopUtilization(elu).active;
      return { wall, cpu: (used.user + used.system) / 1000, main, queries: logged };
    };
    for (let i = 0; i < WARM_UP; i++) await run();
    const samples = [];
    for (let i = 0; i < RUNS; i++) samples.push(await run());
    // Prisma's durations include the wait for the one database session (queries side by side
    // queue): each query is timed again alone, one after another, as the database's own cost
    const perQuery = [];
    for (const q of samples[0].queries) {
      const params = JSON.parse(q.params) as unknown[];
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await pool.query({
          name: values.prepared ? statementName({ sql: q.query }) : undefined,
          text: q.query,
          values: params,
        });
        times.push(performance.now() - started);
      }
      let split = "";
      if (values.plans) {
        const planning: number[] = [];
        const execution: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const plan = (await pool.query(`EXPLAIN (ANALYZE, SUMMARY) ${q.query}`, params)).rows
            .map((r: Record<string, string>) => r["QUERY PLAN"])
            .join("\n");
          planning.push(Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1]));
          execution.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
        }
        split = ` (plan ${median(planning).toFixed(2)}, run ${median(execution).toFixed(2)})`;
      }
      perQuery.push({ ...q, duration: median(times), split });
    }
    const dbMs = perQuery.reduce((sum, q) => sum + q.duration, 0);
    rows.push(
      `${page.name.padEnd(34)} ${String(samples[0].queries.length).padStart(3)} queries  ` +
        `db ${dbMs.toFixed(1).padStart(6)} ms  wall ${median(samples.map((s) => s.wall))
          .toFixed(1)
          .padStart(6)} ms  ` +
        `cpu ${median(samples.map((s) => s.cpu))
          .toFixed(1)
          .padStart(6)} ms  ` +
        `main thread ${median(samples.map((s) => s.main))
          .toFixed(1)
          .padStart(6)} ms`,
    );
    console.log(`\n## ${page.name}: ${page.url}`);
    for (const q of perQuery)
      console.log(
        `${q.duration.toFixed(2).padStart(7)} ms${q.split}  ${q.query.replace(/\s+/g, " ").slice(0, 160)}`,
      );
    if (values.explain) {
      for (const q of [...perQuery].sort((a, b) => b.duration - a.duration).slice(0, Number(values.top))) {
        console.log(`\n### ${q.duration} ms\n${q.query}\nparams: ${q.params}`);
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, JSON.parse(q.params));
        console.log(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"));
      }
    }
  }
  console.log(`\nmedian of ${RUNS} runs, uncached, embedded database in its thread:`);
  console.log(rows.join("\n"));
} finally {
  await prisma.$disconnect();
  await pool.end();
  await thread.close();
}
