// Small formatting helpers for dates and numbers in the viewer's language and zone.
import { abbreviationForIanaZone } from "~/utils/time-zones";

function locale(lng: string) {
  return lng === "en" ? "en-GB" : "id-ID";
}

/** "10 Okt 2023" in the zone given (a calendar day needs no zone name). */
export function formatDay(value: string | Date | null | undefined, lng: string, timeZone = "UTC") {
  if (!value) return "—";
  return new Intl.DateTimeFormat(locale(lng), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  }).format(new Date(value));
}

/** "10 Okt 2023 09.00 WITA": an instant in a zone, with the zone named. */
export function formatInstant(value: string | Date, lng: string, timeZone: string) {
  const text = new Intl.DateTimeFormat(locale(lng), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(value));
  return `${text} ${abbreviationForIanaZone(timeZone) ?? timeZone}`;
}

/** Indonesian number format by default: 1.339,15 */
export function formatNumber(
  value: number | string | null | undefined,
  lng: string,
  maximumFractionDigits = 2,
) {
  if (value === null || value === undefined || value === "") return "—";
  return new Intl.NumberFormat(locale(lng), { maximumFractionDigits }).format(Number(value));
}
