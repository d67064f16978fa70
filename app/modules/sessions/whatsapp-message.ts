// Messages written for WhatsApp, the channel the regions already agree times in: the title in
// bold, the date and time on each region's clock with its zone named (a session near midnight
// falls on different days in WIT and WIB, so each clock carries its own date), then the links.
// Pure: the same text goes into a "Bagikan ke WhatsApp" link (wa.me) in the browser and into
// messages the WhatsApp Business Cloud API sends (docs/decisions/0058). Used by the session and
// pairing pages, the reminders, and the time poll.
import { formatInstant } from "~/utils/dates";

/** A translation function (i18next's t, or fixedT on the server). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A clock to show: a region's name and its IANA zone. */
export type Clock = { label: string; timeZone: string };

export type SessionLinks = {
  /** the room page (/sesi/:id/ruang) */
  join?: string;
  /** the session's calendar file (/sesi/:id/kalender.ics) */
  calendar?: string;
  /** a time poll (/pasangan/:id/pilih-waktu) */
  poll?: string;
};

export type MessageSession = {
  title: string;
  startsAt: Date | string;
  durationMinutes: number;
  links?: SessionLinks;
};

/** One line of text: a name cannot add lines or WhatsApp formatting to the message. */
function line(text: string) {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/[*_~`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** One line per clock, named by its region (two regions on one zone still get a line each). */
function clockLines(startsAt: Date | string, clocks: Clock[], language: string, indent = "") {
  return clocks.map((clock) => {
    const label = line(clock.label);
    return `${indent}${label ? `${label}: ` : ""}${formatInstant(startsAt, clock.timeZone, language)}`;
  });
}

function linkLines(t: Translate, links: SessionLinks | undefined, indent = "") {
  const out: string[] = [];
  if (links?.join) out.push(`${indent}${t("whatsapp.join")}: ${links.join}`);
  if (links?.calendar) out.push(`${indent}${t("whatsapp.calendar")}: ${links.calendar}`);
  if (links?.poll) out.push(`${indent}${t("whatsapp.poll")}: ${links.poll}`);
  return out;
}

/** The message for one session. */
export function whatsAppSessionMessage({
  t,
  language,
  session,
  clocks,
  intro,
}: {
  t: Translate;
  language: string;
  session: MessageSession;
  clocks: Clock[];
  /** a first line, e.g. "Pengingat: besok" */
  intro?: string;
}): string {
  return [
    ...(intro ? [line(intro)] : []),
    `*${line(session.title)}*`,
    ...clockLines(session.startsAt, clocks, language),
    t("whatsapp.duration", { count: session.durationMinutes }),
    "",
    ...linkLines(t, session.links),
  ]
    .join("\n")
    .trim();
}

/** The message for a series: its name, then each session with its clocks and links. */
export function whatsAppSeriesMessage({
  t,
  language,
  title,
  sessions,
  clocks,
  poll,
}: {
  t: Translate;
  language: string;
  title: string;
  sessions: MessageSession[];
  clocks: Clock[];
  poll?: string;
}): string {
  const blocks = sessions.map((session, index) =>
    [
      `${index + 1}. ${line(session.title)}`,
      ...clockLines(session.startsAt, clocks, language, "   "),
      ...linkLines(t, { ...session.links, poll: undefined }, "   "),
    ].join("\n"),
  );
  return [
    `*${line(title)}*`,
    t("whatsapp.sessionCount", { count: sessions.length }),
    "",
    blocks.join("\n\n"),
    ...(poll ? ["", `${t("whatsapp.poll")}: ${poll}`] : []),
  ]
    .join("\n")
    .trim();
}

/**
 * The message for a time poll: what it is for, and the link where each person answers. A personal
 * link needs no account (pollIntro); the poll page shared in a group does (pollIntroGroup).
 */
export function whatsAppPollMessage({
  t,
  title,
  poll,
  forGroup = false,
}: {
  t: Translate;
  title: string;
  poll: string;
  forGroup?: boolean;
}) {
  const intro = t(forGroup ? "whatsapp.pollIntroGroup" : "whatsapp.pollIntro");
  return [`*${line(title)}*`, intro, "", `${t("whatsapp.poll")}: ${poll}`].join("\n");
}

/** A "Bagikan ke WhatsApp" link: WhatsApp opens with the text, the person picks the chat or group. */
export function whatsAppShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

type Place = { name: string; timeZone: string } | null | undefined;

/**
 * The clocks a session's message shows: the two regions of its pairing (mentor first), else the
 * region hosting it, else the zone it was entered in.
 */
export function clocksForSession(session: {
  timeZone: string;
  pairing?: { mentorRegion: Place; menteeRegion: Place } | null;
  hostRegion?: Place;
}): Clock[] {
  const places = [session.pairing?.mentorRegion, session.pairing?.menteeRegion, session.hostRegion].filter(
    (place): place is { name: string; timeZone: string } => Boolean(place),
  );
  if (places.length > 0) return places.map((place) => ({ label: place.name, timeZone: place.timeZone }));
  return [{ label: "", timeZone: session.timeZone }];
}

/** The room and calendar links of a session on this Lintas (`appUrl` without a trailing slash). */
export function sessionLinks(appUrl: string, sessionId: string): SessionLinks {
  const base = `${appUrl.replace(/\/+$/, "")}/sesi/${encodeURIComponent(sessionId)}`;
  return { join: `${base}/ruang`, calendar: `${base}/kalender.ics` };
}
