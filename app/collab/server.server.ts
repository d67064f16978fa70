// Live co-editing of session notes: a Hocuspocus (Yjs) server on the app's own HTTP server, at
// /kolaborasi. The socket is signed in with the same session cookie as pages, and each document
// (`session-note:<sessionId>`) opens only for people who may edit that session's notes.
// A socket whose sign-in ends (sign out, sign out everywhere, deactivation, password reset, the
// other sign-ins at a password change) is closed, on every app process; the periodic check also
// closes a socket whose person may no longer write its notes. See docs/decisions/0020-live-notes.md and 0040.
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Extension, type onStoreDocumentPayload } from "@hocuspocus/server";
import { type WebSocket, WebSocketServer } from "ws";
import * as Y from "yjs";
import { authSessionStorage } from "~/auth/session.server";
import { env } from "~/env.server";
import {
  type LiveNotes,
  fillYDocFromJSON,
  jsonFromYDoc,
  loadNoteForCollab,
  noteDocumentName,
  replaceYDocContent,
  sessionIdFromDocumentName,
  storeNoteFromCollab,
} from "~/modules/lessons/note-collab.server";
import { mayWriteNote } from "~/modules/lessons/note.server";
import {
  type RevokedLogins,
  isRevoked,
  listenForRevokedLogins,
  validLoginSessionIds,
} from "~/modules/accounts/revoked-logins.server";
import { type CurrentUser, getUserByLoginSession } from "~/modules/accounts/user.server";

export const COLLAB_PATH = "/kolaborasi";
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** how long a closed socket of an ended sign-in may take to say goodbye before it is cut */
const CLOSE_GRACE_MS = 1000;
/** the close codes Hocuspocus itself uses for "Unauthorized" and "Forbidden" */
const UNAUTHORIZED = { code: 4401, reason: "Unauthorized" };
const FORBIDDEN = { code: 4403, reason: "Forbidden" };

/** a socket carries the signed-in person; a form save (direct connection) names its author */
type Context = { user?: CurrentUser; loginSessionId?: string; authorId?: string };
type SignedIn = { userId: string; loginSessionId: string };

export type CollabOptions = {
  /** Redis for more than one app process (defaults to REDIS_URL) */
  redisUrl?: string;
  /** ms of quiet before a store (Hocuspocus debounce); tests shorten it */
  debounce?: number;
  maxDebounce?: number;
  /**
   * ms between checks that every open socket's sign-in still holds, and that its person may still
   * write each notes it has open: the safety net for an ended sign-in this process was not told
   * of (a lost LISTEN connection, a row deleted by hand, expiry) and for a right taken away
   */
  recheckMs?: number;
};

export type Collab = {
  hocuspocus: Hocuspocus;
  /** handles an HTTP upgrade when it is for COLLAB_PATH; returns false otherwise */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
};

/** Browsers always send Origin on a WebSocket: it must be this site (no cross-site hijacking). */
function sameOrigin(request: IncomingMessage) {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser; the cookie still decides
  try {
    const host = new URL(origin).host;
    return host === request.headers.host || host === new URL(env.APP_URL).host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, text: string) {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function createCollab(options: CollabOptions = {}): Promise<Collab> {
  // authors who typed in a document since their last version
  const authors = new Map<string, Set<string>>();

  async function store(documentName: string, document: Y.Doc, context: Context, closing: boolean) {
    const sessionId = sessionIdFromDocumentName(documentName);
    if (!sessionId) return;
    const pending = authors.get(documentName) ?? new Set<string>();
    if (context.authorId) pending.add(context.authorId);
    // what another app process stored meanwhile is merged in first (Yjs merges are idempotent)
    const stored = await loadNoteForCollab(sessionId);
    if (stored?.yState) Y.applyUpdate(document, stored.yState);
    const versioned = await storeNoteFromCollab(sessionId, {
      yState: Y.encodeStateAsUpdate(document),
      content: jsonFromYDoc(document),
      authorIds: [...pending],
      // a form save or restore is a version of its own, as before live editing
      closing: closing || Boolean(context.authorId),
    });
    for (const id of versioned) pending.delete(id);
    if (pending.size > 0) authors.set(documentName, pending);
    else authors.delete(documentName);
  }

  const persistence: Extension = {
    async onAuthenticate({ documentName, context }: { documentName: string; context: Context }) {
      const sessionId = sessionIdFromDocumentName(documentName);
      // thrown without a message: Hocuspocus answers "permission denied" and logs nothing.
      // The sign-in is read again: a socket may open another document after it ended.
      const user = context.loginSessionId ? await getUserByLoginSession(context.loginSessionId) : null;
      if (!user) throw { reason: "unauthorized" };
      if (!sessionId || !(await mayWriteNote({ user }, sessionId))) throw { reason: "forbidden" };
      return { user };
    },
    async onLoadDocument({ documentName, document }: { documentName: string; document: Y.Doc }) {
      const sessionId = sessionIdFromDocumentName(documentName);
      if (!sessionId) return;
      const note = await loadNoteForCollab(sessionId);
      if (note?.yState) Y.applyUpdate(document, note.yState);
      else if (note?.content) fillYDocFromJSON(document, note.content);
    },
    async onChange({ documentName, context }: { documentName: string; context: Context }) {
      if (!context.user) return;
      const pending = authors.get(documentName) ?? new Set<string>();
      pending.add(context.user.id);
      authors.set(documentName, pending);
    },
    async onStoreDocument({
      documentName,
      document,
      context,
    }: {
      documentName: string;
      document: Y.Doc & { getConnectionsCount(): number };
      context: Context;
    }) {
      // the last person left: this is the closing store, so everyone who typed gets a version
      await store(documentName, document, context, document.getConnectionsCount() === 0);
    },
    async beforeUnloadDocument({ documentName, document }: { documentName: string; document: Y.Doc }) {
      if (authors.get(documentName)?.size) await store(documentName, document, {}, true);
    },
  };

  const extensions: Extension[] = [persistence];
  const redisUrl = options.redisUrl ?? env.REDIS_URL;
  if (redisUrl) {
    const [{ Redis }, { default: IORedis }] = await Promise.all([
      import("@hocuspocus/extension-redis"),
      import("ioredis"),
    ]);
    /**
     * Hocuspocus skips a store when another process holds the document's lock (and logs it as an
     * error); a change that reached only this process would then wait for its next store. Here
     * the store waits for the lock instead, so every process's stores happen, one at a time.
     */
    class SerialRedis extends Redis {
      async onStoreDocument(payload: onStoreDocumentPayload) {
        for (let attempt = 0; ; attempt++) {
          try {
            return await super.onStoreDocument(payload);
          } catch (error) {
            if (!(error instanceof Error) || error.message !== "" || attempt >= 30) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
          }
        }
      }
    }
    extensions.push(new SerialRedis({ prefix: "lintas", createClient: () => new IORedis(redisUrl) }));
  }

  const hocuspocus = new Hocuspocus({
    name: "lintas",
    quiet: true,
    debounce: options.debounce ?? 2000,
    maxDebounce: options.maxDebounce ?? 10_000,
    extensions,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const live: LiveNotes = {
    async applyContent(sessionId, content, authorId) {
      const connection = await hocuspocus.openDirectConnection(noteDocumentName(sessionId), {
        authorId,
      } satisfies Context);
      try {
        await connection.transact((document) => replaceYDocContent(document, content));
      } finally {
        await connection.disconnect();
      }
    },
    flush: (sessionId) => flush(noteDocumentName(sessionId)),
  };
  globalThis.__lintasLiveNotes = live;
  async function flush(name: string) {
    const id = `onStoreDocument-${name}`;
    if (hocuspocus.debouncer.isDebounced(id)) await hocuspocus.debouncer.executeNow(id);
  }

  // every open socket and the sign-in it came with
  const sockets = new Map<WebSocket, SignedIn>();

  /** Closes the sockets of ended sign-ins (or lost rights); nothing more they send is read. */
  function closeSockets(ended: (signedIn: SignedIn, ws: WebSocket) => boolean, why = UNAUTHORIZED) {
    for (const [ws, signedIn] of sockets) {
      if (!ended(signedIn, ws)) continue;
      sockets.delete(ws);
      // Hocuspocus reads the socket's messages: from now on nothing it sends reaches a document
      ws.removeAllListeners("message");
      ws.close(why.code, why.reason);
      // a client that does not answer the close is cut off
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    }
  }
  const onRevoked = (revoked: RevokedLogins) =>
    closeSockets((signedIn) => isRevoked(revoked, signedIn.userId, signedIn.loginSessionId));
  const stopListening = await listenForRevokedLogins(onRevoked);

  let rechecking = false;
  async function recheck() {
    if (rechecking || sockets.size === 0) return;
    rechecking = true;
    try {
      const valid = await validLoginSessionIds([
        ...new Set([...sockets.values()].map((s) => s.loginSessionId)),
      ]);
      closeSockets((signedIn) => !valid.has(signedIn.loginSessionId));
      const denied = await socketsThatMayNotWrite();
      closeSockets((_, ws) => denied.has(ws), FORBIDDEN);
    } catch (error) {
      console.warn("Checking the notes sockets' sign-ins failed:", (error as Error).message);
    } finally {
      rechecking = false;
    }
  }
  /**
   * The open sockets whose person may no longer write one of the notes they have open: the check
   * onAuthenticate makes, with the person read again (a role or region taken away since).
   */
  async function socketsThatMayNotWrite() {
    const people = new Map<string, Promise<CurrentUser | null>>();
    const verdicts = new Map<string, Promise<boolean>>();
    const denied = new Set<WebSocket>();
    for (const document of hocuspocus.documents.values()) {
      const sessionId = sessionIdFromDocumentName(document.name);
      for (const ws of document.connections.keys()) {
        const signedIn = sockets.get(ws);
        if (!signedIn) continue;
        const key = `${signedIn.loginSessionId} ${sessionId}`;
        let verdict = verdicts.get(key);
        if (!verdict) {
          let person = people.get(signedIn.loginSessionId);
          if (!person) {
            person = getUserByLoginSession(signedIn.loginSessionId);
            people.set(signedIn.loginSessionId, person);
          }
          verdict = person.then(async (user) =>
            user && sessionId ? mayWriteNote({ user }, sessionId) : false,
          );
          verdicts.set(key, verdict);
        }
        if (!(await verdict)) denied.add(ws);
      }
    }
    return denied;
  }
  const recheckTimer = setInterval(() => void recheck(), options.recheckMs ?? 30_000);
  recheckTimer.unref();

  async function signedInFrom(request: IncomingMessage) {
    const session = await authSessionStorage.getSession(request.headers.cookie ?? "");
    const loginSessionId = session.get("loginSessionId");
    const user = loginSessionId ? await getUserByLoginSession(loginSessionId) : null;
    return user && loginSessionId ? { user, loginSessionId } : null;
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== COLLAB_PATH) return false;
    void (async () => {
      if (!sameOrigin(request)) return refuse(socket, 403, "Forbidden");
      const signedIn = await signedInFrom(request).catch(() => null);
      if (!signedIn) return refuse(socket, 401, "Unauthorized");
      const { user, loginSessionId } = signedIn;
      wss.handleUpgrade(request, socket, head, (ws) => {
        ws.on("error", (error) => console.warn("Notes socket error:", error.message));
        sockets.set(ws, { userId: user.id, loginSessionId });
        ws.once("close", () => sockets.delete(ws));
        hocuspocus.handleConnection(ws, request, { user, loginSessionId } satisfies Context);
        // the sign-in may have ended while the socket was being opened
        void validLoginSessionIds([loginSessionId]).then(
          (valid) => valid.has(loginSessionId) || closeSockets((s) => s.loginSessionId === loginSessionId),
          () => undefined,
        );
      });
    })();
    return true;
  }

  async function close() {
    if (globalThis.__lintasLiveNotes === live) globalThis.__lintasLiveNotes = undefined;
    clearInterval(recheckTimer);
    await stopListening();
    // store every open document now, with a version for whoever typed, then let people go
    for (const document of [...hocuspocus.documents.values()]) {
      await flush(document.name);
      await store(document.name, document, {}, true).catch((error: unknown) =>
        console.warn("Storing notes at shutdown failed:", error),
      );
    }
    hocuspocus.closeConnections();
    for (const client of wss.clients) client.terminate();
    wss.close();
    await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
  }

  return { hocuspocus, handleUpgrade, close };
}

let current: Collab | undefined;
let closing: Promise<void> | undefined;

/** Serves live notes on `server` at COLLAB_PATH (the start script and the tests call this). */
export async function attachCollab(server: HttpServer, options: CollabOptions = {}) {
  const collab = await createCollab(options);
  server.on("upgrade", (request, socket, head) => {
    // nothing else here takes upgrades: refuse them rather than leave the socket hanging
    if (!collab.handleUpgrade(request, socket, head) && server.listenerCount("upgrade") === 1)
      socket.destroy();
  });
  current = collab;
  closing = undefined;
  return collab;
}

/** Stores open notes and closes the sockets (SIGTERM/SIGINT in server/start.ts); safe to call twice. */
export function closeCollab(): Promise<void> {
  const collab = current;
  current = undefined;
  if (collab) closing = collab.close();
  return closing ?? Promise.resolve();
}
