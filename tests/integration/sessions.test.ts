import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionIcs } from "~/calendar/ics.server";
import { prisma } from "~/db.server";
import { ensureRoom } from "~/livekit/rooms.server";
import { joinToken } from "~/livekit/token.server";
import { handleLiveKitWebhook } from "~/livekit/webhooks.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { inviteToSession } from "~/modules/sessions/session-agenda.server";
import { cancelSession, findConflicts, moveSession } from "~/modules/sessions/reschedule.server";
import { createSessionSeries, seriesStarts } from "~/modules/sessions/schedule.server";
import { formatTimeInZones } from "~/utils/dates";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";
import { signWebhook, startLiveKitStandIn, webhookBody } from "../fixtures/livekit";

let standIn: Awaited<ReturnType<typeof startLiveKitStandIn>>;
let facilitator: Awaited<ReturnType<typeof actorFor>>;
let blitarPerson: { id: string; name: string };
let pairingId: string;

beforeAll(async () => {
  standIn = await startLiveKitStandIn();
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  blitarPerson = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72", name: "Dewi Lestari" });
  pairingId = (
    await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  await addParticipant(facilitator, pairingId, {
    side: "MENTEE",
    name: "Dewi Lestari",
    email: (await prisma.user.findUniqueOrThrow({ where: { id: blitarPerson.id } })).email,
    isLead: true,
  });
});

afterAll(async () => {
  await standIn.close();
});

describe("series", () => {
  it("puts six weekly sessions from Monday 27 January 2020 09.00 WITA at 01.00 UTC, across the month end", () => {
    const starts = seriesStarts({
      firstLocal: "2020-01-27T09:00",
      timeZone: "Asia/Makassar",
      count: 6,
      intervalWeeks: 1,
    });
    expect(starts.map((d) => d.toISOString())).toEqual([
      "2020-01-27T01:00:00.000Z",
      "2020-02-03T01:00:00.000Z",
      "2020-02-10T01:00:00.000Z",
      "2020-02-17T01:00:00.000Z",
      "2020-02-24T01:00:00.000Z",
      "2020-03-02T01:00:00.000Z",
    ]);
    expect(formatTimeInZones(starts[0], ["Asia/Makassar", "Asia/Jakarta"], "id")).toBe(
      "09.00 WITA / 08.00 WIB",
    );
  });

  it("passes over removed dates and still makes the number asked for, every two weeks", () => {
    const starts = seriesStarts({
      firstLocal: "2020-01-27T09:00",
      timeZone: "Asia/Makassar",
      count: 3,
      intervalWeeks: 2,
      skipDates: ["2020-02-10"],
    });
    expect(starts.map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2020-01-27",
      "2020-02-24",
      "2020-03-09",
    ]);
  });

  it("creates the sessions with the participants invited, and warns of conflicts", async () => {
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Sesi",
      firstLocal: "2020-01-27T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 120,
      count: 6,
      intervalWeeks: 1,
      agenda: [{ title: "Paparan L2T2", presenter: "Bappeda Kota Kendari" }],
    });
    expect(sessions).toHaveLength(6);
    expect(await prisma.sessionInvitee.count({ where: { userId: blitarPerson.id } })).toBe(6);
    const conflicts = await findConflicts([blitarPerson.id], new Date("2020-01-27T02:00:00Z"), 60);
    expect(conflicts.map((c) => c.id)).toEqual([sessions[0].id]);
  });

  it("moves one session of a series without touching the others, raising its sequence", async () => {
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Geser",
      firstLocal: "2020-04-06T10:00",
      timeZone: "Asia/Jakarta",
      durationMinutes: 60,
      count: 3,
      intervalWeeks: 1,
    });
    await moveSession(facilitator, sessions[1].id, {
      startLocal: "2020-04-14T13:00",
      timeZone: "Asia/Jakarta",
      durationMinutes: 60,
    });
    const after = await prisma.session.findMany({
      where: { seriesId: sessions[0].seriesId },
      orderBy: { seriesIndex: "asc" },
    });
    expect(after.map((s) => [s.startsAt.toISOString(), s.sequence])).toEqual([
      ["2020-04-06T03:00:00.000Z", 0],
      ["2020-04-14T06:00:00.000Z", 1],
      ["2020-04-20T03:00:00.000Z", 0],
    ]);
  });

  it("cancels one session of a series without touching the others", async () => {
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Batal",
      firstLocal: "2020-07-06T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 90,
      count: 4,
      intervalWeeks: 2,
      agenda: [{ title: "Paparan", presenter: "Bappeda" }],
    });
    const snapshot = () =>
      prisma.session.findMany({
        where: { seriesId: sessions[0].seriesId },
        orderBy: { seriesIndex: "asc" },
        include: { agenda: true, invitees: { orderBy: { userId: "asc" } } },
      });
    const before = await snapshot();
    await cancelSession(facilitator, sessions[2].id, "Banjir", standIn.config);
    const after = await snapshot();
    expect(after[2]).toMatchObject({ status: "CANCELLED", cancelReason: "Banjir", sequence: 1 });
    const others = (rows: typeof before) => rows.filter((_, i) => i !== 2);
    expect(others(after)).toEqual(others(before));
    expect(others(after).map((s) => s.status)).toEqual(["SCHEDULED", "SCHEDULED", "SCHEDULED"]);
    // only the cancelled session's room is deleted
    const deleted = standIn.calls.filter((c) => c.method === "DeleteRoom").map((c) => c.body.room);
    expect(deleted).toContain(sessions[2].roomName);
    for (const i of [0, 1, 3]) expect(deleted).not.toContain(sessions[i].roomName);
  });
});

describe("invitees hear of a change", () => {
  it("a move and a cancellation each reach every other invitee in the app and by email, in their zone; the one who made it is not told", async () => {
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Kabar",
      firstLocal: "2020-08-03T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 2,
      intervalWeeks: 1,
    });
    const [first, second] = sessions;
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: blitarPerson.id } })).email;
    const sent = (sessionId: string) =>
      Promise.all([
        prisma.notification.findMany({
          where: { link: `/sesi/${sessionId}` },
          orderBy: { createdAt: "asc" },
        }),
        prisma.outboxMessage.findMany({
          where: { text: { contains: `/sesi/${sessionId}` } },
          orderBy: { createdAt: "asc" },
        }),
      ]);
    expect(await sent(first.id)).toEqual([[], []]);

    // 10.00 WITA is 09.00 WIB, Kota Blitar's clock
    await moveSession(facilitator, first.id, {
      startLocal: "2020-08-04T10:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
    });
    let [notifications, mails] = await sent(first.id);
    expect(notifications.map((n) => [n.userId, n.kind, n.title])).toEqual([
      [
        blitarPerson.id,
        "session-change-moved",
        "Dipindahkan: Kabar 1, sekarang Selasa, 4 Agustus 2020 09.00 WIB",
      ],
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: email, subject: "Jadwal berubah: Kabar 1", status: "PENDING" });
    expect(mails[0].text).toContain("Selasa, 4 Agustus 2020 09.00 WIB");
    expect(mails[0].text).toContain(`/sesi/${first.id}/kalender.ics`);

    await cancelSession(facilitator, first.id, "Banjir di Blitar", standIn.config);
    [notifications, mails] = await sent(first.id);
    expect(notifications.map((n) => [n.userId, n.kind])).toEqual([
      [blitarPerson.id, "session-change-moved"],
      [blitarPerson.id, "session-change-cancelled"],
    ]);
    expect(notifications[1].title).toBe(
      "Dibatalkan: Kabar 1 (Selasa, 4 Agustus 2020 09.00 WIB). Alasan: Banjir di Blitar",
    );
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [email, "Jadwal berubah: Kabar 1"],
      [email, "Dibatalkan: Kabar 1"],
    ]);
    expect(mails[1].text).toContain("Alasan: Banjir di Blitar");
    // each email carries the session's calendar file: same UID, a higher SEQUENCE, REQUEST then CANCEL
    const { uid } = await prisma.session.findUniqueOrThrow({ where: { id: first.id } });
    const attached = mails.map((mail) => {
      const calendar = new ICAL.Component(ICAL.parse(mail.icalEvent ?? ""));
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      return {
        stored: mail.icalMethod,
        method: calendar.getFirstPropertyValue("method"),
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        attendee: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, "")),
      };
    });
    expect(attached).toEqual([
      {
        stored: "REQUEST",
        method: "REQUEST",
        uid: `${uid}@lintas`,
        sequence: 1,
        start: "2020-08-04T02:00:00.000Z",
        attendee: [email],
      },
      {
        stored: "CANCEL",
        method: "CANCEL",
        uid: `${uid}@lintas`,
        sequence: 2,
        start: "2020-08-04T02:00:00.000Z",
        attendee: [email],
      },
    ]);
    // the other session of the series, and the facilitator who made the changes, hear nothing
    expect(await sent(second.id)).toEqual([[], []]);
    expect(await prisma.notification.count({ where: { userId: facilitator.user.id } })).toBe(0);
  });

  it("someone newly invited gets an invitation with the calendar file (REQUEST); those already invited hear nothing", async () => {
    const newcomer = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: newcomer.id } });
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Undangan",
      firstLocal: "2020-10-05T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessions[0].id } });
    const mailsOf = () =>
      prisma.outboxMessage.findMany({ where: { text: { contains: `/sesi/${session.id}` } } });
    expect(await inviteToSession(facilitator, session.id, { emails: [email] })).toBe(1);
    const mails = await mailsOf();
    expect(mails.map((m) => [m.to, m.subject, m.icalMethod])).toEqual([
      [email, "Undangan sesi: Undangan", "REQUEST"],
    ]);
    expect(mails[0].text).toContain("Senin, 5 Oktober 2020 08.00 WIB");
    const calendar = new ICAL.Component(ICAL.parse(mails[0].icalEvent ?? ""));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect([calendar.getFirstPropertyValue("method"), event.uid, event.sequence]).toEqual([
      "REQUEST",
      `${session.uid}@lintas`,
      session.sequence,
    ]);
    expect(
      await prisma.notification.count({ where: { userId: newcomer.id, link: `/sesi/${session.id}` } }),
    ).toBe(1);
    // inviting the same person again adds no one and sends nothing
    await inviteToSession(facilitator, session.id, { emails: [email] });
    expect(await mailsOf()).toHaveLength(1);
  });

  it("speaks each invitee's language", async () => {
    const english = await createPerson({ role: "PARTICIPANT", regionCode: "74.71" });
    await prisma.user.update({ where: { id: english.id }, data: { locale: "en" } });
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Language",
      firstLocal: "2020-09-07T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    await prisma.sessionInvitee.create({ data: { sessionId: sessions[0].id, userId: english.id } });
    await cancelSession(facilitator, sessions[0].id, "Holiday", standIn.config);
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: english.email } });
    expect(mail.subject).toBe("Cancelled: Language");
    expect(mail.text).toContain("Monday, 7 September 2020 09:00 WITA");
    expect(mail.text).toContain("Reason: Holiday");
  });
});

describe("calendar files", () => {
  it("the download parses back with a real iCalendar parser to what was scheduled (PUBLISH); a cancellation keeps the UID", async () => {
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Kalender",
      firstLocal: "2020-05-04T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 90,
      count: 1,
      intervalWeeks: 1,
    });
    const session = await prisma.session.findUniqueOrThrow({
      where: { id: sessions[0].id },
      include: { pairing: true, agenda: true },
    });
    const parsed = new ICAL.Component(ICAL.parse(sessionIcs(session)));
    const event = new ICAL.Event(parsed.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe("2020-05-04T01:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2020-05-04T02:30:00.000Z");
    expect(event.uid).toBe(`${session.uid}@lintas`);
    // a download asks nobody to answer: PUBLISH (the emailed invitations are REQUEST and CANCEL)
    expect(parsed.getFirstPropertyValue("method")).toBe("PUBLISH");

    await cancelSession(facilitator, session.id, "Libur", standIn.config);
    const cancelled = await prisma.session.findUniqueOrThrow({
      where: { id: session.id },
      include: { pairing: true, agenda: true },
    });
    const parsedCancel = new ICAL.Component(ICAL.parse(sessionIcs(cancelled)));
    const cancelledEvent = new ICAL.Event(parsedCancel.getFirstSubcomponent("vevent")!);
    expect(parsedCancel.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cancelledEvent.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelledEvent.uid).toBe(event.uid);
    expect(cancelledEvent.sequence).toBe(1);
    expect(standIn.calls.some((c) => c.method === "DeleteRoom" && c.body.room === session.roomName)).toBe(
      true,
    );
  });
});

describe("LiveKit rooms and tokens", () => {
  it("creates the room through the real SDK with the session in its metadata", async () => {
    await ensureRoom(standIn.config, "lintas-room-a", "session-a");
    const call = standIn.calls.find((c) => c.method === "CreateRoom" && c.body.name === "lintas-room-a");
    expect(call?.body.metadata).toBe(JSON.stringify({ sessionId: "session-a" }));
    expect(call?.body.emptyTimeout).toBe(1800);
  });

  it("gives observers a subscribe-only token and moderators room admin", async () => {
    const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());
    const observer = decode(
      await joinToken(standIn.config, {
        roomName: "r",
        identity: "u1",
        name: "Dewi (Kota Blitar)",
        role: "observer",
      }),
    );
    const moderator = decode(
      await joinToken(standIn.config, { roomName: "r", identity: "u2", name: "Rina", role: "moderator" }),
    );
    expect(observer.video).toMatchObject({
      room: "r",
      roomJoin: true,
      canPublish: false,
      canSubscribe: true,
    });
    expect(moderator.video).toMatchObject({ roomAdmin: true, canPublish: true });
    expect(observer.sub).toBe("u1");
    expect(observer.exp - observer.nbf).toBeLessThanOrEqual(15 * 60);
  });
});

describe("webhooks", () => {
  async function sessionRoom() {
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Webhook",
      firstLocal: "2020-06-01T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    return sessions[0];
  }

  it("records attendance from signed events, once per event, and the session goes live then ends", async () => {
    const session = await sessionRoom();
    const now = Math.floor(Date.now() / 1000);
    const joined = webhookBody(
      "participant_joined",
      session.roomName,
      { participant: { identity: blitarPerson.id, name: "Dewi Lestari (Kota Blitar)" } },
      now - 60,
    );
    expect(
      await handleLiveKitWebhook(standIn.config, joined, await signWebhook(standIn.config, joined)),
    ).toEqual({ status: 200, outcome: "applied" });
    expect(
      await handleLiveKitWebhook(standIn.config, joined, await signWebhook(standIn.config, joined)),
    ).toEqual({ status: 200, outcome: "duplicate" });
    const left = webhookBody(
      "participant_left",
      session.roomName,
      { participant: { identity: blitarPerson.id } },
      now,
    );
    await handleLiveKitWebhook(standIn.config, left, await signWebhook(standIn.config, left));
    const finished = webhookBody("room_finished", session.roomName, {}, now);
    await handleLiveKitWebhook(standIn.config, finished, await signWebhook(standIn.config, finished));

    const rows = await prisma.attendance.findMany({ where: { sessionId: session.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: blitarPerson.id,
      regionCode: "35.72",
      name: "Dewi Lestari (Kota Blitar)",
    });
    expect(rows[0].leftAt!.getTime() - rows[0].joinedAt.getTime()).toBe(60_000);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("HELD");
  });

  it.each([
    [
      "a tampered body",
      async (body: string) => ({
        body: body.replace("participant_joined", "participant_left"),
        auth: await signWebhook(standIn.config, body),
      }),
    ],
    [
      "a wrong key",
      async (body: string) => ({
        body,
        auth: await signWebhook({ apiKey: "devkey", apiSecret: "another-secret-another-secret-xx" }, body),
      }),
    ],
    ["no header", async (body: string) => ({ body, auth: null })],
  ])("refuses %s with 401 and writes nothing", async (_label, forge) => {
    const session = await sessionRoom();
    const body = webhookBody("participant_joined", session.roomName, {
      participant: { identity: "x", name: "x" },
    });
    const { body: sent, auth } = await forge(body);
    expect(await handleLiveKitWebhook(standIn.config, sent, auth)).toEqual({
      status: 401,
      reason: "bad-signature",
    });
    expect(await prisma.attendance.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("refuses a stale event and acknowledges one for an unknown room", async () => {
    const session = await sessionRoom();
    const stale = webhookBody(
      "participant_joined",
      session.roomName,
      { participant: { identity: "x" } },
      Math.floor(Date.now() / 1000) - 3600,
    );
    expect(
      await handleLiveKitWebhook(standIn.config, stale, await signWebhook(standIn.config, stale)),
    ).toEqual({ status: 401, reason: "stale" });
    const unknown = webhookBody("room_started", "not-our-room");
    expect(
      await handleLiveKitWebhook(standIn.config, unknown, await signWebhook(standIn.config, unknown)),
    ).toEqual({ status: 200, outcome: "unknown-room" });
  });
});
