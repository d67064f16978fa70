// Issue #25 item 4: a live-notes socket must not outlive its sign-in. Sign out everywhere,
// deactivation and a password reset close the person's open sockets at once (what they type
// after that reaches neither the database nor the others), the old cookie cannot reconnect, and
// a sign-in ended without an announcement is caught by the periodic check and by onAuthenticate.
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import pg from "pg";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Collab, attachCollab, COLLAB_PATH } from "~/collab/server.server";
import { database, prisma } from "~/db.server";
import { plainText } from "~/editor/render.server";
import { jsonFromYDoc, noteDocumentName } from "~/modules/lessons/note-collab.server";
import { getNote } from "~/modules/lessons/note.server";
import { addParticipant, createPairing } from "~/modules/pairings/pairing.server";
import { REVOKED_LOGINS_CHANNEL } from "~/modules/accounts/revoked-logins.server";
import { createSessionSeries } from "~/modules/sessions/session.server";
import { deleteAllLoginSessions, hashToken } from "~/modules/accounts/user.server";
import * as adminRoute from "~/routes/admin._index";
import * as resetRoute from "~/routes/lupa-sandi.$token";
import * as profileRoute from "~/routes/profil";
import {
  TEST_PASSWORD,
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
} from "../fixtures/people";

/** how soon a revoked socket must be closed */
const CLOSE_WITHIN_MS = 2000;

type Running = { server: Server; collab: Collab; url: string };

async function startCollab(options: Parameters<typeof attachCollab>[1] = {}): Promise<Running> {
  const server = createServer((_, res) => res.end());
  // a minute between periodic checks: within the tests only an announcement can close a socket
  const collab = await attachCollab(server, {
    debounce: 50,
    maxDebounce: 300,
    recheckMs: 60_000,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, collab, url: `ws://127.0.0.1:${port}${COLLAB_PATH}` };
}

async function stop(running: Running) {
  await running.collab.close();
  await new Promise((resolve) => running.server.close(resolve));
}

const cleanup: { destroy(): void }[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, timeout = 8000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(20);
  }
}

function cookieSocket(cookie: string) {
  return class CookieSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: { Cookie: cookie } });
    }
  };
}

/** A notes editor's connection: one socket (shareable by several documents), its closes recorded. */
function notesSocket(url: string, cookie: string) {
  const closes: number[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: cookieSocket(cookie),
    onClose: ({ event }) => {
      closes.push(event.code);
    },
  });
  cleanup.push(websocketProvider);
  return { websocketProvider, closes };
}

function openNotes(socket: ReturnType<typeof notesSocket>, sessionId: string) {
  const document = new Y.Doc();
  let failed: string | null = null;
  const provider = new HocuspocusProvider({
    websocketProvider: socket.websocketProvider,
    name: noteDocumentName(sessionId),
    document,
    onAuthenticationFailed: ({ reason }) => {
      failed = reason;
    },
  });
  provider.attach();
  cleanup.push(provider);
  return {
    provider,
    document,
    failure: () => failed,
    synced: () => waitFor(() => provider.isSynced),
  };
}

function typeParagraph(document: Y.Doc, text: string) {
  document.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    document.getXmlFragment("default").insert(0, [paragraph]);
  });
}

/** Raw upgrade: the HTTP status the server answers, or 101 when the socket opens. */
function upgradeStatus(url: string, cookie: string) {
  return new Promise<number>((resolve) => {
    const socket = new WebSocket(url, { headers: { Cookie: cookie } });
    socket.on("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("error", () => undefined);
  });
}

const storedText = async (sessionId: string) => plainText((await getNote(sessionId))?.content);

let adminId: string;
let colleagueId: string;
let sessionIds: string[];
let running: Running;

beforeAll(async () => {
  await ensureRegions();
  adminId = (await createPerson({ role: "ADMIN", name: "Admin" })).id;
  colleagueId = (await createPerson({ role: "FACILITATOR", name: "Rekan" })).id;
  const facilitator = await actorFor(colleagueId);
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    method: "PRIVATE_TELECONFERENCE",
  });
  await addParticipant(facilitator, pairing.id, {
    side: "MENTEE",
    name: "Pokja Blitar",
    email: "pokja@blitar.test",
    isLead: true,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId: pairing.id,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 8,
    intervalWeeks: 1,
  });
  sessionIds = sessions.map((s) => s.id);
  running = await startCollab();
});

afterAll(async () => {
  for (const item of cleanup) item.destroy();
  await stop(running);
});

const revocations: [string, (userId: string, cookie: string) => Promise<Response>][] = [
  [
    "sign out everywhere",
    (_, cookie) =>
      callRoute(profileRoute.action, formRequest("/profil", { intent: "sign-out-everywhere" }, cookie)),
  ],
  [
    "deactivation by an admin",
    async (userId) =>
      callRoute(
        adminRoute.action,
        formRequest("/admin", { intent: "deactivate", userId }, await cookieFor(adminId)),
      ),
  ],
  [
    "a password reset",
    async (userId) => {
      const token = `token-uji-${userId}`;
      await prisma.passwordReset.create({
        data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) },
      });
      const fields = { password: "sandi-baru-yang-panjang", confirm: "sandi-baru-yang-panjang" };
      return callRoute(resetRoute.action, formRequest(`/lupa-sandi/${token}`, fields), { token });
    },
  ],
];

describe("an ended sign-in ends its live-notes sockets", () => {
  it.each(revocations.map(([name, revoke], index) => ({ name, revoke, index })))(
    "$name closes the person's open socket at once; later typing is not stored and the old cookie cannot reconnect",
    async ({ revoke, index }) => {
      const id = sessionIds[index];
      const person = await createPerson({ role: "FACILITATOR", name: `Fasilitator ${index}` });
      const cookie = await cookieFor(person.id);
      const socket = notesSocket(running.url, cookie);
      const notes = openNotes(socket, id);
      const colleague = openNotes(notesSocket(running.url, await cookieFor(colleagueId)), id);
      await notes.synced();
      await colleague.synced();
      typeParagraph(notes.document, "Diketik sebelum keluar");
      await waitFor(async () => (await storedText(id)).includes("sebelum keluar"));

      const started = Date.now();
      const response = await revoke(person.id, cookie);
      expect(response.status).toBeLessThan(400);
      // typed at once: sent before this client has even read the server's close
      typeParagraph(notes.document, "Diketik sesudah keluar");
      await waitFor(() => socket.closes.length > 0, CLOSE_WITHIN_MS);
      expect(Date.now() - started).toBeLessThan(CLOSE_WITHIN_MS);
      expect(socket.closes[0]).toBe(4401);
      typeParagraph(notes.document, "Diketik lagi sesudah ditutup");

      await sleep(600); // several store rounds (debounce 50 ms, at most 300 ms)
      expect(await storedText(id)).toContain("sebelum keluar");
      expect(await storedText(id)).not.toContain("sesudah");
      expect(plainText(jsonFromYDoc(colleague.document))).not.toContain("sesudah");
      expect(await upgradeStatus(running.url, cookie)).toBe(401);
      // the colleague in the same notes is still connected and still stored
      typeParagraph(colleague.document, `Rekan tetap menulis ${index}`);
      await waitFor(async () => (await storedText(id)).includes(`Rekan tetap menulis ${index}`));
      socket.websocketProvider.destroy();
    },
  );

  it("a sign-in ended without an announcement is closed by the periodic check", async () => {
    const checking = await startCollab({ recheckMs: 200 });
    try {
      const id = sessionIds[3];
      const person = await createPerson({ role: "FACILITATOR" });
      const socket = notesSocket(checking.url, await cookieFor(person.id));
      const notes = openNotes(socket, id);
      await notes.synced();
      // as if by another process whose announcement was lost, or by hand
      await prisma.loginSession.deleteMany({ where: { userId: person.id } });
      await waitFor(() => socket.closes.length > 0, CLOSE_WITHIN_MS);
      expect(socket.closes[0]).toBe(4401);
      socket.websocketProvider.destroy();
    } finally {
      await stop(checking);
    }
  });

  it("an open socket cannot open more notes once its sign-in has ended (onAuthenticate reads it again)", async () => {
    const person = await createPerson({ role: "FACILITATOR" });
    const socket = notesSocket(running.url, await cookieFor(person.id));
    const first = openNotes(socket, sessionIds[4]);
    await first.synced();
    await prisma.loginSession.deleteMany({ where: { userId: person.id } });
    const second = openNotes(socket, sessionIds[5]);
    await waitFor(() => second.failure() !== null);
    expect(second.failure()).toBe("unauthorized");
    typeParagraph(second.document, "tidak boleh masuk");
    await sleep(400);
    expect(await prisma.sessionNote.findUnique({ where: { sessionId: sessionIds[5] } })).toBeNull();
    socket.websocketProvider.destroy();
  });
});

describe("a password change and a right taken away", () => {
  it("a password change closes the person's other sockets at once and keeps the one that changed it", async () => {
    const id = sessionIds[6];
    const person = await createPerson({ role: "FACILITATOR", name: "Ganti Sandi" });
    const here = await cookieFor(person.id);
    const elsewhere = await cookieFor(person.id);
    const hereSocket = notesSocket(running.url, here);
    const elsewhereSocket = notesSocket(running.url, elsewhere);
    const hereNotes = openNotes(hereSocket, id);
    const elsewhereNotes = openNotes(elsewhereSocket, id);
    await hereNotes.synced();
    await elsewhereNotes.synced();

    const started = Date.now();
    const fields = {
      intent: "password",
      currentPassword: TEST_PASSWORD,
      password: "sandi-baru-yang-panjang",
      confirm: "sandi-baru-yang-panjang",
    };
    const response = await callRoute(profileRoute.action, formRequest("/profil", fields, here));
    expect(response.status).toBe(200);
    typeParagraph(elsewhereNotes.document, "Diketik di perangkat lain sesudah ganti sandi");
    await waitFor(() => elsewhereSocket.closes.length > 0, CLOSE_WITHIN_MS);
    expect(Date.now() - started).toBeLessThan(CLOSE_WITHIN_MS);
    expect(elsewhereSocket.closes[0]).toBe(4401);

    // the sign-in that changed the password writes on
    typeParagraph(hereNotes.document, "Diketik di sini sesudah ganti sandi");
    await waitFor(async () => (await storedText(id)).includes("di sini sesudah"));
    expect(await storedText(id)).not.toContain("perangkat lain");
    expect(hereSocket.closes).toEqual([]);
    expect(await upgradeStatus(running.url, elsewhere)).toBe(401);
    expect(await upgradeStatus(running.url, here)).toBe(101);
    expect(await prisma.loginSession.count({ where: { userId: person.id } })).toBe(1);
    hereSocket.websocketProvider.destroy();
    elsewhereSocket.websocketProvider.destroy();
  });

  it("the periodic check closes a socket whose person may no longer write those notes", async () => {
    const checking = await startCollab({ recheckMs: 200 });
    try {
      const id = sessionIds[7];
      const person = await createPerson({ role: "FACILITATOR" });
      const socket = notesSocket(checking.url, await cookieFor(person.id));
      const notes = openNotes(socket, id);
      await notes.synced();
      typeParagraph(notes.document, "Diketik sebelum perannya dicabut");
      await waitFor(async () => (await storedText(id)).includes("sebelum perannya"));
      // still signed in, but a reader now
      await prisma.membership.updateMany({ where: { userId: person.id }, data: { role: "VIEWER" } });
      await waitFor(() => socket.closes.length > 0, CLOSE_WITHIN_MS);
      expect(socket.closes[0]).toBe(4403);
      typeParagraph(notes.document, "Diketik sesudah perannya dicabut");
      await sleep(600);
      expect(await storedText(id)).not.toContain("sesudah perannya");
      socket.websocketProvider.destroy();
    } finally {
      await stop(checking);
    }
  });
});

// Several app processes share one PostgreSQL: the revoking transaction NOTIFYs, each process LISTENs.
describe.runIf(database.sql.kind === "postgres")("on PostgreSQL, across processes", () => {
  it("sign out everywhere is announced on the database, on commit", async () => {
    const person = await createPerson({ role: "FACILITATOR" });
    const url = new URL(process.env.DATABASE_URL!);
    const [{ name }] = await database.sql.query<{ name: string }>("SELECT current_database() AS name");
    url.pathname = `/${name}`;
    const listener = new pg.Client({ connectionString: url.toString() });
    await listener.connect();
    try {
      const heard: string[] = [];
      listener.on("notification", ({ payload }) => heard.push(payload ?? ""));
      await listener.query(`LISTEN ${REVOKED_LOGINS_CHANNEL}`);
      await deleteAllLoginSessions(person.id);
      await waitFor(() => heard.length > 0, CLOSE_WITHIN_MS);
      expect(heard).toEqual([JSON.stringify({ userId: person.id })]);
    } finally {
      await listener.end();
    }
  });

  it("a socket is closed when another process announces the revocation", async () => {
    const person = await createPerson({ role: "FACILITATOR" });
    const socket = notesSocket(running.url, await cookieFor(person.id));
    const notes = openNotes(socket, sessionIds[3]);
    await notes.synced();
    // what another process's "sign out everywhere" does, without this process being told directly
    await database.sql.transaction(async (tx) => {
      await tx.query(`DELETE FROM "LoginSession" WHERE "userId" = $1`, [person.id]);
      await tx.query("SELECT pg_notify($1, $2)", [
        REVOKED_LOGINS_CHANNEL,
        JSON.stringify({ userId: person.id }),
      ]);
    });
    await waitFor(() => socket.closes.length > 0, CLOSE_WITHIN_MS);
    expect(socket.closes[0]).toBe(4401);
    socket.websocketProvider.destroy();
  });

  it("another process's password change closes the person's other sockets and keeps the one that changed it", async () => {
    const person = await createPerson({ role: "FACILITATOR" });
    const here = await cookieFor(person.id);
    const hereSocket = notesSocket(running.url, here);
    const elsewhereSocket = notesSocket(running.url, await cookieFor(person.id));
    await openNotes(hereSocket, sessionIds[6]).synced();
    await openNotes(elsewhereSocket, sessionIds[6]).synced();
    const [kept] = await prisma.loginSession.findMany({
      where: { userId: person.id },
      orderBy: { createdAt: "asc" },
      take: 1,
    });
    await database.sql.transaction(async (tx) => {
      await tx.query(`DELETE FROM "LoginSession" WHERE "userId" = $1 AND id <> $2`, [person.id, kept.id]);
      await tx.query("SELECT pg_notify($1, $2)", [
        REVOKED_LOGINS_CHANNEL,
        JSON.stringify({ userId: person.id, exceptLoginSessionId: kept.id }),
      ]);
    });
    await waitFor(() => elsewhereSocket.closes.length > 0, CLOSE_WITHIN_MS);
    expect(elsewhereSocket.closes[0]).toBe(4401);
    await sleep(300);
    expect(hereSocket.closes).toEqual([]);
    hereSocket.websocketProvider.destroy();
    elsewhereSocket.websocketProvider.destroy();
  });
});
