// The embedded database's thread: opens PGlite on the data directory (locked, durable) and serves
// PostgreSQL's wire protocol on a private Unix socket (server/pglite-wire.ts). Started by
// server/pglite-thread.ts; answers "ready" or the error that stopped it, and closes on "close".
import { parentPort, workerData } from "node:worker_threads";
import { openPglite } from "../app/db/database.server";
import { serveWire } from "./pglite-wire";

/**
 * PostgreSQL's shared buffers live in PGlite's WebAssembly memory, which never shrinks: at the
 * default 128 MB, a large database fills them all (decision 0072). Blocks not kept there are read
 * through PGlite's file layer, from the operating system's page cache.
 */
const SERVER_SETTINGS = ["shared_buffers=32MB"];

type Data = { location: string; socketPath: string; durable: boolean };
const { location, socketPath, durable } = workerData as Data;
const port = parentPort;
if (!port) throw new Error("server/pglite-worker.ts runs as a worker thread");

try {
  const db = await openPglite(location, undefined, { durable, settings: SERVER_SETTINGS });
  const wire = await serveWire(db, socketPath);
  port.on("message", (message: { type: string }) => {
    if (message.type !== "close") return;
    void (async () => {
      await wire.close();
      // a clean shut-down: a checkpoint, so the next start replays nothing
      if (!db.closed) await db.close();
      port.postMessage({ type: "closed" });
    })();
  });
  port.postMessage({ type: "ready" });
} catch (error) {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  port.postMessage({ type: "error", name, message, stack });
}
