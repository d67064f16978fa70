// Compact formats for lists and tables ("10 Okt 2023", "27 Jan 2020, 09.00 WITA"), built on the
// shared helpers in dates.ts and numbers.ts (which give the long forms); null-safe for optional fields.
import { intlLocale } from "~/i18n/config";
import { zoneName } from "~/utils/dates";
import { formatNumber as formatLocalNumber } from "~/utils/numbers";
import { dateTimeFormat } from "~/utils/intl-formats";

/** "10 Okt 2023" in the zone given (a calendar day needs no zone name). */
export function formatDay(value: string | Date | null | undefined, lng: string, timeZone = "UTC") {
  if (!value) return "—";
  return dateTimeFormat(intlLocale(lng), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  }).format(new Date(value));
}

/** "27 Jan 2020, 09.00 WITA": an instant in a zone, with the zone named. */
export function formatInstant(value: string | Date, lng: string, timeZone: string) {
  const text = dateTimeFormat(intlLocale(lng), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(value));
  return `${text} ${zoneName(timeZone, lng, value)}`;
}

/** Indonesian number format by default: 1.339,15 */
export function formatNumber(
  value: number | string | null | undefined,
  lng: string,
  maximumFractionDigits = 2,
) {
  if (value === null || value === undefined || value === "") return "—";
  return formatLocalNumber(Number(value), lng, { maximumFractionDigits });
}
