// A migrated embedded database of a test's own, beside the file's registered one.
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { pgliteDriver } from "../../app/db/database.server";
import { applyMigrations, readMigrations } from "../../app/db/migrate.server";
import { pgliteArtifacts } from "./pglite-artifacts";

export async function migratedPglite(): Promise<PGlite> {
  const dump = inject("templateDump");
  if (dump)
    return PGlite.create({ loadDataDir: new Blob([await readFile(dump)]), ...(await pgliteArtifacts()) });
  // the PostgreSQL pass has no PGlite template: migrate one (a few seconds)
  const client = await PGlite.create();
  await applyMigrations(pgliteDriver(client), await readMigrations());
  return client;
}
