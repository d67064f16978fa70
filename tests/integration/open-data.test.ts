// Open data: the catalogue as CSV and JSON (valid against its published schema), the region's
// innovation-index export as CSV and XLSX, the Atom feed and the sitemap; drafts never in any.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { IID_COLUMNS } from "~/modules/projects/innovation-export.server";
import { catalogDocumentSchema, catalogJsonSchema } from "~/modules/catalogue/open-data-schema";
import * as csvRoute from "~/routes/catalogue/export.csv";
import * as jsonRoute from "~/routes/catalogue/export.json";
import * as practiceJsonRoute from "~/routes/catalogue/practice-data.json";
import * as atomRoute from "~/routes/catalogue/feed.atom";
import * as sitemapRoute from "~/routes/sitemap.xml";
import * as iidCsvRoute from "~/routes/regions/innovations.csv";
import * as iidXlsxRoute from "~/routes/regions/innovations.xlsx";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

const HOSTILE = '=HYPERLINK("http://evil.test","klik"), "kutip"; baris\nbaru';

beforeAll(async () => {
  await ensureRegions();
  const project = await prisma.changeProject.create({
    data: {
      title: "L2T2",
      kind: "REGIONAL_INNOVATION",
      status: "SUSTAINED",
      regionCode: "74.71",
      objectives: "Penyedotan terjadwal setiap tiga tahun.",
      benefits: "Air tanah lebih bersih.",
      launchedAt: new Date("2016-03-01T20:00:00Z"),
    },
  });
  await prisma.activityLog.create({
    data: {
      action: "project.status_changed",
      subjectType: "ChangeProject",
      subjectId: project.id,
      data: { from: "APPROVED", to: "PILOTING" },
      createdAt: new Date("2015-10-01T03:00:00Z"),
    },
  });
  await prisma.practice.create({
    data: {
      slug: "l2t2-kendari",
      name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
      summary: HOSTILE,
      problem: "Tangki septik hanya disedot ketika penuh.",
      solution: "Jadwal penyedotan.",
      results: "Cakupan naik dari 12 % ke 48 %.",
      regionCode: "74.71",
      projectId: project.id,
      status: "PUBLISHED",
      maturity: "SUSTAINED",
      spmField: "PUBLIC_WORKS",
      startedYear: 2016,
      tags: ["lumpur tinja", "sanitasi"],
      innovationForm: "PUBLIC_SERVICE",
      innovationType: "NON_DIGITAL",
      innovationInitiator: "HEAD_OF_REGION",
      innovationStage: "IMPLEMENTATION",
      governmentAffair: "Pekerjaan umum dan penataan ruang",
      evidenceUrl: "https://example.org/perwali.pdf",
      publishedAt: new Date("2020-02-03T02:00:00Z"),
    },
  });
  await prisma.practice.create({
    data: {
      slug: "draf-kendari",
      name: "Draf rahasia Kendari",
      regionCode: "74.71",
      status: "DRAFT",
      tags: [],
    },
  });
  await prisma.practice.create({
    data: {
      slug: "arsip-konsel",
      name: "Arsip rahasia Konsel",
      regionCode: "74.05",
      status: "ARCHIVED",
      tags: [],
    },
  });
  await prisma.lesson.create({
    data: {
      slug: "pelajaran-draf",
      title: "Pelajaran draf rahasia",
      status: "DRAFT",
      content: { type: "doc" },
    },
  });
  await prisma.lesson.create({
    data: {
      slug: "pelajaran-terbit",
      title: "Pelajaran sesi 1",
      status: "PUBLISHED",
      publishedAt: new Date("2020-01-31T03:00:00Z"),
      content: { type: "doc" },
    },
  });
});

describe("the catalogue as open data", () => {
  it("round-trips through a real CSV parser, formulas defused, drafts absent", async () => {
    const response = await csvRoute.loader();
    expect(response.headers.get("Link")).toContain("creativecommons.org/licenses/by/4.0");
    const text = await response.text();
    expect(text).not.toContain("rahasia");
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      slug: "l2t2-kendari",
      name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
      region_code: "74.71",
      region_kind: "CITY",
      province: "Sulawesi Tenggara",
      spm_field: "PUBLIC_WORKS",
      tags: "lumpur tinja; sanitasi",
      started_year: "2016",
      innovation_stage: "IMPLEMENTATION",
      published_at: "2020-02-03T02:00:00.000Z",
    });
    // the hostile summary comes back whole, behind a quote that keeps a spreadsheet from running it
    expect(records[0].summary).toBe(`'${HOSTILE}`);
  });

  it("as JSON validates against the published schema, and the schema file is current", async () => {
    const response = await jsonRoute.loader();
    const document = await response.json();
    expect(catalogDocumentSchema.safeParse(document).error).toBeUndefined();
    expect(document).toMatchObject({ count: 1, license: { name: "CC BY 4.0" } });
    expect(document.practices[0]).toMatchObject({
      slug: "l2t2-kendari",
      summary: HOSTILE,
      innovation_type: "NON_DIGITAL",
    });
    expect(JSON.stringify(document)).not.toContain("rahasia");
    const published = JSON.parse(await readFile("public/schema/katalog.schema.json", "utf8"));
    expect(published, "run npm run open-data:schema").toEqual(
      JSON.parse(JSON.stringify(catalogJsonSchema())),
    );
    // the schema is strict: an unknown or missing field fails
    expect(catalogDocumentSchema.safeParse({ ...document, extra: 1 }).success).toBe(false);
    const { slug: _slug, ...withoutSlug } = document.practices[0];
    expect(catalogDocumentSchema.safeParse({ ...document, practices: [withoutSlug] }).success).toBe(false);
  });

  it("gives one published practice as JSON, the same item as in the catalogue; drafts are not found", async () => {
    const catalogue = await (await jsonRoute.loader()).json();
    const one = (slug: string) =>
      callRoute(practiceJsonRoute.loader, getRequest(`/katalog/${slug}/data.json`), { slug });
    const response = await one("l2t2-kendari");
    expect(response.status).toBe(200);
    const { license, ...practice } = await response.json();
    expect(practice).toEqual(catalogue.practices[0]);
    expect(license).toMatchObject({ name: "CC BY 4.0" });
    expect((await one("draf-kendari")).status).toBe(404);
    expect((await one("arsip-konsel")).status).toBe(404);
  });

  it("has an Atom feed of published practices and lessons with the licence", async () => {
    const atom = await (await atomRoute.loader()).text();
    expect(atom).toContain("<title>Layanan Lumpur Tinja Terjadwal (L2T2)</title>");
    expect(atom).toContain("<title>Pelajaran sesi 1</title>");
    expect(atom).toContain("<rights>CC BY 4.0</rights>");
    expect(atom).not.toContain("rahasia");
    // the hostile summary is escaped XML
    expect(atom).toContain("&quot;kutip&quot;");
  });

  it("has a sitemap of public pages only", async () => {
    const xml = await (await sitemapRoute.loader()).text();
    expect(xml).toContain("/katalog/l2t2-kendari</loc>");
    expect(xml).toContain("/pelajaran/pelajaran-terbit</loc>");
    expect(xml).toContain("/wilayah/74.71</loc>");
    expect(xml).toContain("/katalog</loc>");
    expect(xml).not.toContain("draf");
    expect(xml).not.toContain("arsip");
  });
});

describe("the innovation-index export of a region", () => {
  const get = (
    route: typeof iidCsvRoute | typeof iidXlsxRoute,
    path: string,
    code: string,
    cookie?: string,
  ) => callRoute(route.loader, getRequest(path, cookie), { code });

  it("as CSV has the ministry's columns and published practices only for anyone", async () => {
    const response = await get(iidCsvRoute, "/wilayah/74.71/inovasi.csv", "74.71");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("rahasia");
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual([...IID_COLUMNS]);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(row).toMatchObject({
      "Nama Pemda": "Kota Kendari",
      "Nama Inovasi": "Layanan Lumpur Tinja Terjadwal (L2T2)",
      "Tahapan Inovasi": "Penerapan",
      "Inisiator Inovasi Daerah": "Kepala Daerah",
      "Jenis Inovasi": "Non digital",
      "Bentuk Inovasi Daerah": "Inovasi pelayanan publik",
      "Urusan Pemerintahan": "Pekerjaan umum dan penataan ruang",
      // in Kendari's own zone (WITA): 20:00 UTC on 1 March is 2 March
      "Waktu Uji Coba Inovasi Daerah": "2015-10-01",
      "Waktu Penerapan Inovasi Daerah": "2016-03-02",
      "Rancang Bangun": "Tangki septik hanya disedot ketika penuh.\n\nJadwal penyedotan.",
      "Tujuan Inovasi Daerah": "Penyedotan terjadwal setiap tiga tahun.",
      "Manfaat yang Diperoleh": "Air tanah lebih bersih.",
      "Hasil Inovasi": "Cakupan naik dari 12 % ke 48 %.",
      "Bukti (tautan)": "https://example.org/perwali.pdf",
    });
    // a province's export covers its kabupaten/kota
    const province = await (await get(iidCsvRoute, "/wilayah/74/inovasi.csv", "74")).text();
    expect(parse(province, { bom: true })).toHaveLength(2);
    expect((await get(iidCsvRoute, "/wilayah/99.99/inovasi.csv", "99.99")).status).toBe(404);
    expect((await get(iidCsvRoute, "/wilayah/x/inovasi.csv", "x")).status).toBe(404);
  });

  it("gives the region's curators their drafts too, with a status column, never another region's", async () => {
    const kendari = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
    const blitar = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
    const own = parse(await (await get(iidCsvRoute, "/wilayah/74/inovasi.csv", "74", kendari)).text(), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(own.map((r) => [r["Nama Inovasi"], r.Status]).sort()).toEqual([
      ["Draf rahasia Kendari", "DRAFT"],
      ["Layanan Lumpur Tinja Terjadwal (L2T2)", "PUBLISHED"],
    ]);
    const other = await (await get(iidCsvRoute, "/wilayah/74/inovasi.csv", "74", blitar)).text();
    expect(other).not.toContain("rahasia");
    const response = await get(iidCsvRoute, "/wilayah/74/inovasi.csv", "74", kendari);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("as XLSX round-trips through exceljs, values as text, licence on the second sheet", async () => {
    const response = await get(iidXlsxRoute, "/wilayah/74.71/inovasi.xlsx", "74.71");
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Inovasi Daerah")!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...IID_COLUMNS]);
    expect(sheet.rowCount).toBe(2);
    const row = Object.fromEntries(IID_COLUMNS.map((h, i) => [h, values(2)[i]]));
    expect(row["Nama Inovasi"]).toBe("Layanan Lumpur Tinja Terjadwal (L2T2)");
    expect(row["Tahapan Inovasi"]).toBe("Penerapan");
    expect(row["Waktu Penerapan Inovasi Daerah"]).toBe("2016-03-02");
    expect(JSON.stringify(values(2))).not.toContain("formula");
    const about = workbook.getWorksheet("Keterangan")!;
    expect(JSON.stringify(about.getSheetValues())).toContain("CC BY 4.0");
  });
});
