// Unit tests (the "unit" project in vitest.config.ts) get no database: a test that reaches for one
// fails at once with where it belongs, instead of opening a data directory of its own.
import type { Database } from "~/db/database.server";

const refuse = (property: PropertyKey) => {
  throw new Error(
    `A unit test reached the database (database.${String(property)}): a test that needs the database lives in tests/integration/, which gives each file a fresh one.`,
  );
};
globalThis.__lintasDatabase = new Proxy({} as Database, { get: (_, property) => refuse(property) });
