// `npm start`: migrate, seed an empty database, then serve the production build.
import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { env } from "../app/env.server";
import { isCrossSiteWrite } from "../app/utils/csrf.server";
import { securityHeadersMiddleware } from "../app/utils/security-headers.server";
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { prepareDatabase } from "./prepare";

const startedAt = performance.now();
const { database } = await prepareDatabase(env);
globalThis.__lintasDatabase = database;

const buildPath = path.resolve("build/server/index.js");
const build = (await import(buildPath)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// behind a reverse proxy (TRUST_PROXY=1) the client address comes from X-Forwarded-For
if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);
app.use(compression());
// static files and resource routes; documents set their own (with the script nonce) in entry.server
app.use(securityHeadersMiddleware());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// CSRF: every write must come from a page of this site (app/utils/csrf.server.ts)
app.use((req, res, next) => {
  const crossSite = isCrossSiteWrite({
    method: req.method,
    path: req.path,
    host: req.headers.host,
    origin: req.headers.origin,
    secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
  });
  if (crossSite) res.status(403).type("text/plain").send("Cross-site request refused");
  else next();
});
app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV === "development" ? "development" : "production",
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

// outgoing mail: with SMTP_URL the outbox is sent every 30 s (without it, admins read /admin/outbox)
if (env.SMTP_URL) {
  const { deliverPendingEmails } = await import("../app/models/outbox.server");
  const timer = setInterval(() => {
    deliverPendingEmails().catch((error: unknown) => console.warn("Outbox delivery failed:", error));
  }, 30_000);
  timer.unref();
}

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
