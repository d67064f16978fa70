// The process's database. The start script and the test set-up open it first
// (migrated, seeded) and register it; otherwise it opens from the environment.
import { type Database, openDatabase } from "~/db/database.server";
import { env } from "~/env.server";

declare global {
  var __lintasDatabase: Database | undefined;
}

export function registerDatabase(database: Database) {
  globalThis.__lintasDatabase = database;
}

globalThis.__lintasDatabase ??= await openDatabase(env.DATABASE_URL, env.DATA_DIR);

export const database: Database = globalThis.__lintasDatabase;
export const prisma = database.prisma;
