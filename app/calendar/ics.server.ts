// iCalendar files with ical-generator: one per session and a private feed per person.
// A session keeps its UID; every change raises SEQUENCE; a cancelled session is METHOD:CANCEL.
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { env } from "~/env.server";

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
};

/** Who an emailed invitation is from and to: RFC 5546 wants ORGANIZER and ATTENDEE on a REQUEST or CANCEL. */
export type Invitation = { organizer: string; attendee: { name: string; email: string } };

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

function addEvent(calendar: ReturnType<typeof ical>, session: CalendarSession, invitation?: Invitation) {
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
  if (invitation) {
    event.organizer(calendarText(invitation.organizer, { param: true }));
    event.createAttendee({
      name: calendarText(invitation.attendee.name, { param: true }),
      email: calendarText(invitation.attendee.email, { param: true }),
      rsvp: false,
    });
  }
  if (session.status !== "CANCELLED") {
    event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 3600 });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 15 * 60 });
  }
}

/** A session's file is a REQUEST (add or update it) until it is cancelled, then a CANCEL. */
export function sessionIcsMethod(session: Pick<CalendarSession, "status">) {
  return session.status === "CANCELLED" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
}

export function sessionIcs(session: CalendarSession, invitation?: Invitation) {
  const calendar = ical({
    prodId: { company: "Lintas", product: "lintas", language: "ID" },
    name: calendarText(session.title),
    method: sessionIcsMethod(session),
  });
  addEvent(calendar, session, invitation);
  return calendar.toString();
}

export function feedIcs(name: string, sessions: CalendarSession[]) {
  const calendar = ical({
    prodId: { company: "Lintas", product: "lintas", language: "ID" },
    name: calendarText(`Lintas · ${name}`),
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const session of sessions) addEvent(calendar, session);
  return calendar.toString();
}
