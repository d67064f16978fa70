// `npm start`: migrate, seed an empty database, then serve the production build.
import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { env } from "../app/env.server";
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { prepareDatabase } from "./prepare";

const startedAt = performance.now();
const { database } = await prepareDatabase(env);
globalThis.__lintasDatabase = database;

const buildPath = path.resolve("build/server/index.js");
const build = (await import(buildPath)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({ build, mode: env.NODE_ENV === "development" ? "development" : "production" }),
);

const server = createServer(app);
server.listen(env.PORT, env.HOST, () => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`Lintas is ready on http://localhost:${env.PORT} (${seconds} s, ${database.sql.kind})`);
  console.log("Demo accounts (password for all: see the table):");
  console.table(DEMO_ACCOUNTS.map(({ role, email, password }) => ({ role, email, password })));
});

async function shutdown(signal: string) {
  console.log(`${signal}: closing…`);
  server.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
