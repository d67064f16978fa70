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

function addEvent(calendar: ReturnType<typeof ical>, session: CalendarSession) {
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
  if (session.status !== "CANCELLED") {
    event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 3600 });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 15 * 60 });
  }
}

export function sessionIcs(session: CalendarSession) {
  const calendar = ical({
    prodId: { company: "Lintas", product: "lintas", language: "ID" },
    name: session.title,
    method: session.status === "CANCELLED" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addEvent(calendar, session);
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
