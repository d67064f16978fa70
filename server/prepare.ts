// Opens the configured database, applies migrations, on an empty database loads the demo data,
// and brings the regions up to the bundled idn-area-data release (writing nothing when they are).
// Shared by `npm start`, `npm run seed` and the scripts.
// A process opens its database once, and an embedded data directory is opened by one process at a
// time (app/db/data-dir-lock.server.ts): when a module that imports ~/db.server was loaded first,
// its database is the one migrated here; a second process on the same directory stops here with a
// message naming the process that holds it, before any start-up work.
import pg from "pg";
import { DataDirLockedError } from "../app/db/data-dir-lock.server";
import { type Database, isPostgresUrl, openDatabase } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import { analyzeAll, analyzeNeverAnalyzed } from "../app/db/statistics.server";
import type { Env } from "../app/env.server";
import { openPgliteThread } from "./pglite-thread";

export async function prepareDatabase(
  env: Env,
  options: { seed: boolean; regions?: boolean; log?: (line: string) => void } = { seed: true },
): Promise<{ database: Database; applied: string[]; seeded: boolean }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = globalThis.__lintasDatabase ?? (await openOrExplain(env));
  // several app processes may start at once on one PostgreSQL: one migrates and seeds at a time
  const unlock = isPostgresUrl(env.DATABASE_URL) ? await startupLock(env.DATABASE_URL) : async () => {};
  try {
    const applied = await applyMigrations(database.sql, await readMigrations(), log);
    globalThis.__lintasDatabase = database;
    let seeded = false;
    if (options.seed && env.SEED_ON_EMPTY === "true") {
      const { isDatabaseEmpty, seedDemo } = await import("../prisma/seed-demo");
      if (await isDatabaseEmpty(database.prisma)) {
        log("Empty database: loading the demo data…");
        await seedDemo(database.prisma, { log });
        seeded = true;
      }
    }
    // after the emptiness check above, which looks at the region table
    const { importRegions } = await import("../app/modules/regions/region.server");
    const regions =
      options.regions === false ? { created: 0, updated: 0 } : await importRegions(database.prisma);
    if (regions.created || regions.updated)
      log(`Regions: ${regions.created} added, ${regions.updated} updated (idn-area-data)`);
    // the planner needs statistics; PGlite has no autovacuum (app/db/statistics.server.ts)
    if (seeded || regions.created) await analyzeAll(database.sql);
    else await analyzeNeverAnalyzed(database.sql);
    return { database, applied, seeded };
  } finally {
    await unlock();
  }
}

async function openOrExplain(env: Env): Promise<Database> {
  try {
    // the embedded database in its own thread unless told otherwise (docs/decisions/0066)
    if (!isPostgresUrl(env.DATABASE_URL) && env.DATABASE_THREAD === "true") {
      return await openPgliteThread(env.DATABASE_URL || env.DATA_DIR);
    }
    return await openDatabase(env.DATABASE_URL, env.DATA_DIR);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** A session-level advisory lock on its own connection, held until the returned function runs. */
async function startupLock(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(hashtext('lintas:startup'))");
  return async () => {
    await client.query("SELECT pg_advisory_unlock(hashtext('lintas:startup'))").catch(() => undefined);
    await client.end();
  };
}
