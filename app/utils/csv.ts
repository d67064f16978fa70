// One CSV writer for every export and chart download, on the server and in the browser: RFC 4180
// with CRLF lines, and a text cell that a spreadsheet would run as a formula ("=…", "+…", "-…",
// "@…") kept as text with a leading quote. Written here rather than with csv-stringify: its
// browser build carries a Buffer polyfill (18 KB gzipped) into every dashboard for eight lines
// of rules; the tests read every case back with csv-parse, the library that reads our imports.

export type CsvCell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;
// a semicolon is a separator to spreadsheets set up for Indonesian: quoted too
const NEEDS_QUOTES = /[",;\r\n]/;

function cell(value: CsvCell) {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and the rows under it. */
export function toCsv(columns: string[], rows: CsvCell[][]): string {
  return [columns, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Records with the same keys: the first one's keys are the header. Empty for no records. */
export function recordsToCsv(records: Record<string, CsvCell>[]): string {
  if (records.length === 0) return "";
  const columns = Object.keys(records[0]);
  return toCsv(
    columns,
    records.map((record) => columns.map((column) => record[column] ?? null)),
  );
}
