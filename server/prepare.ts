// Opens the configured database, applies migrations and, on an empty database,
// loads the demo data. Shared by `npm start`, `npm run dev` and `npm run db:migrate`.
import { type Database, openDatabase } from "../app/db/database.server";
import { applyMigrations, readMigrations } from "../app/db/migrate.server";
import type { Env } from "../app/env.server";
import { isDatabaseEmpty, seedDemo } from "../prisma/seed-demo";

export async function prepareDatabase(
  env: Env,
  options: { seed: boolean; log?: (line: string) => void } = { seed: true },
): Promise<{ database: Database; applied: string[]; seeded: boolean }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
  const applied = await applyMigrations(database.sql, await readMigrations(), log);
  let seeded = false;
  if (options.seed && env.SEED_ON_EMPTY === "true" && (await isDatabaseEmpty(database.prisma))) {
    log("Empty database: loading the demo data…");
    await seedDemo(database.prisma, { log });
    seeded = true;
  }
  return { database, applied, seeded };
}
