// Invitations that arrive: scheduling sessions invites every invitee (in the app and by email,
// through the outbox), each in their own zone with the zone named, with the calendar file
// attached; adding someone later invites only them; a form submitted twice invites nobody twice.
// Every calendar file is parsed back with ical.js and checked against the rules of RFC 5545 and
// RFC 5546 (iTIP) for its METHOD: REQUEST, CANCEL, PUBLISH.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { inviteToSession } from "~/modules/sessions/session-agenda.server";
import { rotateCalendarToken } from "~/modules/sessions/calendar-feed.server";
import { cancelSession, moveSession } from "~/modules/sessions/reschedule.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as feedRoute from "~/routes/sessions/calendar-feed";
import * as seriesRoute from "~/routes/pairings/new-session";
import * as sessionIcsRoute from "~/routes/sessions/calendar.ics";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

type Person = { id: string; name: string; email: string };
let facilitator: Person;
let kendari: Person; // mentor side, Kota Kendari, WITA
let blitar: Person; // mentee side, Kota Blitar, WIB
let pairingId: string;

beforeAll(async () => {
  await ensureRegions();
  facilitator = await createPerson({ role: "FACILITATOR", name: "Rina Fasilitator" });
  kendari = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Andi Kendari" });
  blitar = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72", name: "Dewi Blitar" });
  const actor = await actorFor(facilitator.id);
  pairingId = (
    await createPairing(actor, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  for (const [side, person] of [
    ["MENTOR", kendari],
    ["MENTEE", blitar],
  ] as const)
    await addParticipant(actor, pairingId, { side, name: person.name, email: person.email, isLead: true });
});

/** What RFC 5546 asks of each METHOD, checked on every VEVENT; returns the parsed events. */
function expectItip(text: string, method: "REQUEST" | "CANCEL" | "PUBLISH") {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
  expect(calendar.getFirstPropertyValue("method")).toBe(method);
  const vevents = calendar.getAllSubcomponents("vevent");
  expect(vevents.length).toBeGreaterThan(0);
  return vevents.map((vevent) => {
    for (const name of ["uid", "dtstamp", "dtstart", "sequence", "organizer"])
      expect(vevent.getAllProperties(name), `${method} ${name}`).toHaveLength(1);
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(organizer.getParameter("cn")).toBeTruthy();
    expect(String(organizer.getFirstValue())).toMatch(/^mailto:[^@\s]+@[^@\s]+$/i);
    const attendees = vevent.getAllProperties("attendee").map((a) => ({
      cn: a.getParameter("cn"),
      role: a.getParameter("role"),
      partstat: a.getParameter("partstat"),
      rsvp: a.getParameter("rsvp"),
      email: String(a.getFirstValue()).replace(/^mailto:/i, ""),
    }));
    if (method === "PUBLISH") expect(attendees).toEqual([]);
    else {
      expect(attendees.length).toBeGreaterThan(0);
      for (const attendee of attendees) {
        expect(attendee.cn).toBeTruthy();
        expect(attendee).toMatchObject({ role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION" });
        expect(attendee.rsvp).toBe(method === "REQUEST" ? "TRUE" : "FALSE");
      }
    }
    const status = vevent.getFirstPropertyValue("status");
    if (method === "CANCEL") expect(status).toBe("CANCELLED");
    else if (method === "REQUEST") expect(status).not.toBe("CANCELLED");
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      organizer: { cn: organizer.getParameter("cn"), value: String(organizer.getFirstValue()) },
      attendees: attendees.map((a) => [a.cn, a.email]),
    };
  });
}

const SERIES = {
  title: "Sesi L2T2",
  // Monday 8 January 2035, 09.00 in Kendari, 08.00 in Blitar; every week, six times
  firstLocal: "2035-01-08T09:00",
  timeZone: "Asia/Makassar",
  durationMinutes: "90",
  count: "6",
  intervalWeeks: "1",
  agenda: "Paparan — Bappeda Kendari",
};

const DATES = ["8 Januari", "15 Januari", "22 Januari", "29 Januari", "5 Februari", "12 Februari"];

async function sentTo(person: Person) {
  const [mails, notifications] = await Promise.all([
    prisma.outboxMessage.findMany({ where: { to: person.email }, orderBy: { createdAt: "asc" } }),
    prisma.notification.findMany({ where: { userId: person.id }, orderBy: { createdAt: "asc" } }),
  ]);
  return { mails, notifications };
}

describe("scheduling a series invites each invitee once, in their own zone", () => {
  it("a six-session series for Kendari → Blitar: one email (one REQUEST file, six events) and one notification each; a resubmit adds nothing", async () => {
    const cookie = await cookieFor(facilitator.id);
    const submit = () =>
      callRoute(seriesRoute.action, formRequest(`/pasangan/${pairingId}/sesi-baru`, SERIES, cookie), {
        pairingId,
      });
    expect((await submit()).status).toBe(302);
    const sessions = await prisma.session.findMany({
      where: { pairingId, title: { startsWith: "Sesi L2T2 " } },
      orderBy: { startsAt: "asc" },
    });
    expect(sessions).toHaveLength(6);

    const local = { [kendari.id]: "09.00 WITA", [blitar.id]: "08.00 WIB" };
    for (const person of [kendari, blitar]) {
      const { mails, notifications } = await sentTo(person);
      expect(mails.map((m) => [m.subject, m.icalMethod])).toEqual([
        ["Undangan: Sesi L2T2 (6 sesi)", "REQUEST"],
      ]);
      // every session listed on the person's own clock, the zone named, with its page
      const text = mails[0].text;
      DATES.forEach((date, i) => {
        expect(text).toContain(`Senin, ${date} 2035 ${local[person.id]}: Sesi L2T2 ${i + 1}`);
        expect(text).toContain(`/sesi/${sessions[i].id}`);
      });
      expect(text).not.toContain(person.id === kendari.id ? "WIB" : "WITA");
      expect(notifications.map((n) => [n.kind, n.title, n.link])).toEqual([
        [
          "session-change-invited",
          `Diundang: Sesi L2T2, 6 sesi mulai Senin, 8 Januari 2035 ${local[person.id]}`,
          `/sesi/${sessions[0].id}`,
        ],
      ]);
      // one file, six events: the facilitator organises, both officers are asked
      const events = expectItip(mails[0].icalEvent ?? "", "REQUEST");
      expect(events).toEqual(
        sessions.map((s) => ({
          uid: `${s.uid}@lintas`,
          sequence: 0,
          start: s.startsAt.toISOString(),
          organizer: { cn: "Rina Fasilitator", value: `mailto:${facilitator.email}` },
          attendees: [
            ["Andi Kendari", kendari.email],
            ["Dewi Blitar", blitar.email],
          ],
        })),
      );
    }
    expect(sessions[0].startsAt.toISOString()).toBe("2035-01-08T01:00:00.000Z");
    // the facilitator scheduled it: nothing for her
    expect(await sentTo(facilitator)).toEqual({ mails: [], notifications: [] });

    // the same form again (a double click, the browser resending): no new series, no new invitation
    expect((await submit()).status).toBe(302);
    expect(await prisma.session.count({ where: { pairingId, title: { startsWith: "Sesi L2T2 " } } })).toBe(6);
    for (const person of [kendari, blitar]) {
      const { mails, notifications } = await sentTo(person);
      expect([mails.length, notifications.length]).toEqual([1, 1]);
    }
  });

  it("adding an invitee later invites that person only", async () => {
    const session = await prisma.session.findFirstOrThrow({
      where: { pairingId, title: "Sesi L2T2 3" },
    });
    const before = { kendari: await sentTo(kendari), blitar: await sentTo(blitar) };
    const newcomer = await createPerson({ role: "PARTICIPANT", regionCode: "35.72", name: "Budi Baru" });
    expect(
      await inviteToSession(await actorFor(facilitator.id), session.id, { emails: [newcomer.email] }),
    ).toBe(1);
    expect(await sentTo(kendari)).toEqual(before.kendari);
    expect(await sentTo(blitar)).toEqual(before.blitar);
    const { mails, notifications } = await sentTo(newcomer);
    expect(mails.map((m) => [m.subject, m.icalMethod])).toEqual([["Undangan sesi: Sesi L2T2 3", "REQUEST"]]);
    expect(mails[0].text).toContain("Senin, 22 Januari 2035 08.00 WIB");
    expect(notifications.map((n) => n.title)).toEqual([
      "Diundang: Sesi L2T2 3, Senin, 22 Januari 2035 08.00 WIB",
    ]);
    const [event] = expectItip(mails[0].icalEvent ?? "", "REQUEST");
    expect(event.attendees).toEqual([
      ["Andi Kendari", kendari.email],
      ["Budi Baru", newcomer.email],
      ["Dewi Blitar", blitar.email],
    ]);
  });

  it("one session scheduled alone is one invitation, its date on each side of midnight right", async () => {
    const { sessions } = await createSessionSeries(await actorFor(facilitator.id), {
      pairingId,
      title: "Larut",
      // Tuesday 00.30 in Kendari is still Monday 23.30 in Blitar
      firstLocal: "2035-03-06T00:30",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const of = async (person: Person) =>
      (await sentTo(person)).mails.filter((m) => m.text.includes(`/sesi/${sessions[0].id}`));
    const [toKendari] = await of(kendari);
    const [toBlitar] = await of(blitar);
    expect([toKendari.subject, toBlitar.subject]).toEqual(["Undangan sesi: Larut", "Undangan sesi: Larut"]);
    expect(toKendari.text).toContain("Selasa, 6 Maret 2035 00.30 WITA");
    expect(toBlitar.text).toContain("Senin, 5 Maret 2035 23.30 WIB");
    expect(expectItip(toBlitar.icalEvent ?? "", "REQUEST")[0].start).toBe("2035-03-05T16:30:00.000Z");
  });

  it("a series recorded after the fact (all in the past) invites nobody", async () => {
    const before = (await sentTo(blitar)).mails.length;
    await createSessionSeries(await actorFor(facilitator.id), {
      pairingId,
      title: "Riwayat 2020",
      firstLocal: "2020-01-27T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 6,
      intervalWeeks: 1,
    });
    expect((await sentTo(blitar)).mails).toHaveLength(before);
  });
});

describe("each calendar file is a valid iTIP message for what it is", () => {
  it("a move is a REQUEST and a cancellation a CANCEL (same UID, higher SEQUENCE, the same people); the download and the feed are PUBLISH", async () => {
    const actor = await actorFor(facilitator.id);
    const { sessions } = await createSessionSeries(actor, {
      pairingId,
      title: "Berkas",
      firstLocal: "2035-04-02T09:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const session = sessions[0];
    const mailsAbout = async () =>
      (await sentTo(blitar)).mails.filter((m) => m.text.includes(`/sesi/${session.id}`));
    await moveSession(actor, session.id, {
      startLocal: "2035-04-03T10:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
    });
    await cancelSession(actor, session.id, "Banjir", null);
    const [invited, moved, cancelled] = await mailsAbout();
    expect([invited, moved, cancelled].map((m) => m.icalMethod)).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    const people = [
      ["Andi Kendari", kendari.email],
      ["Dewi Blitar", blitar.email],
    ];
    const organizer = { cn: "Rina Fasilitator", value: `mailto:${facilitator.email}` };
    const uid = `${session.uid}@lintas`;
    expect(expectItip(invited.icalEvent ?? "", "REQUEST")).toEqual([
      { uid, sequence: 0, start: "2035-04-02T01:00:00.000Z", organizer, attendees: people },
    ]);
    expect(expectItip(moved.icalEvent ?? "", "REQUEST")).toEqual([
      { uid, sequence: 1, start: "2035-04-03T02:00:00.000Z", organizer, attendees: people },
    ]);
    expect(expectItip(cancelled.icalEvent ?? "", "CANCEL")).toEqual([
      { uid, sequence: 2, start: "2035-04-03T02:00:00.000Z", organizer, attendees: people },
    ]);

    // the download from the session page: a copy, nobody asked to answer
    const download = await callRoute(
      sessionIcsRoute.loader,
      getRequest(`/sesi/${session.id}/kalender.ics`, await cookieFor(blitar.id)),
      { sessionId: session.id },
    );
    expect(download.status).toBe(200);
    expect(expectItip(await download.text(), "PUBLISH")).toEqual([
      { uid, sequence: 2, start: "2035-04-03T02:00:00.000Z", organizer, attendees: [] },
    ]);

    // the personal feed: every session of the person, each with its organizer, no attendees
    const token = await rotateCalendarToken(blitar.id);
    const feed = await callRoute(feedRoute.loader, getRequest(`/kalender/${token}.ics`), {
      token: `${token}.ics`,
    });
    const events = expectItip(await feed.text(), "PUBLISH");
    expect(events.length).toBe(await prisma.sessionInvitee.count({ where: { userId: blitar.id } }));
    expect(events.find((e) => e.uid === uid)).toMatchObject({ sequence: 2, organizer });
  });
});
