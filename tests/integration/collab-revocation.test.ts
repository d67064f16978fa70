// Issue #25 item 4: a live-notes socket must not outlive its sign-in. Sign out everywhere,
// deactivation and a password reset close the person's open sockets at once (what they type
// after that reaches neither the database nor the others), the old cookie cannot reconnect, and
// a sign-in ended without an announcement is caught by the periodic check and by onAuthenticate.
// Across processes on one PostgreSQL server: tests/postgres/collab-revocation.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { plainText } from "~/editor/render.server";
import { jsonFromYDoc } from "~/modules/lessons/note-collab.server";
import { hashToken } from "~/modules/accounts/user.server";
import * as adminRoute from "~/routes/admin/index";
import * as resetRoute from "~/routes/accounts/reset-password";
import * as profileRoute from "~/routes/accounts/profile";
import {
  CLOSE_WITHIN_MS,
  type Running,
  cleanup,
  notesSessions,
  notesSocket,
  openNotes,
  sleep,
  startCollab,
  stop,
  storedText,
  typeParagraph,
  upgradeStatus,
  waitFor,
} from "../fixtures/notes-sockets";
import {
  TEST_PASSWORD,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
} from "../fixtures/people";

let adminId: string;
let colleagueId: string;
let sessionIds: string[];
let running: Running;

beforeAll(async () => {
  await ensureRegions();
  adminId = (await createPerson({ role: "ADMIN", name: "Admin" })).id;
  colleagueId = (await createPerson({ role: "FACILITATOR", name: "Rekan" })).id;
  sessionIds = await notesSessions(colleagueId);
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
