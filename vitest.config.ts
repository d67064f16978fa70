import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

/**
 * Tests of the embedded database itself: they open PGlite (a directory, its thread, the operator's
 * command) whatever DATABASE_URL says, so the PostgreSQL pass would run them a second time, the
 * same way (issue #19: no duplicate coverage between the two database passes).
 */
const EMBEDDED_ONLY = [
  "tests/integration/database-thread.test.ts",
  "tests/integration/database-wire.test.ts",
  "tests/integration/durability.test.ts",
  "tests/integration/admin-create.test.ts",
  // the module PGlite's files share, compiled where the template dump is made (global-setup.ts)
  "tests/integration/pglite-module.test.ts",
];

// Two projects in one run (two cores: two files at a time):
// - unit: the tests beside the code (app/, server/, scripts/, prisma/); no database, so no set-up
//   cost, and they run once: the PostgreSQL pass in CI runs `--project integration` only;
// - integration: tests/integration/, each file with its own fresh database copied from a migrated
//   template, on PGlite or on the PostgreSQL server DATABASE_URL names. tests/postgres/ holds what
//   only a PostgreSQL server can show (several processes on one server) and runs only there.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    environment: "node",
    env: { NODE_ENV: "test", UPLOAD_DIR: path.join(os.tmpdir(), `lintas-test-uploads-${process.pid}`) },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // worker threads start faster than child processes: 15 % less time on the integration files
    // (issue #19; PGlite runs in a thread as well as in a process)
    pool: "threads",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // no database and no module state between files: one worker runs many files without
          // loading the modules again (16 → 10 s)
          isolate: false,
          include: [
            "app/**/*.test.{ts,tsx}",
            "scripts/**/*.test.ts",
            "server/**/*.test.ts",
            "prisma/**/*.test.ts",
          ],
          setupFiles: ["tests/setup/no-database.ts", "tests/setup/no-console-errors.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", ...(onPostgres ? ["tests/postgres/**/*.test.ts"] : [])],
          exclude: onPostgres ? EMBEDDED_ONLY : [],
          globalSetup: ["tests/setup/global-setup.ts", "tests/setup/app-build.ts"],
          // the production server build, loaded by Node itself: through Vite's transform its
          // 1.6 MB were parsed again in every file that renders pages (tests/fixtures/app-build.ts)
          server: { deps: { external: [/\/build\/server\//] } },
          setupFiles: ["tests/setup/database.ts", "tests/setup/no-console-errors.ts"],
        },
      },
    ],
  },
});
