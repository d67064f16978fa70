// The calendar a dashboard counts in: the viewer's own zone (WIB, WITA or WIT), its months, and a
// report's period of whole days in that zone.
import type { CurrentUser } from "~/modules/accounts/user.server";
import { parseWallClock } from "~/utils/dates";
import { dateTimeFormat } from "~/utils/intl-formats";

/** The zone a person reads dates in: their own, their region's, or WIB. */
export function viewerZone(user: Pick<CurrentUser, "timeZone" | "region">) {
  return user.timeZone ?? user.region?.timeZone ?? "Asia/Jakarta";
}

/** "2024-06" for an instant, as the calendar in `timeZone` shows it. */
export function monthKey(instant: Date, timeZone: string) {
  const parts = dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(instant);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

/** The first instant of a month ("2024-06") in a zone, and of the month after it. */
export function monthBounds(key: string, timeZone: string) {
  const [year, month] = key.split("-").map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  return {
    start: parseWallClock(`${key}-01T00:00`, timeZone),
    end: parseWallClock(`${next}-01T00:00`, timeZone),
  };
}

/** The last `count` months up to the one `now` falls in, oldest first. */
export function lastMonths(now: Date, timeZone: string, count = 12) {
  const [year, month] = monthKey(now, timeZone).split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** Calendar days (@db.Date) of the month `now` falls in for a zone, as the database stores them (UTC midnight). */
export function monthDays(now: Date, timeZone: string) {
  const [year, month] = monthKey(now, timeZone).split("-").map(Number);
  return { gte: new Date(Date.UTC(year, month - 1, 1)), lt: new Date(Date.UTC(year, month, 1)) };
}

export type Period = { from: Date; to: Date };

/** A period from "YYYY-MM-DD" fields, whole days in the viewer's zone; defaults to this calendar year. */
export function parsePeriod(
  params: URLSearchParams,
  timeZone: string,
  now = new Date(),
): Period & { fromDay: string; toDay: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const year = monthKey(now, timeZone).slice(0, 4);
  let fromDay = params.get("from") ?? "";
  let toDay = params.get("to") ?? "";
  if (!day.test(fromDay)) fromDay = `${year}-01-01`;
  if (!day.test(toDay)) toDay = `${year}-12-31`;
  try {
    let from = parseWallClock(`${fromDay}T00:00`, timeZone);
    let to = new Date(parseWallClock(`${toDay}T00:00`, timeZone).getTime() + 86_400_000);
    if (to <= from) [from, to] = [new Date(to.getTime() - 86_400_000), new Date(from.getTime() + 86_400_000)];
    return { from, to, fromDay, toDay };
  } catch {
    return parsePeriod(new URLSearchParams(), timeZone, now);
  }
}
