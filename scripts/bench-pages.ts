// npx tsx scripts/bench-pages.ts [--dir /tmp/bench10k] [--runs 20] [--page project,...]
//                                 [--explain --top 3] [--plans] [--memo] [--prepared] [--mix]
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
// execution time, --prepared what named (plan-cached) statements would save. --mix times instead
// every page kind of the realistic mix for its first participant, region officer and facilitator
// (scripts/bench-people.ts), each with the root loader's sign-in look-up, and the writer's comment,
// with each page's share of the mix's requests (`--mix --prepared --memo` is what the mix runs).
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
    // the realistic mix's pages instead: each page kind for the first participant, region officer
    // and facilitator scripts/bench-people.ts builds, the root loader (sign-in, unread count) included
    mix: { type: "boolean", default: false },
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
const route = async (file: string) =>
  // the root loader's database work (its module imports CSS, which plain Node cannot): the sign-in
  // with the unread count; the language needs no query
  file === "root"
    ? {
        loader: (async ({ request }) =>
          (await import("../app/auth/session.server")).getUser(request)) as Loader,
      }
    : ((await import(`../app/routes/${file}`)) as { loader: Loader });

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

  /** in --mix: each page's share of the mix's requests */
  const shares = new Map<string, number>();
  type Page = {
    name: string;
    url: string;
    loaders: [string, Record<string, string>][];
    /** whose page (the facilitator's when not said) */
    userId?: string;
    /** a form posted first to this route module's action (the page's loaders then run again) */
    post?: { file: string; params: Record<string, string>; form: Record<string, string> };
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
  if (values.mix) pages.splice(0, pages.length, ...(await mixPages()));
  // (in --mix, --page filters the mix's pages the same way)
  if (values.mix && values.page)
    pages.splice(
      0,
      pages.length,
      ...pages.filter((p) => values.page!.split(",").some((w) => p.name.startsWith(w))),
    );

  // the realistic mix's people (scripts/bench-people.ts; re-runnable, adds nothing twice): the first
  // of each kind, each page kind of theirs once, with the root loader every request runs
  async function mixPages(): Promise<Page[]> {
    const { prepareBenchPeople } = await import("./bench-people");
    const { people } = await prepareBenchPeople(prisma);
    const kinds = [
      ["participant", 0],
      ["officer", 30],
      ["facilitator", 42],
    ] as const;
    // each page's share of the mix's requests (scripts/bench-mix.ts: 70 % signed in, a person at
    // random, one of their pages at random; the rest anonymous and answered by the catalogue cache)
    for (const [who, index] of kinds) {
      const next = kinds[kinds.findIndex(([w]) => w === who) + 1]?.[1] ?? people.length;
      const byKind = new Map<string, number>();
      for (const person of people.slice(index, next))
        for (const { kind, path: url } of person.pages) {
          const key =
            kind === "dashboard" ? url.replace(/\/dasbor\/(wilayah|provinsi)\/.*/, "/dasbor/$1") : kind;
          byKind.set(key, (byKind.get(key) ?? 0) + 0.7 / people.length / person.pages.length);
        }
      for (const [kind, share] of byKind) shares.set(`${who} ${kind}`, share);
    }
    const result: Page[] = [];
    for (const [who, index] of kinds) {
      const person = people[index];
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: person.email },
        select: { id: true },
      });
      const seen = new Set<string>();
      for (const { kind, path: url } of person.pages) {
        const [pathname] = url.split("?");
        const parts = pathname.split("/").filter(Boolean);
        const name = `${who} ${kind === "dashboard" ? pathname : kind}`;
        if (seen.has(name)) continue;
        seen.add(name);
        const loaders: Page["loaders"] = [["root", {}]];
        if (parts[0] === "proyek")
          loaders.push(
            ["projects/$projectId/layout.tsx", { projectId: parts[1] }],
            ["projects/$projectId/overview.tsx", { projectId: parts[1] }],
          );
        else if (parts[0] === "pasangan") loaders.push(["pairings/pairing.tsx", { pairingId: parts[1] }]);
        else if (parts[0] === "katalog") loaders.push(["catalogue/index.tsx", {}]);
        else if (parts[1] === "wilayah") loaders.push(["dashboards/region.tsx", { code: parts[2] }]);
        else if (parts[1] === "provinsi") loaders.push(["dashboards/province.tsx", { code: parts[2] }]);
        else if (parts[0] === "dasbor") loaders.push(["dashboards/index.tsx", {}]);
        else throw new Error(`bench-pages --mix does not know ${url}`);
        if (who === "participant" && kind === "project")
          // the mix's writer: the demo facilitator comments on a participant's project, posted to
          // `.data?index` as scripts/bench-http.ts does (single fetch runs the action alone; the
          // writer asks for no revalidation)
          result.push({
            name: "writer comment",
            url,
            loaders: [],
            post: {
              file: "projects/$projectId/overview.tsx",
              params: { projectId: parts[1] },
              form: { intent: "comment", body: "Catatan kemajuan dari bench-pages" },
            },
          });
        result.push({
          name: name.replace(/\/dasbor\/(wilayah|provinsi)\/.*/, "/dasbor/$1"),
          url,
          loaders,
          userId: user.id,
        });
      }
    }
    return result;
  }

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
      if (page.post) {
        const action = (await import(`../app/routes/${page.post.file}`)) as { action: Loader };
        await action.action({
          request: new Request(`http://localhost${page.url}?index`, {
            method: "POST",
            headers: { cookie: pageCookie, "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(page.post.form),
          }),
          params: page.post.params,
          context: {},
        });
      }
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
    for (const [index, q] of samples[0].queries.entries()) {
      if (!/^\s*SELECT/i.test(q.query)) {
        // a write (or a transaction's BEGIN/COMMIT) is not done again: Prisma's own duration, the
        // median over the runs (a post's statements run one after another, so they do not queue)
        const durations = samples.flatMap((s) => s.queries[index]?.duration ?? []);
        perQuery.push({ ...q, duration: median(durations), split: " (write, as Prisma timed it)" });
        continue;
      }
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
        (shares.has(page.name) ? `share ${(100 * shares.get(page.name)!).toFixed(1).padStart(4)} %  ` : "") +
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
