// Recording through LiveKit Egress: the real SDK's EgressClient against the Twirp stand-in
// (StartRoomCompositeEgress / StopEgress), and the signed egress_ended webhook that attaches the
// file; without Egress configured the page says recording is not available.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { egressConfig } from "~/livekit/egress.server";
import { handleLiveKitWebhook } from "~/livekit/webhooks.server";
import { createPairing } from "~/modules/pairings/create.server";
import { PairingRuleError } from "~/modules/pairings/pairing-status";
import { OutOfScopeError } from "~/errors";
import { startSessionRecording, stopSessionRecording } from "~/modules/sessions/session-recording.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as sessionRoute from "~/routes/sessions/session";
import { signWebhook, startLiveKitStandIn, webhookBody } from "../fixtures/livekit";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let standIn: Awaited<ReturnType<typeof startLiveKitStandIn>>;
let facilitator: Awaited<ReturnType<typeof actorFor>>;
let pairingId: string;

async function newSession() {
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title: "Rekam",
    firstLocal: "2020-02-03T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 90,
    count: 1,
    intervalWeeks: 1,
  });
  return sessions[0];
}

beforeAll(async () => {
  standIn = await startLiveKitStandIn();
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  pairingId = (
    await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2 rekaman",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
});

afterAll(async () => {
  await standIn.close();
});

describe("configuration", () => {
  it("records only when LIVEKIT_EGRESS_ENABLED=true and LiveKit is configured", () => {
    const livekit = { LIVEKIT_URL: "ws://lk:7880", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" };
    expect(egressConfig({ ...livekit, LIVEKIT_EGRESS_ENABLED: "false" })).toBeNull();
    expect(egressConfig({ ...livekit, LIVEKIT_URL: undefined, LIVEKIT_EGRESS_ENABLED: "true" })).toBeNull();
    expect(egressConfig({ ...livekit, LIVEKIT_EGRESS_ENABLED: "true" })).toMatchObject({
      httpUrl: "http://lk:7880",
    });
  });
});

describe("recording through Egress", () => {
  it("starts a room-composite recording to a file, refuses a second, and stops it", async () => {
    const session = await newSession();
    const egressId = await startSessionRecording(facilitator, session.id, standIn.config);
    const start = standIn.calls.find(
      (c) => c.method === "StartRoomCompositeEgress" && c.body.roomName === session.roomName,
    );
    expect(start).toBeDefined();
    expect(JSON.stringify(start!.body)).toContain("lintas/{room_name}-{time}.mp4");
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).egressId).toBe(egressId);

    await expect(startSessionRecording(facilitator, session.id, standIn.config)).rejects.toThrow(
      new PairingRuleError("recording.errors.running"),
    );

    await stopSessionRecording(facilitator, session.id, standIn.config);
    expect(standIn.calls.filter((c) => c.method === "StopEgress").map((c) => c.body.egressId)).toContain(
      egressId,
    );
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).egressId).toBeNull();
    await expect(stopSessionRecording(facilitator, session.id, standIn.config)).rejects.toThrow(
      new PairingRuleError("recording.errors.notRunning"),
    );
  });

  it("is for facilitators", async () => {
    const session = await newSession();
    const officer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
    const calls = standIn.calls.length;
    await expect(startSessionRecording(officer, session.id, standIn.config)).rejects.toThrow(OutOfScopeError);
    expect(standIn.calls.length).toBe(calls);
  });

  it("attaches the file from a signed egress_ended webhook, once, and clears the running egress", async () => {
    const session = await newSession();
    const egressId = await startSessionRecording(facilitator, session.id, standIn.config);
    const location = `https://rekaman.example/lintas/${session.roomName}-2020-02-03T011500.mp4`;
    const body = webhookBody("egress_ended", "", {
      room: undefined,
      egressInfo: {
        egressId,
        roomName: session.roomName,
        status: "EGRESS_COMPLETE",
        fileResults: [{ filename: `lintas/${session.roomName}.mp4`, location }],
      },
    });
    expect(await handleLiveKitWebhook(standIn.config, body, await signWebhook(standIn.config, body))).toEqual(
      {
        status: 200,
        outcome: "applied",
      },
    );
    expect(await handleLiveKitWebhook(standIn.config, body, await signWebhook(standIn.config, body))).toEqual(
      {
        status: 200,
        outcome: "duplicate",
      },
    );
    const after = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.recordingUrl).toBe(location);
    expect(after.egressId).toBeNull();
  });

  it("refuses a tampered egress_ended webhook and writes nothing", async () => {
    const session = await newSession();
    const body = webhookBody("egress_ended", "", {
      room: undefined,
      egressInfo: {
        egressId: "EG_x",
        roomName: session.roomName,
        fileResults: [{ location: "https://rekaman.example/a.mp4" }],
      },
    });
    const auth = await signWebhook(standIn.config, body);
    const tampered = body.replace("https://rekaman.example/a.mp4", "https://jahat.example/b.mp4");
    expect(await handleLiveKitWebhook(standIn.config, tampered, auth)).toEqual({
      status: 401,
      reason: "bad-signature",
    });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).recordingUrl).toBeNull();
  });
});

describe("without Egress configured", () => {
  it("the session page says recording is not available and refuses to start one", async () => {
    const session = await newSession();
    const cookie = await cookieFor(facilitator.user.id);
    const page = await callRoute(sessionRoute.loader, getRequest(`/sesi/${session.id}`, cookie), {
      sessionId: session.id,
    });
    expect((await page.json()).recording).toEqual({ available: false, running: false });
    const response = await callRoute(
      sessionRoute.action,
      formRequest(`/sesi/${session.id}`, { intent: "recording-start" }, cookie),
      { sessionId: session.id },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[""]).toEqual(["recording.notAvailable"]);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).egressId).toBeNull();
  });
});
