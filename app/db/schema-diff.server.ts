// Diffs the committed migrations against prisma/schema.prisma with Prisma's own
// schema engine compiled to WebAssembly; an in-memory PGlite is the shadow database.
// Used by `npm run db:migration` and by the drift test (docs/decisions/0001-database.md).
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

const require = createRequire(import.meta.url);

type SchemaEngine = {
  diff(params: unknown): Promise<{ stdout: string | null }>;
};

async function loadSchemaEngine(): Promise<{
  new: (options: unknown, callback: () => void, adapter: unknown) => Promise<SchemaEngine>;
}> {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(bgPath);
  const bindings = (await import(pathToFileURL(bgPath).href)) as Record<string, unknown> & {
    __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    SchemaEngine: {
      new: (options: unknown, callback: () => void, adapter: unknown) => Promise<SchemaEngine>;
    };
  };
  const wasmBytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start as (() => void) | undefined;
  start?.();
  return bindings.SchemaEngine;
}

export type MigrationsDiff = { sql: string; empty: boolean };

export async function diffMigrationsAgainstSchema(root = process.cwd()): Promise<MigrationsDiff> {
  const migrationsDir = path.join(root, "prisma", "migrations");
  const schemaPath = path.join(root, "prisma", "schema.prisma");
  const schema = await readFile(schemaPath, "utf8");
  const lockfile = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok",
          value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );

  const SchemaEngine = await loadSchemaEngine();
  const shadow = new PGlite();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow)),
  );
  let sql = "";
  try {
    const result = await engine.diff({
      from: {
        tag: "migrations",
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: lockfile },
        migrationDirectories,
        shadowDbInitScript: "",
      },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    sql = result.stdout ?? "";
  } finally {
    await shadow.close();
  }
  const empty = sql.trim() === "" || sql.includes("-- This is an empty migration.");
  return { sql, empty };
}
