// The embedded database off the web server's event loop (docs/decisions/0066): PGlite runs in a
// worker thread (server/pglite-worker.ts) that serves PostgreSQL's wire protocol on a Unix socket
// in a private directory, and the app reaches it through node-postgres and @prisma/adapter-pg —
// the same path as a PostgreSQL server. A slow query no longer stops every other request, and the
// second core does the database's work.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { DataDirLockedError } from "../app/db/data-dir-lock.server";
import { type Database, postgresDriver } from "../app/db/database.server";
import { PrismaClient } from "../app/generated/prisma/client";

type FromWorker =
  | { type: "ready" }
  | { type: "closed" }
  | { type: "error"; name: string; message: string; stack?: string };

/**
 * Connections to the one PGlite session. PGlite runs one statement at a time, but node-postgres
 * sends a connection's next statement only after the event loop has read the last answer: with
 * one connection, the database waited on every render and GC of the event loop between two
 * statements (in the mix, ~2.9 ms of the connection per statement, of which PGlite worked
 * 0.55 ms). With several, the thread runs the next connection's statement while the event loop is
 * busy (docs/decisions/0071). Each connection prepares its own statements (server/pglite-wire.ts).
 */
const CONNECTIONS = 4;
/** at most this many different statements are kept prepared; others are planned each time */
const MAX_PREPARED = 2_000;

/**
 * Names for Prisma's statements, so PGlite plans each once per process instead of on every
 * request: planning the project page's one query costs ~7 ms there, running it ~2 ms
 * (docs/performance/hot-pages-plans.md).
 */
export function preparedStatementNames(max = MAX_PREPARED) {
  const names = new Map<string, string>();
  return (query: { sql: string }): string => {
    let name = names.get(query.sql);
    if (!name && names.size < max) {
      name = `lintas_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
      names.set(query.sql, name);
    }
    // without a name the statement is planned as before
    return name as string;
  };
}

export async function openPgliteThread(
  location: string,
  options: { durable?: boolean } = {},
): Promise<Database & { socketDir: string }> {
  // mkdtemp makes the directory 0700: only this user can reach the socket
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "lintas-db-"));
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: {
      location: location === "memory://" ? location : path.resolve(location),
      socketPath: path.join(socketDir, ".s.PGSQL.5432"),
      durable: options.durable ?? true,
    },
  });
  const first = await new Promise<FromWorker>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).catch((error: unknown) => ({ type: "error" as const, name: "Error", message: String(error) }));
  if (first.type !== "ready") {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    const error = first.type === "error" ? first : { name: "Error", message: "the database thread stopped" };
    const rebuilt = new Error(error.message);
    rebuilt.name = error.name;
    // keeps `instanceof DataDirLockedError` working for the start script's message
    if (error.name === "DataDirLockedError") Object.setPrototypeOf(rebuilt, DataDirLockedError.prototype);
    throw rebuilt;
  }
  let closing = false;
  worker.on("error", (error) => {
    console.error("The embedded database thread failed:", error);
    process.exit(1);
  });
  worker.on("exit", (code) => {
    if (closing) return;
    console.error(`The embedded database thread stopped (exit ${code}).`);
    process.exit(1);
  });

  const pool = new pg.Pool({
    host: socketDir,
    port: 5432,
    user: "postgres",
    database: "template1",
    max: CONNECTIONS,
    idleTimeoutMillis: 0,
  });
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: preparedStatementNames() }),
  });
  const sql = { ...postgresDriver(pool), kind: "pglite" as const };
  return {
    prisma,
    sql,
    socketDir,
    close: async () => {
      if (closing) return;
      closing = true;
      await prisma.$disconnect();
      await pool.end();
      const closed = new Promise<void>((resolve) => {
        worker.on("message", (message: FromWorker) => {
          if (message.type === "closed") resolve();
        });
        worker.once("exit", () => resolve());
      });
      worker.postMessage({ type: "close" });
      await closed;
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
