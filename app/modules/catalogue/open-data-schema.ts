// The documented shape of /katalog.json (docs/open-data.md). The JSON Schema published at
// /schema/katalog.schema.json is generated from this (npm run open-data:schema) and a test
// checks both that the file is current and that the export validates against it.
import { z } from "zod/v4";

const nullableText = z.string().nullable();

export const catalogPracticeSchema = z
  .object({
    slug: z.string().describe("stable identifier; the practice page is /katalog/{slug}"),
    url: z.url().describe("the practice page"),
    name: z.string(),
    summary: z.string(),
    region_code: z
      .string()
      .regex(/^\d{2}(\.\d{2})?$/)
      .describe("Kemendagri code of the region, e.g. 74.71"),
    region: z.string(),
    region_kind: z.enum(["PROVINCE", "REGENCY", "CITY"]).describe("province, kabupaten or kota"),
    province: z.string(),
    agency: z.string().describe("the agency (OPD) that runs the practice; empty when unknown"),
    sector: z.string(),
    spm_field: z
      .enum(["EDUCATION", "HEALTH", "PUBLIC_WORKS", "HOUSING", "PUBLIC_ORDER", "SOCIAL", ""])
      .describe("minimum service standard (SPM) field; empty when none"),
    maturity: z.enum(["IDEA", "PILOTED", "IMPLEMENTED", "SUSTAINED", "REPLICATED"]),
    replications: z.number().int().min(0).describe("regions that replicate or replicated it"),
    tags: z.string().describe("keywords separated by '; '"),
    started_year: z.number().int().nullable(),
    innovation_form: z
      .enum(["GOVERNANCE", "PUBLIC_SERVICE", "OTHER"])
      .nullable()
      .describe("Indeks Inovasi Daerah: bentuk inovasi"),
    innovation_type: z.enum(["DIGITAL", "NON_DIGITAL"]).nullable().describe("jenis inovasi"),
    innovation_initiator: z
      .enum(["HEAD_OF_REGION", "DPRD_MEMBER", "AGENCY", "CIVIL_SERVANT", "COMMUNITY"])
      .nullable()
      .describe("inisiator inovasi"),
    innovation_stage: z
      .enum(["INITIATIVE", "TRIAL", "IMPLEMENTATION"])
      .nullable()
      .describe("tahapan inovasi: inisiatif, uji coba, penerapan"),
    government_affair: nullableText.describe("urusan pemerintahan"),
    evidence_url: nullableText.describe("link to the evidence (bukti)"),
    published_at: z.iso.datetime().nullable(),
    updated_at: z.iso.datetime(),
  })
  .strict();

export const catalogDocumentSchema = z
  .object({
    source: z.literal("Lintas"),
    url: z.url(),
    license: z.object({ name: z.literal("CC BY 4.0"), url: z.url() }).strict(),
    generatedAt: z.iso.datetime(),
    count: z.number().int().min(0),
    practices: z.array(catalogPracticeSchema),
  })
  .strict()
  .describe("Lintas: the public catalogue of replicable practices (published practices only)");

export function catalogJsonSchema() {
  return {
    ...z.toJSONSchema(catalogDocumentSchema, { target: "draft-2020-12" }),
    $id: "/schema/katalog.schema.json",
    title: "Lintas katalog.json",
  };
}
