import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { rotateCalendarToken } from "~/modules/sessions/calendar-feed.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as calendarRoute from "~/routes/sessions/calendar-feed";
import * as profileRoute from "~/routes/accounts/profile";
import * as roomRoute from "~/routes/sessions/room";
import * as sessionRoute from "~/routes/sessions/session";
import * as sessionIcsRoute from "~/routes/sessions/calendar.ics";
import * as seriesRoute from "~/routes/pairings/new-session";
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
let pairingId: string;
let invited: { id: string };
let facilitatorId: string;

beforeAll(async () => {
  await ensureRegions();
  facilitatorId = (await createPerson({ role: "FACILITATOR" })).id;
  const facilitator = await actorFor(facilitatorId);
  invited = await createPerson({ role: "PARTICIPANT", regionCode: "35.72", email: "undangan@blitar.test" });
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
    name: "Peserta Blitar",
    email: "undangan@blitar.test",
    isLead: false,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 2,
    intervalWeeks: 1,
  });
  sessionId = sessions[0].id;
});

describe("session routes", () => {
  it("serves the session's calendar file at /sesi/:id.ics (through its resource route)", async () => {
    const cookie = await cookieFor(invited.id);
    const redirect = await callRoute(sessionRoute.loader, getRequest(`/sesi/${sessionId}.ics`, cookie), {
      sessionId: `${sessionId}.ics`,
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toBe(`/sesi/${sessionId}/kalender.ics`);
    const response = await callRoute(
      sessionIcsRoute.loader,
      getRequest(`/sesi/${sessionId}/kalender.ics`, cookie),
      { sessionId },
    );
    expect(response.headers.get("Content-Type")).toContain("text/calendar");
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent("vevent")!,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe("2020-01-27T01:00:00.000Z");
  });

  it("says clearly that no conference server is configured", async () => {
    const response = await callRoute(
      roomRoute.loader,
      getRequest(`/sesi/${sessionId}/ruang`, await cookieFor(invited.id)),
      { sessionId },
    );
    expect(await response.json()).toMatchObject({ state: "not-configured", role: "participant" });
  });

  describe("who may enter the room", () => {
    const room = async (userId: string) =>
      callRoute(roomRoute.loader, getRequest(`/sesi/${sessionId}/ruang`, await cookieFor(userId)), {
        sessionId,
      });
    const page = async (userId: string) =>
      callRoute(sessionRoute.loader, getRequest(`/sesi/${sessionId}`, await cookieFor(userId)), {
        sessionId,
      });

    it("lets an uninvited officer of the mentee's region, who sees the session, in as an observer", async () => {
      const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
      expect((await page(officer.id)).status).toBe(200);
      expect(await (await room(officer.id)).json()).toMatchObject({
        state: "not-configured",
        role: "observer",
      });
    });

    it("refuses (403) a person who sees the session through a region grant but may join only sessions they are invited to", async () => {
      // a participant who is also a viewer of Kota Blitar: session:read covers the region,
      // session:join only their own invitations, so the room loader finds no role for them
      const viewer = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
      await prisma.membership.create({ data: { userId: viewer.id, role: "VIEWER", regionCode: "35.72" } });
      expect((await page(viewer.id)).status).toBe(200);
      const response = await room(viewer.id);
      expect(response.status).toBe(403);
      // invited to it, the same person enters as a participant
      await prisma.sessionInvitee.create({ data: { sessionId, userId: viewer.id } });
      expect(await (await room(viewer.id)).json()).toMatchObject({ role: "participant" });
    });

    it("answers 404 to an uninvited participant, who cannot see the session at all", async () => {
      const stranger = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
      expect((await page(stranger.id)).status).toBe(404);
      expect((await room(stranger.id)).status).toBe(404);
    });

    it("refuses (403) a viewer, whose role may not join any session", async () => {
      const viewer = await createPerson({ role: "VIEWER", regionCode: "35.72" });
      expect((await page(viewer.id)).status).toBe(200);
      expect((await room(viewer.id)).status).toBe(403);
    });
  });

  it("serves a person's private feed and stops when the token is rotated", async () => {
    const token = await rotateCalendarToken(invited.id);
    const ok = await callRoute(calendarRoute.loader, getRequest(`/kalender/${token}.ics`), {
      token: `${token}.ics`,
    });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text.match(/BEGIN:VEVENT/g), text.slice(0, 400)).toHaveLength(2);
    await rotateCalendarToken(invited.id);
    const old = await callRoute(calendarRoute.loader, getRequest(`/kalender/${token}.ics`), {
      token: `${token}.ics`,
    });
    expect(old.status).toBe(404);
  });

  it("creates a series from the form, leaving out a removed date, and refuses an impossible date", async () => {
    const cookie = await cookieFor(facilitatorId);
    const fields = {
      title: "Seri",
      firstLocal: "2020-03-02T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: "90",
      count: "3",
      intervalWeeks: "1",
      agenda: "Paparan — Bappeda Kendari",
    };
    const body = new URLSearchParams(fields);
    body.append("skip", "2020-03-09");
    const request = new Request(`http://localhost/pasangan/${pairingId}/sesi-baru`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    });
    const created = await callRoute(seriesRoute.action, request, { pairingId });
    expect(created.status).toBe(302);
    const series = await prisma.session.findMany({
      where: { pairingId, title: { startsWith: "Seri " } },
      orderBy: { startsAt: "asc" },
      include: { agenda: true },
    });
    expect(series.map((s) => s.startsAt.toISOString().slice(0, 10))).toEqual([
      "2020-03-02",
      "2020-03-16",
      "2020-03-23",
    ]);
    expect(series[0].agenda[0]).toMatchObject({ title: "Paparan", presenter: "Bappeda Kendari" });

    const before = await prisma.session.count();
    const bad = await callRoute(
      seriesRoute.action,
      formRequest(`/pasangan/${pairingId}/sesi-baru`, { ...fields, firstLocal: "2020-02-30T09:00" }, cookie),
      { pairingId },
    );
    expect(bad.status).toBe(400);
    expect(await prisma.session.count()).toBe(before);
  });
});

describe("the private calendar feed on the profile page", () => {
  type Profile = { calendarFeed: { https: string; webcal: string } | null };
  const feedOf = async (cookie: string) =>
    ((await (await callRoute(profileRoute.loader, getRequest("/profil", cookie))).json()) as Profile)
      .calendarFeed;
  const press = (intent: string, cookie: string) =>
    callRoute(profileRoute.action, formRequest("/profil", { intent }, cookie));
  const fetchFeed = (url: string) => {
    const token = url.split("/kalender/")[1];
    return callRoute(calendarRoute.loader, getRequest(`/kalender/${token}`), { token });
  };

  it("starts empty, is created from the profile page, renewed (the old address 404s) and turned off", async () => {
    const person = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
    await prisma.sessionInvitee.create({ data: { sessionId, userId: person.id } });
    const cookie = await cookieFor(person.id);
    expect(await feedOf(cookie)).toBeNull();

    expect((await press("calendar-create", cookie)).status).toBe(200);
    const first = await feedOf(cookie);
    expect(first?.https).toMatch(/^https?:\/\/[^/]+\/kalender\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(first?.webcal).toBe(first!.https.replace(/^https?:/, "webcal:"));
    const served = await fetchFeed(first!.https);
    expect(served.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await served.text()));
    expect(calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e).summary)).toEqual([
      "Sesi 1 · L2T2",
    ]);
    // a second "create" keeps the address that already works
    await press("calendar-create", cookie);
    expect((await feedOf(cookie))?.https).toBe(first!.https);

    expect((await press("calendar-replace", cookie)).status).toBe(200);
    const second = await feedOf(cookie);
    expect(second?.https).not.toBe(first!.https);
    expect((await fetchFeed(first!.https)).status).toBe(404);
    expect((await fetchFeed(second!.https)).status).toBe(200);

    expect((await press("calendar-revoke", cookie)).status).toBe(200);
    expect(await feedOf(cookie)).toBeNull();
    expect((await fetchFeed(second!.https)).status).toBe(404);
    expect(
      (
        await prisma.activityLog.findMany({
          where: { subjectId: person.id, action: { startsWith: "calendar_feed." } },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => a.action),
    ).toEqual(["calendar_feed.created", "calendar_feed.replaced", "calendar_feed.revoked"]);
  });

  it("changes only the signed-in person's own address, and refuses an unknown intent", async () => {
    const other = await createPerson({ role: "PARTICIPANT" });
    const otherToken = await rotateCalendarToken(other.id);
    const cookie = await cookieFor(invited.id);
    await press("calendar-revoke", cookie);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).calendarToken).toBe(otherToken);
    expect((await press("calendar-everything", cookie)).status).toBe(400);
    expect(
      (await callRoute(profileRoute.action, formRequest("/profil", { intent: "calendar-create" }))).status,
    ).toBe(302);
  });
});
