// Numbers as the reader writes them: Indonesian 1.339,15 and 95,46 %; English 1,339.15 and 95.46%.
import { intlLocale } from "~/i18n/config";
import { numberFormat } from "~/utils/intl-formats";

export function formatNumber(
  value: number,
  language: string,
  { minimumFractionDigits = 0, maximumFractionDigits = 2 } = {},
): string {
  return numberFormat(intlLocale(language), { minimumFractionDigits, maximumFractionDigits }).format(value);
}

/**
 * A percentage given in points (95.46, as the data holds it, not 0.9546). Indonesian puts a
 * space before the sign, here a no-break space so that "%" never wraps to the next line.
 */
export function formatPercent(
  points: number,
  language: string,
  { minimumFractionDigits = 0, maximumFractionDigits = 2 } = {},
): string {
  const number = formatNumber(points, language, { minimumFractionDigits, maximumFractionDigits });
  return language === "en" ? `${number}%` : `${number}\u00a0%`;
}

export type ParsedDecimal =
  | { ok: true; value: number; ambiguous: boolean }
  | { ok: false; reason: "empty" | "invalid" };

const SEPARATORS = {
  id: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
} as const;

function escape(char: string) {
  return char === "." ? "\\." : char;
}

/**
 * Reads a number as the writer typed it: Indonesian "1,22", "1.339,15", "95,46" (or "1339,15",
 * "1 339,15"); English "1.22", "1,339.15" when the page is in English. One form is ambiguous:
 * a single separator followed by exactly three digits ("1.339" is a thousand in Indonesian and
 * one and a third in English), read the page language's way and flagged so the form can say what
 * it understood. A decimal written with the other language's separator where it cannot be a
 * thousands group ("1.22" on an Indonesian page) is read as a decimal and flagged too.
 */
export function parseDecimal(input: string, language: string): ParsedDecimal {
  const { decimal, group } = language === "en" ? SEPARATORS.en : SEPARATORS.id;
  // spaces, no-break and narrow no-break spaces group digits in both languages; a minus may be U+2212
  const text = input
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^\u2212/, "-")
    .replace(/^\+/, "");
  if (text === "") return { ok: false, reason: "empty" };
  const d = escape(decimal);
  const g = escape(group);
  const grouped = new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(${d}\\d+)?$`);
  const toNumber = (digits: string) => {
    const value = Number(digits.split(group).join("").replace(decimal, "."));
    return Number.isFinite(value) ? value : undefined;
  };
  if (grouped.test(text) || plain.test(text)) {
    const value = toNumber(text);
    if (value === undefined) return { ok: false, reason: "invalid" };
    // "1.339" (id) or "1,339" (en): one group separator and no decimal part
    const ambiguous = new RegExp(`^-?\\d{1,3}${g}\\d{3}$`).test(text);
    return { ok: true, value, ambiguous };
  }
  // the other language's decimal separator where it cannot be a thousands group: "1.22" on an id page
  const foreignDecimal = new RegExp(`^-?\\d+${g}(\\d{1,2}|\\d{4,})$`);
  if (foreignDecimal.test(text)) {
    const value = Number(text.replace(group, "."));
    if (Number.isFinite(value)) return { ok: true, value, ambiguous: true };
  }
  return { ok: false, reason: "invalid" };
}
