// One database layer for both engines, chosen only by DATABASE_URL:
// PGlite (PostgreSQL in WebAssembly, data in a directory) by default,
// a PostgreSQL server through node-postgres when the URL says postgres(ql)://.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import { lockDataDir } from "./data-dir-lock.server";
import { DURABLE_START_PARAMS, DurableNodeFS, type FsEvent, syncDirectoryTree } from "./durable-fs.server";

/** Plain SQL access for the migration runner, health check and tests. */
export type SqlDriver = {
  kind: "pglite" | "postgres";
  /** runs a script of several statements */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** runs `work` in one transaction on one connection */
  transaction(work: (tx: Pick<SqlDriver, "exec" | "query">) => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

export type Database = { prisma: PrismaClient; sql: SqlDriver; close(): Promise<void> };

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/**
 * "memory://" keeps an embedded database in memory (tests); any other value is a directory, opened
 * by one process at a time (data-dir-lock.server.ts) with every commit synced to disk before it
 * returns (durable-fs.server.ts, docs/decisions/0038).
 */
export async function openPglite(
  location: string,
  loadDataDir?: Blob,
  options: { durable?: boolean; observe?: (event: FsEvent) => void; settings?: string[] } = {},
): Promise<PGlite> {
  const settings = (options.settings ?? []).flatMap((setting) => ["-c", setting]);
  if (location === "memory://")
    return PGlite.create({ loadDataDir, startParams: [...PGlite.defaultStartParams, ...settings] });
  const dir = path.resolve(location);
  await mkdir(dir, { recursive: true });
  const lock = lockDataDir(dir);
  const durable = options.durable ?? true;
  let client: PGlite | undefined;
  try {
    const fresh = !existsSync(path.join(dir, "PG_VERSION"));
    client = await PGlite.create({
      fs: new DurableNodeFS(dir, { durable, lock, observe: options.observe }),
      loadDataDir,
      // with PostgreSQL's settings (`name=value`) given, if any
      startParams: [...(durable ? DURABLE_START_PARAMS : PGlite.defaultStartParams), ...settings],
    });
    // a new cluster was copied in from initdb (or the dump) without PostgreSQL's syncs
    if (durable && fresh) syncDirectoryTree(dir, options.observe);
    return client;
  } catch (error) {
    if (client && !client.closed) await client.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}

export function pgliteDriver(client: PGlite): SqlDriver {
  return {
    kind: "pglite",
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
    transaction: async (work) => {
      await client.transaction(async (tx) => {
        await work({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <Row>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows,
        });
      });
    },
    close: () => client.close(),
  };
}

export function postgresDriver(pool: pg.Pool): SqlDriver {
  return {
    kind: "postgres",
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as Row[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await work({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as Row[],
        });
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function databaseFromPglite(client: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const sql = pgliteDriver(client);
  return {
    prisma,
    sql,
    close: async () => {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

export async function openDatabase(url: string | undefined, fallbackDir: string): Promise<Database> {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const sql = postgresDriver(pool);
    return {
      prisma,
      sql,
      close: async () => {
        await prisma.$disconnect();
        await sql.close();
      },
    };
  }
  return databaseFromPglite(await openPglite(url || fallbackDir));
}
