// One process at a time on an embedded data directory (docs/decisions/0038). Modelled on
// PostgreSQL's own postmaster.pid: a lock file created with O_EXCL that says who holds it. A lock
// left by a process that is gone (same host, pid no longer alive) is taken over; the lock is
// released when the database closes and when the process exits.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE_NAME = "lintas.lock";

export type LockOwner = {
  pid: number;
  host: string;
  startedAt: string;
  /** the script that took it (start.ts, restore.ts…), never its arguments */
  command: string;
  token: string;
};

export type DataDirLock = { file: string; owner: LockOwner; release(): void };

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly file: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(lockedMessage(dir, file, owner));
    this.name = "DataDirLockedError";
  }
}

function lockedMessage(dir: string, file: string, owner: LockOwner | undefined): string {
  if (!owner) {
    return `The database directory ${dir} is being opened by another process right now (${file}). Try again in a moment.`;
  }
  const who = `process ${owner.pid} (${owner.command}) on ${owner.host}, started ${owner.startedAt}`;
  const remedy =
    owner.host === os.hostname()
      ? "Stop that process first (only one process may open the embedded database)."
      : `Stop it there first; if it no longer runs on ${owner.host}, delete ${file}.`;
  return `The database directory ${dir} is in use by ${who}. ${remedy}`;
}

/** lock files this process holds, with the token it wrote into each */
const held = new Map<string, string>();
let exitHookInstalled = false;

function readOwner(file: string): LockOwner | undefined | "gone" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.token === "string" ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  // another machine's pids cannot be checked from here: assume it still runs
  if (owner.host !== os.hostname()) return true;
  // our own pid, but not a lock of ours: left by an earlier process that had the same pid
  // (a restarted container's node is often pid 1 again)
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return !isZombie(owner.pid);
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** killed but not yet reaped by its parent: kill(pid, 0) still succeeds (Linux's /proc only) */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

function remove(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function releaseAll() {
  for (const [file, token] of held) {
    const owner = readOwner(file);
    if (typeof owner === "object" && owner.token === token) remove(file);
    held.delete(file);
  }
}

/**
 * Takes the data directory's lock or throws DataDirLockedError naming the process that holds it.
 * Synchronous: it runs once at open, and the exit hook must be synchronous too.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(path.resolve(dir), LOCK_FILE_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: path.basename(process.argv[1] ?? process.argv0),
    token: randomBytes(12).toString("hex"),
  };
  if (held.has(file)) throw new DataDirLockedError(dir, file, readOwnerOrUndefined(file));
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readOwner(file);
      if (current === "gone") continue;
      if (current === undefined) {
        // empty or half-written: another opener between its create and its write, or one that
        // died there; give it a few seconds before taking over
        if (Date.now() - mtimeMs(file) < 5_000) throw new DataDirLockedError(dir, file, undefined);
      } else if (isAlive(current)) {
        throw new DataDirLockedError(dir, file, current);
      }
      // stale: remove it unless someone replaced it since we read it, then try again
      const again = readOwner(file);
      const unchanged =
        again === undefined || current === undefined
          ? again === current
          : again !== "gone" && again.token === current.token;
      if (unchanged) remove(file);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(owner, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    held.set(file, owner.token);
    if (!exitHookInstalled) {
      process.on("exit", releaseAll);
      exitHookInstalled = true;
    }
    return {
      file,
      owner,
      release: () => {
        if (held.get(file) !== owner.token) return;
        held.delete(file);
        const current = readOwner(file);
        if (typeof current === "object" && current.token === owner.token) remove(file);
      },
    };
  }
  throw new DataDirLockedError(dir, file, readOwnerOrUndefined(file));
}

function readOwnerOrUndefined(file: string): LockOwner | undefined {
  const owner = readOwner(file);
  return typeof owner === "object" ? owner : undefined;
}

function mtimeMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
