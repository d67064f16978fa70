// The embedded database on a directory (what `npm start` uses): every commit is synced to disk
// before the write returns, checkpoints sync in PostgreSQL's order, and one process at a time
// opens the directory (docs/decisions/0038).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCK_FILE_NAME, type LockOwner } from "~/db/data-dir-lock.server";
import { type Database, databaseFromPglite, openPglite, pgliteDriver } from "~/db/database.server";
import type { FsEvent } from "~/db/durable-fs.server";
import { applyMigrations, readMigrations } from "~/db/migrate.server";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "lintas-durability-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** a migrated directory database, with every file operation PostgreSQL makes recorded */
async function openRecorded(name: string, events: FsEvent[]): Promise<PGlite> {
  const dump = inject("templateDump");
  const client = await openPglite(
    path.join(root, name),
    dump ? new Blob([await readFile(dump)]) : undefined,
    { observe: (event) => events.push(event) },
  );
  if (!dump) await applyMigrations(pgliteDriver(client), await readMigrations());
  return client;
}

/** Files written since their last sync, following renames (PostgreSQL's tmp-then-rename). */
function unsynced(events: FsEvent[], upTo = events.length): Set<string> {
  const dirty = new Set<string>();
  for (const event of events.slice(0, upTo)) {
    if (event.op === "write") dirty.add(event.path);
    else if (event.op === "sync" || event.op === "unlink") dirty.delete(event.path);
    else if (event.op === "rename" && dirty.delete(event.path)) dirty.add(event.to);
  }
  return dirty;
}

// files PostgreSQL never syncs because it rebuilds them after a crash (subtransaction map,
// relation cache init files, its pid file)
const REBUILT_AT_START = /^(pg_subtrans\/|postmaster\.pid$|(.*\/)?pg_internal\.init$)/;
const isWal = (file: string) => file.startsWith("pg_wal/");
const walSyncs = (events: FsEvent[]) => events.filter((e) => e.op === "sync" && isWal(e.path)).length;

describe("the embedded database keeps every acknowledged commit on disk", () => {
  const events: FsEvent[] = [];
  let client: PGlite;
  let database: Database;

  beforeAll(async () => {
    client = await openRecorded("commits", events);
    database = databaseFromPglite(client);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("runs PostgreSQL with fsync on", async () => {
    expect(await database.sql.query("SHOW fsync")).toEqual([{ fsync: "on" }]);
    expect(await database.sql.query("SHOW synchronous_commit")).toEqual([{ synchronous_commit: "on" }]);
  });

  it("syncs the WAL before each write through Prisma or the SQL driver returns", async () => {
    for (let i = 0; i < 20; i++) {
      const before = walSyncs(events);
      const start = events.length;
      if (i % 2 === 0) {
        await database.prisma.activityLog.create({
          data: { action: "durability", subjectType: "Test", subjectId: `prisma-${i}` },
        });
      } else {
        await database.sql.query(
          `INSERT INTO "ActivityLog" (id, action, "subjectType", "subjectId") VALUES ($1, 'durability', 'Test', $1)`,
          [`sql-${i}`],
        );
      }
      // the commit wrote the WAL, synced it, and nothing written to the WAL is left unsynced
      expect(events.slice(start).some((e) => e.op === "write" && isWal(e.path))).toBe(true);
      expect(walSyncs(events)).toBeGreaterThan(before);
      expect([...unsynced(events)].filter(isWal)).toEqual([]);
    }
  });

  it("syncs each of 10 concurrent writes before it returns", async () => {
    const before = walSyncs(events);
    const syncedWhenAnswered = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const started = walSyncs(events);
        await database.prisma.activityLog.create({
          data: { action: "durability", subjectType: "Test", subjectId: `concurrent-${i}` },
        });
        return walSyncs(events) - started;
      }),
    );
    expect(syncedWhenAnswered.every((count) => count >= 1)).toBe(true);
    expect(walSyncs(events) - before).toBeGreaterThanOrEqual(10);
    expect([...unsynced(events)].filter(isWal)).toEqual([]);
    const [{ count }] = await database.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "ActivityLog" WHERE action = 'durability'`,
    );
    expect(count).toBe(30);
  });

  it("orders checkpoints: data files synced before pg_control, old WAL recycled only after it", async () => {
    const start = events.length;
    for (let round = 0; round < 3; round++) {
      await database.sql.query("SELECT pg_switch_wal()");
      await database.prisma.activityLog.create({
        data: { action: "durability", subjectType: "Test", subjectId: `checkpoint-${round}` },
      });
      await database.sql.exec("CHECKPOINT");
    }
    const checkpoints = events.slice(start);
    const controlWrites = checkpoints.flatMap((e, i) =>
      e.op === "write" && e.path === "global/pg_control" ? [start + i] : [],
    );
    expect(controlWrites.length).toBeGreaterThanOrEqual(3);
    for (const at of controlWrites) {
      // when pg_control points at the checkpoint, the data files and the WAL it relies on are on disk
      const dirty = [...unsynced(events, at)].filter((file) => !REBUILT_AT_START.test(file));
      expect(dirty).toEqual([]);
    }
    // every old WAL segment is recycled or removed after the newest pg_control is synced
    let controlSynced = false;
    let recycled = 0;
    for (const event of checkpoints) {
      if (event.path === "global/pg_control") controlSynced = event.op === "sync";
      if ((event.op === "rename" || event.op === "unlink") && /^pg_wal\/[0-9A-F]{24}$/.test(event.path)) {
        expect(controlSynced).toBe(true);
        recycled++;
      }
    }
    expect(recycled).toBeGreaterThanOrEqual(1);
  });
});

/** a port nothing listens on */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function runScript(script: string, args: string[], dataDir: string, port: number) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...inherited, DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, out, err })),
  );
}

describe("one process at a time on a data directory", () => {
  it("refuses a second opener, backup and restore while open; releases at close; takes over a dead pid's lock", async () => {
    const dir = path.join(root, "locked");
    const holder = await openRecorded("locked", []);
    const database = databaseFromPglite(holder);
    try {
      await database.sql.query(
        `INSERT INTO "ActivityLog" (id, action, "subjectType", "subjectId") VALUES ('kept', 'kept', 'Test', 'kept')`,
      );
      await expect(openPglite(dir)).rejects.toThrow(`is in use by process ${process.pid}`);

      const port = await freePort();
      const backupFile = path.join(root, "never.json.gz");
      writeFileSync(backupFile, "not a backup");
      const [restore, backup] = await Promise.all([
        runScript("scripts/restore.ts", [backupFile], dir, port),
        runScript("scripts/backup.ts", [path.join(root, "backup.json.gz")], dir, port),
      ]);
      expect(restore.code).toBe(1);
      expect(restore.err).toContain(`The database directory ${dir} is in use by process ${process.pid}`);
      expect(restore.err).toContain("Nothing was restored.");
      expect(backup.code).toBe(1);
      expect(backup.err).toContain(`is in use by process ${process.pid}`);
      // still there, untouched
      const rows = await database.sql.query(`SELECT id FROM "ActivityLog" WHERE id = 'kept'`);
      expect(rows).toHaveLength(1);
    } finally {
      await database.close();
    }

    // closed: the lock is gone
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);

    // a process that died holding it (SIGKILL, power cut) leaves its lock: the next opener takes over
    const { pid: deadPid } = spawnSync(process.execPath, ["-e", ""]);
    const left: LockOwner = {
      pid: deadPid!,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      command: "start.ts",
      token: "killed",
    };
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(left));
    const again = databaseFromPglite(await openPglite(dir));
    try {
      const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8")) as LockOwner;
      expect(owner.pid).toBe(process.pid);
      expect(await again.sql.query(`SELECT id FROM "ActivityLog" WHERE id = 'kept'`)).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 120_000);
});
