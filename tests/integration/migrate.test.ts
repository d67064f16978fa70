import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migratedPglite } from "../setup/fresh-pglite";
import { database } from "~/db.server";
import { pgliteDriver } from "~/db/database.server";
import { MigrationError, applyMigrations, readMigrations } from "~/db/migrate.server";

describe("migration runner", () => {
  it("records every migration as Prisma does, with the sha256 checksum", async () => {
    const migrations = await readMigrations();
    const rows = await database.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(migrations[i].sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("applies nothing twice", async () => {
    expect(await applyMigrations(database.sql, await readMigrations())).toEqual([]);
  });

  it("refuses a database that has a migration the code does not know", async () => {
    const client = await migratedPglite();
    const sql = pgliteDriver(client);
    const migrations = await readMigrations();
    await expect(applyMigrations(sql, migrations.slice(0, -1))).rejects.toThrow(MigrationError);
    await client.close();
  });

  it("rolls a failing migration back whole", async () => {
    const client = await migratedPglite();
    const sql = pgliteDriver(client);
    const broken = {
      name: "99990101000000_broken",
      checksum: "x",
      sql: `CREATE TABLE a (id int); SELECT * FROM missing;`,
    };
    await expect(applyMigrations(sql, [...(await readMigrations()), broken])).rejects.toThrow();
    const tables = await sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'a'`);
    expect(tables).toHaveLength(0);
    const recorded = await sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [
      broken.name,
    ]);
    expect(recorded).toHaveLength(0);
    await client.close();
  });
});

describe("migrations that carry their own BEGIN/COMMIT", () => {
  it("still apply as one transaction: a later failure undoes the earlier steps", async () => {
    const client = await migratedPglite();
    const sql = pgliteDriver(client);
    const wrapped = {
      name: "99990101000001_wrapped",
      checksum: "y",
      sql: "BEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\n\nSELECT * FROM missing;\n",
    };
    await expect(applyMigrations(sql, [...(await readMigrations()), wrapped])).rejects.toThrow();
    expect(await sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'b'`)).toHaveLength(0);
    await client.close();
  });
});
