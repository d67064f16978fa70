import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DataDirLock, LockOwner } from "./data-dir-lock.server";

// node:fs as it is, except that a test may run something just before the lock file is first
// renamed or deleted: a second starter, interleaved at the worst moment of a takeover
const fsHook = vi.hoisted(() => ({ file: "", beforeRemoving: undefined as (() => void) | undefined }));
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const intercept = (file: unknown) => {
    const hook = fsHook.beforeRemoving;
    if (!hook || String(file) !== fsHook.file) return;
    fsHook.beforeRemoving = undefined;
    hook();
  };
  const unlinkSync: typeof actual.unlinkSync = (file) => {
    intercept(file);
    actual.unlinkSync(file);
  };
  const renameSync: typeof actual.renameSync = (from, to) => {
    intercept(from);
    actual.renameSync(from, to);
  };
  return { ...actual, default: { ...actual, unlinkSync, renameSync }, unlinkSync, renameSync };
});
// the test setup's database has loaded the lock module already, with node:fs as it is
vi.resetModules();
const { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } = await import("./data-dir-lock.server");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lintas-lock-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lockFile = () => path.join(dir, LOCK_FILE_NAME);
const readLock = () => JSON.parse(readFileSync(lockFile(), "utf8")) as LockOwner;

function leaveLock(owner: Partial<LockOwner>) {
  const full: LockOwner = {
    pid: 1,
    host: os.hostname(),
    startedAt: "2026-01-02T03:04:05.000Z",
    command: "start.ts",
    token: "left-behind",
    ...owner,
  };
  writeFileSync(lockFile(), JSON.stringify(full));
}

/** a pid that was alive a moment ago and no longer is */
function deadPid() {
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  if (!pid) throw new Error("no child");
  return pid;
}

describe("the data directory lock", () => {
  it("refuses a second opener, naming the process that holds it, until the first releases", () => {
    const first = lockDataDir(dir);
    expect(readLock()).toMatchObject({ pid: process.pid, host: os.hostname() });

    let refusal: unknown;
    try {
      lockDataDir(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`is in use by process ${process.pid}`);
    expect((refusal as Error).message).toContain(os.hostname());

    first.release();
    expect(existsSync(lockFile())).toBe(false);
    const second = lockDataDir(dir);
    expect(readLock().token).toBe(second.owner.token);
    second.release();
  });

  it("refuses while another live process on this host holds it", () => {
    leaveLock({ pid: process.ppid, command: "start.ts" });
    expect(() => lockDataDir(dir)).toThrow(`is in use by process ${process.ppid} (start.ts)`);
    expect(readLock().pid).toBe(process.ppid);
  });

  it("takes over a lock left by a process that is gone", () => {
    const pid = deadPid();
    leaveLock({ pid });
    const lock = lockDataDir(dir);
    expect(readLock()).toMatchObject({ pid: process.pid, token: lock.owner.token });
    lock.release();
  });

  it.runIf(process.platform === "linux")(
    "takes over a lock of a process killed but not yet reaped",
    async () => {
      // the shell becomes `sleep 5` and never reaps its first child, which stays a zombie
      const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 5"], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      try {
        const pid = Number(
          await new Promise<string>((resolve) =>
            parent.stdout.once("data", (chunk: Buffer) => resolve(String(chunk))),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(readFileSync(`/proc/${pid}/stat`, "utf8")).toMatch(/\) Z /);
        leaveLock({ pid });
        const lock = lockDataDir(dir);
        expect(readLock().token).toBe(lock.owner.token);
        lock.release();
      } finally {
        parent.kill("SIGKILL");
      }
    },
  );

  it("takes over a lock with its own pid that it does not hold (a restarted container's pid 1)", () => {
    leaveLock({ pid: process.pid, token: "earlier-life" });
    const lock = lockDataDir(dir);
    expect(readLock().token).toBe(lock.owner.token);
    lock.release();
  });

  it("refuses a lock from another host and says how to clear it", () => {
    leaveLock({ pid: deadPid(), host: "other-machine" });
    expect(() => lockDataDir(dir)).toThrow(`if it no longer runs on other-machine, delete ${lockFile()}`);
  });

  it("waits for a half-written lock, and takes it over once it is old", () => {
    writeFileSync(lockFile(), "");
    expect(() => lockDataDir(dir)).toThrow("is being opened by another process right now");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(), old, old);
    const lock = lockDataDir(dir);
    expect(readLock().token).toBe(lock.owner.token);
    lock.release();
  });

  it("release leaves alone a lock that is no longer its own", () => {
    const lock = lockDataDir(dir);
    leaveLock({ pid: process.ppid, token: "someone-else" });
    lock.release();
    expect(readLock().token).toBe("someone-else");
  });

  it.each([
    ["left by a process that is gone", () => leaveLock({ pid: deadPid() })],
    [
      "left half-written long ago",
      () => {
        writeFileSync(lockFile(), "");
        const old = new Date(Date.now() - 60_000);
        utimesSync(lockFile(), old, old);
      },
    ],
  ])("of two starters taking over one stale lock %s at once, exactly one wins", (_, leave) => {
    leave();
    const results: (DataDirLock | Error)[] = [];
    const start = () => {
      try {
        results.push(lockDataDir(dir));
      } catch (error) {
        results.push(error as Error);
      }
    };
    // the second starter runs whole just as the first is about to remove the stale lock
    fsHook.file = lockFile();
    fsHook.beforeRemoving = start;
    start();
    expect(fsHook.beforeRemoving).toBeUndefined();
    const winners = results.filter((result): result is DataDirLock => !(result instanceof Error));
    const refused = results.filter((result) => result instanceof Error);
    expect(winners).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(DataDirLockedError);
    expect(readLock().token).toBe(winners[0].owner.token);
    // nothing left aside
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    winners[0].release();
    expect(existsSync(lockFile())).toBe(false);
  });
});
