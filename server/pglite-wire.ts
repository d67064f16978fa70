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
// - prepared statements are a connection's own, as on a server: each name a connection gives is
//   made its own in the one session (`ownStatementNames`), and its statements are closed when it
//   goes away, so several connections may prepare the same name (docs/decisions/0071).
import { createHash } from "node:crypto";
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** message types after which the client waits for an answer */
const BATCH_ENDS = new Set(["S", "Q", "H", "X"].map((c) => c.charCodeAt(0)));
const TERMINATE = "X".charCodeAt(0);
const PARSE = "P".charCodeAt(0);
const BIND = "B".charCodeAt(0);
const DESCRIBE = "D".charCodeAt(0);
const CLOSE = "C".charCodeAt(0);
const STATEMENT = "S".charCodeAt(0);

type Batch = {
  connection: number;
  bytes: Uint8Array;
  done: (answer: Uint8Array) => void;
  fail: (error: unknown) => void;
};

export type WireServer = { close(): Promise<void>; connections(): number };

/**
 * PGlite's answer to a batch, as the bytes the client reads. Not `execProtocolRaw`: it also parses
 * every answer into message objects (6 % of the database thread in the mix; a 100-row answer cost
 * 0.9 ms of the thread, now 0.25 ms) and keeps them in a list that only PGlite's own `query` and
 * `exec` empty, so over the wire it grew with every row (~0.5 KB a row) for the life of the
 * process (docs/decisions/0071). The streamed form hands over the bytes only. The
 * start-up packet (its first byte is 0) is answered outside that stream, so it keeps the other one.
 */
export async function answerTo(db: PGlite, bytes: Uint8Array): Promise<Uint8Array> {
  // a copy: the answer is a view of PGlite's buffer, which the next batch overwrites
  if (bytes[0] === 0) return (await db.execProtocolRaw(bytes)).slice();
  const chunks: Uint8Array[] = [];
  // each chunk is a view of the WebAssembly memory, reused by the next one: copied
  await db.execProtocolRawStream(bytes, { onRawData: (data) => chunks.push(data.slice()) });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * The batch with each statement name (in Parse, Bind, Describe and Close) made the connection's
 * own: `name/connection` (a name too long for PostgreSQL's 63 bytes with that, by its hash).
 * `prepared` keeps the names the connection has prepared and not closed. The unnamed statement
 * and portals are left as they are (PostgreSQL drops them at each Sync), and so are names inside
 * SQL (`EXECUTE`, `DEALLOCATE`), which node-postgres and Prisma do not send.
 */
export function ownStatementNames(batch: Buffer, connection: number, prepared: Set<string>): Buffer {
  const parts: Buffer[] = [];
  let changed = false;
  let offset = 0;
  while (offset + 5 <= batch.length) {
    const type = batch[offset] ?? 0;
    const message = batch.subarray(offset, offset + 1 + batch.readInt32BE(offset + 1));
    offset += message.length;
    let at = -1;
    if (type === PARSE) at = 5;
    else if (type === BIND) at = message.indexOf(0, 5) + 1;
    else if ((type === DESCRIBE || type === CLOSE) && message[5] === STATEMENT) at = 6;
    const end = at > 0 ? message.indexOf(0, at) : -1;
    if (end <= at) {
      parts.push(message);
      continue;
    }
    const given = message.toString("utf8", at, end);
    let name = `${given}/${connection}`;
    if (Buffer.byteLength(name) > 63)
      name = `${createHash("sha1").update(given).digest("hex").slice(0, 32)}/${connection}`;
    if (type === PARSE) prepared.add(name);
    if (type === CLOSE) prepared.delete(name);
    const own = Buffer.from(name, "utf8");
    const rebuilt = Buffer.concat([message.subarray(0, at), own, message.subarray(end)]);
    rebuilt.writeInt32BE(rebuilt.length - 1, 1);
    parts.push(rebuilt);
    changed = true;
  }
  return changed ? Buffer.concat(parts) : batch;
}

/** Close messages for these statements, then a Sync (closing one that is gone is no error). */
function closeStatements(names: Iterable<string>): Uint8Array {
  const messages: Buffer[] = [];
  for (const name of names) {
    const bytes = Buffer.from(name, "utf8");
    const message = Buffer.alloc(1 + 4 + 1 + bytes.length + 1);
    message[0] = CLOSE;
    message.writeInt32BE(message.length - 1, 1);
    message[5] = STATEMENT;
    bytes.copy(message, 6);
    messages.push(message);
  }
  messages.push(Buffer.from([STATEMENT, 0, 0, 0, 4]));
  return Buffer.concat(messages);
}

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
          const answer = await db.runExclusive(() => answerTo(db, batch.bytes));
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

  /** the statements each open connection has prepared, under their session names */
  const statements = new Map<number, Set<string>>();

  async function closed(connection: number) {
    open.delete(connection);
    const prepared = statements.get(connection);
    statements.delete(connection);
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
    // its statements go with it (after any transaction of another connection, like every batch)
    if (prepared && prepared.size > 0) await run(0, closeStatements(prepared)).catch(() => undefined);
  }

  function handle(socket: net.Socket) {
    const id = nextId++;
    open.set(id, socket);
    const prepared = new Set<string>();
    statements.set(id, prepared);
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
          const answer = await run(id, new Uint8Array(ownStatementNames(batch, id, prepared)));
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
