// The wire server (server/pglite-wire.ts, docs/decisions/0071): PGlite's bytes handed to the
// client as they are, however large, without PGlite keeping a parsed copy of each one; and each
// connection's prepared statements its own, as on a PostgreSQL server, though all share one PGlite
// session. The server runs here in the test's own thread, so its memory is this thread's heap.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WireServer, serveWire } from "../../server/pglite-wire";

let db: PGlite;
let wire: WireServer;
let socketDir: string;
let pool: pg.Pool;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`
    CREATE TABLE note (id int PRIMARY KEY, title text NOT NULL, body text NOT NULL);
    INSERT INTO note SELECT i, 'Catatan ' || i, repeat('isi catatan kemajuan ', 10)
      FROM generate_series(1, 5000) i;`);
  socketDir = await mkdtemp(path.join(os.tmpdir(), "lintas-wire-"));
  wire = await serveWire(db, path.join(socketDir, ".s.PGSQL.5432"));
  pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "template1", max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await wire?.close();
  await db?.close();
  await rm(socketDir, { recursive: true, force: true });
});

/** the heap still in use after a full garbage collection */
function heapAfterCollection(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

const page = (after: number) =>
  pool.query<{ id: number; title: string }>({
    name: "notes-page",
    text: "SELECT id, title, body FROM note WHERE id > $1 ORDER BY id LIMIT 100",
    values: [after],
  });

describe("the wire server's answers", () => {
  it("keeps no copy of what it answered: memory stays flat however many rows go out", async () => {
    for (let i = 0; i < 50; i++) await page(i);
    const before = heapAfterCollection();
    // 100,000 rows of ~250 bytes; PGlite's parsed copies of them took ~50 MB (0071)
    for (let i = 0; i < 1000; i++) {
      const { rows } = await page(i % 4000);
      expect(rows).toHaveLength(100);
    }
    const grown = heapAfterCollection() - before;
    expect(grown).toBeLessThan(10 * 1024 * 1024);
  });

  it("hands over an answer larger than PGlite's buffer whole, in order", async () => {
    // ~4.6 MB: PGlite streams it in several pieces
    const { rows } = await pool.query<{ id: number; body: string }>(
      "SELECT i AS id, repeat('x', 900) AS body FROM generate_series(1, 5000) i ORDER BY i",
    );
    expect(rows).toHaveLength(5000);
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(rows.every((row) => row.body.length === 900)).toBe(true);
  });

  it("answers an error, then the next statement on the same connection, and a new connection", async () => {
    const client = new pg.Client({ host: socketDir, port: 5432, user: "postgres", database: "template1" });
    await client.connect();
    try {
      await expect(client.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
      const { rows } = await client.query<{ id: number }>(
        "SELECT id FROM note WHERE id > $1 ORDER BY id LIMIT 1",
        [10],
      );
      expect(rows[0]?.id).toBe(11);
    } finally {
      await client.end();
    }
    const { rows } = await page(10);
    expect(rows[0]?.id).toBe(11);
  });
});

const connect = async () => {
  const client = new pg.Client({ host: socketDir, port: 5432, user: "postgres", database: "template1" });
  await client.connect();
  return client;
};
const sessionStatements = async () =>
  (await db.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY name")).rows.map(
    (row) => row.name,
  );

describe("prepared statements over the wire", () => {
  it("lets two connections prepare the same name, each for its own statement", async () => {
    const [one, two] = await Promise.all([connect(), connect()]);
    try {
      const ask = (client: pg.Client, text: string) =>
        client.query<{ n: number }>({ name: "same-name", text, values: [3] });
      const [a, b] = await Promise.all([
        ask(one, "SELECT $1::int AS n"),
        ask(two, "SELECT $1::int * 10 AS n"),
      ]);
      expect(a.rows[0]?.n).toBe(3);
      expect(b.rows[0]?.n).toBe(30);
      // used again, each still its own
      expect((await ask(two, "SELECT $1::int * 10 AS n")).rows[0]?.n).toBe(30);
      expect((await ask(one, "SELECT $1::int AS n")).rows[0]?.n).toBe(3);
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
  });

  it("drops a connection's statements when it goes, and only its own", async () => {
    const [stays, goes] = await Promise.all([connect(), connect()]);
    try {
      await stays.query({ name: "kept", text: "SELECT 1 AS n" });
      await goes.query({ name: "dropped", text: "SELECT 2 AS n" });
      expect(await sessionStatements()).toEqual(expect.arrayContaining([expect.stringMatching(/^dropped/)]));
      await goes.end();
      await expect.poll(sessionStatements).not.toContainEqual(expect.stringMatching(/^dropped/));
      expect(await sessionStatements()).toContainEqual(expect.stringMatching(/^kept/));
      expect((await stays.query({ name: "kept", text: "SELECT 1 AS n" })).rows[0]?.n).toBe(1);
    } finally {
      await stays.end();
    }
  });

  it("serves a pool's new connection after a failed statement closed the old one", async () => {
    // node-postgres's pool closes a connection whose query failed; its next one prepares the
    // same names again at once, while the old one may still be going away
    const single = new pg.Pool({
      host: socketDir,
      port: 5432,
      user: "postgres",
      database: "template1",
      max: 1,
    });
    try {
      const named = () => single.query({ name: "note-count", text: "SELECT count(*)::int AS n FROM note" });
      expect((await named()).rows[0]?.n).toBe(5000);
      for (let i = 0; i < 5; i++) {
        await expect(single.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
        expect((await named()).rows[0]?.n).toBe(5000);
      }
    } finally {
      await single.end();
    }
  });
});
