// Importing a training cohort from a spreadsheet (CSV or XLSX): participants, their agencies and
// their project titles. Parsed and checked first (every bad row named, nothing saved), then saved
// all or nothing: the cohort, invitations for new people and one draft project per participant.
// The same rows for the same cohort are recognised by their hash and never imported twice.
import { createHash } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import { prisma } from "~/db.server";
import {
  HEADER_ALIASES,
  IMPORT_FIELDS,
  type ImportField,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type PROGRAMMES,
  REQUIRED_COLUMNS,
} from "~/modules/projects/cohort-import-schemas";
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import { createInvitation, normaliseEmail } from "~/modules/accounts/user.server";

const FIELD_MAX: Record<ImportField, number> = {
  email: 254,
  name: 160,
  position: 160,
  regionCode: 10,
  agency: 160,
  title: 200,
  acronym: 40,
  sector: 120,
};

/** The template offered on the import page (Indonesian headers, one example row). */
export const TEMPLATE_CSV =
  "\uFEFFemail,nama,jabatan,kode wilayah,instansi,judul proyek,akronim,sektor\r\n" +
  "sri.wahyuni@contoh.go.id,Sri Wahyuni,Kepala Bidang Cipta Karya,18.04,Dinas PUPR," +
  '"Percepatan Akses Sanitasi Aman",SIAP SANITASI,Sanitasi\r\n';

export type { ImportRow, RowProblem } from "~/modules/projects/cohort-import-schemas";
import type { ImportRow, RowProblem } from "~/modules/projects/cohort-import-schemas";

export type CohortInput = {
  programme: (typeof PROGRAMMES)[number];
  batch: string;
  year: number;
  organiser: string;
};

const squash = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const HEADER_INDEX = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [squash(alias), field] as const)),
);

/** One cell as plain text: whitespace collapsed, control characters dropped; never evaluated. */
function cleanCell(value: string) {
  return value
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "18.04" as Kemendagri writes it; spreadsheets turn 18.10 into 18.1, which no code can be. */
function cleanRegionCode(value: string) {
  const code = value.replace(/\s/g, "");
  return /^\d{2}\.\d$/.test(code) ? `${code}0` : code;
}

function toRow(line: number, cells: string[], columns: (ImportField | null)[]): ImportRow {
  const row = { line } as ImportRow;
  for (const field of IMPORT_FIELDS) row[field] = "";
  columns.forEach((field, index) => {
    if (field) row[field] = cleanCell(cells[index] ?? "");
  });
  row.email = row.email.toLowerCase();
  row.regionCode = cleanRegionCode(row.regionCode);
  return row;
}

export type ParsedFile = { ok: true; rows: ImportRow[] } | { ok: false; key: string; columns?: string[] };

function rowsFromTable(table: { line: number; cells: string[] }[]): ParsedFile {
  const [header, ...body] = table;
  if (!header) return { ok: false, key: "cohortImport.errors.empty" };
  const columns = header.cells.map((cell) => HEADER_INDEX.get(squash(cell)) ?? null);
  const missing = REQUIRED_COLUMNS.filter((field) => !columns.includes(field));
  if (missing.length > 0) return { ok: false, key: "cohortImport.errors.missingColumns", columns: missing };
  const rows = body
    .filter((record) => record.cells.some((cell) => cell.trim() !== ""))
    .map((record) => toRow(record.line, record.cells, columns));
  if (rows.length === 0) return { ok: false, key: "cohortImport.errors.empty" };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, key: "cohortImport.errors.tooManyRows" };
  return { ok: true, rows };
}

function isXlsx(name: string, bytes: Uint8Array) {
  // an .xlsx is a zip archive: "PK\x03\x04"
  return (
    name.toLowerCase().endsWith(".xlsx") ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  );
}

function xlsxCellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  // a region code typed as a number arrives as 18.04 (or 18.1 for 18.10, mended by cleanRegionCode)
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    // a formula is kept as its text, never its computed result: "=cmd|…" stays "=cmd|…"
    if ("formula" in value && value.formula) return `=${value.formula}`;
    if ("sharedFormula" in value && value.sharedFormula) return `=${value.sharedFormula}`;
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/** Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or the first sheet of an XLSX. */
export async function parseCohortFile(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.byteLength === 0) return { ok: false, key: "cohortImport.errors.empty" };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, key: "cohortImport.errors.tooLarge" };
  if (isXlsx(fileName, bytes)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      return { ok: false, key: "cohortImport.errors.unreadable" };
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return { ok: false, key: "cohortImport.errors.empty" };
    const table: { line: number; cells: string[] }[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let col = 1; col <= width; col++) cells.push(xlsxCellText(row.getCell(col)));
      table.push({ line, cells });
    });
    return rowsFromTable(table);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter: [",", ";"],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return { ok: false, key: "cohortImport.errors.unreadable" };
  }
  return rowsFromTable(records.map(({ record, info }) => ({ line: info.lines, cells: record })));
}

const emailCheck = z.string().email();

/**
 * Every problem of every row: missing or too long fields, a bad email, the same email twice in the
 * file, a region code Kemendagri does not know, an email already used by a person of another region
 * or by a deactivated account.
 */
export async function checkRows(rows: ImportRow[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const add = (line: number, field: ImportField | null, key: string) => problems.push({ line, field, key });
  const codes = [...new Set(rows.map((r) => r.regionCode).filter(Boolean))];
  const emails = [...new Set(rows.map((r) => r.email).filter(Boolean))];
  const [regions, people] = await Promise.all([
    prisma.region.findMany({ where: { code: { in: codes } }, select: { code: true } }),
    prisma.user.findMany({
      where: { email: { in: emails } },
      select: { email: true, regionCode: true, deactivatedAt: true },
    }),
  ]);
  const knownCodes = new Set(regions.map((r) => r.code));
  const personByEmail = new Map(people.map((p) => [p.email, p]));
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    for (const field of REQUIRED_COLUMNS) {
      if (!row[field]) add(row.line, field, `cohortImport.problems.${field}Missing`);
    }
    for (const field of IMPORT_FIELDS) {
      if (row[field].length > FIELD_MAX[field]) add(row.line, field, "cohortImport.problems.tooLong");
    }
    if (row.email && !emailCheck.safeParse(row.email).success)
      add(row.line, "email", "cohortImport.problems.emailInvalid");
    if (row.email) {
      const first = firstLineOf.get(row.email);
      if (first !== undefined) add(row.line, "email", "cohortImport.problems.emailDuplicate");
      else firstLineOf.set(row.email, row.line);
    }
    if (row.regionCode && !knownCodes.has(row.regionCode))
      add(row.line, "regionCode", "cohortImport.problems.regionUnknown");
    const person = personByEmail.get(row.email);
    if (person?.deactivatedAt) add(row.line, "email", "cohortImport.problems.personDeactivated");
    else if (person?.regionCode && row.regionCode && person.regionCode !== row.regionCode)
      add(row.line, "email", "cohortImport.problems.personOtherRegion");
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** Normalised cohort fields: "XX" becomes "Angkatan XX", as the seed and the cohort pages write it. */
export function normaliseCohort(input: CohortInput): CohortInput {
  const batch = cleanCell(input.batch);
  return {
    programme: input.programme,
    batch: /^[IVXLCDM]+$|^\d+$/i.test(batch) ? `Angkatan ${batch.toUpperCase()}` : batch,
    year: input.year,
    organiser: cleanCell(input.organiser),
  };
}

/** sha256 of the cohort and its rows in a fixed order: the same rows for the same cohort, same hash. */
export function importHash(cohort: CohortInput, rows: ImportRow[]) {
  const body = rows
    .map((row) => IMPORT_FIELDS.map((field) => row[field]))
    .sort((a, b) => (a.join("\u0001") < b.join("\u0001") ? -1 : 1));
  return createHash("sha256")
    .update(JSON.stringify({ cohort: [cohort.programme, cohort.batch, cohort.year], rows: body }))
    .digest("hex");
}

/** The rows as carried from the preview to the confirmation (checked again there, never trusted). */
export const carriedRowsSchema = z
  .array(
    z.object({
      line: z.number().int().min(1).max(1_000_000),
      ...Object.fromEntries(IMPORT_FIELDS.map((field) => [field, z.string().max(1000)])),
    }) as unknown as z.ZodType<ImportRow>,
  )
  .min(1)
  .max(MAX_IMPORT_ROWS);

/** Carried rows go through the same cleaning as a file's cells, so an edited payload gains nothing. */
export function recleanRows(rows: ImportRow[]): ImportRow[] {
  return rows.map((row) =>
    toRow(
      row.line,
      IMPORT_FIELDS.map((field) => row[field]),
      [...IMPORT_FIELDS],
    ),
  );
}

export async function findImport(fileHash: string) {
  return prisma.cohortImport.findUnique({ where: { fileHash }, select: { cohortId: true, createdAt: true } });
}

export type ImportOutcome =
  | { status: "imported"; cohortId: string; invited: number; projects: number; skipped: number }
  | { status: "already"; cohortId: string }
  | { status: "invalid"; problems: RowProblem[] };

/**
 * Saves a checked cohort in one transaction: the cohort (found or created), an invitation for every
 * person without an account, a draft training project per row (not repeated when the person already
 * has a project with that title in the cohort), and the import record that makes a second upload
 * of the same rows a no-op.
 */
export async function importCohort(
  actorId: string,
  cohortInput: CohortInput,
  fileName: string,
  rawRows: ImportRow[],
): Promise<ImportOutcome> {
  const cohort = normaliseCohort(cohortInput);
  const rows = recleanRows(rawRows);
  const problems = await checkRows(rows);
  if (problems.length > 0) return { status: "invalid", problems };
  const fileHash = importHash(cohort, rows);
  const earlier = await findImport(fileHash);
  if (earlier) return { status: "already", cohortId: earlier.cohortId };
  try {
    return await prisma.$transaction(
      async (tx) => {
        const organiser = cohort.organiser
          ? await tx.organisation.findFirst({
              where: {
                type: "TRAINING_INSTITUTION",
                name: { equals: cohort.organiser, mode: "insensitive" },
              },
              select: { id: true },
            })
          : null;
        const saved = await tx.cohort.upsert({
          where: {
            programme_batch_year: { programme: cohort.programme, batch: cohort.batch, year: cohort.year },
          },
          create: {
            programme: cohort.programme,
            batch: cohort.batch,
            year: cohort.year,
            organiserId: organiser?.id ?? null,
            organiserName: cohort.organiser || null,
          },
          update: {},
        });
        let invited = 0;
        let projects = 0;
        let skipped = 0;
        for (const row of rows) {
          const organisationId = row.agency
            ? (
                await tx.organisation.upsert({
                  where: { regionCode_name: { regionCode: row.regionCode, name: row.agency } },
                  create: { regionCode: row.regionCode, name: row.agency, type: "AGENCY" },
                  update: {},
                })
              ).id
            : null;
          const email = normaliseEmail(row.email);
          let person = await tx.user.findUnique({
            where: { email },
            select: { id: true, password: { select: { userId: true } } },
          });
          if (!person) {
            person = await tx.user.create({
              data: {
                email,
                name: row.name,
                position: row.position || null,
                regionCode: row.regionCode,
                organisationId,
              },
              select: { id: true, password: { select: { userId: true } } },
            });
          }
          if (!person.password) {
            // no account yet: one open invitation is enough
            const open = await tx.invitation.count({
              where: { email, acceptedAt: null, expiresAt: { gt: new Date() } },
            });
            if (open === 0) {
              await createInvitation(tx, actorId, {
                email,
                name: row.name,
                role: "PARTICIPANT",
                regionCode: row.regionCode,
                organisationId: organisationId ?? undefined,
              });
              invited++;
            }
          } else {
            // an existing account leads its project: it needs the participant role to reach it
            const participant = await tx.membership.count({
              where: { userId: person.id, role: "PARTICIPANT" },
            });
            if (participant === 0)
              await tx.membership.create({
                data: { userId: person.id, role: "PARTICIPANT", regionCode: row.regionCode, organisationId },
              });
          }
          const duplicate = await tx.changeProject.count({
            where: {
              cohortId: saved.id,
              leaderId: person.id,
              title: { equals: row.title, mode: "insensitive" },
            },
          });
          if (duplicate > 0) {
            skipped++;
            continue;
          }
          const project = await tx.changeProject.create({
            data: {
              title: row.title,
              acronym: row.acronym || null,
              sector: row.sector || null,
              kind: "TRAINING_CHANGE_PROJECT",
              status: "DRAFT",
              regionCode: row.regionCode,
              organisationId,
              cohortId: saved.id,
              leaderId: person.id,
              members: { create: { userId: person.id, name: row.name, roleInTeam: "Project leader" } },
            },
          });
          await logActivity(
            {
              actorId,
              action: "project.created",
              subjectType: "ChangeProject",
              subjectId: project.id,
              data: { title: project.title, imported: true },
            },
            tx,
          );
          projects++;
        }
        await tx.cohortImport.create({
          data: {
            fileHash,
            fileName: fileName.slice(0, 200),
            cohortId: saved.id,
            rowCount: rows.length,
            createdById: actorId,
          },
        });
        await logActivity(
          {
            actorId,
            action: "cohort.imported",
            subjectType: "Cohort",
            subjectId: saved.id,
            data: { fileName: fileName.slice(0, 200), rows: rows.length, invited, projects, skipped },
          },
          tx,
        );
        return { status: "imported" as const, cohortId: saved.id, invited, projects, skipped };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // the same rows confirmed twice at once: the second finds the first's import record
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await findImport(fileHash);
      if (first) return { status: "already", cohortId: first.cohortId };
    }
    throw error;
  }
}
