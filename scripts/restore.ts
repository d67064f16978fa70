// npm run restore -- file: replaces the configured database with a backup made by `npm run backup`
// (from either engine), then applies this code's newer migrations. Stop the app first. A backup
// from newer code is refused and nothing is changed.
import { readFile } from "node:fs/promises";
import { BackupError, backupFromGzip, restoreBackup } from "../app/db/backup.server";
import { DataDirLockedError } from "../app/db/data-dir-lock.server";
import { isPostgresUrl, openDatabase } from "../app/db/database.server";
import { readMigrations } from "../app/db/migrate.server";
import { env } from "../app/env.server";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore -- backups/lintas-YYYYMMDD-HHMM.json.gz");
  process.exit(2);
}
if (!isPostgresUrl(env.DATABASE_URL)) {
  const running = await fetch(`http://127.0.0.1:${env.PORT}/healthz`).then(
    () => true,
    () => false,
  );
  if (running) {
    console.error(`An app is running on port ${env.PORT}: stop it before restoring the embedded database.`);
    process.exit(1);
  }
}
const started = performance.now();
// the embedded database is refused while another process (an app on any port) has it open
const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR).catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(`${error.message}\nNothing was restored.`);
  process.exit(1);
});
try {
  const backup = backupFromGzip(await readFile(file));
  const { rows, migrated } = await restoreBackup(database.sql, backup, await readMigrations(), console.log);
  console.log(
    `Restored ${rows} rows${migrated.length ? `, then applied ${migrated.length} newer migration(s)` : ""} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
process.exit(process.exitCode ?? 0);
