import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { getPublishedPractice, listLessonsForCatalog } from "~/modules/catalogue/catalog.server";
import { getPublicLesson } from "~/modules/lessons/public.server";
import * as lessonRoute from "~/routes/lessons/lesson";
import { callRoute, ensureRegions, getRequest } from "../fixtures/people";

beforeAll(async () => {
  await ensureRegions();
  await prisma.practice.createMany({
    data: [
      {
        slug: "l2t2-kendari",
        name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
        summary: "Penyedotan tinja terjadwal untuk rumah tangga, diwajibkan bagi ASN sejak 2018.",
        tags: ["lumpur tinja", "penyedotan"],
        regionCode: "74.71",
        status: "PUBLISHED",
        maturity: "SUSTAINED",
        publishedAt: new Date("2020-03-01"),
        contactName: "Bappeda Kota Kendari",
        contactEmail: "pribadi@kendari.test",
      },
      { slug: "draf-rahasia", name: "Penyedotan rahasia", regionCode: "74.71", status: "DRAFT", tags: [] },
    ],
  });
  await prisma.lesson.create({
    data: {
      slug: "pelajaran-sesi-1",
      title: "Pelajaran sesi 1: advokasi dan uji coba pada ASN",
      status: "PUBLISHED",
      publishedAt: new Date("2020-01-28"),
      content: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Mulai uji coba penyedotan dari ASN." }] },
        ],
      },
    },
  });
});

describe("public catalogue", () => {
  it("finds the practice by Indonesian words in other forms (sedot → penyedotan)", async () => {
    const found = await searchCatalog({ q: "lumpur tinja terjadwal" });
    expect(found.practices.map((p) => p.slug)).toEqual(["l2t2-kendari"]);
    expect((await searchCatalog({ q: "sedot" })).practices.map((p) => p.slug)).toEqual(["l2t2-kendari"]);
    expect((await listLessonsForCatalog({ q: "penyedotan" })).lessons.map((l) => l.slug)).toEqual([
      "pelajaran-sesi-1",
    ]);
  });

  it("never shows drafts or personal contact details", async () => {
    expect((await searchCatalog({})).practices.map((p) => p.slug)).not.toContain("draf-rahasia");
    expect(await getPublishedPractice("draf-rahasia")).toBeNull();
    const practice = await getPublishedPractice("l2t2-kendari");
    expect(JSON.stringify(practice)).not.toContain("pribadi@kendari.test");
  });

  it("renders a published lesson to HTML for anyone", async () => {
    const lesson = await getPublicLesson("pelajaran-sesi-1");
    expect(lesson && !lesson.withdrawn && lesson.html).toBe("<p>Mulai uji coba penyedotan dari ASN.</p>");
    expect(
      (await callRoute(lessonRoute.loader, getRequest("/pelajaran/tidak-ada"), { slug: "tidak-ada" })).status,
    ).toBe(404);
  });

  it("survives hostile search text", async () => {
    for (const q of ['\'; DROP TABLE "Practice"; --', "<script>", "&|!():*", "x".repeat(1000)])
      await expect(searchCatalog({ q })).resolves.toMatchObject({ practices: expect.any(Array) });
  });
});

describe("open data", () => {
  it("exports the catalogue as CSV, JSON and Atom", async () => {
    const csvRoute = await import("~/routes/catalogue/export.csv");
    const jsonRoute = await import("~/routes/catalogue/export.json");
    const atomRoute = await import("~/routes/catalogue/feed.atom");
    const csv = await (await csvRoute.loader()).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "slug,name,summary,region_code,region,region_kind,province,agency,sector,spm_field,maturity,replications,tags,started_year,innovation_form,innovation_type,innovation_initiator,innovation_stage,government_affair,evidence_url,published_at,updated_at",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("l2t2-kendari");
    const json = await (await jsonRoute.loader()).json();
    expect(json.count).toBe(1);
    expect(json.practices[0]).toMatchObject({ slug: "l2t2-kendari", region_code: "74.71" });
    const atom = await (await atomRoute.loader()).text();
    expect(atom).toContain("<title>Layanan Lumpur Tinja Terjadwal (L2T2)</title>");
  });

  it("defuses spreadsheet formulas in CSV cells", async () => {
    const { recordsToCsv } = await import("~/utils/csv");
    expect(recordsToCsv([{ a: '=HYPERLINK("x")', b: "biasa, dengan koma" }])).toBe(
      'a,b\r\n"\'=HYPERLINK(""x"")","biasa, dengan koma"\r\n',
    );
  });
});

describe("asking to learn", () => {
  it("turns a region officer's request into a proposed pairing for the PMU, once", async () => {
    const { cookieFor, createPerson, formRequest } = await import("../fixtures/people");
    const route = await import("~/routes/catalogue/practice");
    const facilitator = await createPerson({ role: "FACILITATOR" });
    const asker = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
    const cookie = await cookieFor(asker.id);
    const ask = (message: string) =>
      callRoute(route.action, formRequest("/katalog/l2t2-kendari", { message }, cookie), {
        slug: "l2t2-kendari",
      });
    expect((await ask("pendek")).status).toBe(400);
    expect(await prisma.pairing.count()).toBe(0);
    const sent = await ask("Kami ingin belajar penyedotan terjadwal untuk 2.000 rumah tangga.");
    expect(sent.status).toBe(302);
    const pairing = await prisma.pairing.findFirstOrThrow({ include: { participants: true } });
    expect(pairing).toMatchObject({
      status: "PROPOSED",
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "Layanan Lumpur Tinja Terjadwal (L2T2)",
    });
    expect(pairing.participants[0]).toMatchObject({ userId: asker.id, side: "MENTEE", isLead: true });
    expect(
      await prisma.notification.count({ where: { userId: facilitator.id, kind: "pairing-request" } }),
    ).toBe(1);
    const twice = await ask("Kami ingin belajar penyedotan terjadwal lagi.");
    expect(twice.status).toBe(400);
    expect((await twice.json()).result.error).toEqual({ "": ["pairings.errors.alreadyRequested"] });
    expect(await prisma.pairing.count()).toBe(1);
  });
});

describe("a visitor without an account asking to learn", () => {
  const visitorAsk = async (fields: Record<string, string>, ip = "198.51.100.9") => {
    const { formRequest } = await import("../fixtures/people");
    const route = await import("~/routes/catalogue/practice");
    return callRoute(
      route.action,
      formRequest("/katalog/l2t2-kendari", fields, undefined),
      { slug: "l2t2-kendari" },
      {
        clientIp: ip,
      },
    );
  };
  const valid = {
    name: "Siti Rahma",
    regionCode: "74.05 Kabupaten Konawe Selatan",
    email: "Siti@Konsel.test",
    need: "Kami ingin memulai penyedotan terjadwal di ibu kota kabupaten.",
  };

  it("creates exactly one proposed pairing for the region they pick, which the facilitators hear of", async () => {
    const { createPerson } = await import("../fixtures/people");
    const facilitator = await createPerson({ role: "FACILITATOR" });
    const before = await prisma.pairing.count();
    // a bad field comes back next to it; nothing written
    const bad = await visitorAsk({ ...valid, email: "bukan-email", need: "pendek" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error).toMatchObject({
      email: ["errors.email"],
      need: ["errors.tooShort"],
    });
    expect(await prisma.pairing.count()).toBe(before);

    const sent = await visitorAsk(valid);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/katalog/l2t2-kendari?diminta=1");
    expect(await prisma.pairing.count()).toBe(before + 1);
    const pairing = await prisma.pairing.findFirstOrThrow({
      where: { menteeRegionCode: "74.05" },
      include: { participants: true },
    });
    expect(pairing).toMatchObject({ status: "PROPOSED", mentorRegionCode: "74.71" });
    expect(pairing.goals).toContain("siti@konsel.test");
    expect(pairing.participants).toMatchObject([
      { name: "Siti Rahma", side: "MENTEE", userId: null, regionCode: "74.05" },
    ]);
    expect(
      await prisma.notification.count({ where: { userId: facilitator.id, link: `/pasangan/${pairing.id}` } }),
    ).toBe(1);

    // the same region again: refused, still one
    const twice = await visitorAsk(valid);
    expect(twice.status).toBe(400);
    expect((await twice.json()).result.error).toMatchObject({ "": ["pairings.errors.alreadyRequested"] });
    expect(await prisma.pairing.count()).toBe(before + 1);
  });

  it("is refused for the practice's own region", async () => {
    const before = await prisma.pairing.count();
    const own = await visitorAsk({ ...valid, regionCode: "74.71" });
    expect(own.status).toBe(400);
    expect((await own.json()).result.error).toMatchObject({ regionCode: ["pairings.errors.sameRegion"] });
    expect(await prisma.pairing.count()).toBe(before);
  });

  it("is refused for the practice's own region when a signed-in officer asks, too", async () => {
    const { cookieFor, createPerson, formRequest } = await import("../fixtures/people");
    const route = await import("~/routes/catalogue/practice");
    const own = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
    const before = await prisma.pairing.count();
    const response = await callRoute(
      route.action,
      formRequest(
        "/katalog/l2t2-kendari",
        { message: "Kami ingin belajar dari diri sendiri." },
        await cookieFor(own.id),
      ),
      { slug: "l2t2-kendari" },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ "": ["pairings.errors.sameRegion"] });
    expect(await prisma.pairing.count()).toBe(before);
  });

  it("is rate-limited per address", async () => {
    const ip = "192.0.2.44";
    for (let i = 0; i < 10; i++) {
      // each refused for the own region, but counted
      expect((await visitorAsk({ ...valid, regionCode: "74.71" }, ip)).status).toBe(400);
    }
    const limited = await visitorAsk({ ...valid, regionCode: "35.72" }, ip);
    expect(limited.status).toBe(429);
    expect(
      await prisma.pairing.count({
        where: { menteeRegionCode: "35.72", participants: { some: { userId: null } } },
      }),
    ).toBe(0);
  });

  it("shows the request form only when asked, and never for drafts", async () => {
    const route = await import("~/routes/catalogue/practice");
    const plain = await (
      await callRoute(route.loader, getRequest("/katalog/l2t2-kendari"), { slug: "l2t2-kendari" })
    ).json();
    expect(plain.regions).toEqual([]);
    expect(plain.jsonLd).toMatchObject({
      "@type": "CreativeWork",
      name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
    });
    const asked = await (
      await callRoute(route.loader, getRequest("/katalog/l2t2-kendari?minta=1"), { slug: "l2t2-kendari" })
    ).json();
    expect(asked.regions.length).toBeGreaterThan(0);
    expect(
      (await callRoute(route.loader, getRequest("/katalog/draf-rahasia"), { slug: "draf-rahasia" })).status,
    ).toBe(404);
    const { formRequest } = await import("../fixtures/people");
    const draft = await callRoute(route.action, formRequest("/katalog/draf-rahasia", valid), {
      slug: "draf-rahasia",
    });
    expect(draft.status).toBe(404);
  });
});

// last: its practice would change the open-data counts above
describe("a practice's replications (item 6)", () => {
  it("names each region's status in words and counts only completed ones as replicated", async () => {
    const practice = await prisma.practice.create({
      data: {
        slug: "sedot-replikasi-uji",
        name: "Sedot tinja replikasi uji",
        regionCode: "74.71",
        status: "PUBLISHED",
        publishedAt: new Date("2021-01-01"),
        tags: [],
      },
    });
    await prisma.replication.createMany({
      data: [
        { practiceId: practice.id, regionCode: "35.72", status: "IN_PROGRESS" },
        { practiceId: practice.id, regionCode: "74.05", status: "REPLICATED" },
      ],
    });
    const page = await getPublishedPractice("sedot-replikasi-uji");
    expect(page?.replicatedCount).toBe(1);
    expect(page?.replications.map((r) => [r.region.code, r.statusKey])).toEqual([
      ["74.05", "REPLICATED"],
      ["35.72", "IN_PROGRESS"],
    ]);
    const { fixedT } = await import("~/i18n/translate");
    const t = fixedT("id");
    expect(page?.replications.map((r) => t(`catalog.replicationStatus.${r.statusKey}`))).toEqual([
      "sudah direplikasi",
      "sedang direplikasi",
    ]);
    const found = await searchCatalog({ q: "replikasi uji" });
    expect(found.practices.find((p) => p.slug === "sedot-replikasi-uji")?.replications).toBe(1);
  });
});
