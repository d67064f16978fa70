// Applies prisma/migrations at start-up and records each in _prisma_migrations
// exactly as `prisma migrate deploy` does, so a team with the native engine can switch to it.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { SqlDriver } from "./database.server";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = path.resolve("prisma/migrations")): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {}

/**
 * Prisma wraps some steps (enum changes) in BEGIN;…COMMIT; of their own. We already run each
 * migration in one transaction, so those lines go (the checksum still covers the file as written).
 */
export function withoutOwnTransaction(sql: string) {
  return sql.replace(/^\s*(BEGIN|COMMIT);\s*$/gim, "");
}

/** Applies what is missing, each migration in its own transaction; returns the names applied. */
export async function applyMigrations(
  sql: SqlDriver,
  migrations: Migration[],
  log: (line: string) => void = () => {},
): Promise<string[]> {
  await sql.exec(CREATE_TABLE);
  const applied = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((row) => !known.has(row.migration_name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this code does not know: ${unknown.map((r) => r.migration_name).join(", ")}. ` +
        "Refusing to start: deploy the newer code or restore a matching backup.",
    );
  }
  const failed = applied.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    throw new MigrationError(
      `Migration ${failed[0].migration_name} started but did not finish. Resolve it by hand before starting.`,
    );
  }
  const done = new Set(applied.map((row) => row.migration_name));
  const names: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    log(`Applying migration ${migration.name}`);
    await sql.transaction(async (tx) => {
      await tx.exec(withoutOwnTransaction(migration.sql));
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
    names.push(migration.name);
  }
  return names;
}
