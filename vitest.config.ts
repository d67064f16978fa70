import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests: each test file gets its own fresh, migrated database.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "tests/integration/**/*.test.ts",
      "scripts/**/*.test.ts",
      "server/**/*.test.ts",
      "prisma/**/*.test.ts",
    ],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database.ts", "tests/setup/no-console-errors.ts"],
    environment: "node",
    env: { NODE_ENV: "test", UPLOAD_DIR: path.join(os.tmpdir(), `lintas-test-uploads-${process.pid}`) },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // two cores: two files at a time
    maxWorkers: 2,
  },
});
