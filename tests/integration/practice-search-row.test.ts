// The catalogue's search reads one narrow row per published practice ("PracticeSearch", migration
// practice_search, docs/decisions/0068), kept by the database's triggers. What a visitor finds must
// follow every change to a practice and to its region at once (its tags too: similar practices
// read them there), with nothing for the app to forget:
// published, edited, moved, withdrawn, deleted; a region moved to another province or of another kind.
import { beforeAll, describe, expect, it } from "vitest";
import { database, prisma } from "~/db.server";
import { invalidateCatalogVocabulary, searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { ensureRegions } from "../fixtures/people";

const Q = "bank sampah sekolah";

/** What a visitor gets for the query: the practices, and the facets they are counted in. */
async function found(filters: Parameters<typeof searchCatalog>[0]["filters"] = {}) {
  const result = await searchCatalog({ q: Q, filters });
  return {
    slugs: result.practices.map((p) => p.slug),
    total: result.total,
    maturity: result.facets.maturity.map((f) => `${f.value}:${f.count}`),
    province: result.facets.province.map((f) => `${f.value}:${f.count}`),
    kind: result.facets.kind.map((f) => `${f.value}:${f.count}`),
    sector: result.facets.sector.map((f) => `${f.value}:${f.count}`),
  };
}

/** Every search row agrees with its practice and region, and no other practice has one. */
async function rowsAgree() {
  const [{ wrong }] = await database.sql.query<{ wrong: number }>(`
    SELECT count(*)::int AS wrong FROM (
      (SELECT p.id, p."publishedAt", p.sector, p."spmField", p."regionCode", COALESCE(r."provinceCode", r.code),
         r.kind, p.maturity, p."startedYear", p."hasResults",
         ARRAY(SELECT DISTINCT lower(t) FROM unnest(p.tags) AS t ORDER BY 1), p."searchVector"::text
       FROM "Practice" p JOIN "Region" r ON r.code = p."regionCode" WHERE p.status = 'PUBLISHED'
       EXCEPT
       SELECT s."practiceId", s."publishedAt", s.sector, s."spmField", s."regionCode", s."provinceCode",
         s."regionKind", s.maturity, s."startedYear", s."hasResults",
         ARRAY(SELECT t FROM unnest(s.tags) AS t ORDER BY 1), s."searchVector"::text
       FROM "PracticeSearch" s)
      UNION ALL
      (SELECT s."practiceId", s."publishedAt", s.sector, s."spmField", s."regionCode", s."provinceCode",
         s."regionKind", s.maturity, s."startedYear", s."hasResults",
         ARRAY(SELECT t FROM unnest(s.tags) AS t ORDER BY 1), s."searchVector"::text
       FROM "PracticeSearch" s
       EXCEPT
       SELECT p.id, p."publishedAt", p.sector, p."spmField", p."regionCode", COALESCE(r."provinceCode", r.code),
         r.kind, p.maturity, p."startedYear", p."hasResults",
         ARRAY(SELECT DISTINCT lower(t) FROM unnest(p.tags) AS t ORDER BY 1), p."searchVector"::text
       FROM "Practice" p JOIN "Region" r ON r.code = p."regionCode" WHERE p.status = 'PUBLISHED')
    ) AS differences`);
  return wrong;
}

let id = "";

beforeAll(async () => {
  await ensureRegions();
  // a draft: not in the catalogue
  id = (
    await prisma.practice.create({
      data: {
        slug: "bank-sampah-sekolah",
        name: "Bank sampah sekolah",
        summary: "Murid menabung sampah pilahan di sekolah.",
        sector: "Lingkungan",
        maturity: "PILOTED",
        regionCode: "74.71",
      },
    })
  ).id;
});

describe("the catalogue's search rows", () => {
  it("hold no draft, and a practice from the moment it is published", async () => {
    expect((await found()).slugs).toEqual([]);
    await prisma.practice.update({
      where: { id },
      data: { status: "PUBLISHED", publishedAt: new Date("2024-05-01") },
    });
    expect(await found()).toEqual({
      slugs: ["bank-sampah-sekolah"],
      total: 1,
      maturity: ["PILOTED:1"],
      province: ["74:1"],
      kind: ["CITY:1"],
      sector: ["Lingkungan:1"],
    });
    expect(await rowsAgree()).toBe(0);
  });

  it("follow an edit of the text, the stage, the sector and the region", async () => {
    await prisma.practice.update({
      where: { id },
      data: {
        name: "Tabungan sampah murid",
        summary: "Bank sampah di setiap sekolah dasar.",
        maturity: "SUSTAINED",
        sector: "Pendidikan",
        regionCode: "74.05",
        tags: ["Sampah", "Murid", "sampah"],
      },
    });
    expect(await found()).toEqual({
      slugs: ["bank-sampah-sekolah"],
      total: 1,
      maturity: ["SUSTAINED:1"],
      province: ["74:1"],
      kind: ["REGENCY:1"],
      sector: ["Pendidikan:1"],
    });
    // the words it no longer says no longer find it
    await prisma.practice.update({ where: { id }, data: { summary: "Murid menabung di koperasi." } });
    expect((await searchCatalog({ q: "sekolah dasar" })).practices).toEqual([]);
    expect(await rowsAgree()).toBe(0);
  });

  it("follow its region moved to another province, and of another kind", async () => {
    await prisma.region.update({ where: { code: "74.05" }, data: { provinceCode: "35", kind: "CITY" } });
    const moved = await found({ province: "35" });
    expect(moved.slugs).toEqual(["bank-sampah-sekolah"]);
    expect(moved.kind).toEqual(["CITY:1"]);
    expect((await found({ province: "74" })).slugs).toEqual([]);
    // its words follow too: the new province's name finds it, the old one's no longer does
    invalidateCatalogVocabulary();
    expect((await searchCatalog({ q: "jawa timur" })).practices.map((p) => p.slug)).toEqual([
      "bank-sampah-sekolah",
    ]);
    expect((await searchCatalog({ q: "sulawesi tenggara" })).practices).toEqual([]);
    expect(await rowsAgree()).toBe(0);
    await prisma.region.update({ where: { code: "74.05" }, data: { provinceCode: "74", kind: "REGENCY" } });
    expect((await found({ province: "74" })).kind).toEqual(["REGENCY:1"]);
    expect(await rowsAgree()).toBe(0);
  });

  it("stay untouched by an edit of what search does not read", async () => {
    const xmin = async () =>
      (
        await database.sql.query<{ xmin: string }>(
          `SELECT xmin::text AS xmin FROM "PracticeSearch" WHERE "practiceId" = $1`,
          [id],
        )
      )[0].xmin;
    const before = await xmin();
    await prisma.practice.update({ where: { id }, data: { contactName: "Bu Sari", cost: "Rp 5 juta" } });
    expect(await xmin()).toBe(before);
    await prisma.practice.update({ where: { id }, data: { startedYear: 2021 } });
    expect(await xmin()).not.toBe(before);
    expect(await rowsAgree()).toBe(0);
  });

  it("follow a renamed region into the practice's words", async () => {
    await prisma.region.update({ where: { code: "74.05" }, data: { name: "Kabupaten Tinanggea Raya" } });
    expect((await searchCatalog({ q: "tinanggea" })).practices.map((p) => p.slug)).toEqual([
      "bank-sampah-sekolah",
    ]);
    expect(await rowsAgree()).toBe(0);
  });

  it("drop a withdrawn practice, take it back when published again, and drop it when deleted", async () => {
    await prisma.practice.update({ where: { id }, data: { status: "DRAFT" } });
    expect((await found()).slugs).toEqual([]);
    expect(await rowsAgree()).toBe(0);
    await prisma.practice.update({ where: { id }, data: { status: "PUBLISHED" } });
    expect((await found()).slugs).toEqual(["bank-sampah-sekolah"]);
    await prisma.practice.delete({ where: { id } });
    expect((await found()).slugs).toEqual([]);
    const [{ rows }] = await database.sql.query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM "PracticeSearch" WHERE "practiceId" = $1`,
      [id],
    );
    expect(rows).toBe(0);
    expect(await rowsAgree()).toBe(0);
  });
});
