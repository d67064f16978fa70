import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  backoffMs,
  claimJobs,
  completeJob,
  enqueueJob,
  enqueueJobs,
  failJob,
  purgeJobs,
} from "~/jobs/queue.server";
import { recurringJobsFor, runDueJobs, startWorker } from "~/jobs/worker.server";

const quiet = { warn: () => {} };

beforeEach(async () => {
  await prisma.job.deleteMany();
});

describe("job queue", () => {
  it("enqueues a keyed job once", async () => {
    expect(await enqueueJob({ kind: "test.echo", key: "echo:1", payload: { n: 1 } })).toBe(true);
    expect(await enqueueJob({ kind: "test.echo", key: "echo:1", payload: { n: 2 } })).toBe(false);
    expect(
      await enqueueJobs([
        { kind: "test.echo", key: "echo:1" },
        { kind: "test.echo", key: "echo:2" },
      ]),
    ).toBe(1);
    const jobs = await prisma.job.findMany({ orderBy: { key: "asc" } });
    expect(jobs.map((j) => [j.key, j.payload])).toEqual([
      ["echo:1", { n: 1 }],
      ["echo:2", {}],
    ]);
  });

  it("gives each due job to one of two workers claiming at the same time, and none before its time", async () => {
    const now = new Date();
    for (let i = 0; i < 10; i++) await enqueueJob({ kind: "test.echo", payload: { i }, runAt: now });
    await enqueueJob({
      kind: "test.echo",
      payload: { later: true },
      runAt: new Date(now.getTime() + 60_000),
    });
    const [a, b] = await Promise.all([claimJobs("worker-a", 6, { now }), claimJobs("worker-b", 6, { now })]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect([...a, ...b].every((j) => j.attempts === 1 && !("later" in j.payload))).toBe(true);
    // nothing left to claim until the later one is due
    expect(await claimJobs("worker-c", 10, { now })).toEqual([]);
    const later = await claimJobs("worker-c", 10, { now: new Date(now.getTime() + 61_000) });
    expect(later.map((j) => j.payload)).toEqual([{ later: true }]);
  });

  it("completes a job only for the worker that holds it", async () => {
    await enqueueJob({ kind: "test.echo" });
    const [job] = await claimJobs("worker-a", 1);
    expect(await completeJob(job, "worker-b")).toBe(false);
    expect(await completeJob(job, "worker-a")).toBe(true);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).doneAt).not.toBeNull();
    expect(await claimJobs("worker-a", 1)).toEqual([]);
  });

  it("retries a failed job with backoff and gives up after maxAttempts", async () => {
    const now = new Date();
    await enqueueJob({ kind: "test.fail", maxAttempts: 2, runAt: now });
    const [first] = await claimJobs("w", 1, { now });
    expect(await failJob(first, "w", new Error("SMTP down"), now)).toBe("retry");
    let row = await prisma.job.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.runAt.getTime()).toBe(now.getTime() + backoffMs(1));
    expect(row).toMatchObject({ lockedAt: null, failedAt: null, attempts: 1 });
    expect(row.lastError).toContain("SMTP down");
    expect(await claimJobs("w", 1, { now })).toEqual([]);

    const retryAt = new Date(now.getTime() + backoffMs(1));
    const [second] = await claimJobs("w", 1, { now: retryAt });
    expect(second.attempts).toBe(2);
    expect(await failJob(second, "w", "still down", retryAt)).toBe("failed");
    row = await prisma.job.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.failedAt).not.toBeNull();
    expect(await claimJobs("w", 1, { now: new Date(now.getTime() + 86_400_000) })).toEqual([]);
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it("hands a job held by a dead process to another worker once its lock is stale", async () => {
    const now = new Date();
    await enqueueJob({ kind: "test.echo", key: "stale", runAt: new Date(now.getTime() - 60 * 60_000) });
    await enqueueJob({ kind: "test.echo", key: "fresh", runAt: new Date(now.getTime() - 60 * 60_000) });
    await prisma.job.update({
      where: { key: "stale" },
      data: { lockedBy: "dead-process", lockedAt: new Date(now.getTime() - 11 * 60_000), attempts: 1 },
    });
    await prisma.job.update({
      where: { key: "fresh" },
      data: { lockedBy: "busy-process", lockedAt: new Date(now.getTime() - 60_000), attempts: 1 },
    });
    const claimed = await claimJobs("rescuer", 10, { now });
    expect(claimed.map((j) => [j.key, j.attempts])).toEqual([["stale", 2]]);
    // the dead process cannot complete it any more
    expect(await completeJob(claimed[0], "dead-process")).toBe(false);
  });

  it("runs due jobs through their handlers and records a missing handler as a failure", async () => {
    const seen: unknown[] = [];
    await enqueueJob({ kind: "test.echo", payload: { word: "halo" } });
    await enqueueJob({ kind: "test.unknown", maxAttempts: 1 });
    const ran = await runDueJobs({
      workerId: "w",
      handlers: { "test.echo": async (job) => void seen.push(job.payload) },
      log: quiet,
    });
    expect(ran).toBe(2);
    expect(seen).toEqual([{ word: "halo" }]);
    const unknown = await prisma.job.findFirstOrThrow({ where: { kind: "test.unknown" } });
    expect(unknown.failedAt).not.toBeNull();
    expect(unknown.lastError).toContain('No handler for job kind "test.unknown"');
  });

  it("enqueues one recurring job per time slot whichever process asks", async () => {
    const recurring = [{ kind: "test.tick", everyMs: 60_000 }];
    const at = new Date("2026-11-23T10:00:30Z");
    await enqueueJobs(recurringJobsFor(recurring, at));
    await enqueueJobs(recurringJobsFor(recurring, new Date("2026-11-23T10:00:59Z")));
    await enqueueJobs(recurringJobsFor(recurring, new Date("2026-11-23T10:01:00Z")));
    const jobs = await prisma.job.findMany({ orderBy: { runAt: "asc" } });
    expect(jobs.map((j) => j.runAt.toISOString())).toEqual([
      "2026-11-23T10:00:00.000Z",
      "2026-11-23T10:01:00.000Z",
    ]);
  });

  it("stops the worker after the job in hand, and purges old finished jobs", async () => {
    let release!: () => void;
    const started: string[] = [];
    const finished: string[] = [];
    await enqueueJob({ kind: "test.slow", key: "slow-1" });
    await enqueueJob({ kind: "test.slow", key: "slow-2" });
    const worker = startWorker({
      pollMs: 50,
      log: quiet,
      handlers: {
        "test.slow": async (job) => {
          started.push(job.key!);
          await new Promise<void>((resolve) => (release = resolve));
          finished.push(job.key!);
        },
      },
    });
    await expect.poll(() => started.length).toBe(1);
    const stopped = worker.stop();
    release();
    await stopped;
    expect(finished).toEqual(started);
    expect(started).toHaveLength(1);
    // the job it did not start is free for the next worker, its attempt not counted
    const rest = await prisma.job.findMany({ where: { doneAt: null } });
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatchObject({ lockedAt: null, attempts: 0 });

    await prisma.job.updateMany({
      where: { doneAt: { not: null } },
      data: { doneAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    expect(await purgeJobs()).toBe(1);
    expect(await prisma.job.count()).toBe(1);
  });
});
