// Live notes through the real Hocuspocus server, attached to an HTTP server exactly as
// server/start.ts does: two people type at once and converge, the database keeps the merged
// notes (JSON and Yjs state), and sockets without the right to edit are refused.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Collab, attachCollab, COLLAB_PATH } from "~/collab/server.server";
import { prisma } from "~/db.server";
import { plainText } from "~/editor/render.server";
import { canonicalJSON, jsonFromYDoc, noteDocumentName } from "~/modules/lessons/note-collab.server";
import { getNote, saveNote } from "~/modules/lessons/note.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as mentionsRoute from "~/routes/sessions/mentions";
import * as notesRoute from "~/routes/sessions/notes";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

type Running = { server: Server; collab: Collab; url: string };

async function startCollab(options: Parameters<typeof attachCollab>[1] = {}): Promise<Running> {
  const server = createServer((_, res) => res.end());
  const collab = await attachCollab(server, { debounce: 50, maxDebounce: 300, ...options });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, collab, url: `ws://127.0.0.1:${port}${COLLAB_PATH}` };
}

async function stop(running: Running) {
  await running.collab.close();
  await new Promise((resolve) => running.server.close(resolve));
}

const providers: HocuspocusProvider[] = [];

/** A Node client with a browser's cookie on its socket. */
function connect(url: string, sessionId: string, cookie?: string, name = noteDocumentName(sessionId)) {
  class CookieSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: cookie ? { Cookie: cookie } : {} });
    }
  }
  const document = new Y.Doc();
  let failed: string | null = null;
  // the provider passes WebSocketPolyfill on to the socket it makes (its type leaves it out)
  const configuration = {
    url,
    name,
    document,
    WebSocketPolyfill: CookieSocket,
    onAuthenticationFailed: ({ reason }: { reason: string }) => {
      failed = reason;
    },
  };
  const provider = new HocuspocusProvider(configuration);
  providers.push(provider);
  return {
    provider,
    document,
    failure: () => failed,
    synced: () => waitFor(() => provider.isSynced),
  };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeout = 8000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Types a paragraph at the top, as the editor's binding writes it into the Yjs fragment. */
function typeParagraph(document: Y.Doc, text: string, index = 0) {
  document.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    document.getXmlFragment("default").insert(index, [paragraph]);
  });
}

/** Raw upgrade: the HTTP status the server answers, or 101 when the socket opens. */
function upgradeStatus(url: string, headers: Record<string, string>) {
  return new Promise<number>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("error", () => undefined);
  });
}

let facilitatorId: string;
let blitarId: string;
let outsiderId: string;
let sessionIds: string[];
let running: Running;

beforeAll(async () => {
  await ensureRegions();
  facilitatorId = (await createPerson({ role: "FACILITATOR", name: "Fasilitator PMU" })).id;
  blitarId = (
    await createPerson({
      role: "REGION_OFFICER",
      regionCode: "35.72",
      email: "pokja@blitar.test",
      name: "Pokja Blitar",
    })
  ).id;
  outsiderId = (await createPerson({ role: "REGION_OFFICER", regionCode: "74.05", name: "Konawe Selatan" }))
    .id;
  const facilitator = await actorFor(facilitatorId);
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
    count: 5,
    intervalWeeks: 1,
  });
  sessionIds = sessions.map((s) => s.id);
  running = await startCollab();
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await stop(running);
});

describe("live notes through the Hocuspocus server", () => {
  it("two people typing at once converge, and the merged notes are stored as JSON and Yjs state", async () => {
    const id = sessionIds[0];
    // notes written before anyone opened the live editor are where the shared document starts
    await saveNote(await actorFor(facilitatorId), id, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Catatan awal" }] }],
    });
    const facilitator = connect(running.url, id, await cookieFor(facilitatorId));
    const blitar = connect(running.url, id, await cookieFor(blitarId));
    await facilitator.synced();
    await blitar.synced();
    expect(plainText(jsonFromYDoc(blitar.document))).toBe("Catatan awal");

    // both type before either has seen the other's change
    typeParagraph(facilitator.document, "Kendari: mulai 2016, sosialisasi 2017");
    typeParagraph(blitar.document, "Blitar: uji coba untuk ASN");
    blitar.document.transact(() => {
      const first = blitar.document.getXmlFragment("default").get(0) as Y.XmlElement;
      (first.get(0) as Y.XmlText).insert(0, "[catatan] ");
    });

    const text = (document: Y.Doc) => plainText(jsonFromYDoc(document));
    await waitFor(
      () => text(facilitator.document).includes("Blitar") && text(blitar.document).includes("Kendari"),
    );
    expect(Y.encodeStateVector(facilitator.document)).toEqual(Y.encodeStateVector(blitar.document));
    expect(jsonFromYDoc(facilitator.document)).toEqual(jsonFromYDoc(blitar.document));
    const merged = jsonFromYDoc(blitar.document);
    expect(text(blitar.document)).toContain("Catatan awal");

    // stored: the same JSON, and a Yjs state that reads back to it
    await waitFor(async () => canonicalJSON((await getNote(id))?.content) === canonicalJSON(merged));
    const note = await prisma.sessionNote.findUniqueOrThrow({ where: { sessionId: id } });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(note.yState!));
    expect(jsonFromYDoc(stored)).toEqual(merged);
    // each author has a version of their typing
    await waitFor(
      async () => (await prisma.noteVersion.count({ where: { noteId: note.id, authorId: blitarId } })) > 0,
    );
    expect(
      await prisma.noteVersion.count({ where: { noteId: note.id, authorId: facilitatorId } }),
    ).toBeGreaterThan(0);
  });

  it("a form save (no JavaScript) while people type goes into the shared document without losing their text", async () => {
    const id = sessionIds[1];
    const facilitator = connect(running.url, id, await cookieFor(facilitatorId));
    await facilitator.synced();
    typeParagraph(facilitator.document, "Diketik langsung");
    await waitFor(async () => plainText((await getNote(id))?.content).includes("Diketik langsung"));
    const before = jsonFromYDoc(facilitator.document);
    await saveNote(await actorFor(blitarId), id, {
      ...before,
      content: [
        ...(before.content ?? []),
        { type: "paragraph", content: [{ type: "text", text: "Dari formulir" }] },
      ],
    });
    await waitFor(() => plainText(jsonFromYDoc(facilitator.document)).includes("Dari formulir"));
    expect(plainText(jsonFromYDoc(facilitator.document))).toContain("Diketik langsung");
    const note = await getNote(id);
    expect(plainText(note?.content)).toContain("Dari formulir");
    expect(note?.versions[0].authorId).toBe(blitarId);
  });

  it("refuses a socket without a sign-in cookie, from another site, or of someone outside the session", async () => {
    const cookie = await cookieFor(blitarId);
    expect(await upgradeStatus(running.url, {})).toBe(401);
    expect(await upgradeStatus(running.url, { Cookie: "__lintas_session=forged" })).toBe(401);
    expect(await upgradeStatus(running.url, { Cookie: cookie, Origin: "https://evil.example" })).toBe(403);
    const origin = running.url.replace("ws://", "http://").replace(COLLAB_PATH, "");
    expect(await upgradeStatus(running.url, { Cookie: cookie, Origin: origin })).toBe(101);

    const id = sessionIds[2];
    const outsider = connect(running.url, id, await cookieFor(outsiderId));
    await waitFor(() => outsider.failure() !== null);
    expect(outsider.failure()).toBe("forbidden");
    // and a name that is not a session's notes
    const stray = connect(running.url, id, cookie, "something-else");
    await waitFor(() => stray.failure() !== null);
    typeParagraph(outsider.document, "tidak boleh masuk");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await prisma.sessionNote.findUnique({ where: { sessionId: id } })).toBeNull();
  });
});

describe("stopping the server", () => {
  it("stores what was typed (with a version) before the sockets close", async () => {
    // a store would wait a minute: only the shutdown can have written it
    const slow = await startCollab({ debounce: 60_000, maxDebounce: 60_000 });
    const id = sessionIds[4];
    const blitar = connect(slow.url, id, await cookieFor(blitarId));
    await blitar.synced();
    typeParagraph(blitar.document, "Diketik sesaat sebelum server berhenti");
    const name = noteDocumentName(id);
    await waitFor(() => {
      const live = slow.collab.hocuspocus.documents.get(name);
      return Boolean(live && plainText(jsonFromYDoc(live)).includes("berhenti"));
    });
    expect(plainText((await getNote(id))?.content)).not.toContain("berhenti");
    await stop(slow);
    const note = await getNote(id);
    expect(plainText(note?.content)).toContain("Diketik sesaat sebelum server berhenti");
    expect(note?.versions[0]).toMatchObject({ authorId: blitarId });
    blitar.provider.destroy();
  });
});

describe("mentions and differences between versions", () => {
  it("suggests the session's people and regions, to those who may see the session", async () => {
    const id = sessionIds[3];
    const ask = async (q: string, userId: string) =>
      callRoute(mentionsRoute.loader, getRequest(`/sesi/${id}/sebutan?q=${q}`, await cookieFor(userId)), {
        sessionId: id,
      });
    const regions = (await (await ask("kota", blitarId)).json()) as {
      items: { id: string; label: string }[];
    };
    expect(regions.items.map((item) => item.id).sort()).toEqual(["region:35.72", "region:74.71"]);
    const people = (await (await ask("pokja", blitarId)).json()) as { items: { id: string; kind: string }[] };
    expect(people.items).toEqual([expect.objectContaining({ id: `person:${blitarId}`, kind: "person" })]);
    expect((await ask("konawe", facilitatorId)).status).toBe(200);
    expect(((await (await ask("konawe", facilitatorId)).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await ask("", outsiderId)).status).toBe(404);
  });

  it("shows what a version changed, word by word, against the one before and the notes now", async () => {
    const id = sessionIds[3];
    const blitar = await actorFor(blitarId);
    const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
    await saveNote(blitar, id, { type: "doc", content: [paragraph("Sosialisasi 2017")] });
    await saveNote(blitar, id, { type: "doc", content: [paragraph("Sosialisasi ke ASN 2017")] });
    await saveNote(blitar, id, {
      type: "doc",
      content: [paragraph("Sosialisasi ke ASN 2017"), paragraph("Wajib 2018")],
    });
    const versions = (await getNote(id))!.versions;
    expect(versions).toHaveLength(3);
    const cookie = await cookieFor(blitarId);
    const load = async (query: string) =>
      (await (
        await callRoute(notesRoute.loader, getRequest(`/sesi/${id}/catatan?${query}`, cookie), {
          sessionId: id,
        })
      ).json()) as {
        diff: { blocks: { change: string; parts: { text: string; change: string }[] }[] } | null;
      };

    const previous = await load(`versi=${versions[1].id}&banding=sebelumnya`);
    expect(previous.diff?.blocks).toEqual([
      {
        change: "changed",
        parts: [
          { text: "Sosialisasi ", change: "same" },
          { text: "ke ASN ", change: "added" },
          { text: "2017", change: "same" },
        ],
      },
    ]);
    const current = await load(`versi=${versions[2].id}&banding=sekarang`);
    expect(current.diff?.blocks.map((b) => b.change)).toEqual(["changed", "added"]);
    expect(current.diff?.blocks[1].parts).toEqual([{ text: "Wajib 2018", change: "added" }]);
    expect((await load("versi=tidak-ada")).diff).toBeNull();
  });
});

// The Redis path needs a redis-server; when the machine has one, two app processes' servers
// on one Redis keep the same notes in step.
const redisServer = (() => {
  try {
    return execFileSync("which", ["redis-server"]).toString().trim();
  } catch {
    return "";
  }
})();

describe.runIf(redisServer)("two app processes on one Redis", () => {
  let redis: ChildProcess;
  let redisUrl: string;

  beforeAll(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    redis = spawn(redisServer, ["--port", String(port), "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    redisUrl = `redis://127.0.0.1:${port}`;
    const { default: IORedis } = await import("ioredis");
    await waitFor(async () => {
      const client = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
      client.on("error", () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === "PONG";
      } catch {
        return false;
      } finally {
        client.disconnect();
      }
    });
  });

  afterAll(() => {
    redis?.kill();
  });

  it("converge when people are connected to different processes", async () => {
    const one = await startCollab({ redisUrl });
    const two = await startCollab({ redisUrl });
    try {
      const id = sessionIds[2];
      const facilitator = connect(one.url, id, await cookieFor(facilitatorId));
      const blitar = connect(two.url, id, await cookieFor(blitarId));
      await facilitator.synced();
      await blitar.synced();
      typeParagraph(facilitator.document, "Dari proses satu");
      typeParagraph(blitar.document, "Dari proses dua");
      const text = (document: Y.Doc) => plainText(jsonFromYDoc(document));
      await waitFor(
        () => text(facilitator.document).includes("dua") && text(blitar.document).includes("satu"),
      );
      expect(jsonFromYDoc(facilitator.document)).toEqual(jsonFromYDoc(blitar.document));
      await waitFor(async () => {
        const stored = plainText((await getNote(id))?.content);
        return stored.includes("satu") && stored.includes("dua");
      });
      facilitator.provider.destroy();
      blitar.provider.destroy();
    } finally {
      await stop(one);
      await stop(two);
    }
  });
});
