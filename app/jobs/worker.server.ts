// The in-process worker: every app process runs one (WORKER=false turns it off). It enqueues the
// recurring jobs of the current time slot (one row per slot, whichever process gets there
// first), claims due jobs and runs them one at a time. stop() waits for the job in hand.
import { randomBytes } from "node:crypto";
import os from "node:os";
import {
  type ClaimedJob,
  type EnqueueInput,
  claimJobs,
  completeJob,
  enqueueJobs,
  failJob,
  releaseJobs,
} from "~/jobs/queue.server";

export type JobHandler = (job: ClaimedJob, context: { now: Date; workerId: string }) => Promise<unknown>;

export type RecurringJob = { kind: string; everyMs: number; payload?: EnqueueInput["payload"] };

/** The job of the time slot `now` falls in: key kind:<slot>, so every process enqueues the same row. */
export function recurringJobsFor(recurring: RecurringJob[], now = new Date()): EnqueueInput[] {
  return recurring.map(({ kind, everyMs, payload }) => {
    const slot = Math.floor(now.getTime() / everyMs);
    return { kind, key: `${kind}:${slot}`, payload, runAt: new Date(slot * everyMs), maxAttempts: 1 };
  });
}

export function newWorkerId() {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Claims and runs due jobs until none is left or `shouldStop` says so; returns how many ran. */
export async function runDueJobs({
  workerId,
  handlers,
  limit = 5,
  now = () => new Date(),
  shouldStop = () => false,
  log = console,
}: {
  workerId: string;
  handlers: Record<string, JobHandler>;
  limit?: number;
  now?: () => Date;
  shouldStop?: () => boolean;
  log?: Pick<Console, "warn">;
}) {
  let ran = 0;
  while (!shouldStop()) {
    const jobs = await claimJobs(workerId, limit, { now: now() });
    if (jobs.length === 0) break;
    for (const [index, job] of jobs.entries()) {
      if (shouldStop()) {
        // hand the rest back untouched
        await releaseJobs(workerId);
        return ran + index;
      }
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
        await handler(job, { now: now(), workerId });
        await completeJob(job, workerId);
      } catch (error) {
        const outcome = await failJob(job, workerId, error, now());
        log.warn(`Job ${job.kind} (${job.id}) failed, ${outcome}:`, error);
      }
    }
    ran += jobs.length;
  }
  return ran;
}

export type Worker = { id: string; stop(): Promise<void>; running(): boolean };

export function startWorker({
  handlers,
  recurring = [],
  pollMs = 2_000,
  workerId = newWorkerId(),
  log = console,
}: {
  handlers: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  pollMs?: number;
  workerId?: string;
  log?: Pick<Console, "warn">;
}): Worker {
  let stopping = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function tick() {
    try {
      await enqueueJobs(recurringJobsFor(recurring));
      await runDueJobs({ workerId, handlers, shouldStop: () => stopping, log });
    } catch (error) {
      // the database may be restarting: try again at the next tick
      if (!stopping) log.warn("Job worker:", error);
    }
  }

  const loop = (async () => {
    while (!stopping) {
      await tick();
      if (stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
    }
  })();

  return {
    id: workerId,
    running: () => !stopping,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
