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
