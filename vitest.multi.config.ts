import { defineConfig } from "vitest/config";

// The multi-process test (scripts/multi-process-test.sh, run by .ci/run, not by `npm test`):
// two production processes on one PostgreSQL and one Redis that the script starts.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/multi/**/*.test.ts"],
    setupFiles: ["tests/setup/no-console-errors.ts"],
    environment: "node",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
