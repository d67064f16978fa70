// Catalogue queries as officials type them (issue #23): questions and filler words never decide a
// match and are never "corrected"; one word the text lacks lowers the rank instead of emptying the
// list; colloquial and official words meet through the synonym list; results are ordered by
// relevance and say why they matched. Kendari's practice carries the demo seed's own text.

import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { listLessonsForCatalog } from "~/modules/catalogue/catalog.server";
import { invalidateCatalogVocabulary, searchCatalog } from "~/modules/catalogue/catalog-search.server";
import * as catalogRoute from "~/routes/catalogue/index";
import { callRoute, ensureRegions, getRequest } from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

// prisma/seed-demo.ts: the practice in the public catalogue
const kendari = {
  slug: "l2t2-kendari",
  name: "Layanan Lumpur Tinja Terjadwal (L2T2) Kota Kendari",
  summary:
    "Penyedotan lumpur tinja terjadwal sejak 2016, diwajibkan bagi semua ASN pada 2018 lewat instruksi " +
    "wali kota dengan sanksi.",
  regionCode: "74.71",
  sector: "Sanitasi (air limbah domestik)",
  spmField: "PUBLIC_WORKS" as const,
  tags: ["lumpur tinja terjadwal", "L2T2", "penyedotan", "air limbah", "sanitasi"],
  problem:
    "Lumpur tinja hanya disedot ketika tangki septik penuh atau bermasalah, sehingga pengolahan air " +
    "limbah domestik tidak berjalan teratur.",
  solution: [
    "2016: Pemerintah Kota Kendari memulai Layanan Lumpur Tinja Terjadwal (L2T2).",
    "2017: sosialisasi pentingnya penyedotan lumpur tinja dan program L2T2 kepada warga; tangki septik " +
      "dibangun untuk masyarakat berpenghasilan rendah (MBR) agar akses sanitasi layak meningkat.",
    "2018: setelah setahun berjalan, strategi diubah: semua ASN Kota Kendari wajib ikut L2T2 melalui " +
      "instruksi wali kota, dengan sanksi bagi yang tidak melaksanakan; tim percepatan pengelolaan air " +
      "limbah dibentuk untuk koordinasi serta bahan pemantauan dan evaluasi.",
  ].join("\n\n"),
  results:
    "Layanan berjalan sejak 2016 dan diperkuat kebijakan pada 2018; pada 2020 Kota Kendari menjadi " +
    "mentor Kota Blitar melalui pembelajaran horizontal PMU PPSP Bappenas.",
  maturity: "SUSTAINED" as const,
  startedYear: 2016,
  publishedAt: new Date("2020-02-03T02:00:00.000Z"),
};

const others = [
  {
    slug: "sampah-blitar",
    name: "Pengelolaan sampah kota berbasis bank sampah",
    summary: "Warga menabung sampah terpilah; kota mengelola pengangkutan secara berjalan.",
    regionCode: "35.72",
    sector: "Persampahan",
    spmField: "PUBLIC_WORKS" as const,
    maturity: "IMPLEMENTED" as const,
    startedYear: 2021,
    publishedAt: new Date("2024-05-01"),
  },
  {
    slug: "antrean-konsel",
    name: "Pendaftaran puskesmas daring",
    summary: "Nomor antrean diambil dari rumah, tanpa datang pagi-pagi.",
    regionCode: "74.05",
    sector: "Kesehatan",
    spmField: "HEALTH" as const,
    maturity: "PILOTED" as const,
    startedYear: 2022,
    publishedAt: new Date("2024-06-01"),
  },
  {
    slug: "jamban-blitar",
    name: "Jamban sehat keluarga",
    summary: "Bantuan jamban bagi keluarga yang belum memilikinya.",
    regionCode: "35.72",
    sector: "Sanitasi",
    maturity: "IMPLEMENTED" as const,
    startedYear: 2019,
    publishedAt: new Date("2023-01-01"),
  },
  {
    slug: "lumpur-di-isi",
    name: "Pelatihan kader posyandu",
    summary: "Kader belajar menimbang balita.",
    problem: "Lumpur tinja juga dibahas sekilas dalam pelatihan.",
    regionCode: "74.05",
    sector: "Kesehatan",
    spmField: "HEALTH" as const,
    maturity: "IDEA" as const,
    startedYear: 2024,
    publishedAt: new Date("2025-01-01"),
  },
];

beforeAll(async () => {
  await ensureRegions();
  await prisma.practice.create({ data: { ...kendari, status: "PUBLISHED" } });
  for (const p of others) await prisma.practice.create({ data: { ...p, status: "PUBLISHED", tags: [] } });
  // a lesson whose words put "para" (a stop word) and "berjalan" in the catalogue's vocabulary
  await prisma.lesson.create({
    data: {
      slug: "pelajaran-asn",
      title: "Uji coba pada para ASN",
      summary: "Layanan berjalan setelah para ASN ikut lebih dulu.",
      status: "PUBLISHED",
      publishedAt: new Date("2020-01-28"),
      content: { type: "doc", content: [] },
      tags: [],
    },
  });
  invalidateCatalogVocabulary();
});

const slugs = (result: Awaited<ReturnType<typeof searchCatalog>>) => result.practices.map((p) => p.slug);

describe("queries as people write them", () => {
  it("a question finds Kendari's desludging first, its question words neither searched nor corrected", async () => {
    const result = await searchCatalog({ q: "bagaimana cara pengelolaan air limbah di kota" });
    expect(result.corrected).toBeNull();
    expect(result.searchedFor).toBe("pengelolaan air limbah");
    expect(slugs(result)[0]).toBe("l2t2-kendari");
    expect(result.sort).toBe("relevance");
  });

  it("one word the text lacks lowers the rank instead of emptying the list", async () => {
    const result = await searchCatalog({ q: "penyedotan lumpur tinja rutin" });
    expect(result.total).toBeGreaterThan(0);
    expect(slugs(result)[0]).toBe("l2t2-kendari");
    const missing = await searchCatalog({ q: "penyedotan lumpur tinja xylofon" });
    expect(missing.corrected).toBeNull();
    expect(slugs(missing)[0]).toBe("l2t2-kendari");
    expect(missing.practices[0].missing).toEqual(["xylofon"]);
    // the practice with only "lumpur tinja", in its body, ranks after the one with all of it
    expect(slugs(missing)).toContain("lumpur-di-isi");
  });

  it("'lumpur tinja berkala' is not corrected to 'berjalan': berkala ~ terjadwal", async () => {
    const result = await searchCatalog({ q: "lumpur tinja berkala" });
    expect(result.corrected).toBeNull();
    expect(slugs(result)[0]).toBe("l2t2-kendari");
    expect(result.practices[0].missing).toEqual([]);
  });

  it("colloquial and official words meet through the synonym list", async () => {
    expect(slugs(await searchCatalog({ q: "sedot WC" }))[0]).toBe("l2t2-kendari");
    expect(slugs(await searchCatalog({ q: "PNS wajib sedot tinja" }))[0]).toBe("l2t2-kendari");
    expect(slugs(await searchCatalog({ q: "daftar puskesmas online" }))[0]).toBe("antrean-konsel");
    expect(slugs(await searchCatalog({ q: "antrian" }))).toEqual(["antrean-konsel"]);
    expect(slugs(await searchCatalog({ q: "bantuan wc keluarga" }))[0]).toBe("jamban-blitar");
    expect(slugs(await searchCatalog({ q: "kakus" }))).toEqual(["jamban-blitar"]);
  });

  it("typos are corrected from the catalogue's vocabulary, never a stop word, never to one", async () => {
    expect((await searchCatalog({ q: "sanitsi" })).corrected).toBe("sanitasi");
    expect(slugs(await searchCatalog({ q: "sanitsi" }))).toContain("l2t2-kendari");
    for (const q of ["cara", "apa yang", "bagaimana caranya", "untuk di", "tanpa para"]) {
      const result = await searchCatalog({ q });
      expect({ searchedFor: result.searchedFor, corrected: result.corrected }, q).toEqual({
        searchedFor: "",
        corrected: null,
      });
    }
    // a word of the synonym list is known even when the catalogue lacks it
    expect((await searchCatalog({ q: "kakus" })).corrected).toBeNull();
  });

  it("region and province names and the SPM field count, weakly", async () => {
    // "Jamban sehat keluarga" says neither Blitar nor sanitasi's SPM field in its text
    expect(slugs(await searchCatalog({ q: "jamban blitar" }))[0]).toBe("jamban-blitar");
    expect(slugs(await searchCatalog({ q: "sulawesi tenggara" }))).toEqual(
      expect.arrayContaining(["l2t2-kendari", "antrean-konsel", "lumpur-di-isi"]),
    );
    // a renamed region renames it in its practices' vectors
    await prisma.region.update({ where: { code: "35.72" }, data: { name: "Kota Blitar Raya" } });
    try {
      expect(slugs(await searchCatalog({ q: "raya" }))).toEqual(
        expect.arrayContaining(["jamban-blitar", "sampah-blitar"]),
      );
    } finally {
      await prisma.region.update({ where: { code: "35.72" }, data: { name: "Kota Blitar" } });
    }
  });

  it("ranks by how much of the query matches, then by field: name before body", async () => {
    const result = await searchCatalog({ q: "lumpur tinja" });
    expect(slugs(result)).toEqual(["l2t2-kendari", "lumpur-di-isi"]);
    // newest first only when asked
    expect(slugs(await searchCatalog({ q: "lumpur tinja", sort: "recent" }))).toEqual([
      "lumpur-di-isi",
      "l2t2-kendari",
    ]);
  });

  it("lessons are found the same way", async () => {
    const found = await listLessonsForCatalog({ q: "bagaimana uji coba untuk pegawai negeri" });
    expect(found.lessons.map((l) => l.slug)).toEqual(["pelajaran-asn"]);
    expect(found.total).toBe(1);
  });

  it("a query from the page sorts by relevance unless newest was chosen", async () => {
    const data = await (
      await callRoute(catalogRoute.loader, getRequest("/katalog?q=lumpur+tinja&urut="))
    ).json();
    expect(data.sort).toBe("relevance");
    expect(data.chosenSort).toBeUndefined();
    expect(data.practices.map((p: { slug: string }) => p.slug)).toEqual(["l2t2-kendari", "lumpur-di-isi"]);
    const recent = await (
      await callRoute(catalogRoute.loader, getRequest("/katalog?q=lumpur+tinja&urut=recent"))
    ).json();
    expect(recent.chosenSort).toBe("recent");
    expect(recent.practices[0].slug).toBe("lumpur-di-isi");
  });
});

// The page as served: the search form and a result card, rendered by the app's own entry.server.
describe("the catalogue page", () => {
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const started = await loadAppBuild();
    const build = started.build;
    const handler = createRequestHandler(build, "production");
    handle = (request) => handler(request);
  }, 60_000);

  const page = async (path: string) => (await handle(new Request(`http://lintas.test${path}`))).text();

  it("does not send newest-first with a search from /katalog", async () => {
    const html = await page("/katalog");
    const select = /<select id="catalog-sort" name="urut">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    // the first option, chosen, is relevance with an empty value: a query then sorts by relevance
    expect(select).toMatch(/^<option value="" selected="">Paling relevan<\/option>/);
    expect(select).not.toContain('value="recent" selected');
  });

  it("says why each result matched: marked words, region, year, sector, stage and missing words", async () => {
    const html = await page("/katalog?q=penyedotan+lumpur+tinja+xylofon");
    const card = html.slice(html.indexOf('href="/katalog/l2t2-kendari"'));
    expect(card).toMatch(/<mark>Lumpur<\/mark>/);
    expect(card).toContain("Kota Kendari · sejak 2016 · Sanitasi (air limbah domestik) · Berkelanjutan");
    expect(card).toContain("<mark>Penyedotan</mark>");
    expect(card).toMatch(/Tidak memuat:(<!-- -->)? <s>xylofon<\/s>/);
  });
});

// A search at 10k matches hundreds of lessons: the page lists the first few under the practices,
// says how many were found, and lists them all (up to 100) on request (decision 0068).
describe("lessons on the catalogue page", () => {
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    for (let i = 1; i <= 8; i++)
      await prisma.lesson.create({
        data: {
          slug: `bank-sampah-${i}`,
          title: `Bank sampah sekolah, pelajaran ${i}`,
          summary: "Murid menabung sampah pilahan.",
          status: "PUBLISHED",
          publishedAt: new Date(`2024-0${i}-01`),
          content: { type: "doc", content: [] },
          tags: [],
        },
      });
    invalidateCatalogVocabulary();
    const started = await loadAppBuild();
    const handler = createRequestHandler(started.build, "production");
    handle = (request) => handler(request);
  }, 60_000);

  const lessonLinks = (html: string) => html.match(/href="\/pelajaran\/bank-sampah-\d"/g) ?? [];

  it("lists six, counts them all, and links to the rest", async () => {
    const data = await (await callRoute(catalogRoute.loader, getRequest("/katalog?q=bank+sampah"))).json();
    expect(data.lessons).toHaveLength(6);
    expect(data.lessonTotal).toBe(8);
    const html = await (await handle(new Request("http://lintas.test/katalog?q=bank+sampah"))).text();
    expect(lessonLinks(html)).toHaveLength(6);
    expect(html).toContain("9 hasil untuk “bank sampah”");
    expect(html).toMatch(
      /<a [^>]*href="\/katalog\?q=bank\+sampah&amp;pelajaran=semua"[^>]*>Lihat lebih banyak pelajaran \(8 ditemukan\)<\/a>/,
    );
  });

  it("lists them all when asked, without the link", async () => {
    const html = await (
      await handle(new Request("http://lintas.test/katalog?q=bank+sampah&pelajaran=semua"))
    ).text();
    expect(lessonLinks(html)).toHaveLength(8);
    expect(html).not.toContain("Lihat lebih banyak pelajaran");
  });
});

// "kota blitar" and "kabupaten blitar" are two regions: a region-kind word before a name searches
// the name as the region's own, while alone or at the end it decides nothing (decision 0068)
describe("a region named with its kind", () => {
  beforeAll(async () => {
    await prisma.region.upsert({
      where: { code: "35.05" },
      update: {},
      create: {
        code: "35.05",
        name: "Kabupaten Blitar",
        kind: "REGENCY",
        provinceCode: "35",
        timeZone: "Asia/Jakarta",
      },
    });
    for (const [slug, regionCode, year] of [
      ["posyandu-digital-kota-blitar", "35.72", 2022],
      ["posyandu-digital-kabupaten-blitar", "35.05", 2023],
    ] as const)
      await prisma.practice.create({
        data: {
          slug,
          name: "Posyandu digital",
          summary: "Kader mencatat timbang balita di ponsel.",
          regionCode,
          startedYear: year,
          status: "PUBLISHED",
          publishedAt: new Date(`${year}-06-01`),
          tags: [],
        },
      });
    invalidateCatalogVocabulary();
  });

  it("finds the city's practice first for 'kota blitar' and the regency's for 'kabupaten blitar'", async () => {
    const city = await searchCatalog({ q: "posyandu digital di kota blitar" });
    expect(city.searchedFor).toBe("posyandu digital kota blitar");
    // then the regency's (it says "posyandu digital"), then Kota Blitar's other practices
    expect(slugs(city).slice(0, 2)).toEqual([
      "posyandu-digital-kota-blitar",
      "posyandu-digital-kabupaten-blitar",
    ]);
    expect(city.practices[1].missing).toEqual(["kota blitar"]);
    const regency = await searchCatalog({ q: "posyandu digital kab blitar" });
    expect(slugs(regency).slice(0, 2)).toEqual([
      "posyandu-digital-kabupaten-blitar",
      "posyandu-digital-kota-blitar",
    ]);
  });

  it("never corrects a misspelt region kind to one", async () => {
    const result = await searchCatalog({ q: "posyandu digital kabupatn" });
    expect(result.searchedFor).not.toContain("kabupaten");
    expect(slugs(result).slice(0, 2).sort()).toEqual([
      "posyandu-digital-kabupaten-blitar",
      "posyandu-digital-kota-blitar",
    ]);
  });
});
