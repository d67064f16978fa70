// Backups of the running database for admins and for `npm run backup` (see docs/operations.md).
import { timingSafeEqual } from "node:crypto";
import { backupFileName, backupToGzip, createBackup, readBackupToken } from "~/db/backup.server";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { logActivity } from "./activity.server";

/** A consistent snapshot of every table, gzipped JSON, with its file name; logged. */
export async function snapshotDatabase(actorId: string | null) {
  const backup = await createBackup(database.sql);
  const rows = Object.values(backup.tables).reduce((sum, rows) => sum + rows.length, 0);
  await logActivity({
    actorId,
    action: "data.backup",
    subjectType: "Database",
    subjectId: database.sql.kind,
    data: { rows, tables: Object.keys(backup.tables).length },
  });
  return { bytes: backupToGzip(backup), fileName: backupFileName(), rows };
}

/** True when the request carries the machine-local backup token (`Authorization: Bearer …`). */
export async function hasBackupToken(request: Request): Promise<boolean> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return false;
  const token = await readBackupToken(env.DATA_DIR);
  if (!token) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
