// The spreadsheet progress update (docs/decisions/0060): its sheets, columns and the row shape
// carried from the preview to the confirmation. Shared by the route and the module; messages are
// i18n keys.
import { z } from "zod";

export const MAX_BULK_ROWS = 2000;
export const MAX_BULK_BYTES = 2 * 1024 * 1024;

export const MILESTONE_SHEET = "Tonggak";
export const INDICATOR_SHEET = "Indikator";

/** Milestone sheet headers as written in the template (read back by position-independent name). */
export const MILESTONE_COLUMNS = {
  id: "ID",
  version: "Versi",
  project: "Proyek",
  title: "Tonggak",
  status: "Status",
  dueDate: "Tenggat (dd/mm/yyyy)",
  approve: "Setujui (ya)",
} as const;

export const INDICATOR_COLUMNS = {
  id: "ID",
  project: "Proyek",
  name: "Indikator",
  unit: "Satuan",
  lastValue: "Nilai terakhir",
  lastDate: "Tanggal terakhir",
  value: "Nilai baru",
  measuredAt: "Tanggal ukur (dd/mm/yyyy)",
  period: "Periode",
  source: "Sumber",
} as const;

/** One filled row of either sheet, as text (cells never evaluated). */
export type BulkRow = {
  sheet: "milestone" | "indicator";
  /** the spreadsheet's own row number (header = 1) */
  line: number;
  id: string;
  version: string;
  status: string;
  dueDate: string;
  approve: string;
  value: string;
  measuredAt: string;
  period: string;
  source: string;
};

export const BULK_ROW_FIELDS = [
  "id",
  "version",
  "status",
  "dueDate",
  "approve",
  "value",
  "measuredAt",
  "period",
  "source",
] as const;

export type BulkProblem = { sheet: BulkRow["sheet"]; line: number; key: string };

/** The rows as carried back from the preview (checked again there, never trusted). */
export const carriedBulkRowsSchema = z
  .array(
    z.object({
      sheet: z.enum(["milestone", "indicator"]),
      line: z.number().int().min(1).max(1_000_000),
      ...Object.fromEntries(BULK_ROW_FIELDS.map((field) => [field, z.string().max(1000)])),
    }) as unknown as z.ZodType<BulkRow>,
  )
  .min(1)
  .max(MAX_BULK_ROWS);

export const bulkPreviewSchema = z.object({ intent: z.literal("preview") });
export const bulkConfirmSchema = z.object({
  intent: z.literal("confirm"),
  fileName: z.string().trim().max(200).default("pembaruan.xlsx"),
  payload: z.string({ required_error: "bulkUpdate.errors.unreadable" }).max(2_000_000),
});
