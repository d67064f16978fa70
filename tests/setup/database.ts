// Gives this test file its own fresh database, copied from the migrated template,
// and registers it before any app module opens one.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { databaseFromPglite, openDatabase } from "../../app/db/database.server";
import { withDatabase } from "./global-setup";
import { pgliteArtifacts } from "./pglite-artifacts";

const templateDatabase = inject("templateDatabase");
const url = process.env.DATABASE_URL;

if (templateDatabase && url) {
  const name = `lintas_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
  const database = await openDatabase(withDatabase(url, name), "");
  globalThis.__lintasDatabase = database;
  afterAll(async () => {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });
} else {
  const dump = await readFile(inject("templateDump"));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), ...(await pgliteArtifacts()) });
  const database = databaseFromPglite(client);
  globalThis.__lintasDatabase = database;
  afterAll(async () => {
    await database.close();
  });
}
