import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { prisma } from "~/db.server";
import { addParticipant, createPairing } from "~/models/pairing.server";
import { createSessionSeries, rotateCalendarToken } from "~/models/session.server";
import * as calendarRoute from "~/routes/kalender.$token";
import * as roomRoute from "~/routes/sesi.$sessionId_.ruang";
import * as sessionRoute from "~/routes/sesi.$sessionId";
import * as sessionIcsRoute from "~/routes/sesi.$sessionId_.kalender[.ics]";
import * as seriesRoute from "~/routes/pasangan.$pairingId_.sesi-baru";
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

  it("refuses the room to a participant who is not invited", async () => {
    const stranger = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
    const response = await callRoute(
      roomRoute.loader,
      getRequest(`/sesi/${sessionId}/ruang`, await cookieFor(stranger.id)),
      { sessionId },
    );
    expect([403, 404]).toContain(response.status);
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
