// `npm start`: migrate, seed an empty database, then serve the production build.
// first: production unless NODE_ENV says otherwise, before anything reads it
import "./production-mode";
import { createServer } from "node:http";
import path from "node:path";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ensureBackupToken } from "../app/db/backup.server";
import { env } from "../app/env.server";
import { bodyLimitBytes, isBodyTooLarge, sendTooLarge } from "../app/utils/body-limit.server";
import { isCrossSiteWrite } from "../app/utils/csrf.server";
import { CATALOG_PAGE_PATHS, catalogStamp } from "../app/modules/catalogue/catalog-state.server";
import { createPageCache } from "../app/utils/page-cache.server";
import { guardBuild, requestGuardMiddleware } from "../app/utils/request-guard.server";
import { idempotencyMiddleware } from "../app/db/idempotency.server";
import { privateCacheMiddleware, securityHeadersMiddleware } from "../app/utils/security-headers.server";
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { installGracefulShutdown, onShutdown } from "./graceful";
import { prepareDatabase } from "./prepare";
import { createRemixHandler } from "./remix-handler";
import { staticAssets } from "./static-assets";
import { SessionSecretError, settleSessionSecret } from "./session-secret";

const startedAt = performance.now();
// settled before the build and the live-notes server create the session storage (0039)
try {
  env.SESSION_SECRET = process.env.SESSION_SECRET = await settleSessionSecret(env);
} catch (error) {
  if (!(error instanceof SessionSecretError)) throw error;
  console.error(`Lintas cannot start: ${error.message}`);
  process.exit(1);
}
const { database } = await prepareDatabase(env);
globalThis.__lintasDatabase = database;
// lets `npm run backup` ask this process for a snapshot of the embedded database
if (database.sql.kind === "pglite") await ensureBackupToken(env.DATA_DIR);

const buildPath = path.resolve("build/server/index.js");
// every loader and action refuses hostile input first (app/utils/request-guard.server.ts)
const build = guardBuild((await import(buildPath)) as ServerBuild);

const app = express();
app.disable("x-powered-by");
// behind a reverse proxy (TRUST_PROXY=1) the client address comes from X-Forwarded-For
if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);
app.use(compression());
// the build's content-named scripts and styles, with only the headers a script or a style uses
// (a page loads 20–30 of them: a document's policy headers on each cost ~0.8 KB, decision 0067)
const statics = staticAssets();
app.use("/assets", statics.assets);
// other static files and resource routes; documents set their own (with the script nonce) in
// entry.server
app.use(securityHeadersMiddleware());
// TRACE and other methods, ?_data requests, undecodable addresses: 4xx before Remix (0041)
app.use(requestGuardMiddleware());
app.use(statics.rest);
// what depends on the person is kept by no cache: private, no-store, Vary: Cookie
app.use(privateCacheMiddleware());
// a declared oversized body is refused before anything reads it; one without Content-Length is
// counted as Remix reads it (app/utils/body-limit.server.ts, server/remix-handler.ts)
const bodyLimit = (req: express.Request) =>
  bodyLimitBytes(req.headers["content-type"], env.UPLOAD_MAX_MB, req.path, req.headers.cookie);
app.use((req, res, next) => {
  const tooLarge = isBodyTooLarge({
    contentType: req.headers["content-type"],
    contentLength: req.headers["content-length"],
    uploadMaxMb: env.UPLOAD_MAX_MB,
    path: req.path,
    cookie: req.headers.cookie,
  });
  if (tooLarge) sendTooLarge(req, res);
  else next();
});
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
// anonymous visitors of the public catalogue get a page kept while the catalogue is unchanged
if (env.PAGE_CACHE === "true") {
  const catalogCache = createPageCache({
    paths: CATALOG_PAGE_PATHS,
    stamp: () => catalogStamp(database.sql),
  });
  app.use((req, res, next) => void catalogCache.middleware(req, res, next));
}
// a write recorded offline and sent twice (its answer lost) runs once, and only as the person who
// recorded it (docs/decisions/0063); the session storage after the secret is settled (0039)
const { getUser } = await import("../app/auth/session.server");
app.use(idempotencyMiddleware(database.sql, { signedInUser: getUser }));
app.all(
  "*",
  createRemixHandler({
    handle: createRequestHandler(build, env.NODE_ENV === "development" ? "development" : "production"),
    bodyLimit,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

// background jobs (reminders, outbox sending every 30 s with SMTP_URL, check-ins) from the Job
// table: every process runs a worker, each job goes to one of them (app/jobs/worker.server.ts)
if (env.WORKER === "true") {
  const { startWorker } = await import("../app/jobs/worker.server");
  const { jobHandlers, recurringJobs } = await import("../app/jobs/handlers.server");
  const worker = startWorker({ handlers: jobHandlers, recurring: recurringJobs() });
  onShutdown("job worker", () => worker.stop());
}

const server = createServer(app);
// live co-editing of session notes on the same port, at /kolaborasi (app/collab/server.server.ts).
// Open sockets would keep the HTTP drain waiting, so a signal stores the notes and closes them at once.
const { attachCollab, closeCollab } = await import("../app/collab/server.server");
await attachCollab(server);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void closeCollab());
onShutdown("live notes", closeCollab);
server.listen(env.PORT, env.HOST, () => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`Lintas is ready on http://localhost:${env.PORT} (${seconds} s, ${database.sql.kind})`);
  console.log("Demo accounts (password for all: see the table):");
  console.table(DEMO_ACCOUNTS.map(({ role, email, password }) => ({ role, email, password })));
});

// SIGTERM: stop taking requests, finish those in flight, run the onShutdown steps, exit 0
// (the database closes after every step: co-editing flushes and the worker still need it)
installGracefulShutdown(server, { finally: () => database.close() });
