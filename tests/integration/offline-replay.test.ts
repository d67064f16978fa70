// Issue #24, item 3 (docs/decisions/0063-offline.md): a write recorded offline is sent later by
// the service worker through the same route, validation and version check as any form post, with
// the key it was given (Idempotency-Key). Sent twice (its answer lost on the way back), it is
// saved once, and the second answer repeats the first one's status: a conflict stays a conflict.
// The pipeline of server/start.ts: the idempotency middleware in front of the real project routes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUser } from "~/auth/session.server";
import { claimReplayKey, idempotencyMiddleware, settleReplayKey } from "~/db/idempotency.server";
import { database, prisma } from "~/db.server";
import { createProject } from "~/modules/projects/details.server";
import { addMilestone } from "~/modules/projects/milestones.server";
import * as overview from "~/routes/projects/$projectId/overview";
import * as milestones from "~/routes/projects/$projectId/milestones";
import * as signOut from "~/routes/accounts/sign-out";
import { type RemixHandler, createRemixHandler } from "../../server/remix-handler";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, formRequest } from "../fixtures/people";

let baseUrl = "";
let closeServer: () => Promise<void>;
let projectId = "";
let cookie = "";
let leaderId = "";

/** The two routes the offline forms post to, as Remix would call them. */
const handle: RemixHandler = async (request) => {
  const [, , id, tab] = new URL(request.url).pathname.split("/");
  const action = tab === "tonggak" ? milestones.action : overview.action;
  return callRoute(action, request, { projectId: id });
};

beforeAll(async () => {
  await ensureRegions();
  const leader = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Hendra Gunawan" });
  leaderId = leader.id;
  cookie = await cookieFor(leader.id);
  const project = await createProject(await actorFor(leader.id), {
    title: "Sanitasi aman Balik Bukit",
    kind: "REGIONAL_INNOVATION",
    regionCode: "74.71",
  });
  projectId = project.id;

  const app = express();
  app.use(idempotencyMiddleware(database.sql, { signedInUser: getUser }));
  app.all("*", createRemixHandler({ handle, bodyLimit: () => 10 * 1024 * 1024 }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await closeServer();
});

function post(
  path: string,
  fields: Record<string, string>,
  key?: string,
  { as = cookie, recordedBy }: { as?: string; recordedBy?: string } = {},
) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(as ? { Cookie: as } : {}),
      ...(key ? { "Idempotency-Key": key } : {}),
      ...(recordedBy ? { "X-Lintas-Recorded-By": recordedBy } : {}),
    },
  });
}

const checkIns = (note: string) => prisma.checkIn.count({ where: { projectId, note } });

describe("a write replayed from the offline outbox", () => {
  it("is saved once when it arrives twice with its key; without a key it would be saved twice", async () => {
    const key = crypto.randomUUID();
    const fields = { intent: "check-in", status: "AT_RISK", note: "Armada sedot tinja rusak" };
    const first = await post(`/proyek/${projectId}?index`, fields, key);
    expect(first.status).toBe(200);
    const again = await post(`/proyek/${projectId}?index`, fields, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("X-Lintas-Replayed")).toBe("1");
    expect(await checkIns(fields.note)).toBe(1);

    // both at once (the worker's sync and the page's "send now"): one runs, the other waits for it
    const racing = { ...fields, note: "Dua pengiriman bersamaan" };
    const raceKey = crypto.randomUUID();
    const answers = await Promise.all([
      post(`/proyek/${projectId}?index`, racing, raceKey),
      post(`/proyek/${projectId}?index`, racing, raceKey),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await checkIns(racing.note)).toBe(1);

    // the same form twice without a key: two check-ins (what the key prevents)
    const plain = { ...fields, note: "Dua kali tanpa kunci" };
    await post(`/proyek/${projectId}?index`, plain);
    await post(`/proyek/${projectId}?index`, plain);
    expect(await checkIns(plain.note)).toBe(2);
  });

  it("goes through the same validation and version check: a conflict is answered, twice the same", async () => {
    const milestone = await addMilestone(await actorFor(leaderId), projectId, {
      title: "Uji coba penyedotan terjadwal",
      horizon: "SHORT",
      status: "NOT_STARTED",
    });
    // someone changed it online while the participant was offline with the old version
    await prisma.milestone.update({
      where: { id: milestone.id },
      data: { status: "IN_PROGRESS", version: { increment: 1 } },
    });
    const key = crypto.randomUUID();
    const stale = {
      intent: "milestone-update",
      milestoneId: milestone.id,
      version: String(milestone.version),
      status: "DONE",
    };
    expect((await post(`/proyek/${projectId}/tonggak`, stale, key)).status).toBe(409);
    const again = await post(`/proyek/${projectId}/tonggak`, stale, key);
    expect(again.status).toBe(409);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).status).toBe(
      "IN_PROGRESS",
    );

    // bad input: 400, nothing written, and the replay says 400 again
    const badKey = crypto.randomUUID();
    const bad = { intent: "check-in", status: "SIDEWAYS", note: "" };
    expect((await post(`/proyek/${projectId}?index`, bad, badKey)).status).toBe(400);
    expect((await post(`/proyek/${projectId}?index`, bad, badKey)).status).toBe(400);
    expect(await prisma.checkIn.count({ where: { projectId, status: "SIDEWAYS" } })).toBe(0);
  });

  it("refuses a key that is not a UUID (400, nothing written) and frees a key whose write failed", async () => {
    const refused = await post(
      `/proyek/${projectId}?index`,
      { intent: "comment", body: "Kunci aneh" },
      "not-a-key",
    );
    expect(refused.status).toBe(400);
    expect(await prisma.comment.count({ where: { projectId, body: "Kunci aneh" } })).toBe(0);

    const key = crypto.randomUUID();
    expect(await claimReplayKey(database.sql, key)).toEqual({ first: true });
    expect(await claimReplayKey(database.sql, key)).toEqual({ first: false, status: null });
    await settleReplayKey(database.sql, key, 500);
    expect(await claimReplayKey(database.sql, key)).toEqual({ first: true });
    await settleReplayKey(database.sql, key, 303);
    expect(await claimReplayKey(database.sql, key)).toEqual({ first: false, status: 303 });
  });

  it("recorded by one person and replayed while another is signed in: refused (409), nothing written", async () => {
    // the participant recorded it offline; the browser now holds the coach's sign-in
    const other = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Rudi Hartono" });
    await prisma.projectMember.create({ data: { projectId, userId: other.id, name: other.name } });
    const otherCookie = await cookieFor(other.id);
    const key = crypto.randomUUID();
    const fields = { intent: "comment", body: "Dicatat oleh Hendra tanpa sinyal" };
    const refused = await post(`/proyek/${projectId}?index`, fields, key, {
      as: otherCookie,
      recordedBy: leaderId,
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("X-Lintas-Refused")).toBe("recorded-by");
    expect(await prisma.comment.count({ where: { projectId, body: fields.body } })).toBe(0);

    // nobody signed in: not refused here, the route leads to the sign-in page and it waits
    const signedOut = await post(`/proyek/${projectId}?index`, fields, key, { as: "", recordedBy: leaderId });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/masuk/);
    expect(await prisma.comment.count({ where: { projectId, body: fields.body } })).toBe(0);

    // sent again by the person who recorded it, with the same key: saved once, as theirs
    const saved = await post(`/proyek/${projectId}?index`, fields, key, { recordedBy: leaderId });
    expect(saved.status).toBe(200);
    const comments = await prisma.comment.findMany({ where: { projectId, body: fields.body } });
    expect(comments.map((comment) => comment.authorId)).toEqual([leaderId]);
  });

  it("is cleared from the browser at sign-out (Clear-Site-Data on the answer)", async () => {
    const person = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Maya Sari" });
    const answer = await callRoute(signOut.action, formRequest("/keluar", {}, await cookieFor(person.id)));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Clear-Site-Data")).toBe('"cache", "storage"');
  });
});
