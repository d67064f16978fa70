// The room never dead-ends (issue 22, item 9): with LiveKit unreachable the room page answers
// fast, with the join token for the pre-join and the session's fallback; the facilitator sets the
// fallback on the session page (bad input: 400 next to the field, nothing written). And the
// WhatsApp number of a person's profile (item 8), normalised to E.164 or refused next to the field.
import { type AddressInfo, type Server, type Socket, createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { createPairing } from "~/modules/pairings/create.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as profileRoute from "~/routes/accounts/profile";
import * as roomRoute from "~/routes/sessions/room";
import * as sessionRoute from "~/routes/sessions/session";
import { startLiveKitStandIn } from "../fixtures/livekit";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let sessionId: string;
const cookies = {} as Record<"facilitator" | "participant", string>;
let participantId: string;
let liveKit: Awaited<ReturnType<typeof startLiveKitStandIn>>;
// a conference server that accepts connections and never answers (a firewall, a dead proxy)
let silent: Server;
let silentUrl: string;
const sockets: Socket[] = [];

function useLiveKit(url: string | undefined) {
  env.LIVEKIT_URL = url;
  env.LIVEKIT_API_KEY = url ? liveKit.config.apiKey : undefined;
  env.LIVEKIT_API_SECRET = url ? liveKit.config.apiSecret : undefined;
}

beforeAll(async () => {
  liveKit = await startLiveKitStandIn();
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  await ensureRegions();
  const facilitator = await createPerson({ role: "FACILITATOR" });
  const participant = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
  participantId = participant.id;
  cookies.facilitator = await cookieFor(facilitator.id);
  cookies.participant = await cookieFor(participant.id);
  const actor = await actorFor(facilitator.id);
  const pairingId = (
    await createPairing(actor, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "Ruang cadangan",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  const { sessions } = await createSessionSeries(actor, {
    pairingId,
    title: "Sesi cadangan",
    firstLocal: "2030-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 90,
    count: 1,
    intervalWeeks: 1,
  });
  sessionId = sessions[0].id;
  await prisma.sessionInvitee.create({ data: { sessionId, userId: participant.id } });
});

afterEach(() => useLiveKit(undefined));

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await liveKit?.close();
});

async function roomData(cookie: string) {
  const response = await callRoute(roomRoute.loader, getRequest(`/sesi/${sessionId}/ruang`, cookie), {
    sessionId,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    state: string;
    token?: string;
    fallback: { phone: string | null; url: string | null };
  };
}

const postFallback = (fields: Record<string, string>, cookie = cookies.facilitator) =>
  callRoute(
    sessionRoute.action,
    formRequest(`/sesi/${sessionId}`, { intent: "fallback", ...fields }, cookie),
    { sessionId },
  );

describe("the room page with the conference server unreachable", () => {
  it("answers within 2 s with the pre-join's token and the fallback, and is ready once LiveKit answers", async () => {
    await prisma.session.update({
      where: { id: sessionId },
      data: { fallbackPhone: "+6281234567890", fallbackUrl: "https://zoom.example/j/123" },
    });
    useLiveKit(silentUrl);
    const started = performance.now();
    const data = await roomData(cookies.participant);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(data.state).toBe("unreachable");
    expect(data.token).toMatch(/^eyJ/);
    expect(data.fallback).toMatchObject({ phone: "+6281234567890", url: "https://zoom.example/j/123" });

    // the retry finds the server back
    useLiveKit(liveKit.config.url);
    expect((await roomData(cookies.participant)).state).toBe("ready");
  });
});

describe("the session's fallback, set on the session page", () => {
  it("stores a number in E.164 and a link", async () => {
    const response = await postFallback({
      fallbackPhone: "0812-3456-7890",
      fallbackUrl: "https://meet.example/abc-defg",
    });
    expect(response.status).toBe(200);
    expect(
      await prisma.session.findUniqueOrThrow({
        where: { id: sessionId },
        select: { fallbackPhone: true, fallbackUrl: true },
      }),
    ).toEqual({ fallbackPhone: "+6281234567890", fallbackUrl: "https://meet.example/abc-defg" });
  });

  it("refuses a bad number or link with 400 next to the field, keeps the input and writes nothing", async () => {
    const before = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    for (const [fields, field, key] of [
      [{ fallbackPhone: "telepon kantor", fallbackUrl: "" }, "fallbackPhone", "errors.phoneNumber"],
      [{ fallbackPhone: "12", fallbackUrl: "" }, "fallbackPhone", "errors.phoneNumber"],
      [{ fallbackPhone: "", fallbackUrl: "javascript:alert(1)" }, "fallbackUrl", "errors.url"],
    ] as const) {
      const response = await postFallback(fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const body = (await response.json()) as {
        intent: string;
        result: { error: Record<string, string[]>; initialValue: Record<string, string> };
      };
      expect(body.intent).toBe("fallback");
      expect(body.result.error[field]).toEqual([key]);
      expect(body.result.initialValue[field]).toBe(fields[field]);
    }
    const after = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after.fallbackPhone).toBe(before.fallbackPhone);
    expect(after.fallbackUrl).toBe(before.fallbackUrl);
  });

  it("is not for an invitee to set", async () => {
    const response = await postFallback(
      { fallbackPhone: "0812-0000-0000", fallbackUrl: "" },
      cookies.participant,
    );
    expect(response.status).toBe(403);
  });
});

describe("a WhatsApp number on the profile", () => {
  const save = (whatsapp: string) =>
    callRoute(
      profileRoute.action,
      formRequest(
        "/profil",
        { intent: "profile", name: "Sri Peserta", locale: "id", timeZone: "", whatsapp },
        cookies.participant,
      ),
    );

  it("is stored in E.164 from the forms Indonesians write", async () => {
    expect((await save("+62 852-1111-2222")).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: participantId } })).whatsapp).toBe(
      "+6285211112222",
    );
  });

  it("refuses a number that is not one, next to the field, and keeps the one stored", async () => {
    const response = await save("0401 312 345");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.whatsapp).toEqual(["errors.whatsappNumber"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: participantId } })).whatsapp).toBe(
      "+6285211112222",
    );
  });

  it("is removed by emptying the field", async () => {
    expect((await save("")).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: participantId } })).whatsapp).toBeNull();
  });
});
