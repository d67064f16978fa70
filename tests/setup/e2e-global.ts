// Starts the production server for the browser journeys as `npm run serve` does (server/serve-command.ts)
// (migrate, seed the empty database, serve build/) on a free port, with a fresh embedded database
// in a temporary directory. Provides its base URL; stops it and removes the directory at the end.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { serveCommand } from "../../server/serve-command";

declare module "vitest" {
  export interface ProvidedContext {
    /** one server per journey worker: worker n uses the n-th (tests/e2e/helpers.ts) */
    e2eBaseUrls: string[];
  }
}

/** journey files run two at a time (vitest.e2e.config.ts), each worker on a server of its own */
export const E2E_WORKERS = 2;

const root = path.resolve(import.meta.dirname, "../..");
/** migrating and seeding a fresh database, then importing the build, on a slow machine */
const START_TIMEOUT_MS = 180_000;

export default async function setup(project: TestProject) {
  if (
    !existsSync(path.join(root, "build/server/index.js")) ||
    !existsSync(path.join(root, "build/start/start.mjs"))
  ) {
    throw new Error("No production build in build/: run `npm run build` before `npm run test:e2e`.");
  }
  const started = performance.now();
  const servers = await Promise.all(Array.from({ length: E2E_WORKERS }, () => startE2eServer()));
  console.log(
    `${servers.length} e2e servers ready (${servers.map((s) => s.baseUrl).join(", ")}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide(
    "e2eBaseUrls",
    servers.map((server) => server.baseUrl),
  );
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}

/**
 * Starts one production server on a fresh embedded database (migrated and seeded) and waits for
 * /healthz; `env` adds or overrides environment variables (e.g. LIVEKIT_* for a journey that
 * needs a configured conference server). When it does not come up, its output is printed.
 */
export async function startE2eServer(
  env: Record<string, string> = {},
  /**
   * `dir`: use (and keep) this directory, e.g. to restart a server on the same database;
   * `nodeArgs`: options for node itself (e.g. --cpu-prof)
   */
  options: { dir?: string; nodeArgs?: string[] } = {},
): Promise<{
  baseUrl: string;
  /** the server's process id, e.g. to read its memory from /proc */
  pid: number;
  stop: () => Promise<void>;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}> {
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), "lintas-e2e-")));
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // The journeys always run on the embedded default, also under scripts/with-postgres.sh.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const log = createWriteStream(logFile);
  const serve = serveCommand();
  const server = spawn(process.execPath, [...(options.nodeArgs ?? []), ...serve.args], {
    cwd: root,
    env: {
      ...inherited,
      ...serve.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: baseUrl,
      DATA_DIR: path.join(dir, "pg"),
      UPLOAD_DIR: path.join(dir, "uploads"),
      SESSION_SECRET: randomBytes(24).toString("hex"),
      SEED_ON_EMPTY: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  const stop = async () => {
    await stopProcess(server);
    await endLog(log);
    try {
      await assertNoFalseErrors(logFile);
    } finally {
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    }
  };
  /** sends `signal` and waits for the process to end (SIGKILL: no chance to clean up) */
  const kill = async (signal: NodeJS.Signals) => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    server.kill(signal);
    await exited;
    await endLog(log);
    await assertNoFalseErrors(logFile);
  };

  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    const output = await readFile(logFile, "utf8").catch(() => "(no output)");
    console.log(`\n--- output of the e2e server ---\n${output}--- end of the e2e server output ---\n`);
    await stop();
    throw error;
  }
  return { baseUrl, pid: server.pid ?? 0, stop, kill };
}

/**
 * Errors in the server's log that are not errors of the app (issue 25 item 14): Remix logs every
 * `?_data` request with a stack trace; the app's own clients and tests use single fetch's `.data`.
 */
const FALSE_ERRORS = ["Single fetch-enabled apps should not be making ?_data requests"];

async function assertNoFalseErrors(logFile: string) {
  const output = await readFile(logFile, "utf8").catch(() => "");
  const found = FALSE_ERRORS.filter((message) => output.includes(message));
  if (found.length > 0) throw new Error(`the e2e server logged: ${found.join("; ")} (see ${logFile})`);
}

function endLog(log: ReturnType<typeof createWriteStream>) {
  return new Promise<void>((resolve) => log.end(() => resolve()));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exit: string | undefined;
  server.once("exit", (code, signal) => {
    exit = `the server exited (${signal ?? `code ${code}`}) before answering /healthz`;
  });
  while (Date.now() < deadline) {
    if (exit) throw new Error(exit);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /healthz within ${START_TIMEOUT_MS / 1000} s`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
