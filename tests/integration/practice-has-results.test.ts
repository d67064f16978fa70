// A practice "with results" (the catalogue's facet and filter) follows its project's measurements
// and its own results text as they change: kept by the database's triggers (migration
// practice_has_results, docs/decisions/0064), so search reads a column instead of probing every match.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { ensureRegions } from "../fixtures/people";

let projectId = "";
let indicatorId = "";

/** What a visitor sees: the "with results" count, and the practices the filter shows. */
async function withResults() {
  const all = await searchCatalog({ q: "jamban sehat" });
  const filtered = await searchCatalog({ q: "jamban sehat", filters: { hasResults: true } });
  return {
    count: all.facets.hasResults[0]?.count ?? 0,
    slugs: filtered.practices.map((p) => p.slug),
  };
}

const measure = (value: number, day: string) =>
  prisma.measurement.create({ data: { indicatorId, value, measuredAt: new Date(day) } });

beforeAll(async () => {
  await ensureRegions();
  projectId = (
    await prisma.changeProject.create({
      data: { title: "Jamban sehat", kind: "TRAINING_CHANGE_PROJECT", regionCode: "74.71" },
    })
  ).id;
  indicatorId = (
    await prisma.indicator.create({ data: { name: "Rumah dengan jamban", unit: "%", projectId } })
  ).id;
  await prisma.practice.create({
    data: {
      slug: "jamban-sehat-kendari",
      name: "Jamban sehat untuk semua",
      status: "PUBLISHED",
      publishedAt: new Date("2024-01-01"),
      regionCode: "74.71",
      projectId,
    },
  });
});

describe("a practice with results", () => {
  it("has none before its project measures anything", async () => {
    expect(await withResults()).toEqual({ count: 0, slugs: [] });
  });

  it("has results from its project's first measurement, and keeps them while one is left", async () => {
    const first = await measure(40, "2024-03-31");
    await measure(55, "2024-06-30");
    expect(await withResults()).toEqual({ count: 1, slugs: ["jamban-sehat-kendari"] });
    await prisma.measurement.delete({ where: { id: first.id } });
    expect(await withResults()).toEqual({ count: 1, slugs: ["jamban-sehat-kendari"] });
  });

  it("has none once the last measurement is deleted, or its indicator with them", async () => {
    await prisma.measurement.deleteMany({ where: { indicatorId } });
    expect(await withResults()).toEqual({ count: 0, slugs: [] });
    await prisma.measurement.createMany({
      data: [
        { indicatorId, value: 60, measuredAt: new Date("2024-09-30") },
        { indicatorId, value: 70, measuredAt: new Date("2024-12-31") },
      ],
    });
    expect(await withResults()).toEqual({ count: 1, slugs: ["jamban-sehat-kendari"] });
    await prisma.indicator.delete({ where: { id: indicatorId } });
    expect(await withResults()).toEqual({ count: 0, slugs: [] });
  });

  it("has results when its own text says them, and not from a project it no longer belongs to", async () => {
    indicatorId = (
      await prisma.indicator.create({ data: { name: "Rumah dengan jamban", unit: "%", projectId } })
    ).id;
    await measure(80, "2025-03-31");
    expect(await withResults()).toEqual({ count: 1, slugs: ["jamban-sehat-kendari"] });
    await prisma.practice.update({ where: { slug: "jamban-sehat-kendari" }, data: { projectId: null } });
    expect(await withResults()).toEqual({ count: 0, slugs: [] });
    await prisma.practice.update({
      where: { slug: "jamban-sehat-kendari" },
      data: { results: "Rumah dengan jamban naik dari 40 % menjadi 80 %." },
    });
    expect(await withResults()).toEqual({ count: 1, slugs: ["jamban-sehat-kendari"] });
  });
});
