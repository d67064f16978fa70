// Background work as rows of the Job table, shared by every app process (docs/decisions/0017).
// A job with a key is enqueued once (ON CONFLICT DO NOTHING); a worker claims due jobs with
// SELECT … FOR UPDATE SKIP LOCKED, so two processes never take the same job; a job whose worker
// died (locked longer than `staleAfterMs`) becomes claimable again. Failures back off and stop
// after maxAttempts. Works the same on PGlite and on a PostgreSQL server.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

export type JobPayload = Prisma.InputJsonObject;

export type EnqueueInput = {
  kind: string;
  /** a job with the same key is enqueued once, ever (finished jobs keep their key until purged) */
  key?: string;
  payload?: JobPayload;
  runAt?: Date;
  maxAttempts?: number;
};

export type ClaimedJob = {
  id: string;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
};

/** A job locked longer than this is taken to belong to a dead process. */
export const STALE_LOCK_MS = 10 * 60_000;

type Db = Pick<typeof prisma, "job">;

/** Adds jobs; those whose key already exists are left alone. Returns how many were added. */
export async function enqueueJobs(inputs: EnqueueInput[], db: Db = prisma): Promise<number> {
  if (inputs.length === 0) return 0;
  const { count } = await db.job.createMany({
    data: inputs.map((input) => ({
      kind: input.kind,
      key: input.key ?? null,
      payload: input.payload ?? {},
      runAt: input.runAt ?? new Date(),
      maxAttempts: input.maxAttempts ?? 5,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Adds one job; false when a job with its key exists already. */
export async function enqueueJob(input: EnqueueInput, db: Db = prisma): Promise<boolean> {
  return (await enqueueJobs([input], db)) === 1;
}

/**
 * Locks up to `limit` due jobs for `workerId` and counts the attempt. Jobs another worker holds
 * (row lock or a fresh lockedAt) are skipped, never waited for.
 */
export async function claimJobs(
  workerId: string,
  limit: number,
  { now = new Date(), staleAfterMs = STALE_LOCK_MS }: { now?: Date; staleAfterMs?: number } = {},
): Promise<ClaimedJob[]> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
  // timestamps are stored as UTC "timestamp(3)"; parameters go in as text so no driver guesses a zone
  const rows = await prisma.$transaction(
    (tx) => tx.$queryRaw<ClaimedJob[]>`
      UPDATE "Job" AS j
      SET "lockedAt" = ${at}::timestamptz AT TIME ZONE 'UTC', "lockedBy" = ${workerId},
          "attempts" = j."attempts" + 1
      FROM (
        SELECT "id" FROM "Job"
        WHERE "doneAt" IS NULL AND "failedAt" IS NULL
          AND "runAt" <= ${at}::timestamptz AT TIME ZONE 'UTC'
          AND ("lockedAt" IS NULL OR "lockedAt" < ${staleBefore}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "runAt", "createdAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) AS due
      WHERE j."id" = due."id"
      RETURNING j."id", j."kind", j."key", j."payload", j."attempts", j."maxAttempts"`,
  );
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
    payload:
      typeof row.payload === "string"
        ? (JSON.parse(row.payload) as Record<string, unknown>)
        : (row.payload as Record<string, unknown>),
  }));
}

/** Marks a claimed job done (only while `workerId` still holds it). */
export async function completeJob(job: Pick<ClaimedJob, "id">, workerId: string) {
  const { count } = await prisma.job.updateMany({
    where: { id: job.id, lockedBy: workerId, doneAt: null },
    data: { doneAt: new Date(), lockedAt: null, lastError: null },
  });
  return count === 1;
}

/** Seconds to wait before attempt n+1: 30 s, 1 min, 2 min, 4 min… at most an hour. */
export function backoffMs(attempts: number) {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** Records a failure: retried later with backoff, or failed for good after maxAttempts. */
export async function failJob(
  job: Pick<ClaimedJob, "id" | "attempts" | "maxAttempts">,
  workerId: string,
  error: unknown,
  now = new Date(),
) {
  const lastError = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 2000);
  const final = job.attempts >= job.maxAttempts;
  await prisma.job.updateMany({
    where: { id: job.id, lockedBy: workerId, doneAt: null },
    data: final
      ? { failedAt: now, lockedAt: null, lastError }
      : { runAt: new Date(now.getTime() + backoffMs(job.attempts)), lockedAt: null, lastError },
  });
  return final ? "failed" : "retry";
}

/** Lets go of jobs a stopping worker holds without counting the attempt against them. */
export async function releaseJobs(workerId: string) {
  await prisma.job.updateMany({
    where: { lockedBy: workerId, doneAt: null, failedAt: null, lockedAt: { not: null } },
    data: { lockedAt: null, attempts: { decrement: 1 } },
  });
}

/** Removes finished jobs older than `olderThanMs` (failed ones stay for a month to be read). */
export async function purgeJobs(olderThanMs = 7 * 86_400_000, now = new Date()) {
  const { count } = await prisma.job.deleteMany({
    where: {
      OR: [
        { doneAt: { lt: new Date(now.getTime() - olderThanMs) } },
        { failedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } },
      ],
    },
  });
  return count;
}
