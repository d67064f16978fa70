// Graceful shutdown (docs/decisions/0018). On SIGTERM or SIGINT: stop accepting connections,
// let the requests in flight finish (idle keep-alive connections are closed at once), then run
// the registered steps in order (stop the job worker after its current job, flush co-editing
// documents), close the database last, and exit 0. A second signal, or the time limit, forces exit 1.
import type { Server } from "node:http";

export type ShutdownStep = { name: string; run: () => Promise<unknown> };

const steps: ShutdownStep[] = [];

/** Adds a step run after the HTTP server has drained; steps run in the order they were added. */
export function onShutdown(name: string, run: () => Promise<unknown>) {
  steps.push({ name, run });
}

export function drainServer(server: Server, timeoutMs: number): Promise<"drained" | "timed-out"> {
  return new Promise((resolve) => {
    // requests still running keep their connection; it closes once idle
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve("timed-out");
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve("drained");
    });
    server.closeIdleConnections();
  });
}

export function installGracefulShutdown(
  server: Server,
  {
    timeoutMs = 25_000,
    log = (line: string) => console.log(line),
    exit = (code: number) => process.exit(code),
    finally: last,
    signals = ["SIGINT", "SIGTERM"],
  }: {
    timeoutMs?: number;
    log?: (line: string) => void;
    exit?: (code: number) => void;
    /** runs after every step (closing the database) */
    finally?: () => Promise<unknown>;
    signals?: NodeJS.Signals[];
  } = {},
) {
  let shuttingDown = false;
  async function shutdown(signal: string) {
    if (shuttingDown) {
      log(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    shuttingDown = true;
    log(`${signal}: no new connections, finishing requests in flight…`);
    const started = performance.now();
    const outcome = await drainServer(server, timeoutMs);
    if (outcome === "timed-out") log(`Requests still running after ${timeoutMs / 1000} s were cut off`);
    let code = outcome === "drained" ? 0 : 1;
    for (const step of [...steps, ...(last ? [{ name: "last", run: last }] : [])]) {
      try {
        await step.run();
      } catch (error) {
        code = 1;
        log(`Shutdown step "${step.name}" failed: ${String(error)}`);
      }
    }
    log(`Stopped in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    exit(code);
  }
  for (const signal of signals) process.on(signal, () => void shutdown(signal));
  return { shutdown, isShuttingDown: () => shuttingDown };
}
