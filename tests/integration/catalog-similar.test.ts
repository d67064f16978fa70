// Similar practices on a practice page, on the demo catalogue: by text and by facets (SPM field,
// sector, tags), never itself, only published; and "practices like this in your province" — the
// viewer's province when signed in with a region, else the practice's own, and the page says which.
// Also the queries on the demo catalogue (issue 23).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { similarPractices, similarPracticesInProvince } from "~/modules/catalogue/similar.server";
import * as practiceRoute from "~/routes/catalogue/practice";
import { seedDemo } from "../../prisma/seed-demo";
import { callRoute, cookieFor, createPerson, getRequest } from "../fixtures/people";

const L2T2 = "layanan-lumpur-tinja-terjadwal-kota-kendari";
type Listed = { slug: string; region: { code: string; name: string } };
type PageData = {
  similar: Listed[];
  inProvince: { basis: "viewer" | "practice"; province: { code: string; name: string }; practices: Listed[] };
};

beforeAll(async () => {
  await seedDemo(prisma, { log: () => {} });
  // a draft about the same thing must never be suggested
  await prisma.practice.create({
    data: {
      slug: "draf-sedot-tinja-sultra",
      name: "Penyedotan lumpur tinja terjadwal (draf)",
      summary: "Layanan lumpur tinja terjadwal untuk ASN, masih draf.",
      status: "DRAFT",
      regionCode: "74.05",
      sector: "Sanitasi (air limbah domestik)",
      spmField: "PUBLIC_WORKS",
      tags: ["L2T2", "air limbah"],
    },
  });
}, 120_000);

async function pageData(slug: string, cookie?: string) {
  const response = await callRoute(practiceRoute.loader, getRequest(`/katalog/${slug}`, cookie), { slug });
  expect(response.status).toBe(200);
  return (await response.json()) as PageData;
}

describe("similar practices", () => {
  it("puts the other sanitation practices first for Kendari's L2T2, never itself nor a draft", async () => {
    const l2t2 = await prisma.practice.findUniqueOrThrow({ where: { slug: L2T2 } });
    const similar = (await similarPractices(l2t2)).map((p) => p.slug);
    expect(similar.length).toBeGreaterThanOrEqual(3);
    expect(similar.length).toBeLessThanOrEqual(5);
    expect(similar.slice(0, 2).sort()).toEqual(
      ["percepatan-kinerja-sanitasi-lampung-barat", "sistem-air-limbah-terpusat-denpasar"].sort(),
    );
    expect(similar).not.toContain(L2T2);
    expect(similar).not.toContain("draf-sedot-tinja-sultra");
  });

  it("finds practices on the same problem in another field: home visits and emergency calls", async () => {
    const homeCare = await prisma.practice.findUniqueOrThrow({
      where: { slug: "home-care-dottorota-makassar" },
    });
    const similar = (await similarPractices(homeCare)).map((p) => p.slug);
    expect(similar).toContain("brigade-siaga-bencana-bantaeng");
    expect(similar).not.toContain("home-care-dottorota-makassar");
  });

  it("in the practice's own province for a visitor, and says so", async () => {
    const data = await pageData("perjaka-papan-digital-jalan-lahat");
    expect(data.inProvince.basis).toBe("practice");
    expect(data.inProvince.province).toEqual({ code: "16", name: "Sumatera Selatan" });
    // Lahat's other launched projects, none already listed above, never itself
    const listed = data.inProvince.practices.map((p) => p.slug);
    expect(listed.length).toBeGreaterThan(0);
    for (const p of data.inProvince.practices) expect(p.region.code.startsWith("16")).toBe(true);
    expect(listed).not.toContain("perjaka-papan-digital-jalan-lahat");
    for (const slug of listed) expect(data.similar.map((p) => p.slug)).not.toContain(slug);
  });

  it("in the viewer's province when signed in with a region", async () => {
    const official = await createPerson({ regionCode: "35.72" }); // Kota Blitar, Jawa Timur
    const data = await pageData(L2T2, await cookieFor(official.id));
    expect(data.inProvince.basis).toBe("viewer");
    expect(data.inProvince.province).toEqual({ code: "35", name: "Jawa Timur" });
    expect(data.inProvince.practices.length).toBeGreaterThan(0);
    for (const p of data.inProvince.practices) expect(p.region.code.startsWith("35.")).toBe(true);
  });

  it("has nothing in a province without another similar practice, and links to the province", async () => {
    const l2t2 = await prisma.practice.findUniqueOrThrow({ where: { slug: L2T2 } });
    const result = await similarPracticesInProvince(l2t2);
    expect(result).toMatchObject({ basis: "practice", province: { code: "74" }, practices: [] });
  });
});

describe("the issue's queries on the demo catalogue", () => {
  it("find Kendari's practice in the top 3, by relevance, without correcting a stop word", async () => {
    for (const q of [
      "bagaimana cara pengelolaan air limbah di kota",
      "penyedotan lumpur tinja rutin",
      "lumpur tinja berkala",
      "sedot wc",
    ]) {
      const result = await searchCatalog({ q });
      expect(result.sort, q).toBe("relevance");
      expect(result.corrected, q).toBeNull();
      expect(
        result.practices.slice(0, 3).map((p) => p.slug),
        q,
      ).toContain(L2T2);
    }
  });
});
