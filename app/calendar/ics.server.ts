// iCalendar files with ical-generator: one per session and a private feed per person.
// A session keeps its UID; every change raises SEQUENCE. Which METHOD a file carries (RFC 5546):
// - emailed to invitees (an invitation, a move): REQUEST, with the ORGANIZER and every invitee as an ATTENDEE;
// - emailed when a session is cancelled: CANCEL, the same people, STATUS:CANCELLED, a higher SEQUENCE;
// - downloaded from the session page or read from the personal feed: PUBLISH (a copy, nobody is
//   asked to answer), with the ORGANIZER, which RFC 5546 §3.2.1 requires, and no ATTENDEE.
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { env } from "~/env.server";

/** A person as a calendar names them: CN and mailto. */
export type CalendarPerson = { name: string; email: string };

export type CalendarSession = {
  id: string;
  uid: string;
  sequence: number;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  status: string;
  updatedAt: Date;
  pairing?: { topic: string } | null;
  agenda?: { title: string; presenter: string | null }[];
  /** who scheduled it; Lintas itself (MAIL_FROM) organises sessions without one */
  organizer?: CalendarPerson | null;
};

/** A session as an emailed invitation, update or cancellation names it: RFC 5546 wants its ATTENDEEs. */
export type InvitedSession = CalendarSession & {
  /** its invitees (the organizer among them is left out: they organise, they are not asked) */
  attendees: CalendarPerson[];
};

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

// Every value that reaches a calendar goes through calendarText first. ical-generator 10.2 writes
// NAME and X-WR-CALNAME as given, so a title or person's name with a line break would end the
// property and start others (a fake VEVENT); its escaping elsewhere only knows CR and LF. C0/C1
// controls, DEL and the Unicode line/paragraph separators become one space.
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of calendar text. `param` also drops DQUOTE, which a parameter value (CN="…") cannot hold. */
export function calendarText(value: string, { param = false }: { param?: boolean } = {}) {
  const line = value.replace(CONTROL, " ").trim();
  return param ? line.replace(/"/g, "'") : line;
}

/** The address mail is sent from ("Lintas <noreply@…>" → "noreply@…"). */
function mailFromAddress() {
  return env.MAIL_FROM.match(/<([^<>]+)>/)?.[1]?.trim() ?? env.MAIL_FROM.trim();
}

/** The ORGANIZER: the person who scheduled the session, sent by Lintas on their behalf (SENT-BY). */
function organizerOf(session: CalendarSession) {
  const from = calendarText(mailFromAddress(), { param: true });
  if (!session.organizer) return { name: "Lintas", email: from };
  return {
    name: calendarText(session.organizer.name, { param: true }),
    email: calendarText(session.organizer.email, { param: true }),
    sentBy: from,
  };
}

function addEvent(
  calendar: ReturnType<typeof ical>,
  session: CalendarSession,
  method: CalendarMethod,
  attendees: CalendarPerson[] = [],
) {
  const url = calendarText(`${env.APP_URL}/sesi/${session.id}`);
  // each agenda line is cleaned on its own; the line breaks between them are ours (escaped as \n)
  const agenda = (session.agenda ?? [])
    .map((item, i) => calendarText(`${i + 1}. ${item.title}${item.presenter ? ` (${item.presenter})` : ""}`))
    .join("\n");
  const event = calendar.createEvent({
    id: calendarText(`${session.uid}@lintas`),
    sequence: session.sequence,
    start: session.startsAt,
    end: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000),
    stamp: session.updatedAt,
    summary: calendarText(session.pairing ? `${session.title} · ${session.pairing.topic}` : session.title),
    description: [agenda, `Ruang: ${url}/ruang`].filter(Boolean).join("\n\n"),
    url,
    location: `${url}/ruang`,
    status: session.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  event.organizer(organizerOf(session));
  if (method !== "PUBLISH")
    for (const attendee of attendees)
      event.createAttendee({
        name: calendarText(attendee.name, { param: true }),
        email: calendarText(attendee.email, { param: true }),
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        // a request asks for an answer, which the calendar app sends to the organizer's mailbox
        rsvp: method === "REQUEST",
      });
  if (session.status !== "CANCELLED") {
    event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 3600 });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 15 * 60 });
  }
}

function newCalendar(name: string, method: CalendarMethod) {
  return ical({
    prodId: { company: "Lintas", product: "lintas", language: "ID" },
    name: calendarText(name),
    method: ICalCalendarMethod[method],
  });
}

/** The session's file to download: a PUBLISH copy (a cancelled session says STATUS:CANCELLED). */
export function sessionIcs(session: CalendarSession) {
  const calendar = newCalendar(session.title, "PUBLISH");
  addEvent(calendar, session, "PUBLISH");
  return calendar.toString();
}

/**
 * The file emailed to invitees about one session or a whole series: REQUEST (add or update the
 * events), CANCEL once the sessions are cancelled. Every invitee but the organizer is an ATTENDEE;
 * with none left (the organizer alone is invited) nobody can be asked, and the file is a PUBLISH.
 */
export function invitationIcs(
  sessions: InvitedSession[],
  name = sessions[0]?.title ?? "Lintas",
): { method: CalendarMethod; content: string } {
  const attendeesOf = (session: InvitedSession) =>
    session.attendees.filter((a) => a.email.toLowerCase() !== session.organizer?.email.toLowerCase());
  const method: CalendarMethod = sessions.some((s) => attendeesOf(s).length === 0)
    ? "PUBLISH"
    : sessions.every((s) => s.status === "CANCELLED")
      ? "CANCEL"
      : "REQUEST";
  const calendar = newCalendar(name, method);
  for (const session of sessions) addEvent(calendar, session, method, attendeesOf(session));
  return { method, content: calendar.toString() };
}

export function feedIcs(name: string, sessions: CalendarSession[]) {
  const calendar = ical({
    prodId: { company: "Lintas", product: "lintas", language: "ID" },
    name: calendarText(`Lintas · ${name}`),
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const session of sessions) addEvent(calendar, session, "PUBLISH");
  return calendar.toString();
}
