// The cohort import form, shared by browser and server. Messages are i18n keys.
import { z } from "zod";

export const PROGRAMMES = ["PKN_I", "PKN_II", "PKA", "PKP"] as const;

export const cohortImportSchema = z.object({
  intent: z.enum(["preview", "confirm"]),
  programme: z.enum(PROGRAMMES, { errorMap: () => ({ message: "errors.choice" }) }),
  batch: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(60, "errors.tooLong"),
  year: z.coerce
    .number({ invalid_type_error: "errors.year" })
    .int("errors.year")
    .min(1990, "errors.year")
    .max(2100, "errors.year"),
  organiser: z.string().trim().max(160, "errors.tooLong").optional(),
});

export const MAX_IMPORT_ROWS = 500;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const IMPORT_FIELDS = [
  "email",
  "name",
  "position",
  "regionCode",
  "agency",
  "title",
  "acronym",
  "sector",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_COLUMNS: ImportField[] = ["email", "name", "regionCode", "title"];

/** Accepted column headers (Indonesian and English), compared without case, spaces or punctuation. */
export const HEADER_ALIASES: Record<ImportField, string[]> = {
  email: ["email", "e-mail", "surel", "alamat email", "alamat surel"],
  name: ["nama", "name", "nama lengkap", "nama peserta", "full name"],
  position: ["jabatan", "position"],
  regionCode: ["kode wilayah", "region code", "kode daerah", "kode kemendagri", "region"],
  agency: ["instansi", "agency", "opd", "perangkat daerah", "unit kerja", "organisation", "organization"],
  title: [
    "judul proyek",
    "judul",
    "judul proyek perubahan",
    "judul aksi perubahan",
    "project title",
    "title",
  ],
  acronym: ["akronim", "singkatan", "nama singkat", "acronym", "brand"],
  sector: ["sektor", "bidang", "sector"],
};

export type ImportRow = { line: number } & Record<ImportField, string>;
export type RowProblem = { line: number; field: ImportField | null; key: string };
