// The room page and the LiveKit webhook through the app as it is served: documents rendered by
// entry.server through Remix's request handler, and webhooks posted over HTTP to an Express server
// set up like server/start.ts (CSRF guard, then Remix). LiveKit is switched on and off between
// tests in the served app's own environment module; its server API is the Twirp stand-in.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createRequestHandler as expressHandler } from "@remix-run/express";
import { createRequestHandler } from "@remix-run/node";
import express from "express";
import { Window } from "happy-dom";
import { type ViteDevServer } from "vite";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Env } from "~/env.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import { isCrossSiteWrite } from "~/utils/csrf.server";
import { formatTime } from "~/utils/dates";
import id from "~/i18n/id.json";
import { signWebhook, startLiveKitStandIn, webhookBody } from "../fixtures/livekit";
import { actorFor, cookieFor, createPerson, ensureRegions } from "../fixtures/people";
import { loadAppBuildThroughVite } from "../fixtures/app-build";

let vite: ViteDevServer;
let handle: (request: Request) => Promise<Response>;
let servedEnv: Env;
let standIn: Awaited<ReturnType<typeof startLiveKitStandIn>>;
let http: ReturnType<express.Express["listen"]>;
let baseUrl: string;
let sessionId: string;
let roomName: string;
const people = {} as Record<"admin" | "invited" | "officer", { id: string; cookie: string }>;

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});
const parse = (html: string) => new window.DOMParser().parseFromString(html, "text/html");

function useLiveKit(on: boolean) {
  servedEnv.LIVEKIT_URL = on ? standIn.config.url : undefined;
  servedEnv.LIVEKIT_API_KEY = on ? standIn.config.apiKey : undefined;
  servedEnv.LIVEKIT_API_SECRET = on ? standIn.config.apiSecret : undefined;
}

beforeAll(async () => {
  standIn = await startLiveKitStandIn();
  await ensureRegions();
  const facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  const invited = await createPerson({
    role: "PARTICIPANT",
    regionCode: "35.72",
    email: "hadir@blitar.test",
  });
  const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
  const admin = await createPerson({ role: "ADMIN" });
  const pairingId = (
    await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2 ruang",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  await addParticipant(facilitator, pairingId, {
    side: "MENTEE",
    name: "Peserta Blitar",
    email: "hadir@blitar.test",
    isLead: false,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title: "Ruang",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 90,
    count: 1,
    intervalWeeks: 1,
  });
  ({ id: sessionId, roomName } = sessions[0]);
  for (const [key, person] of Object.entries({ admin, invited, officer }))
    people[key as keyof typeof people] = { id: person.id, cookie: await cookieFor(person.id) };

  const started = await loadAppBuildThroughVite();
  vite = started.vite;
  const build = started.build;
  // the environment module the served routes read (a module of vite's graph, not this file's)
  servedEnv = ((await vite.ssrLoadModule("/app/env.server.ts")) as { env: Env }).env;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request);

  const app = express();
  app.use((req, res, next) => {
    const crossSite = isCrossSiteWrite({
      method: req.method,
      path: req.path,
      host: req.headers.host,
      origin: req.headers.origin,
      secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
    });
    if (crossSite) res.status(403).send("Cross-site request refused");
    else next();
  });
  app.all("*", expressHandler({ build, mode: "production" }));
  http = app.listen(0, "127.0.0.1");
  await once(http, "listening");
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}, 180_000);

afterEach(() => useLiveKit(false));

afterAll(async () => {
  await new Promise((resolve) => http?.close(resolve));
  await vite?.close();
  await standIn?.close();
  await window.happyDOM.close();
});

async function roomPage(cookie: string) {
  const response = await handle(
    new Request(`http://lintas.test/sesi/${sessionId}/ruang`, { headers: { Cookie: cookie } }),
  );
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, doc: parse(html) };
}

/** The join token the page hands to the browser (in Remix's loader data), decoded. */
function tokenOf(html: string) {
  const jwt = html.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)?.[0];
  expect(jwt, "a token in the page's data").toBeTruthy();
  return JSON.parse(Buffer.from(jwt!.split(".")[1], "base64url").toString()) as {
    sub: string;
    video: {
      room: string;
      roomJoin: boolean;
      canPublish: boolean;
      canSubscribe: boolean;
      roomAdmin?: boolean;
    };
  };
}

const post = (body: string, authorization?: string) =>
  fetch(`${baseUrl}/api/livekit/webhook`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/webhook+json",
      ...(authorization ? { Authorization: authorization } : {}),
    },
  });

describe("the room page without LiveKit", () => {
  it("tells an admin how to set LiveKit up", async () => {
    const { doc } = await roomPage(people.admin.cookie);
    const notice = doc.querySelector('.notice[role="status"]');
    expect(notice?.textContent).toContain(id.room.notConfigured);
    expect(notice?.textContent).toContain(id.room.notConfiguredAdmin);
    expect(notice?.textContent).toContain("livekit-server --dev");
  });

  it("gives anyone else only the plain message", async () => {
    for (const person of [people.invited, people.officer]) {
      const { doc, html } = await roomPage(person.cookie);
      expect(doc.querySelector('.notice[role="status"]')?.textContent).toBe(id.room.notConfigured);
      expect(doc.body.textContent).not.toContain("livekit-server");
      expect(html).not.toContain("LIVEKIT_API_SECRET");
    }
  });
});

describe("the room page with LiveKit", () => {
  it("lets an uninvited officer of the region in as an observer: the page says so and the token cannot publish", async () => {
    useLiveKit(true);
    const { doc, html } = await roomPage(people.officer.cookie);
    expect(doc.body.textContent).toContain(id.room.observer);
    expect(doc.body.textContent).not.toContain(id.room.notConfigured);
    const token = tokenOf(html);
    expect(token.sub).toBe(people.officer.id);
    expect(token.video).toMatchObject({
      room: roomName,
      roomJoin: true,
      canPublish: false,
      canSubscribe: true,
    });
    expect(token.video.roomAdmin).toBeFalsy();
    expect(standIn.calls.some((c) => c.method === "CreateRoom" && c.body.name === roomName)).toBe(true);
  });

  it("lets the invited participant in to speak, without the observer note", async () => {
    useLiveKit(true);
    const { doc, html } = await roomPage(people.invited.cookie);
    expect(doc.body.textContent).not.toContain(id.room.observer);
    expect(tokenOf(html)).toMatchObject({
      sub: people.invited.id,
      video: { room: roomName, roomJoin: true, canPublish: true },
    });
  });
});

describe("the LiveKit webhook over HTTP", () => {
  const joined = () =>
    webhookBody("participant_joined", roomName, {
      participant: { identity: people.invited.id, name: "Peserta Blitar (Kota Blitar)" },
    });
  const written = async () => ({
    attendance: await prisma.attendance.count({ where: { sessionId } }),
    events: await prisma.webhookEvent.count(),
    status: (await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).status,
  });

  it.each([
    [
      "a tampered body",
      async (body: string) => ({
        body: body.replace("Peserta Blitar", "Orang Lain"),
        auth: await signWebhook(standIn.config, body),
      }),
    ],
    [
      "a wrong key",
      async (body: string) => ({
        body,
        auth: await signWebhook(
          { apiKey: standIn.config.apiKey, apiSecret: "another-secret-another-secret-xx" },
          body,
        ),
      }),
    ],
    ["no Authorization header", async (body: string) => ({ body, auth: undefined })],
  ])("answers %s with 401 and writes nothing", async (_label, forge) => {
    useLiveKit(true);
    const before = await written();
    const { body, auth } = await forge(joined());
    const response = await post(body, auth);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 401, reason: "bad-signature" });
    expect(await written()).toEqual(before);
  });

  it("records a correctly signed event (the same server, the same route)", async () => {
    useLiveKit(true);
    const body = joined();
    const response = await post(body, await signWebhook(standIn.config, body));
    expect(response.status).toBe(200);
    expect(await prisma.attendance.findMany({ where: { sessionId } })).toMatchObject([
      { userId: people.invited.id, regionCode: "35.72", name: "Peserta Blitar (Kota Blitar)" },
    ]);
    // the same delivery again: acknowledged, not recorded twice
    expect((await post(body, await signWebhook(standIn.config, body))).status).toBe(200);
    expect(await prisma.attendance.count({ where: { sessionId } })).toBe(1);
  });
});

describe("attendance on the session page", () => {
  it("shows each person's region, first join and last leave in the viewer's zone, named, and the minutes", async () => {
    useLiveKit(true);
    const now = Math.floor(Date.now() / 1000);
    // the officer (Kota Blitar) joins twice: 500 s to 400 s ago, then 300 s to 100 s ago
    for (const [event, at] of [
      ["participant_joined", now - 500],
      ["participant_left", now - 400],
      ["participant_joined", now - 300],
      ["participant_left", now - 100],
    ] as const) {
      const body = webhookBody(
        event,
        roomName,
        { participant: { identity: people.officer.id, name: "Petugas (Kota Blitar)" } },
        at,
      );
      expect((await post(body, await signWebhook(standIn.config, body))).status).toBe(200);
    }
    const row = async (cookie: string) => {
      const response = await handle(
        new Request(`http://lintas.test/sesi/${sessionId}`, { headers: { Cookie: cookie } }),
      );
      expect(response.status).toBe(200);
      const table = parse(await response.text())
        .querySelector("#attendance-heading")
        ?.parentElement?.querySelector("table");
      const cells = [...(table?.querySelectorAll("tbody tr") ?? [])]
        .map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
        .find((tds) => tds[0] === "Petugas (Kota Blitar)");
      return { caption: table?.querySelector("caption")?.textContent, cells };
    };
    // a person in Kota Blitar reads WIB; an admin without a region reads the session's zone, WITA
    for (const [person, zone, abbreviation] of [
      [people.officer, "Asia/Jakarta", "WIB"],
      [people.admin, "Asia/Makassar", "WITA"],
    ] as const) {
      const { caption, cells } = await row(person.cookie);
      expect(caption).toContain(`(${abbreviation})`);
      expect(cells).toEqual([
        "Petugas (Kota Blitar)",
        "Kota Blitar",
        formatTime(new Date((now - 500) * 1000), zone, "id"),
        formatTime(new Date((now - 100) * 1000), zone, "id"),
        "5",
        // the source beside each row: the webhook, or who recorded it by hand
        "LiveKit",
      ]);
      expect(cells?.[2]).toMatch(new RegExp(`^\\d{2}\\.\\d{2} ${abbreviation}$`));
    }
  });
});
