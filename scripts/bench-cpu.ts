// `npm run bench:cpu`: the server CPU one uncached request costs, in what `npm start` runs
// (production build, embedded database, demo data, no page cache). Each request has a new query
// string, so nothing answers from a cache; CPU is read from /proc/<pid>/stat before and after.
// `--profile` also writes a V8 CPU profile of the server (open it in Chrome's DevTools).
import { readFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startE2eServer } from "../tests/setup/e2e-global";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    profile: { type: "boolean", default: false },
    /** also the CPU of each thread */
    threads: { type: "boolean", default: false },
    /** extra options for node, space-separated (to compare V8 flags) */
    "node-args": { type: "string", default: "" },
    /**
     * requests to each page before measuring: V8 is still optimising code after a few hundred
     * (one optimisation a request after 400, one every three after 2,500): a server that has run
     * for a while does not pay that any more (decision 0073)
     */
    warmup: { type: "string", default: "1000" },
    /** only the pages whose name contains this */
    only: { type: "string", default: "" },
  },
});
const requests = Number(values.requests);
const profileDir = path.join(os.tmpdir(), `lintas-cpu-profile-${process.pid}`);

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** CPU of the whole process, or of one thread (the main thread's id is the process id) */
async function cpuMs(pid: number, thread?: number): Promise<number> {
  const stat = await readFile(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, "utf8");
  // the fields after the command name, which may hold spaces, in parentheses
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** CPU of each thread: the event loop by that name, the others as `name#id` (V8's helpers, libuv's pool, the database thread) */
async function threadCpuMs(pid: number): Promise<Map<string, number>> {
  const byName = new Map<string, number>();
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const name = (await readFile(`/proc/${pid}/task/${task}/comm`, "utf8").catch(() => "?")).trim();
    const key = Number(task) === pid ? "event loop" : `${name}#${task}`;
    byName.set(key, (byName.get(key) ?? 0) + (await cpuMs(pid, Number(task)).catch(() => 0)));
  }
  return byName;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: "lintas-demo-2024", redirectTo: "/dasbor" });
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { origin: baseUrl, "sec-fetch-site": "same-origin" },
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (cookie.length === 0) throw new Error(`signing in as ${email} failed (${response.status})`);
  return cookie.join("; ");
}

const server = await startE2eServer(
  { PAGE_CACHE: "false", WORKER: "false" },
  {
    nodeArgs: [
      ...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      ...values["node-args"].split(" ").filter(Boolean),
    ],
  },
);
try {
  const { baseUrl, pid } = server;
  const facilitator = await signIn(baseUrl, "fasilitator@lintas.test");
  const pages: { name: string; path: string; cookie?: string }[] = [
    { name: "bare 404 (no loader data)", path: "/tidak-ada" },
    { name: "page without database work", path: "/tentang-data" },
    { name: "same, signed in", path: "/tentang-data", cookie: facilitator },
    { name: "catalogue search", path: "/katalog?q=lumpur+tinja" },
    { name: "project page", path: "/proyek/demo-project-sanitasi-lampung-barat", cookie: facilitator },
    { name: "pairing page", path: "/pasangan/demo-pairing-kendari-blitar-2020", cookie: facilitator },
    { name: "dashboard", path: "/dasbor", cookie: facilitator },
  ];
  console.log(`Server CPU per uncached request (${requests} requests each, one at a time)`);
  console.log(
    `database: ${process.env.DATABASE_THREAD === "false" ? "PGlite in the event loop" : "PGlite in its own thread"}`,
  );
  console.log(
    "page".padEnd(32),
    "CPU ms/req".padStart(11),
    "event loop".padStart(11),
    "wall ms/req".padStart(12),
    "status",
  );
  for (const page of pages.filter((p) => p.name.includes(values.only))) {
    const headers = page.cookie ? { cookie: page.cookie } : undefined;
    const separator = page.path.includes("?") ? "&" : "?";
    // warm-up: modules, statements and JIT (each with a new query string, as measured)
    for (let i = 0; i < Number(values.warmup); i++)
      await (await fetch(`${baseUrl}${page.path}${separator}w=${i}`, { headers })).arrayBuffer();
    const before = await cpuMs(pid);
    const beforeMain = await cpuMs(pid, pid);
    const beforeThreads = await threadCpuMs(pid);
    const started = performance.now();
    let status = 0;
    for (let i = 0; i < requests; i++) {
      const response = await fetch(`${baseUrl}${page.path}${separator}n=${i}`, { headers });
      await response.arrayBuffer();
      status = response.status;
    }
    const wall = (performance.now() - started) / requests;
    const cpu = ((await cpuMs(pid)) - before) / requests;
    const main = ((await cpuMs(pid, pid)) - beforeMain) / requests;
    console.log(
      page.name.padEnd(32),
      cpu.toFixed(1).padStart(11),
      main.toFixed(1).padStart(11),
      wall.toFixed(1).padStart(12),
      status,
    );
    if (values.threads) {
      const after = await threadCpuMs(pid);
      const parts = [...after]
        .map(([name, ms]) => [name, (ms - (beforeThreads.get(name) ?? 0)) / requests] as const)
        .filter(([, ms]) => ms >= 0.05)
        .map(([name, ms]) => `${name} ${ms.toFixed(2)}`);
      console.log("  by thread:", parts.join(", "));
    }
  }
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  console.log(`server RSS ${Math.round(kb("VmRSS") / 1024)} MB (peak ${Math.round(kb("VmHWM") / 1024)} MB)`);
} finally {
  await server.stop();
}
if (values.profile) console.log(`CPU profile of the server in ${profileDir}`);
