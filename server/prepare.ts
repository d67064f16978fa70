// Opens the configured database, applies migrations and, on an empty database,
// loads the demo data. Shared by `npm start`, `npm run seed` and the scripts.
// A process opens its database once (PGlite allows one opener per directory): when a module
// that imports ~/db.server was loaded first, its database is the one migrated here.
import { type Database, openDatabase } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import type { Env } from "../app/env.server";

export async function prepareDatabase(
  env: Env,
  options: { seed: boolean; log?: (line: string) => void } = { seed: true },
): Promise<{ database: Database; applied: string[]; seeded: boolean }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = globalThis.__lintasDatabase ?? (await openDatabase(env.DATABASE_URL, env.DATA_DIR));
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
  return { database, applied, seeded };
}
