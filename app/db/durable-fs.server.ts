// The embedded database's files, kept on disk for sure (docs/decisions/0038).
// PGlite starts PostgreSQL with -F (fsync off), and its Emscripten runtime drops fsync(): NODEFS
// has no fsync and fdatasync() is a stub that returns 0. A power cut could then lose what was
// acknowledged, or corrupt the cluster. This layer gives NODEFS a real fsync and starts PostgreSQL
// with fsync on and wal_sync_method=fsync, so PostgreSQL's own rules apply unchanged: the WAL is
// synced before a commit returns, and a checkpoint syncs the data files before it writes the
// checkpoint record and pg_control, and only then recycles old WAL.
import { closeSync, fsyncSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import type { DataDirLock } from "./data-dir-lock.server";

/** PGlite's start-up arguments less -F, with the WAL synced through fsync() (the one that works). */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
  "-c",
  "wal_sync_method=fsync",
];

/** What PostgreSQL did to a file, with paths relative to the data directory (for tests). */
export type FsEvent =
  | { op: "write" | "sync" | "unlink"; path: string }
  | { op: "rename"; path: string; to: string };

// the parts of Emscripten's NODEFS used here (pglite.js, not typed by PGlite)
type Node = object;
type Stream = { nfd: number; node: Node };
type NodeFs = {
  realPath(node: Node): string;
  tryFSOperation<T>(operation: () => T): T;
  stream_ops: {
    fsync?: (stream: Stream) => number;
    write: (stream: Stream, ...rest: unknown[]) => number;
  };
  node_ops: {
    rename: (oldNode: Node, newDir: Node, newName: string) => void;
    unlink: (parent: Node, name: string) => void;
  };
};

type InitOptions = Parameters<NodeFS["init"]>[1];

export class DurableNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly options: {
      /** false: PGlite's own behaviour (no fsync), for the write benchmark's comparison */
      durable?: boolean;
      /** released when the database closes */
      lock?: DataDirLock;
      observe?: (event: FsEvent) => void;
    } = {},
  ) {
    super(dataDir);
  }

  async init(pg: PGlite, opts: InitOptions) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const install = (mod: unknown) => this.#install((mod as { NODEFS: NodeFs }).NODEFS);
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), install] } };
  }

  async closeFs() {
    try {
      await super.closeFs();
    } finally {
      this.options.lock?.release();
    }
  }

  // NODEFS belongs to this PGlite instance's Emscripten module: the changes stay with it
  #install(nodefs: NodeFs) {
    const { durable = true, observe } = this.options;
    const relative = (node: Node) => path.relative(this.rootDir, nodefs.realPath(node));
    if (durable) {
      // a failure becomes an errno, and PostgreSQL (data_sync_retry = off) stops rather than go on
      nodefs.stream_ops.fsync = (stream) => {
        nodefs.tryFSOperation(() => fsyncSync(stream.nfd));
        observe?.({ op: "sync", path: relative(stream.node) });
        return 0;
      };
    }
    if (!observe) return;
    const { write } = nodefs.stream_ops;
    nodefs.stream_ops.write = (stream, ...rest) => {
      const written = write(stream, ...rest);
      observe({ op: "write", path: relative(stream.node) });
      return written;
    };
    const { rename, unlink } = nodefs.node_ops;
    nodefs.node_ops.rename = (oldNode, newDir, newName) => {
      const from = relative(oldNode);
      rename(oldNode, newDir, newName);
      observe({ op: "rename", path: from, to: path.join(relative(newDir), newName) });
    };
    nodefs.node_ops.unlink = (parent, name) => {
      unlink(parent, name);
      observe({ op: "unlink", path: path.join(relative(parent), name) });
    };
  }
}

/**
 * Syncs every file and directory under `dir`, and `dir`'s own entry: a new cluster is written
 * by copying initdb's result into the directory, outside PostgreSQL's sync rules (~1,000 files,
 * ~0.2 s, once).
 */
export function syncDirectoryTree(dir: string, observe?: (event: FsEvent) => void) {
  const sync = (target: string) => {
    const fd = openSync(target, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        sync(full);
        observe?.({ op: "sync", path: path.relative(dir, full) });
      }
    }
    sync(current);
  };
  walk(dir);
  sync(path.dirname(dir));
}
