// The HTTP half of `npm run bench`: starts the production server (one or two processes) on an
// already seeded database, measures its cold start, then loads each page with autocannon
// (N connections for D seconds, after a warm-up) beside the same server's trivial route, and
// reads the processes' memory (RSS now and peak) after the run. Beside the pages: a bare Node
// server (the floor), and the realistic mix (scripts/bench-mix.ts: many signed-in people and
// anonymous visitors, each on their own pages, while a writer posts comments through the app at a
// fixed rate). Each row also gives the server CPU per request (process and main thread, from
// /proc) and the page cache's hit ratio (its X-Lintas-Cache header; n/a when no answer had one).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { type MixPerson, createMixPlan, hitRatio, percentile, summarise, writeSchedule } from "./bench-mix";
import { serveCommand } from "../server/serve-command";

export type HttpTarget = {
  name: string;
  path: string;
  signedIn?: boolean;
  budgetP95Ms?: number;
  /** each request a different query string (path + "&n=<counter>"), so no cache can answer it */
  everyRequestNew?: boolean;
  /** with everyRequestNew: the values of q to cycle through */
  queries?: string[];
  /** anonymous even when a signed-in cookie is at hand */
  anonymous?: boolean;
};
export type HttpResult = {
  name: string;
  path: string;
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** throughput as a share of the trivial route's */
  ratio?: number;
  budgetP95Ms?: number;
  /** server CPU per request: the whole process, and its main thread (the event loop) */
  cpuMs?: number;
  mainThreadMs?: number;
  /** answers from the page cache / answers that said (null: none said) */
  hitRatio: number | null;
  /** the realistic mix: the writer's writes asked for, done (2xx/3xx), failed, and their latency */
  writes?: { perSecond: number; asked: number; done: number; failed: number; p50: number; p95: number };
};
export type MixOptions = {
  people: { email: string; password: string; pages: { kind: string; path: string }[] }[];
  anonymousPages: { kind: string; path: string }[];
  /** the writer: an account that may comment on these projects */
  writer: { email: string; password: string; projectIds: string[] };
  writesPerSecond: number[];
  durationSeconds: number;
};
export type HttpBench = {
  processes: number;
  connections: number;
  durationSeconds: number;
  coldStartSeconds: number[];
  results: HttpResult[];
  rssMb: { now: number; peak: number }[];
  /** the realistic mix: people signed in, and their pages kept after checking each answers 200 */
  mixPeople?: { signedIn: number; pages: number; dropped: number };
};

const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const serve = serveCommand();
  const started = performance.now();
  const child = spawn(process.execPath, serve.args, {
    cwd: root,
    env: {
      ...process.env,
      ...serve.env,
      ...env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: "bench-secret-bench-secret-bench",
      SEED_ON_EMPTY: "false",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited before answering:\n${stderr}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (performance.now() - started > 180_000) throw new Error("the server did not start within 180 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, baseUrl, coldStartSeconds: (performance.now() - started) / 1000 };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function rssOf(pid: number | undefined) {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

async function signIn(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: baseUrl,
      "sec-fetch-site": "same-origin",
    },
    body: new URLSearchParams({ email, password, redirectTo: "/dasbor" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`bench sign-in as ${email} failed (${response.status})`);
  return cookie;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** CPU ms of a whole process, or of its main thread (whose id is the process id) */
async function cpuMsOf(pid: number | undefined, mainThread = false) {
  const stat = await readFile(
    mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`,
    "utf8",
  ).catch(() => "");
  if (!stat) return 0;
  // the fields after the command name, which may hold spaces, in parentheses
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** server CPU (ms) spent from now until the returned function is called, summed over `pids` */
async function cpuMeter(pids: (number | undefined)[]) {
  const read = async () => {
    const [process, main] = await Promise.all([
      Promise.all(pids.map((pid) => cpuMsOf(pid))),
      Promise.all(pids.map((pid) => cpuMsOf(pid, true))),
    ]);
    return { process: process.reduce((a, b) => a + b, 0), main: main.reduce((a, b) => a + b, 0) };
  };
  const before = await read();
  return async () => {
    const after = await read();
    return { process: after.process - before.process, main: after.main - before.main };
  };
}

/** counts the page cache's answers by its X-Lintas-Cache header */
function cacheCounter() {
  const counts = { hits: 0, misses: 0, answers: 0 };
  const onResponse = (
    _status: number,
    _body: string,
    _context: object,
    headers?: Record<string, unknown>,
  ) => {
    counts.answers += 1;
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (name.toLowerCase() !== "x-lintas-cache") continue;
      if (String(value) === "hit") counts.hits += 1;
      else counts.misses += 1;
    }
  };
  return { counts, onResponse };
}

/** numbers the "new URL every time" requests across runs, so no URL is ever asked twice */
let counter = 0;

/** autocannon against each base URL at once (connections split between them); exact percentiles */
async function load(
  baseUrls: string[],
  target: HttpTarget,
  cookie: string,
  connections: number,
  seconds: number,
) {
  const latencies: number[] = [];
  const cache = cacheCounter();
  const fresh = (request: { path?: string }) => {
    counter += 1;
    const [pathname, query = ""] = target.path.split("?");
    const params = new URLSearchParams(query);
    if (target.queries?.length) params.set("q", target.queries[counter % target.queries.length]);
    params.set("n", String(counter));
    return { ...request, path: `${pathname}?${params}` };
  };
  const runs = baseUrls.map(
    (baseUrl) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${baseUrl}${target.path}`,
            connections: Math.max(1, Math.round(connections / baseUrls.length)),
            duration: seconds,
            headers: target.signedIn && !target.anonymous ? { cookie } : {},
            requests: [
              target.everyRequestNew
                ? { setupRequest: fresh, onResponse: cache.onResponse }
                : { onResponse: cache.onResponse },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on("response", (_client, _status, _bytes, responseTime: number) =>
          latencies.push(responseTime),
        );
      }),
  );
  const results = await Promise.all(runs);
  latencies.sort((a, b) => a - b);
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    requests,
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    hitRatio: hitRatio(cache.counts.hits, cache.counts.misses, cache.counts.answers),
  };
}

/** a bare Node HTTP server in a child process: what answering a request costs with no framework */
async function startFloorServer() {
  const port = await freePort();
  const code = `require("node:http").createServer((q, s) => { s.setHeader("content-type", "text/plain"); s.end("ok"); }).listen(${port}, "127.0.0.1", () => console.log("ready"))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (status) => reject(new Error(`the floor server exited (${status})`)));
    child.stdout?.once("data", () => resolve());
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function measure(
  baseUrls: string[],
  pids: (number | undefined)[],
  target: HttpTarget,
  cookie: string,
  connections: number,
  durationSeconds: number,
): Promise<HttpResult> {
  await load(baseUrls, target, cookie, connections, 2);
  const cpu = await cpuMeter(pids);
  const measured = await load(baseUrls, target, cookie, connections, durationSeconds);
  const spent = await cpu();
  const served = Math.max(1, measured.requests);
  return {
    name: target.name,
    path: target.path,
    budgetP95Ms: target.budgetP95Ms,
    ...measured,
    cpuMs: spent.process / served,
    mainThreadMs: spent.main / served,
  };
}

/** signs each person in and keeps the pages that answer them 200 (not a redirect, not a refusal) */
async function preparePeople(baseUrl: string, people: MixOptions["people"]) {
  const prepared: MixPerson[] = [];
  let dropped = 0;
  for (const person of people) {
    const cookie = await signIn(baseUrl, person.email, person.password);
    const pages = [];
    for (const page of person.pages) {
      const response = await fetch(`${baseUrl}${page.path}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) pages.push(page);
      else dropped += 1;
    }
    prepared.push({ cookie, pages });
  }
  return { prepared, dropped };
}

/**
 * The realistic mix for `seconds`: autocannon's connections each ask the plan for the next request
 * (a person on one of their pages, or an anonymous visitor), while the writer posts a comment on
 * one of the people's projects `perSecond` times a second, through the app as a browser does
 * (POST /proyek/:id.data?index with the same-origin headers the CSRF check wants).
 */
async function runMix({
  baseUrls,
  pids,
  people,
  anonymousPages,
  writerCookie,
  projectIds,
  perSecond,
  connections,
  seconds,
  warmUpSeconds = 2,
}: {
  baseUrls: string[];
  pids: (number | undefined)[];
  people: MixPerson[];
  anonymousPages: { kind: string; path: string }[];
  writerCookie: string;
  projectIds: string[];
  perSecond: number;
  connections: number;
  seconds: number;
  warmUpSeconds?: number;
}): Promise<HttpResult> {
  const next = createMixPlan({ people, anonymousPages, seed: 20 + perSecond });
  let counting = false;
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const cache = cacheCounter();
  type Context = { startedAt?: number; kind?: string };
  const setupRequest = (request: Record<string, unknown>, context: Context) => {
    const planned = next();
    context.startedAt = performance.now();
    context.kind = planned.kind;
    return { ...request, path: planned.path, headers: planned.cookie ? { cookie: planned.cookie } : {} };
  };
  const onResponse = (status: number, body: string, context: Context, headers?: Record<string, unknown>) => {
    if (!counting || context.startedAt === undefined) return;
    const took = performance.now() - context.startedAt;
    latencies.push(took);
    const kind = context.kind ?? "?";
    const samples = byKind.get(kind) ?? [];
    samples.push(took);
    byKind.set(kind, samples);
    cache.onResponse(status, body, context, headers);
  };

  // the writer: open loop, writes due at fixed times whether or not the last one has finished
  const writeLatencies: number[] = [];
  let asked = 0;
  let failed = 0;
  let writing = true;
  const inFlight = new Set<Promise<void>>();
  const writer = (async () => {
    const due = writeSchedule(perSecond, warmUpSeconds + seconds + 1);
    const started = performance.now();
    for (const [k, at] of due.entries()) {
      const wait = at - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!writing) break;
      const baseUrl = baseUrls[k % baseUrls.length];
      const projectId = projectIds[k % projectIds.length];
      const measured = counting;
      if (measured) asked += 1;
      const write = (async () => {
        const began = performance.now();
        try {
          const response = await fetch(`${baseUrl}/proyek/${projectId}.data?index`, {
            method: "POST",
            redirect: "manual",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              origin: baseUrl,
              "sec-fetch-site": "same-origin",
              cookie: writerCookie,
            },
            body: new URLSearchParams({ intent: "comment", body: `Catatan kemajuan dari bench (${k + 1})` }),
          });
          await response.arrayBuffer();
          if (!measured) return;
          if (response.status >= 400) failed += 1;
          else writeLatencies.push(performance.now() - began);
        } catch {
          if (measured) failed += 1;
        }
      })();
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write));
    }
  })();

  const run = (duration: number) =>
    Promise.all(
      baseUrls.map(
        (baseUrl) =>
          new Promise<autocannon.Result>((resolve, reject) => {
            autocannon(
              {
                url: baseUrl,
                connections: Math.max(1, Math.round(connections / baseUrls.length)),
                duration,
                requests: [{ setupRequest, onResponse }] as unknown as autocannon.Request[],
              },
              (error, result) => (error ? reject(error) : resolve(result)),
            );
          }),
      ),
    );
  await run(warmUpSeconds);
  counting = true;
  const cpu = await cpuMeter(pids);
  const startedAt = performance.now();
  const results = await run(seconds);
  const elapsed = (performance.now() - startedAt) / 1000;
  counting = false;
  const spent = await cpu();
  writing = false;
  await writer;
  await Promise.all(inFlight);

  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const served = Math.max(1, requests + writeLatencies.length);
  const writes = summarise(writeLatencies);
  const kinds = [...byKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, samples]) => `${kind} ${Math.round(summarise(samples).p95)}`)
    .join(", ");
  return {
    name: `realistic mix, ${perSecond} writes/s (p95 ms: ${kinds})`,
    path: "(mix)",
    requests,
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    rps: requests / elapsed,
    ...summarise(latencies),
    hitRatio: hitRatio(cache.counts.hits, cache.counts.misses, cache.counts.answers),
    cpuMs: spent.process / served,
    mainThreadMs: spent.main / served,
    writes: {
      perSecond: writeLatencies.length / elapsed,
      asked,
      done: writeLatencies.length,
      failed,
      p50: writes.p50,
      p95: writes.p95,
    },
  };
}

export async function runHttpBench({
  env,
  processes,
  connections,
  durationSeconds,
  targets,
  account,
  mix,
  log,
}: {
  env: Record<string, string>;
  processes: number;
  connections: number;
  durationSeconds: number;
  targets: HttpTarget[];
  account: { email: string; password: string };
  mix?: MixOptions;
  log: (line: string) => void;
}): Promise<HttpBench> {
  if (!existsSync(path.join(root, "build/server/index.js")) || !existsSync(path.join(root, "build/start"))) {
    throw new Error("No production build: run `npm run build` first (npm run bench does).");
  }
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  const floor = await startFloorServer();
  try {
    for (let i = 0; i < processes; i++) {
      log(`starting production process ${i + 1}/${processes}…`);
      servers.push(await startServer(env));
    }
    const baseUrls = servers.map((s) => s.baseUrl);
    const pids = servers.map((s) => s.child.pid);
    const cookie = await signIn(baseUrls[0], account.email, account.password);
    const steps = targets.length + 1 + (mix ? mix.writesPerSecond.length : 0);
    log(
      `[1/${steps}] bare Node server (floor): warm-up, then ${durationSeconds} s × ${connections} connections`,
    );
    const results: HttpResult[] = [
      await measure(
        [floor.baseUrl],
        [floor.child.pid],
        { name: "bare Node http server (floor)", path: "/" },
        cookie,
        connections,
        durationSeconds,
      ),
    ];
    for (const [index, target] of targets.entries()) {
      log(
        `[${index + 2}/${steps}] ${target.name}: warm-up, then ${durationSeconds} s × ${connections} connections`,
      );
      results.push(await measure(baseUrls, pids, target, cookie, connections, durationSeconds));
    }
    let mixPeople: HttpBench["mixPeople"];
    if (mix) {
      log(`signing in ${mix.people.length} people for the realistic mix…`);
      const { prepared, dropped } = await preparePeople(baseUrls[0], mix.people);
      mixPeople = {
        signedIn: prepared.length,
        pages: prepared.reduce((sum, p) => sum + p.pages.length, 0),
        dropped,
      };
      const anonymousPages = [];
      for (const page of mix.anonymousPages) {
        const response = await fetch(`${baseUrls[0]}${page.path}`, { redirect: "manual" });
        await response.arrayBuffer();
        if (response.status === 200) anonymousPages.push(page);
        else mixPeople.dropped += 1;
      }
      const writerCookie = await signIn(baseUrls[0], mix.writer.email, mix.writer.password);
      for (const [index, perSecond] of mix.writesPerSecond.entries()) {
        log(
          `[${targets.length + 2 + index}/${steps}] realistic mix with ${perSecond} writes/s: ` +
            `${mix.durationSeconds} s × ${connections} connections`,
        );
        results.push(
          await runMix({
            baseUrls,
            pids,
            people: prepared,
            anonymousPages,
            writerCookie,
            projectIds: mix.writer.projectIds,
            perSecond,
            connections,
            seconds: mix.durationSeconds,
          }),
        );
      }
    }
    const trivial = results.find((r) => r.path === "/healthz") ?? results[0];
    for (const result of results) result.ratio = trivial.rps > 0 ? result.rps / trivial.rps : undefined;
    const rssMb = await Promise.all(servers.map((s) => rssOf(s.child.pid)));
    return {
      processes,
      connections,
      durationSeconds,
      coldStartSeconds: servers.map((s) => s.coldStartSeconds),
      results,
      rssMb,
      mixPeople,
    };
  } finally {
    await Promise.all([...servers.map((s) => stop(s.child)), stop(floor.child)]);
  }
}
