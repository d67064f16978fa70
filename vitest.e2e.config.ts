import { defineConfig } from "vitest/config";

// Browser journeys (`npm run test:e2e`): Debian's Chromium driven by playwright-core against the
// production build, served by server/start.ts on an embedded database of its own
// (tests/setup/e2e-global.ts). Run `npm run build` first; `npm test` does.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/setup/e2e-global.ts"],
    environment: "node",
    // two files at a time (two cores), each worker on a server and database of its own
    // (E2E_WORKERS in tests/setup/e2e-global.ts): a worker's files run one after another
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
