// npm run dev: migrate (and seed an empty database), then the Vite dev server with hot reload.
import { spawn } from "node:child_process";
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";

const { database } = await prepareDatabase(env);
// PGlite allows one process per data directory: hand it over to the dev server
await database.close();
const child = spawn("npx", ["remix", "vite:dev", "--port", String(env.PORT)], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
