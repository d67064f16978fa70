// Logical backups that work on both engines: every table of the schema read as JSON inside one
// REPEATABLE READ, READ ONLY transaction (a consistent snapshot while the app keeps writing), and
// restored with json_populate_recordset so PostgreSQL itself turns the text back into its types
// (numeric, bytea, arrays, enums, json). A backup of the embedded database restores into a
// PostgreSQL server and back.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { type Migration, MigrationError, applyMigrations, withoutOwnTransaction } from "./migrate.server";
import type { SqlDriver } from "./database.server";

export const BACKUP_FORMAT = "lintas-backup";
export const BACKUP_VERSION = 1;
const MIGRATIONS_TABLE = "_prisma_migrations";

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: SqlDriver["kind"];
  /** migrations the data was written under, in order */
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
};

type Query = Pick<SqlDriver, "exec" | "query">;

/**
 * Tables that database triggers write when other tables change (CatalogState, moved by every
 * catalogue change; PracticeSearch, a copy of each published practice's searchable fields):
 * restored last, replacing what the triggers wrote during the restore.
 */
const TRIGGER_WRITTEN = ["CatalogState", "PracticeSearch"];

async function tableNames(sql: Pick<SqlDriver, "query">): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  return rows.map((row) => row.name);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Reads every table in one snapshot. */
export async function createBackup(sql: SqlDriver): Promise<Backup> {
  const tables: Backup["tables"] = {};
  let migrations: string[] = [];
  await sql.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    for (const name of await tableNames(tx)) {
      const [row] = await tx.query<{ rows: Record<string, unknown>[] | string }>(
        `SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${quoted(name)} t`,
      );
      tables[name] = typeof row.rows === "string" ? JSON.parse(row.rows) : row.rows;
    }
    const applied = await tx.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${quoted(MIGRATIONS_TABLE)}
       WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
    );
    migrations = applied.map((row) => row.migration_name);
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    engine: sql.kind,
    migrations,
    tables,
  };
}

export class BackupError extends Error {}

/** Checks the shape and that this code knows every migration the backup was written under. */
export function checkBackup(value: unknown, migrations: Migration[]): Backup {
  const backup = value as Partial<Backup> | null;
  if (!backup || backup.format !== BACKUP_FORMAT || typeof backup.tables !== "object") {
    throw new BackupError("This file is not a Lintas backup.");
  }
  if (backup.version !== BACKUP_VERSION) {
    throw new BackupError(`Unsupported backup version ${String(backup.version)}.`);
  }
  const names = migrations.map((m) => m.name);
  const taken = backup.migrations ?? [];
  const unknown = taken.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup was made by newer code (unknown migrations: ${unknown.join(", ")}). Restore it with that version.`,
    );
  }
  if (taken.some((name, index) => names[index] !== name)) {
    throw new BackupError("The backup's migrations do not follow this code's migration history.");
  }
  return backup as Backup;
}

/** Parents before children, from the foreign keys of the current schema. */
async function insertOrder(sql: Query, tables: string[]): Promise<string[]> {
  const edges = await sql.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered.filter((table) => tables.includes(table));
}

/**
 * Replaces the whole schema with the backup: in one transaction the schema is recreated at the
 * backup's migration level and filled; then newer migrations of this code are applied. Refused
 * (nothing changed) when the backup comes from newer code.
 */
export async function restoreBackup(
  sql: SqlDriver,
  value: unknown,
  migrations: Migration[],
  log: (line: string) => void = () => {},
): Promise<{ rows: number; migrated: string[] }> {
  const backup = checkBackup(value, migrations);
  let rows = 0;
  await sql.transaction(async (tx) => {
    const [{ schema }] = await tx.query<{ schema: string }>("SELECT current_schema() AS schema");
    await tx.exec(`DROP SCHEMA ${quoted(schema)} CASCADE; CREATE SCHEMA ${quoted(schema)};`);
    for (const name of backup.migrations) {
      const migration = migrations.find((m) => m.name === name);
      if (!migration) throw new MigrationError(`Unknown migration ${name}`);
      await tx.exec(withoutOwnTransaction(migration.sql));
    }
    const present = await tableNames(tx);
    const missing = Object.keys(backup.tables).filter((t) => t !== MIGRATIONS_TABLE && !present.includes(t));
    if (missing.length > 0) throw new BackupError(`The backup has unknown tables: ${missing.join(", ")}`);
    // the migrations table is created by the runner; its rows come from the backup as they were
    await tx.exec(
      `CREATE TABLE ${quoted(MIGRATIONS_TABLE)} (
        id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
        migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`,
    );
    const order = (await insertOrder(tx, Object.keys(backup.tables))).filter(
      (t) => t !== MIGRATIONS_TABLE && !TRIGGER_WRITTEN.includes(t),
    );
    const triggerWritten = TRIGGER_WRITTEN.filter((t) => t in backup.tables);
    for (const table of [MIGRATIONS_TABLE, ...order, ...triggerWritten]) {
      const data = backup.tables[table] ?? [];
      // what the triggers wrote while the other tables were filled makes way for the backup's rows
      if (triggerWritten.includes(table)) await tx.exec(`DELETE FROM ${quoted(table)}`);
      if (data.length === 0) continue;
      // in chunks, so a large table does not become one huge parameter
      for (let start = 0; start < data.length; start += 2000) {
        const chunk = data.slice(start, start + 2000);
        await tx.query(
          `INSERT INTO ${quoted(table)} SELECT * FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`,
          [JSON.stringify(chunk)],
        );
        rows += chunk.length;
      }
      log(`  ${table}: ${data.length}`);
    }
  });
  const migrated = await applyMigrations(sql, migrations, log);
  return { rows, migrated };
}

/**
 * One checksum per table (md5 of its rows as JSON, in a stable order): equal checksums mean equal
 * contents. `exclude` leaves out tables that change on every request (sessions' last-seen, rate
 * limits).
 */
export async function tableChecksums(
  sql: Pick<SqlDriver, "query">,
  exclude: string[] = [],
): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of await tableNames(sql)) {
    if (exclude.includes(name)) continue;
    const [row] = await sql.query<{ sum: string | null; count: string | number }>(
      `SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS sum, count(*) AS count
         FROM (SELECT row_to_json(t)::text AS r FROM ${quoted(name)} t) rows`,
    );
    sums[name] = `${String(row.count)}:${row.sum ?? ""}`;
  }
  return sums;
}

/**
 * A machine-local secret that lets `npm run backup` ask the running server (which holds the
 * embedded database) for a snapshot: written beside the data directory, readable by its owner.
 */
export function backupTokenPath(dataDir: string) {
  return path.join(path.dirname(path.resolve(dataDir)), "backup-token");
}

export async function ensureBackupToken(dataDir: string): Promise<string> {
  const file = backupTokenPath(dataDir);
  try {
    const token = (await readFile(file, "utf8")).trim();
    if (token.length >= 32) return token;
  } catch {
    // none yet
  }
  const token = randomBytes(32).toString("hex");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, token, { mode: 0o600 });
  return token;
}

export async function readBackupToken(dataDir: string): Promise<string | undefined> {
  try {
    const token = (await readFile(backupTokenPath(dataDir), "utf8")).trim();
    return token.length >= 32 ? token : undefined;
  } catch {
    return undefined;
  }
}

export function backupToGzip(backup: Backup): Buffer {
  return gzipSync(JSON.stringify(backup));
}

export function backupFromGzip(bytes: Buffer): unknown {
  const text =
    bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupError("This file is not a Lintas backup (not JSON).");
  }
}

export function backupFileName(date = new Date()) {
  return `lintas-${date.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-")}.json.gz`;
}
