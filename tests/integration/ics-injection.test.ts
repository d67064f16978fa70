// Calendar files with hostile names: a session title, pairing topic, agenda item or person's name
// (an invitee's, or the organizer's) holding line breaks (CR, LF, CRLF, U+2028) or other control characters must not add a property
// or a component to the per-session file, the personal feed or the file attached to an email.
// Each file is parsed back with ical.js and compared to exactly what Lintas writes, and its raw
// text is checked line by line.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { calendarText } from "~/calendar/ics.server";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { inviteToSession } from "~/modules/sessions/session-agenda.server";
import { rotateCalendarToken } from "~/modules/sessions/calendar-feed.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as feedRoute from "~/routes/sessions/calendar-feed";
import * as sessionIcsRoute from "~/routes/sessions/calendar.ics";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

const INJECTED = "\r\nX-ICS: injected\r\nBEGIN:VEVENT\r\nUID:palsu\r\nSUMMARY:Palsu\r\nEND:VEVENT\r\nX-END:1";
const TITLE = `Rapat${INJECTED}\n\rX-LF: 1\u2028X-LS: 1\u0001\u000b\u001b\u0085 "kutip"; koma, \\ garis`;
const TOPIC = "Topik\nX-TOPIC: 1\rX-CR: 1";
const AGENDA_TITLE = "Paparan\r\nX-AGENDA: 1";
const PRESENTER = "Bappeda\nEND:VCALENDAR";
const PERSON = `Budi${INJECTED}" ;ROLE=CHAIR:mailto:palsu@contoh.test\r\nX-NAME: 1`;
const ORGANIZER = `Rina\r\nATTENDEE:mailto:palsu@contoh.test\n" ;SENT-BY="mailto:palsu@contoh.test`;

let sessionId: string;
let person: { id: string; email: string };
let organizer: { id: string; email: string };

beforeAll(async () => {
  await ensureRegions();
  organizer = await createPerson({ role: "FACILITATOR", name: ORGANIZER });
  const facilitator = await actorFor(organizer.id);
  person = await createPerson({ role: "PARTICIPANT", regionCode: "35.72", name: PERSON });
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    method: "PRIVATE_TELECONFERENCE",
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId: pairing.id,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 60,
    count: 1,
    intervalWeeks: 1,
  });
  sessionId = sessions[0].id;
  // stored as a legacy row or a form that let them through would have stored them
  await prisma.pairing.update({ where: { id: pairing.id }, data: { topic: TOPIC } });
  await prisma.session.update({ where: { id: sessionId }, data: { title: TITLE } });
  await prisma.agendaItem.create({
    data: { sessionId, position: 0, title: AGENDA_TITLE, presenter: PRESENTER },
  });
  await inviteToSession(facilitator, sessionId, { emails: [person.email] });
});

// What a reader sees once the control characters are gone: each run of them is one space.
const CLEAN_TITLE =
  'Rapat X-ICS: injected BEGIN:VEVENT UID:palsu SUMMARY:Palsu END:VEVENT X-END:1 X-LF: 1 X-LS: 1  "kutip"; koma, \\ garis';
const CLEAN_SUMMARY = `${CLEAN_TITLE} · Topik X-TOPIC: 1 X-CR: 1`;
const CLEAN_PERSON =
  'Budi X-ICS: injected BEGIN:VEVENT UID:palsu SUMMARY:Palsu END:VEVENT X-END:1" ;ROLE=CHAIR:mailto:palsu@contoh.test X-NAME: 1';
/** in a parameter (CN="…") a double quote would end the value early */
const CLEAN_PERSON_CN = CLEAN_PERSON.replace('"', "'");
const CLEAN_ORGANIZER_CN = `Rina ATTENDEE:mailto:palsu@contoh.test ' ;SENT-BY='mailto:palsu@contoh.test`;

const ALARM = { name: "valarm", properties: ["action", "trigger", "description"], components: [] };
const EVENT = ["uid", "sequence", "dtstamp", "dtstart", "dtend", "summary", "location", "description"];

/** Every component and property, by name, in order: nothing more may appear. */
function shape(component: ICAL.Component): { name: string; properties: string[]; components: unknown[] } {
  return {
    name: component.name,
    properties: component.getAllProperties().map((p) => p.name),
    components: component.getAllSubcomponents().map(shape),
  };
}

/** The raw text: CRLF line ends only, and each line a property Lintas writes or a folded continuation. */
function expectOnlyKnownLines(text: string, extra: string[]) {
  const names = [
    ...["VERSION", "PRODID", "METHOD", "NAME", "X-WR-CALNAME", ...EVENT, "URL", "STATUS"],
    ...["ACTION", "TRIGGER"],
    ...extra,
  ].map((n) => n.toUpperCase());
  const lines = text.split("\r\n");
  for (const line of lines) {
    expect(line, JSON.stringify(line)).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    if (line.startsWith(" ") || /^(BEGIN|END):V(CALENDAR|EVENT|ALARM)$/.test(line)) continue;
    expect(names, JSON.stringify(line)).toContain(line.match(/^[A-Z-]+(?=[;:])/)?.[0]);
  }
  expect(lines.filter((l) => /^(BEGIN|END):/.test(l))).toEqual([
    "BEGIN:VCALENDAR",
    "BEGIN:VEVENT",
    ...["BEGIN:VALARM", "END:VALARM", "BEGIN:VALARM", "END:VALARM"],
    "END:VEVENT",
    "END:VCALENDAR",
  ]);
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

function expectEvent(vevent: ICAL.Component, event: ICAL.Event) {
  // the hostile organizer is one ORGANIZER property: their name, their address, sent by Lintas
  const org = vevent.getFirstProperty("organizer")!;
  expect({
    cn: org.getParameter("cn"),
    sentBy: org.getParameter("sent-by"),
    value: org.getFirstValue(),
  }).toEqual({
    cn: CLEAN_ORGANIZER_CN,
    sentBy: "mailto:noreply@lintas.local",
    value: `mailto:${organizer.email}`,
  });
  expect(event.summary).toBe(CLEAN_SUMMARY);
  expect(event.description).toBe(
    `1. Paparan X-AGENDA: 1 (Bappeda END:VCALENDAR)\n\nRuang: http://localhost:3000/sesi/${sessionId}/ruang`,
  );
  expect(event.location).toBe(`http://localhost:3000/sesi/${sessionId}/ruang`);
  expect(vevent.getFirstPropertyValue("url")).toBe(`http://localhost:3000/sesi/${sessionId}`);
  expect(vevent.getAllSubcomponents("valarm").map((a) => a.getFirstPropertyValue("description"))).toEqual([
    CLEAN_SUMMARY,
    CLEAN_SUMMARY,
  ]);
}

describe("calendar files with hostile names", () => {
  it("the per-session file holds one event and only the properties Lintas writes", async () => {
    const cookie = await cookieFor(person.id);
    const response = await callRoute(
      sessionIcsRoute.loader,
      getRequest(`/sesi/${sessionId}/kalender.ics`, cookie),
      { sessionId },
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expectOnlyKnownLines(text, ["ORGANIZER"]);
    const { calendar, vevent, event } = parse(text);
    expect(shape(calendar)).toEqual({
      name: "vcalendar",
      properties: ["version", "prodid", "method", "name", "x-wr-calname"],
      components: [
        { name: "vevent", properties: [...EVENT, "organizer", "url", "status"], components: [ALARM, ALARM] },
      ],
    });
    expect(calendar.getFirstPropertyValue("name")).toBe(CLEAN_TITLE);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(CLEAN_TITLE);
    expectEvent(vevent, event);
  });

  it("the personal feed, named after a hostile person's name, holds their one session and nothing else", async () => {
    const token = await rotateCalendarToken(person.id);
    const response = await callRoute(feedRoute.loader, getRequest(`/kalender/${token}.ics`), {
      token: `${token}.ics`,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expectOnlyKnownLines(text, ["ORGANIZER", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"]);
    const { calendar, vevent, event } = parse(text);
    expect(shape(calendar)).toEqual({
      name: "vcalendar",
      properties: [
        "version",
        "prodid",
        "method",
        "name",
        "x-wr-calname",
        "refresh-interval",
        "x-published-ttl",
      ],
      components: [
        { name: "vevent", properties: [...EVENT, "organizer", "url", "status"], components: [ALARM, ALARM] },
      ],
    });
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(`Lintas · ${CLEAN_PERSON}`);
    expect(calendar.getFirstPropertyValue("name")).toBe(`Lintas · ${CLEAN_PERSON}`);
    expectEvent(vevent, event);
  });

  it("the invitation email's file names the hostile attendee inside one ATTENDEE property", async () => {
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: person.email } });
    const text = mail.icalEvent ?? "";
    expectOnlyKnownLines(text, ["ORGANIZER", "ATTENDEE"]);
    const { calendar, vevent, event } = parse(text);
    expect(shape(calendar)).toEqual({
      name: "vcalendar",
      properties: ["version", "prodid", "method", "name", "x-wr-calname"],
      components: [
        {
          name: "vevent",
          properties: [...EVENT, "organizer", "attendee", "url", "status"],
          components: [ALARM, ALARM],
        },
      ],
    });
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(CLEAN_TITLE);
    expectEvent(vevent, event);
    const attendee = vevent.getFirstProperty("attendee")!;
    expect({
      cn: attendee.getParameter("cn"),
      role: attendee.getParameter("role"),
      partstat: attendee.getParameter("partstat"),
      rsvp: attendee.getParameter("rsvp"),
      value: attendee.getFirstValue(),
    }).toEqual({
      cn: CLEAN_PERSON_CN,
      role: "REQ-PARTICIPANT",
      partstat: "NEEDS-ACTION",
      rsvp: "TRUE",
      value: `MAILTO:${person.email}`,
    });
  });
});

describe("calendarText", () => {
  it("turns every run of control characters and line separators into one space", () => {
    expect(calendarText("a\u0000b\r\n\r\nc\td\u2028e\u0085f\u007fg")).toBe("a b c d e f g");
    expect(calendarText(' "Ketua" ', { param: true })).toBe("'Ketua'");
  });
});
