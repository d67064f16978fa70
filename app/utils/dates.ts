// Dates and times in Indonesia's zones, in Indonesian or English, with the zone always named:
// a session between Kendari (WITA) and Blitar (WIB) shows each side its own clock.
import { TZDateMini, tzOffset } from "@date-fns/tz";
import { intlLocale } from "~/i18n/config";
import { abbreviationForIanaZone } from "~/utils/time-zones";
import { dateTimeFormat } from "~/utils/intl-formats";

export type Instant = Date | string | number;

function toDate(instant: Instant): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(instant)}`);
  return date;
}

function partsOf(date: Date, timeZone: string, language: string, options: Intl.DateTimeFormatOptions) {
  const parts = dateTimeFormat(intlLocale(language), { timeZone, ...options }).formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
}

/** WIB, WITA or WIT for Indonesia's zones; otherwise what Intl calls the zone ("GMT+2"). */
export function zoneName(timeZone: string, language: string, instant: Instant = Date.now()): string {
  return (
    abbreviationForIanaZone(timeZone) ??
    partsOf(toDate(instant), timeZone, language, { timeZoneName: "short" })("timeZoneName")
  );
}

/** "09.00 WITA" (id) or "09:00 WITA" (en). */
export function formatTime(instant: Instant, timeZone: string, language: string): string {
  const date = toDate(instant);
  const part = partsOf(date, timeZone, language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const separator = language === "en" ? ":" : ".";
  return `${part("hour")}${separator}${part("minute")} ${zoneName(timeZone, language, date)}`;
}

/** "27 Januari 2020" (id) or "27 January 2020" (en): the calendar day in that zone. */
export function formatDate(instant: Instant, timeZone: string, language: string): string {
  const part = partsOf(toDate(instant), timeZone, language, {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return `${part("day")} ${part("month")} ${part("year")}`;
}

/** "Senin, 27 Januari 2020 09.00 WITA" (id) or "Monday, 27 January 2020 09:00 WITA" (en). */
export function formatInstant(instant: Instant, timeZone: string, language: string): string {
  const date = toDate(instant);
  const weekday = partsOf(date, timeZone, language, { weekday: "long" })("weekday");
  return `${weekday}, ${formatDate(date, timeZone, language)} ${formatTime(date, timeZone, language)}`;
}

/** One instant on several clocks: "09.00 WITA / 08.00 WIB". */
export function formatTimeInZones(instant: Instant, timeZones: string[], language: string): string {
  return timeZones.map((timeZone) => formatTime(instant, timeZone, language)).join(" / ");
}

// Offsets and wall clocks come from @date-fns/tz (decision 0051), which reads the runtime's time-zone
// data through Intl; it answers NaN for a zone it does not know, and so do we, with a RangeError.
function known<T extends number | Date>(value: T, timeZone: string): T {
  if (Number.isNaN(Number(value))) throw new RangeError(`Not a time zone: ${timeZone}`);
  return value;
}

/** Minutes the zone is ahead of UTC at that instant (+480 for WITA). */
export function utcOffsetMinutes(instant: Instant, timeZone: string): number {
  return known(tzOffset(timeZone, toDate(instant)), timeZone);
}

/**
 * Hours a clock in `to` is ahead of a clock in `from` at that instant (Asia/Jakarta → Asia/Makassar:
 * 1), from each zone's own offset in the time-zone data; half hours where a zone keeps them.
 */
export function zoneDifferenceHours(from: string, to: string, instant: Instant = Date.now()): number {
  return (utcOffsetMinutes(instant, to) - utcOffsetMinutes(instant, from)) / 60;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

export class InvalidWallClockError extends RangeError {}

/**
 * The instant at which a clock in `timeZone` shows the given date and time, as a person enters
 * it ("2020-01-27T09:00", the value of <input type="datetime-local">, in Asia/Makassar →
 * 2020-01-27T01:00:00Z). Every zone, WIB, WITA and WIT included, is resolved through the
 * time-zone data, never a hand-kept offset (Jakarta kept +07:30 until 1964; the data knows); a
 * time that a change of offset skips (02:30 in Amsterdam on the spring's Sunday) moves forward.
 */
export function parseWallClock(dateTime: string, timeZone: string): Date {
  const match = WALL_CLOCK.exec(dateTime.trim());
  if (!match) throw new InvalidWallClockError(`Not a date and time (YYYY-MM-DDTHH:mm): ${dateTime}`);
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((value) => Number(value ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new InvalidWallClockError(`No such date or time: ${dateTime}`);
  }
  const instant = new TZDateMini(year, month - 1, day, hour, minute, second, timeZone);
  return new Date(known(instant.getTime(), timeZone));
}

/** The inverse, for filling <input type="datetime-local">: "2020-01-27T09:00" in that zone. */
export function toWallClock(instant: Instant, timeZone: string): string {
  const wall = known(new TZDateMini(toDate(instant).getTime(), timeZone), timeZone);
  const pad = (value: number, digits = 2) => String(value).padStart(digits, "0");
  const date = `${pad(wall.getFullYear(), 4)}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
  return `${date}T${pad(wall.getHours())}:${pad(wall.getMinutes())}`;
}
