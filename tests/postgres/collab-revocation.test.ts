// Issue #25 item 4 across processes: several app processes share one PostgreSQL server; the
// revoking transaction NOTIFYs and each process LISTENs. Runs only on PostgreSQL (vitest.config.ts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, prisma } from "~/db.server";
import { REVOKED_LOGINS_CHANNEL } from "~/modules/accounts/revoked-logins.server";
import { deleteAllLoginSessions } from "~/modules/accounts/user.server";
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
  waitFor,
} from "../fixtures/notes-sockets";
import { cookieFor, createPerson, ensureRegions } from "../fixtures/people";

let sessionIds: string[];
let running: Running;

beforeAll(async () => {
  await ensureRegions();
  const facilitator = await createPerson({ role: "FACILITATOR", name: "Rekan" });
  sessionIds = await notesSessions(facilitator.id);
  running = await startCollab();
});

afterAll(async () => {
  for (const item of cleanup) item.destroy();
  await stop(running);
});

// Several app processes share one PostgreSQL: the revoking transaction NOTIFYs, each process LISTENs.
describe("on PostgreSQL, across processes", () => {
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
