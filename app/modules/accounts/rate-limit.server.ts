// Fixed-window rate limits stored in the database: they survive restarts and are shared
// by every app process. One atomic statement per hit, and the caller decides on the count that
// statement returns: checking first and counting later lets concurrent requests race past a limit.
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

/** Takes back one hit (a sign-in that succeeded is not held against its address). */
export async function refundRateLimit(key: string) {
  await prisma.rateLimitBucket.updateMany({
    where: { key, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

export async function clearRateLimit(key: string) {
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}
