// Backups: a snapshot of the demo data restores into an empty database with every table equal
// (checksums of every row), newer migrations are applied after an older backup, a backup from
// newer code is refused without touching the target, and the admin download/token rules hold.
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Backup,
  BackupError,
  backupFromGzip,
  backupToGzip,
  createBackup,
  ensureBackupToken,
  restoreBackup,
  tableChecksums,
} from "~/db/backup.server";
import { type Database, databaseFromPglite } from "~/db/database.server";
import { applyMigrations, readMigrations } from "~/db/migrate.server";
import { database, prisma } from "~/db.server";
import { env } from "~/env.server";
import { seedDemo } from "../../prisma/seed-demo";
import { callRoute, cookieFor, createPerson, getRequest } from "../fixtures/people";

let backup: Backup;
let target: Database;

beforeAll(async () => {
  await seedDemo(prisma, { log: () => {} });
  backup = await createBackup(database.sql);
  target = databaseFromPglite(await PGlite.create());
}, 120_000);

afterAll(async () => {
  await target.close();
});

describe("createBackup", () => {
  it("holds every table with every row, and the migrations it was written under", async () => {
    const migrations = await readMigrations();
    expect(backup.migrations).toEqual(migrations.map((m) => m.name));
    expect(backup.tables.ChangeProject.length).toBe(await prisma.changeProject.count());
    expect(backup.tables.Region.length).toBe(552);
    expect(backup.tables.Measurement.length).toBe(await prisma.measurement.count());
    // it survives the gzip round trip unchanged
    expect(backupFromGzip(backupToGzip(backup))).toEqual(backup);
    expect(gunzipSync(backupToGzip(backup)).toString("utf8")).toContain('"format":"lintas-backup"');
  });
});

describe("restoreBackup", () => {
  it("restores into an empty database with every table equal, types included", async () => {
    const { rows } = await restoreBackup(target.sql, backup, await readMigrations());
    const total = Object.values(backup.tables).reduce((sum, table) => sum + table.length, 0);
    expect(rows).toBe(total);
    expect(await tableChecksums(target.sql)).toEqual(await tableChecksums(database.sql));
    // decimals, dates and arrays come back as what they were
    const source = await prisma.measurement.findFirstOrThrow({ orderBy: { id: "asc" } });
    const restored = await target.prisma.measurement.findUniqueOrThrow({ where: { id: source.id } });
    expect(restored.value.toString()).toBe(source.value.toString());
    expect(restored.measuredAt.toISOString()).toBe(source.measuredAt.toISOString());
  });

  it("restores again over a database that has data (replacing it, not adding to it)", async () => {
    await target.prisma.region.update({ where: { code: "74.71" }, data: { name: "Diubah" } });
    await restoreBackup(target.sql, backup, await readMigrations());
    expect(await tableChecksums(target.sql)).toEqual(await tableChecksums(database.sql));
  });

  it("applies this code's newer migrations after restoring an older backup", async () => {
    const migrations = await readMigrations();
    const olderMigrations = migrations.slice(0, -1);
    // the tables the older code had: a scratch database migrated to that level
    const scratch = databaseFromPglite(await PGlite.create());
    await applyMigrations(scratch.sql, olderMigrations);
    const olderTables = new Set(Object.keys((await createBackup(scratch.sql)).tables));
    await scratch.close();
    const older: Backup = {
      ...backup,
      migrations: olderMigrations.map((m) => m.name),
      tables: Object.fromEntries(Object.entries(backup.tables).filter(([name]) => olderTables.has(name))),
    };
    older.tables._prisma_migrations = backup.tables._prisma_migrations.filter(
      (row) => row.migration_name !== migrations.at(-1)!.name,
    );
    const { migrated } = await restoreBackup(target.sql, older, migrations);
    expect(migrated).toEqual([migrations.at(-1)!.name]);
    expect(await target.prisma.changeProject.count()).toBe(await prisma.changeProject.count());
  });

  it("refuses a backup from newer code or not a backup at all, and leaves the target as it was", async () => {
    const migrations = await readMigrations();
    await applyMigrations(target.sql, migrations);
    const before = await tableChecksums(target.sql);
    await expect(
      restoreBackup(
        target.sql,
        { ...backup, migrations: [...backup.migrations, "29990101000000_future"] },
        migrations,
      ),
    ).rejects.toThrow(BackupError);
    await expect(restoreBackup(target.sql, { hello: "world" }, migrations)).rejects.toThrow(BackupError);
    expect(() => backupFromGzip(Buffer.from("not json"))).toThrow(BackupError);
    expect(await tableChecksums(target.sql)).toEqual(before);
  });

  it("rolls back completely when a row cannot be inserted", async () => {
    const migrations = await readMigrations();
    const before = await tableChecksums(target.sql);
    const broken: Backup = {
      ...backup,
      tables: { ...backup.tables, Measurement: [{ id: "x", indicatorId: "no-such-indicator", value: 1 }] },
    };
    await expect(restoreBackup(target.sql, broken, migrations)).rejects.toThrow();
    expect(await tableChecksums(target.sql)).toEqual(before);
  });
});

describe("the backup download", () => {
  it("gives admins a gzipped snapshot and logs it; others are refused", async () => {
    const { loader } = await import("~/routes/admin/backup-download");
    const admin = await createPerson({ role: "ADMIN" });
    const response = await callRoute(loader, getRequest("/admin/cadangan/unduh", await cookieFor(admin.id)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="lintas-\d{8}-\d{4}\.json\.gz"/,
    );
    const downloaded = backupFromGzip(Buffer.from(await response.arrayBuffer())) as Backup;
    expect(downloaded.tables.Region.length).toBe(552);
    expect(await prisma.activityLog.count({ where: { action: "data.backup", actorId: admin.id } })).toBe(1);

    const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
    const refused = await callRoute(loader, getRequest("/admin/cadangan/unduh", await cookieFor(officer.id)));
    expect(refused.status).toBe(403);
  });

  it("accepts the machine-local token and nothing that merely looks like it", async () => {
    const { loader } = await import("~/routes/admin/backup-download");
    const token = await ensureBackupToken(env.DATA_DIR);
    const withToken = new Request("http://localhost/admin/cadangan/unduh", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await callRoute(loader, withToken)).status).toBe(200);
    const forged = new Request("http://localhost/admin/cadangan/unduh", {
      // Change the last digit to a different one (the same digit would be the real token).
      headers: { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}` },
    });
    const refused = await callRoute(loader, forged);
    expect([302, 303]).toContain(refused.status);
  });
});
