// The spreadsheet of the progress update (docs/decisions/0060): the XLSX a coach or region officer
// downloads (the milestones and indicators of the projects in their scope) and the reading of the
// filled one back into rows. Cells are text: formulas are kept as their formula text, never
// evaluated; a date cell becomes yyyy-mm-dd, a number cell an Indonesian decimal ("1,22").
import ExcelJS from "exceljs";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { prisma } from "~/db.server";
import {
  type BulkRow,
  INDICATOR_COLUMNS,
  INDICATOR_SHEET,
  MAX_BULK_BYTES,
  MAX_BULK_ROWS,
  MILESTONE_COLUMNS,
  MILESTONE_SHEET,
} from "~/modules/projects/bulk-update-schemas";
import { scopeFor } from "~/modules/projects/queries.server";

/** Indonesian labels of the milestone statuses, as the sheet writes them (data, not UI text). */
export const STATUS_LABELS = {
  NOT_STARTED: "Belum mulai",
  IN_PROGRESS: "Berjalan",
  DONE: "Selesai",
  LATE: "Terlambat",
  DROPPED: "Dibatalkan",
} as const;

const ddmmyyyy = (date: Date | null | undefined) =>
  date
    ? `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`
    : "";

/** The milestones and indicators of the projects the person may update in bulk, as an XLSX. */
export async function bulkUpdateXlsx(user: CurrentUser): Promise<Buffer> {
  const inScope = scopeFor(user, "project:bulk-update");
  const [milestones, indicators] = await Promise.all([
    prisma.milestone.findMany({
      where: { project: inScope },
      orderBy: [{ project: { title: "asc" } }, { dueDate: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        version: true,
        title: true,
        status: true,
        dueDate: true,
        approvedAt: true,
        project: { select: { title: true } },
      },
    }),
    prisma.indicator.findMany({
      where: { project: inScope },
      orderBy: [{ project: { title: "asc" } }, { createdAt: "asc" }],
      select: {
        id: true,
        name: true,
        unit: true,
        project: { select: { title: true } },
        measurements: { orderBy: { measuredAt: "desc" }, take: 1, select: { value: true, measuredAt: true } },
      },
    }),
  ]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lintas";
  const milestoneSheet = workbook.addWorksheet(MILESTONE_SHEET);
  milestoneSheet.columns = [
    { header: MILESTONE_COLUMNS.id, width: 28 },
    { header: MILESTONE_COLUMNS.version, width: 7 },
    { header: MILESTONE_COLUMNS.project, width: 36 },
    { header: MILESTONE_COLUMNS.title, width: 40 },
    { header: MILESTONE_COLUMNS.status, width: 14 },
    { header: MILESTONE_COLUMNS.dueDate, width: 20 },
    { header: MILESTONE_COLUMNS.approve, width: 12 },
  ];
  for (const m of milestones)
    milestoneSheet.addRow([
      m.id,
      m.version,
      m.project.title,
      m.title,
      STATUS_LABELS[m.status],
      ddmmyyyy(m.dueDate),
      m.approvedAt ? "ya" : "",
    ]);
  const statusList = `"${Object.values(STATUS_LABELS).join(",")}"`;
  for (let row = 2; row <= milestones.length + 1; row++)
    milestoneSheet.getCell(row, 5).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [statusList],
    };
  const indicatorSheet = workbook.addWorksheet(INDICATOR_SHEET);
  indicatorSheet.columns = [
    { header: INDICATOR_COLUMNS.id, width: 28 },
    { header: INDICATOR_COLUMNS.project, width: 36 },
    { header: INDICATOR_COLUMNS.name, width: 36 },
    { header: INDICATOR_COLUMNS.unit, width: 10 },
    { header: INDICATOR_COLUMNS.lastValue, width: 14 },
    { header: INDICATOR_COLUMNS.lastDate, width: 16 },
    { header: INDICATOR_COLUMNS.value, width: 14 },
    { header: INDICATOR_COLUMNS.measuredAt, width: 24 },
    { header: INDICATOR_COLUMNS.period, width: 16 },
    { header: INDICATOR_COLUMNS.source, width: 24 },
  ];
  for (const indicator of indicators) {
    const last = indicator.measurements[0];
    indicatorSheet.addRow([
      indicator.id,
      indicator.project?.title ?? "",
      indicator.name,
      indicator.unit,
      last ? String(Number(last.value)).replace(".", ",") : "",
      ddmmyyyy(last?.measuredAt),
      "",
      "",
      "",
      "",
    ]);
  }
  for (const sheet of [milestoneSheet, indicatorSheet]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  // "1,22" as the Indonesian parser reads it; never "1.22", which it could take for a thousand
  if (typeof value === "number") return String(value).replace(".", ",");
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value && value.formula) return `=${value.formula}`;
    if ("sharedFormula" in value && value.sharedFormula) return `=${value.sharedFormula}`;
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

const clean = (text: string) =>
  text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function readSheet(
  sheet: ExcelJS.Worksheet,
  kind: BulkRow["sheet"],
  columns: Record<string, string>,
  rows: BulkRow[],
): string[] {
  const header = sheet.getRow(1);
  const position = new Map<string, number>();
  header.eachCell((cell, col) => {
    const name = squash(cellText(cell));
    for (const [field, label] of Object.entries(columns))
      if (squash(label) === name) position.set(field, col);
  });
  const missing = Object.entries(columns)
    .filter(([field]) => ["id"].includes(field) && !position.has(field))
    .map(([, label]) => label);
  if (missing.length > 0) return missing;
  const read = (row: ExcelJS.Row, field: string) => {
    const col = position.get(field);
    return col ? clean(cellText(row.getCell(col))) : "";
  };
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const parsed: BulkRow = {
      sheet: kind,
      line,
      id: read(row, "id"),
      version: read(row, "version"),
      status: read(row, "status"),
      dueDate: read(row, "dueDate"),
      approve: read(row, "approve"),
      value: read(row, "value"),
      measuredAt: read(row, "measuredAt"),
      period: read(row, "period"),
      source: read(row, "source"),
    };
    // an indicator row with nothing new to record is no change, and no row
    if (kind === "indicator" && !parsed.value && !parsed.measuredAt) return;
    if (Object.values(parsed).some((v) => typeof v === "string" && v !== "" && v !== kind)) rows.push(parsed);
  });
  return [];
}

export type ParsedBulkFile = { ok: true; rows: BulkRow[] } | { ok: false; key: string; columns?: string[] };

/** Reads both sheets of a filled template (by sheet name, else the first and second sheet). */
export async function parseBulkFile(bytes: Uint8Array): Promise<ParsedBulkFile> {
  if (bytes.byteLength === 0) return { ok: false, key: "bulkUpdate.errors.empty" };
  if (bytes.byteLength > MAX_BULK_BYTES) return { ok: false, key: "bulkUpdate.errors.tooLarge" };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, key: "bulkUpdate.errors.unreadable" };
  }
  const milestones = workbook.getWorksheet(MILESTONE_SHEET) ?? workbook.worksheets[0];
  const indicators = workbook.getWorksheet(INDICATOR_SHEET) ?? workbook.worksheets[1];
  if (!milestones) return { ok: false, key: "bulkUpdate.errors.empty" };
  const rows: BulkRow[] = [];
  const missing = [
    ...readSheet(milestones, "milestone", MILESTONE_COLUMNS, rows),
    ...(indicators ? readSheet(indicators, "indicator", INDICATOR_COLUMNS, rows) : []),
  ];
  if (missing.length > 0) return { ok: false, key: "bulkUpdate.errors.missingColumns", columns: missing };
  if (rows.length === 0) return { ok: false, key: "bulkUpdate.errors.empty" };
  if (rows.length > MAX_BULK_ROWS) return { ok: false, key: "bulkUpdate.errors.tooManyRows" };
  return { ok: true, rows };
}
