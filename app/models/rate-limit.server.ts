// Fixed-window rate limits stored in the database: they survive restarts and are shared
// by every app process. One atomic statement per hit.
import { prisma } from "~/db.server";

export type RateLimitState = { count: number; resetAt: Date };

/** Adds one hit to `key` and returns the window's count. */
export async function hitRateLimit(key: string, windowMs: number): Promise<RateLimitState> {
  const rows = await prisma.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", "resetAt"`;
  return { count: Number(rows[0].count), resetAt: rows[0].resetAt };
}

/** Whether `key` has reached `limit` in its current window (without counting a hit). */
export async function isRateLimited(key: string, limit: number): Promise<boolean> {
  const bucket = await prisma.rateLimitBucket.findUnique({ where: { key } });
  return !!bucket && bucket.resetAt > new Date() && bucket.count >= limit;
}

export async function clearRateLimit(key: string) {
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}
