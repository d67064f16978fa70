// The words the catalogue search's typo tolerance corrects to: read from stored word vectors kept
// by the search-vector triggers (migration catalog_word_vectors, docs/decisions/0064), so they
// follow every write (a practice's text, its region's name, a lesson) without parsing the whole
// catalogue again, and the words of drafts are never offered.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { database, prisma } from "~/db.server";
import { invalidateCatalogVocabulary, searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { ensureRegions } from "../fixtures/people";

/** A search with the vocabulary read again, as after a catalogue change. */
async function search(q: string) {
  invalidateCatalogVocabulary();
  const result = await searchCatalog({ q });
  return { corrected: result.corrected, slugs: result.practices.map((p) => p.slug) };
}

const storedWords = async (slug: string) =>
  (
    await database.sql.query<{ words: string[] }>(
      `SELECT tsvector_to_array("wordVector") AS words FROM "Practice" WHERE slug = $1`,
      [slug],
    )
  )[0].words;

beforeAll(async () => {
  await ensureRegions();
  await prisma.practice.create({
    data: {
      slug: "pojok-baca-kendari",
      name: "Pojok baca kelurahan",
      summary: "Perpustakaan mini di balai warga.",
      regionCode: "74.71",
      status: "PUBLISHED",
      publishedAt: new Date("2024-01-01"),
    },
  });
  await prisma.practice.create({
    data: {
      slug: "draf-rahasia",
      name: "Rancangan kerahasiaan",
      summary: "Masih draf.",
      regionCode: "74.71",
      status: "DRAFT",
    },
  });
});

afterEach(() => vi.useRealTimers());

describe("the typo tolerance's vocabulary", () => {
  it("is stored with each practice: its words as written and its region's names", async () => {
    const words = await storedWords("pojok-baca-kendari");
    expect(words).toEqual(expect.arrayContaining(["perpustakaan", "kelurahan", "kendari", "sulawesi"]));
  });

  it("corrects to a practice's words and its region's name, never to a draft's", async () => {
    expect(await search("perpustkaan")).toEqual({
      corrected: "perpustakaan",
      slugs: ["pojok-baca-kendari"],
    });
    expect((await search("kendary")).corrected).toBe("kendari");
    expect((await search("kerahasian")).corrected).not.toBe("kerahasiaan");
  });

  it("follows a rename of the region and a change of the text", async () => {
    await prisma.region.update({ where: { code: "74.71" }, data: { name: "Kota Kendari Baru" } });
    expect(await storedWords("pojok-baca-kendari")).toContain("baru");
    await prisma.practice.update({
      where: { slug: "pojok-baca-kendari" },
      data: { summary: "Taman bacaan di balai warga." },
    });
    const words = await storedWords("pojok-baca-kendari");
    expect(words).toContain("bacaan");
    expect(words).not.toContain("perpustakaan");
    expect((await search("bacan taman")).slugs).toEqual(["pojok-baca-kendari"]);
  });

  it("holds a published lesson's words", async () => {
    await prisma.lesson.create({
      data: {
        slug: "pelajaran-literasi",
        title: "Literasi warga",
        summary: "Relawan pustaka keliling.",
        status: "PUBLISHED",
        publishedAt: new Date("2024-02-01"),
        content: { type: "doc", content: [] },
      },
    });
    expect((await search("relawaan")).corrected).toBe("relawan");
  });
});
