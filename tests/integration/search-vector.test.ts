// The stored search vectors of practices and lessons (migration catalog_search_vector): kept by
// triggers on every insert and update, also of several rows at once, and a lesson's vector holds
// only the words its reader sees, not the keys and node names of the editor's JSON.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { listLessonsForCatalog } from "~/modules/catalogue/catalog.server";
import { searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { ensureRegions } from "../fixtures/people";

const foundSlugs = async (q: string) => (await searchCatalog({ q })).practices.map((p) => p.slug);
const foundLessons = async (q: string) => (await listLessonsForCatalog({ q })).lessons.map((l) => l.slug);

const lessonContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Konteks" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Jadwal " },
        { type: "text", marks: [{ type: "bold" }], text: "penyedotan" },
        {
          type: "text",
          marks: [{ type: "link", attrs: { href: "https://contoh.go.id/tersembunyi" } }],
          text: " tinja rumah tangga.",
        },
      ],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Instalasi pengolahan bersama" }] }],
        },
      ],
    },
  ],
};

beforeAll(async () => {
  await ensureRegions();
});

describe("practice search vectors", () => {
  it("follows a rename: found by a word of the new name, not by one only in the old", async () => {
    const practice = await prisma.practice.create({
      data: {
        slug: "bank-sampah-kendari",
        name: "Bank sampah kelurahan",
        summary: "Tabungan warga berbasis rumah tangga.",
        regionCode: "74.71",
        status: "PUBLISHED",
        publishedAt: new Date("2024-01-01"),
        tags: [],
      },
    });
    expect(await foundSlugs("sampah")).toEqual(["bank-sampah-kendari"]);

    await prisma.practice.update({ where: { id: practice.id }, data: { name: "Pasar ikan higienis" } });
    expect(await foundSlugs("higienis")).toEqual(["bank-sampah-kendari"]);
    expect(await foundSlugs("pasar ikan")).toEqual(["bank-sampah-kendari"]);
    expect(await foundSlugs("sampah")).not.toContain("bank-sampah-kendari");
    expect(await foundSlugs("kelurahan")).not.toContain("bank-sampah-kendari");
    // the words that stayed still find it
    expect(await foundSlugs("tabungan warga")).toEqual(["bank-sampah-kendari"]);
    // and a typo of the new word is corrected to it, not to a word of the old text, once the
    // vocabulary may reload after a change (at most every 30 s; here the clock moves 31 s on)
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31_000 });
    const typo = await searchCatalog({ q: "higeinis" }).finally(() => vi.useRealTimers());
    expect(typo.corrected).toBe("higienis");
    expect(typo.practices.map((p) => p.slug)).toEqual(["bank-sampah-kendari"]);
  });

  it("fills the vector of every practice and lesson created together", async () => {
    await prisma.practice.createMany({
      data: ["satu", "dua", "tiga"].map((n) => ({
        slug: `praktik-massal-${n}`,
        name: `Praktik massal ${n}`,
        summary: "Pemetaan jamban sehat",
        regionCode: "35.72",
        status: "PUBLISHED" as const,
        publishedAt: new Date("2024-02-01"),
        tags: ["sanitasi"],
      })),
    });
    await prisma.lesson.createMany({
      data: ["satu", "dua"].map((n) => ({
        slug: `pelajaran-massal-${n}`,
        title: `Pelajaran massal ${n}`,
        status: "PUBLISHED" as const,
        publishedAt: new Date("2024-02-01"),
        content: lessonContent,
      })),
    });
    const [practices] = await prisma.$queryRaw<{ missing: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE "searchVector" IS NULL)::int AS missing, count(*)::int AS total FROM "Practice"`;
    expect(practices).toMatchObject({ missing: 0 });
    expect(practices.total).toBeGreaterThanOrEqual(3);
    const [lessons] = await prisma.$queryRaw<{ missing: number }[]>`
      SELECT count(*) FILTER (WHERE "searchVector" IS NULL)::int AS missing FROM "Lesson"`;
    expect(lessons.missing).toBe(0);
    // "pemetaan" is stemmed to "peta"
    expect(await foundSlugs("peta jamban")).toEqual(
      expect.arrayContaining(["praktik-massal-satu", "praktik-massal-dua", "praktik-massal-tiga"]),
    );
  });
});

describe("lesson search vectors", () => {
  beforeAll(async () => {
    await prisma.lesson.create({
      data: {
        slug: "jadwal-penyedotan",
        title: "Jadwal layanan untuk warga",
        summary: "Dari uji coba ke layanan rutin.",
        status: "PUBLISHED",
        publishedAt: new Date("2024-03-01"),
        tags: ["sanitasi"],
        content: lessonContent,
      },
    });
  });

  it("finds a lesson by the stem of a word in its text, at any depth and with marks", async () => {
    expect(await foundLessons("sedot")).toContain("jadwal-penyedotan");
    expect(await foundLessons("penyedotan")).toContain("jadwal-penyedotan");
    expect(await foundLessons("olah")).toContain("jadwal-penyedotan");
    expect(await foundLessons("konteks")).toContain("jadwal-penyedotan");
    expect(await foundLessons("rutin")).toContain("jadwal-penyedotan");
  });

  it("does not match the editor's JSON: node types, keys, marks or link addresses", async () => {
    for (const q of ["paragraph", "heading", "bulletList", "listItem", "content", "text", "marks", "bold"])
      expect(await foundLessons(q), q).not.toContain("jadwal-penyedotan");
    expect(await foundLessons("tersembunyi")).not.toContain("jadwal-penyedotan");
    // "contoh" is a stop word of the catalogue search: the link's host is checked by its other word
    expect(await foundLessons("https")).not.toContain("jadwal-penyedotan");
  });

  it("follows a change of the content", async () => {
    await prisma.lesson.update({
      where: { slug: "jadwal-penyedotan" },
      data: {
        content: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Pemilahan sampah di sekolah." }] }],
        },
      },
    });
    expect(await foundLessons("pilah")).toContain("jadwal-penyedotan");
    expect(await foundLessons("sedot")).not.toContain("jadwal-penyedotan");
  });
});

// PGlite has no autovacuum to empty GIN's pending list: the catalogue's indexes take each row as it
// is written (migration catalog_gin_fastupdate_off), so the planner can use them (issue #20).
describe("the catalogue's search indexes", () => {
  it("keep no pending list: fastupdate is off on both", async () => {
    const rows = await prisma.$queryRaw<{ name: string; options: string[] | null }[]>`
      SELECT relname AS name, reloptions AS options FROM pg_class
       WHERE relname IN ('Practice_searchVector_idx', 'Lesson_searchVector_idx') ORDER BY relname`;
    expect(rows).toEqual([
      { name: "Lesson_searchVector_idx", options: ["fastupdate=off"] },
      { name: "Practice_searchVector_idx", options: ["fastupdate=off"] },
    ]);
  });
});
