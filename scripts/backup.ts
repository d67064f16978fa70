// npm run backup [-- file]: a consistent snapshot of the database as gzipped JSON (default
// backups/lintas-YYYYMMDD-HHMM.json.gz). On PostgreSQL it reads the server directly; on the
// embedded database it asks the running app (which holds the data directory) with the machine-local
// backup token, and opens the directory itself only when no app answers.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { backupFileName, backupToGzip, createBackup, readBackupToken } from "../app/db/backup.server";
import { DataDirLockedError } from "../app/db/data-dir-lock.server";
import { isPostgresUrl, openDatabase } from "../app/db/database.server";
import { env } from "../app/env.server";

const target = path.resolve(process.argv[2] ?? path.join("backups", backupFileName()));

async function fromRunningApp(): Promise<Buffer | undefined> {
  const token = await readBackupToken(env.DATA_DIR);
  if (!token) return undefined;
  const base = `http://127.0.0.1:${env.PORT}`;
  try {
    const response = await fetch(`${base}/admin/cadangan/unduh`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(120_000),
    });
    if (!response.ok) throw new Error(`The running app answered ${response.status}`);
    console.log(`Snapshot taken by the running app on ${base}`);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError) return undefined; // nothing listening
    throw error;
  }
}

const started = performance.now();
let bytes = isPostgresUrl(env.DATABASE_URL) ? undefined : await fromRunningApp();
if (!bytes) {
  const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR).catch((error: unknown) => {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(
      `${error.message}\nNo backup was written: is the app running on another port than ${env.PORT}?`,
    );
    process.exit(1);
  });
  try {
    bytes = backupToGzip(await createBackup(database.sql));
  } finally {
    await database.close();
  }
}
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, bytes, { mode: 0o600 });
console.log(
  `Backup written: ${path.relative(process.cwd(), target)} (${(bytes.length / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(0);
