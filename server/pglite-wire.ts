// PostgreSQL's wire protocol served by an embedded PGlite, over a Unix socket, inside a worker
// thread (server/pglite-thread.ts, docs/decisions/0066). The web server then talks to the embedded
// database exactly as to a PostgreSQL server (node-postgres, @prisma/adapter-pg): one code path for
// both engines, and the database's work runs on the second core instead of the event loop.
//
// PGlite is one PostgreSQL session. Several connections share it safely because:
// - a connection's messages run as whole batches, up to and including a Sync, a simple Query,
//   a Flush or a Terminate, so two connections' Parse/Bind/Execute never interleave;
// - while a transaction is open (PGlite reports it), only the connection that opened it runs;
//   the others wait, as they would for a row lock on a server;
// - a connection that goes away inside its transaction has it rolled back;
// - prepared statements are the session's: they are dropped when the last connection closes (the
//   app keeps one connection for the life of the process, server/pglite-thread.ts).
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** message types after which the client waits for an answer */
const BATCH_ENDS = new Set(["S", "Q", "H", "X"].map((c) => c.charCodeAt(0)));
const TERMINATE = "X".charCodeAt(0);

type Batch = {
  connection: number;
  bytes: Uint8Array;
  done: (answer: Uint8Array) => void;
  fail: (error: unknown) => void;
};

export type WireServer = { close(): Promise<void>; connections(): number };

export async function serveWire(db: PGlite, socketPath: string): Promise<WireServer> {
  const waiting: Batch[] = [];
  let running = false;
  /** the connection whose transaction is open, if any */
  let owner: number | undefined;
  let nextId = 1;
  const open = new Map<number, net.Socket>();

  async function drain() {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const inTransaction = owner !== undefined && db.isInTransaction();
        const index = inTransaction ? waiting.findIndex((batch) => batch.connection === owner) : 0;
        if (index < 0 || waiting.length === 0) break;
        const [batch] = waiting.splice(index, 1);
        if (!batch) break;
        try {
          const answer = await db.runExclusive(() => db.execProtocolRaw(batch.bytes));
          owner = db.isInTransaction() ? batch.connection : undefined;
          batch.done(answer);
        } catch (error) {
          batch.fail(error);
        }
      }
    } finally {
      running = false;
    }
  }

  function run(connection: number, bytes: Uint8Array): Promise<Uint8Array> {
    return new Promise((done, fail) => {
      waiting.push({ connection, bytes, done, fail });
      void drain();
    });
  }

  async function closed(connection: number) {
    open.delete(connection);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const batch = waiting[i];
      if (batch?.connection === connection) {
        waiting.splice(i, 1);
        batch.fail(new Error("connection closed"));
      }
    }
    if (owner === connection) {
      // (exec takes PGlite's query lock itself)
      await db.exec("ROLLBACK").catch(() => undefined);
      owner = undefined;
      void drain();
    }
    // named statements belong to the session, not the connection: the next first connection
    // starts without them, as its client expects
    if (open.size === 0) await db.exec("DEALLOCATE ALL").catch(() => undefined);
  }

  function handle(socket: net.Socket) {
    const id = nextId++;
    open.set(id, socket);
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let busy = false;

    async function consume() {
      if (busy) return;
      busy = true;
      try {
        for (;;) {
          if (!started) {
            if (buffer.length < 8) return;
            const length = buffer.readInt32BE(0);
            const code = buffer.readInt32BE(4);
            if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
              buffer = buffer.subarray(8);
              socket.write("N");
              continue;
            }
            if (code === CANCEL_REQUEST) {
              socket.end();
              return;
            }
            if (buffer.length < length) return;
            const startup = buffer.subarray(0, length);
            buffer = buffer.subarray(length);
            if (code !== PROTOCOL_3) {
              socket.destroy();
              return;
            }
            started = true;
            socket.write(await run(id, new Uint8Array(startup)));
            continue;
          }
          // the complete messages up to the first one the client waits on
          let end = 0;
          let terminate = false;
          let complete = false;
          while (end + 5 <= buffer.length) {
            const type = buffer[end] ?? 0;
            const size = 1 + buffer.readInt32BE(end + 1);
            if (end + size > buffer.length) break;
            end += size;
            if (BATCH_ENDS.has(type)) {
              complete = true;
              terminate = type === TERMINATE;
              break;
            }
          }
          if (!complete) return;
          const batch = buffer.subarray(0, end);
          buffer = buffer.subarray(end);
          if (terminate) {
            socket.end();
            return;
          }
          const answer = await run(id, new Uint8Array(batch));
          if (answer.length > 0 && socket.writable) socket.write(answer);
        }
      } catch {
        socket.destroy();
      } finally {
        busy = false;
      }
    }

    socket.on("data", (data: Buffer) => {
      buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data]);
      void consume();
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => void closed(id));
  }

  const server = net.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    connections: () => open.size,
    close: async () => {
      for (const socket of open.values()) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
