// One process at a time on an embedded data directory (docs/decisions/0038). Modelled on
// PostgreSQL's own postmaster.pid: a lock file created with O_EXCL that says who holds it. A lock
// left by a process that is gone (same host, pid no longer alive) is taken over; the lock is
// released when the database closes and when the process exits.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE_NAME = "lintas.lock";
/** how long an empty or unreadable lock may be another starter's between its create and its write */
const HALF_WRITTEN_MS = 5_000;

export type LockOwner = {
  pid: number;
  host: string;
  startedAt: string;
  /** the script that took it (start.ts, restore.ts…), never its arguments */
  command: string;
  token: string;
  /** when the process started (Linux's clock ticks since boot): tells this process's threads
   * from an earlier process that had the same pid */
  processStart?: string;
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

/** this process's start time, the same in every thread (Linux's /proc; undefined elsewhere) */
function processStart(): string | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isAlive(file: string, owner: LockOwner): boolean {
  // another machine's pids cannot be checked from here: assume it still runs
  if (owner.host !== os.hostname()) return true;
  // our own pid: alive when the lock is ours; otherwise left by an earlier process that had the
  // same pid (a restarted container's node is often pid 1 again)
  // (the database may run in a worker thread, whose `held` is its own: the start time tells)
  if (owner.pid === process.pid) {
    if (held.get(file) === owner.token) return true;
    const start = processStart();
    return start !== undefined && owner.processStart === start;
  }
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
    processStart: processStart(),
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
        if (!isOldUnreadable(file)) throw new DataDirLockedError(dir, file, undefined);
      } else if (isAlive(file, current)) {
        throw new DataDirLockedError(dir, file, current);
      }
      takeOverStale(file, current, owner.token);
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

/** an empty or unreadable lock older than a starter's create-then-write needs */
function isOldUnreadable(file: string): boolean {
  return Date.now() - mtimeMs(file) >= HALF_WRITTEN_MS;
}

/**
 * Removes the stale lock `stale` (as read a moment ago) so the caller can create its own. Another
 * starter may have taken it over since, and the name may now be that starter's live lock: so the
 * file is first moved aside under a name of our own (a rename is atomic: of several takers, one
 * moves any given file), and only a file that is still the stale one is deleted. Anything else is
 * put back where it was (a link, which never replaces a lock created meanwhile), and the caller's
 * next attempt reads it and refuses.
 */
function takeOverStale(file: string, stale: LockOwner | undefined, token: string) {
  const aside = `${file}.${token}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    // another taker moved it first
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readOwner(aside);
  const stillStale =
    stale === undefined
      ? moved === undefined && isOldUnreadable(aside)
      : typeof moved === "object" && moved.token === stale.token;
  if (!stillStale) {
    try {
      linkSync(aside, file);
    } catch (error) {
      // EEXIST: a third starter created a lock in the moment it was away; theirs stays
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  remove(aside);
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
