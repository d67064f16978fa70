// A write recorded offline is sent by the service worker with the key it was given when it was
// kept (Idempotency-Key). If its answer is lost on the way back (the link drops once more), the
// service worker sends it again: the second arrival is answered with the first one's status and
// the write does not run twice (docs/decisions/0063-offline.md). The key is claimed in the same
// database as the write, by an INSERT that only one request can win, before the route runs; a
// write that failed on the server (5xx, or the process died) releases it, so the next try runs.
import type { NextFunction, Request, Response } from "express";
import type { SqlDriver } from "~/db/database.server";

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a claim still without a status this long after is taken as a process that died mid-write */
const STALE_CLAIM = "10 minutes";

type Sql = Pick<SqlDriver, "query">;

/** Claims the key: true when this request is the first (or the first one died mid-way). */
export async function claimReplayKey(
  sql: Sql,
  key: string,
): Promise<{ first: true } | { first: false; status: number | null }> {
  // keys are kept a month: long enough for any queue (a week), short enough to stay small
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

/** Express middleware in front of Remix: a POST with a key already seen does not reach the route. */
export function idempotencyMiddleware(sql: Sql) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.method === "POST" ? req.get("Idempotency-Key") : undefined;
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
  };
}
