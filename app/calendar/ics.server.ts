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

function addEvent(calendar: ReturnType<typeof ical>, session: CalendarSession, invitation?: Invitation) {
  const url = `${env.APP_URL}/sesi/${session.id}`;
  const agenda = (session.agenda ?? [])
    .map((item, i) => `${i + 1}. ${item.title}${item.presenter ? ` (${item.presenter})` : ""}`)
    .join("\n");
  const event = calendar.createEvent({
    id: `${session.uid}@lintas`,
    sequence: session.sequence,
    start: session.startsAt,
    end: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000),
    stamp: session.updatedAt,
    summary: session.pairing ? `${session.title} · ${session.pairing.topic}` : session.title,
    description: [agenda, `Ruang: ${url}/ruang`].filter(Boolean).join("\n\n"),
    url,
    location: `${url}/ruang`,
    status: session.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (invitation) {
    event.organizer(invitation.organizer);
    event.createAttendee({ ...invitation.attendee, rsvp: false });
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
    name: session.title,
    method: sessionIcsMethod(session),
  });
  addEvent(calendar, session, invitation);
  return calendar.toString();
}

export function feedIcs(name: string, sessions: CalendarSession[]) {
  const calendar = ical({
    prodId: { company: "Lintas", product: "lintas", language: "ID" },
    name: `Lintas · ${name}`,
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const session of sessions) addEvent(calendar, session);
  return calendar.toString();
}
