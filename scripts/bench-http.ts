// The HTTP half of `npm run bench`: starts the production server (one or two processes) on an
// already seeded database, measures its cold start, then loads each page with autocannon
// (N connections for D seconds, after a warm-up) beside the same server's trivial route, and
// reads the processes' memory (RSS now and peak) after the run.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";

export type HttpTarget = {
  name: string;
  path: string;
  signedIn?: boolean;
  budgetP95Ms?: number;
  /** each request a different query string (path + "&n=<counter>"), so no cache can answer it */
  everyRequestNew?: boolean;
  /** with everyRequestNew: the values of q to cycle through */
  queries?: string[];
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
};
export type HttpBench = {
  processes: number;
  connections: number;
  durationSeconds: number;
  coldStartSeconds: number[];
  results: HttpResult[];
  rssMb: { now: number; peak: number }[];
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
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
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
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "/dasbor" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`bench sign-in failed (${response.status})`);
  return cookie;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** autocannon against each base URL at once (connections split between them); exact percentiles */
async function load(
  baseUrls: string[],
  target: HttpTarget,
  cookie: string,
  connections: number,
  seconds: number,
) {
  const latencies: number[] = [];
  let counter = 0;
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
            headers: target.signedIn ? { cookie } : {},
            ...(target.everyRequestNew ? { requests: [{ setupRequest: fresh }] } : {}),
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
  };
}

export async function runHttpBench({
  env,
  processes,
  connections,
  durationSeconds,
  targets,
  account,
  log,
}: {
  env: Record<string, string>;
  processes: number;
  connections: number;
  durationSeconds: number;
  targets: HttpTarget[];
  account: { email: string; password: string };
  log: (line: string) => void;
}): Promise<HttpBench> {
  if (!existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("No production build: run `npm run build` first (npm run bench does).");
  }
  const servers = [];
  try {
    for (let i = 0; i < processes; i++) {
      log(`starting production process ${i + 1}/${processes}…`);
      servers.push(await startServer(env));
    }
    const baseUrls = servers.map((s) => s.baseUrl);
    const cookie = await signIn(baseUrls[0], account.email, account.password);
    const results: HttpResult[] = [];
    for (const [index, target] of targets.entries()) {
      log(
        `[${index + 1}/${targets.length}] ${target.name}: warm-up, then ${durationSeconds} s × ${connections} connections`,
      );
      await load(baseUrls, target, cookie, connections, 2);
      const measured = await load(baseUrls, target, cookie, connections, durationSeconds);
      results.push({ name: target.name, path: target.path, budgetP95Ms: target.budgetP95Ms, ...measured });
    }
    const trivial = results[0];
    for (const result of results) result.ratio = trivial.rps > 0 ? result.rps / trivial.rps : undefined;
    const rssMb = await Promise.all(servers.map((s) => rssOf(s.child.pid)));
    return {
      processes,
      connections,
      durationSeconds,
      coldStartSeconds: servers.map((s) => s.coldStartSeconds),
      results,
      rssMb,
    };
  } finally {
    await Promise.all(servers.map((s) => stop(s.child)));
  }
}
