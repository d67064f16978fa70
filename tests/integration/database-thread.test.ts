// The embedded database in its own thread (server/pglite-thread.ts, docs/decisions/0066): what
// the web server gains (its event loop keeps answering while a query runs) and what it must not
// lose (transactions stay whole and isolated when several connections share one PGlite session,
// one connection's statements never mix with another's, the data directory stays locked).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite, pgliteDriver, postgresDriver } from "~/db/database.server";
import { applyMigrations, readMigrations } from "~/db/migrate.server";
import { openPgliteThread, preparedStatementNames } from "../../server/pglite-thread";

/** how late a 10 ms timer fires, at worst, while `work` runs */
async function worstTimerDelay(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    await work();
    // the interval's last tick shows a block that ended just now
    await new Promise((resolve) => setTimeout(resolve, 15));
  } finally {
    clearInterval(timer);
  }
  return worst;
}

let database: Database & { socketDir: string };
/** several connections of our own to the thread's socket (the app keeps one) */
let connections: pg.Pool;
beforeAll(async () => {
  database = await openPgliteThread("memory://", { durable: false });
  connections = new pg.Pool({
    host: database.socketDir,
    port: 5432,
    user: "postgres",
    database: "template1",
    max: 6,
  });
  await database.sql.exec(
    "CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0);",
  );
});
afterAll(async () => {
  await connections?.end();
  await database?.close();
});

describe("the embedded database in its own thread", () => {
  it("keeps the event loop answering while a query runs (in the event loop, it stops)", async () => {
    const inThread = await worstTimerDelay(() => database.sql.query("SELECT pg_sleep(0.4)"));
    expect(inThread).toBeLessThan(150);

    // the same query on PGlite in this thread: nothing else runs until it ends
    const local = pgliteDriver(await openPglite("memory://"));
    try {
      const inLoop = await worstTimerDelay(() => local.query("SELECT pg_sleep(0.4)"));
      expect(inLoop).toBeGreaterThan(300);
    } finally {
      await local.close();
    }
  });

  it("keeps each transaction whole when many run at once on different connections", async () => {
    // read, then write what was read: lost updates would show if two transactions interleaved
    await Promise.all(
      Array.from({ length: 24 }, () =>
        postgresDriver(connections).transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
          await tx.query("UPDATE counter SET n = $1 WHERE id = 1", [(row?.n ?? 0) + 1]);
        }),
      ),
    );
    const [row] = await database.sql.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
    expect(row?.n).toBe(24);
  });

  it("never shows one transaction's uncommitted rows to another, and rolls back on failure", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = postgresDriver(connections)
      .transaction(async (tx) => {
        await tx.query("UPDATE counter SET n = -1 WHERE id = 1");
        await held;
        throw new Error("changed my mind");
      })
      .catch((error: Error) => error.message);
    // a reader on another connection waits for the transaction instead of seeing -1
    const reader = postgresDriver(connections).query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
    setTimeout(release, 50);
    expect(await failing).toBe("changed my mind");
    expect((await reader)[0]?.n).toBe(24);
  });

  it("answers each of many parameterised queries in flight with its own rows", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postgresDriver(connections).query<{ i: number; text: string }>(
          "SELECT $1::int AS i, repeat($2::text, $1::int) AS text",
          [i, String.fromCharCode(97 + (i % 26))],
        ),
      ),
    );
    answers.forEach((rows, i) => {
      expect(rows).toEqual([{ i, text: String.fromCharCode(97 + (i % 26)).repeat(i) }]);
    });
  });

  it("rolls back a transaction whose connection goes away, and carries on", async () => {
    const address = database.socketDir;
    expect(address).toBeTruthy();
    const client = new pg.Client({ host: address, port: 5432, user: "postgres", database: "template1" });
    client.on("error", () => undefined);
    await client.connect();
    await client.query("BEGIN");
    await client.query("UPDATE counter SET n = 1000 WHERE id = 1");
    // gone without COMMIT or ROLLBACK
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const [row] = await database.sql.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
    expect(row?.n).toBe(24);
  });

  it("runs the migrations and Prisma as on a PostgreSQL server", async () => {
    const fresh = await openPgliteThread("memory://", { durable: false });
    try {
      const applied = await applyMigrations(fresh.sql, await readMigrations(), () => undefined);
      expect(applied.length).toBeGreaterThan(10);
      await fresh.prisma.region.create({
        data: {
          code: "74.71",
          name: "Kota Kendari",
          kind: "CITY",
          provinceCode: null,
          timeZone: "Asia/Makassar",
        },
      });
      for (let i = 0; i < 3; i++) {
        expect(await fresh.prisma.region.findUniqueOrThrow({ where: { code: "74.71" } })).toMatchObject({
          name: "Kota Kendari",
        });
      }
      // Prisma's statements are prepared once in the session and used again
      const prepared = await fresh.sql.query<{ name: string }>("SELECT name FROM pg_prepared_statements");
      expect(prepared.length).toBeGreaterThan(0);
      expect(prepared.every((row) => row.name.startsWith("lintas_"))).toBe(true);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it("keeps PostgreSQL's shared buffers small (PGlite's memory never shrinks, decision 0072)", async () => {
    const [{ shared_buffers }] = await database.sql.query<{ shared_buffers: string }>("SHOW shared_buffers");
    expect(shared_buffers).toBe("32MB");
  });

  it("keeps the data directory to one opener, and says who holds it", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "lintas-thread-")), "pg");
    const first = await openPgliteThread(dir);
    try {
      await expect(openPgliteThread(dir)).rejects.toThrow(`is in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
    // closed cleanly: the directory opens again with what was written
    const again = await openPgliteThread(dir);
    await again.close();
  }, 60_000);
});

describe("names for prepared statements", () => {
  it("gives the same statement the same name, another statement another, and stops at the bound", () => {
    const name = preparedStatementNames(2);
    const a = name({ sql: "SELECT 1" });
    expect(a).toMatch(/^lintas_[0-9a-f]{24}$/);
    expect(name({ sql: "SELECT 1" })).toBe(a);
    const b = name({ sql: "SELECT 2" });
    expect(b).not.toBe(a);
    // beyond the bound a statement is planned each time, unnamed
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: "SELECT 2" })).toBe(b);
  });
});
