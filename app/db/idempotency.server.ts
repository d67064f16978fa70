// A write recorded offline is sent by the service worker with the key it was given when it was
// kept (Idempotency-Key). If its answer is lost on the way back (the link drops once more), the
// service worker sends it again: the second arrival is answered with the first one's status and
// the write does not run twice (docs/decisions/0063-offline.md). The key is claimed in the same
// database as the write, by an INSERT that only one request can win, before the route runs; a
// write that failed on the server (5xx, or the process died) releases it, so the next try runs.
// A write kept offline also says who recorded it (X-Lintas-Recorded-By): replayed while someone
// else is signed in on that browser, it is refused here (409, nothing written), never saved as theirs.
import type { NextFunction, Request, Response } from "express";
import type { SqlDriver } from "~/db/database.server";
import { RECORDED_BY_HEADER, REFUSED_HEADER, REFUSED_RECORDED_BY } from "~/offline/outbox";

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a claim still without a status this long after is taken as a process that died mid-write */
const STALE_CLAIM = "10 minutes";

type Sql = Pick<SqlDriver, "query">;

/** Claims the key: true when this request is the first (or the first one died mid-way). */
export async function claimReplayKey(
  sql: Sql,
  key: string,
): Promise<{ first: true } | { first: false; status: number | null }> {
  // keys are kept a month: as long as a write waits in the queue (KEEP_WRITE_MS, app/offline/outbox.ts)
  await sql.query(`DELETE FROM "ReplayedWrite" WHERE "createdAt" < now() - interval '30 days'`);
  await sql.query(
    `DELETE FROM "ReplayedWrite" WHERE key = $1 AND status IS NULL AND "createdAt" < now() - interval '${STALE_CLAIM}'`,
    [key],
  );
  const claimed = await sql.query(
    `INSERT INTO "ReplayedWrite" (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [key],
  );
  if (claimed.length > 0) return { first: true };
  const [row] = await sql.query<{ status: number | null }>(
    `SELECT status FROM "ReplayedWrite" WHERE key = $1`,
    [key],
  );
  return { first: false, status: row?.status ?? null };
}

export async function settleReplayKey(sql: Sql, key: string, status: number) {
  if (status >= 500) await sql.query(`DELETE FROM "ReplayedWrite" WHERE key = $1`, [key]);
  else await sql.query(`UPDATE "ReplayedWrite" SET status = $2 WHERE key = $1`, [key, status]);
}

/** The first arrival's status, waiting for it while that one still runs (up to `waitMs`). */
async function statusOfFirst(sql: Sql, key: string, waitMs: number): Promise<number | null> {
  const until = Date.now() + waitMs;
  for (;;) {
    const [row] = await sql.query<{ status: number | null }>(
      `SELECT status FROM "ReplayedWrite" WHERE key = $1`,
      [key],
    );
    if (!row || row.status !== null || Date.now() >= until) return row?.status ?? null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Options = {
  /** the person the request's cookie signs in (app/auth/session.server.ts `getUser`) */
  signedInUser?: (request: globalThis.Request) => Promise<{ id: string } | null>;
};

/** The id of the person the request's cookie signs in; undefined when no lookup was given. */
async function signedInId(req: Request, options: Options): Promise<string | null | undefined> {
  if (!options.signedInUser) return undefined;
  const user = await options.signedInUser(
    new globalThis.Request(new URL(req.originalUrl, "http://lintas.invalid"), {
      headers: { Cookie: req.headers.cookie ?? "" },
    }),
  );
  return user?.id ?? null;
}

/**
 * Express middleware in front of Remix, for a write the service worker kept offline and sends
 * later. Recorded by someone other than the person signed in: refused (409), before the key is
 * claimed, so its recorder can still send it. Nobody signed in: the route leads to /masuk and the
 * key is not claimed, so the write goes through after the sign-in. Otherwise a key already seen
 * does not reach the route.
 */
export function idempotencyMiddleware(sql: Sql, options: Options = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const recordedBy = req.get(RECORDED_BY_HEADER);
    const key = req.get("Idempotency-Key");
    if (req.method !== "POST" || (!recordedBy && !key)) return next();
    signedInId(req, options).then(
      (userId) => {
        if (recordedBy && userId && userId !== recordedBy) {
          req.resume();
          res
            .status(409)
            .set(REFUSED_HEADER, REFUSED_RECORDED_BY)
            .type("text/plain")
            .send("Recorded by another person: sign in as them to send it");
          return;
        }
        if (userId === null) return next();
        claimOnce(sql, req, res, next);
      },
      (error: unknown) => next(error),
    );
  };
}

/** The key claimed by the first arrival; a later one gets the first one's status back. */
function claimOnce(sql: Sql, req: Request, res: Response, next: NextFunction) {
  const key = req.get("Idempotency-Key");
  if (!key) return next();
  if (!KEY.test(key)) {
    res.status(400).type("text/plain").send("Idempotency-Key must be a UUID");
    return;
  }
  claimReplayKey(sql, key)
    .then(async (claim) =>
      claim.first ? claim : { first: false as const, status: await statusOfFirst(sql, key, 10_000) },
    )
    .then(
      (claim) => {
        if (claim.first) {
          res.on("finish", () => void settleReplayKey(sql, key, res.statusCode).catch(() => undefined));
          res.on("close", () => {
            if (!res.writableFinished) void settleReplayKey(sql, key, 500).catch(() => undefined);
          });
          next();
          return;
        }
        // the body is unread: dropped, so the connection can carry the next request
        req.resume();
        // 202 while the first still runs; a done write (200, a redirect) as 200; a refusal as it was
        res
          .status(claim.status === null ? 202 : claim.status < 400 ? 200 : claim.status)
          .set("X-Lintas-Replayed", "1")
          .type("text/plain")
          .send(claim.status === null ? "being saved" : "already received");
      },
      (error: unknown) => next(error),
    );
}
