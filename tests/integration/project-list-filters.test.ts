// The project list's search and filters, each checked against the data it was built from: search
// finds the title or the acronym whatever the case; agency matches part of the agency's name;
// a regency/city code finds its own projects, a province code its regencies' and cities' too;
// status is exact; filters combine; the CSV holds the same rows.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as listRoute from "~/routes/projects/index";
import * as csvRoute from "~/routes/projects/export.csv";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

type Fixture = {
  title: string;
  acronym: string | null;
  regionCode: string;
  agency: string | null;
  status: "DRAFT" | "PROPOSED" | "LAUNCHED" | "STOPPED";
};

const PROVINCE_OF: Record<string, string> = { "74.71": "74", "74.05": "74", "35.72": "35" };

const FIXTURES: Fixture[] = [
  {
    title: "Layanan Lumpur Tinja Terjadwal",
    acronym: "L2T2",
    regionCode: "74.71",
    agency: "Dinas PUPR",
    status: "LAUNCHED",
  },
  {
    title: "Sistem Informasi Air Bersih",
    acronym: "SIAB",
    regionCode: "74.71",
    agency: "Dinas PUPR",
    status: "DRAFT",
  },
  {
    title: "Percepatan Jalan Mantap",
    acronym: "PERJAKA",
    regionCode: "74.05",
    agency: "Dinas PUPR Konawe Selatan",
    status: "LAUNCHED",
  },
  {
    title: "Sistem Aplikasi Pengelolaan Keuangan",
    acronym: "SIAP BPKAD",
    regionCode: "74.05",
    agency: "BPKAD",
    status: "PROPOSED",
  },
  {
    title: "Sanitasi Aman Blitar",
    acronym: null,
    regionCode: "35.72",
    agency: "Dinas Perkim",
    status: "LAUNCHED",
  },
  {
    title: "Pelayanan Air Limbah",
    acronym: "SIP BENAR",
    regionCode: "35.72",
    agency: null,
    status: "STOPPED",
  },
];

let admin: string;

beforeAll(async () => {
  await ensureRegions();
  admin = await cookieFor((await createPerson({ role: "ADMIN" })).id);
  for (const f of FIXTURES) {
    const organisation = f.agency
      ? await prisma.organisation.upsert({
          where: { regionCode_name: { regionCode: f.regionCode, name: f.agency } },
          create: { regionCode: f.regionCode, name: f.agency, type: "AGENCY" },
          update: {},
        })
      : null;
    await prisma.changeProject.create({
      data: {
        title: f.title,
        acronym: f.acronym,
        kind: "REGIONAL_INNOVATION",
        regionCode: f.regionCode,
        organisationId: organisation?.id ?? null,
        status: f.status,
        launchedAt: f.status === "LAUNCHED" ? new Date() : null,
      },
    });
  }
});

async function titlesFor(query: string) {
  const response = await callRoute(listRoute.loader, getRequest(`/proyek?${query}`, admin));
  expect(response.status).toBe(200);
  const data = (await response.json()) as { total: number; projects: { title: string }[] };
  expect(data.total).toBe(data.projects.length);
  return data.projects.map((p) => p.title).sort();
}

const expected = (keep: (f: Fixture) => boolean) =>
  FIXTURES.filter(keep)
    .map((f) => f.title)
    .sort();

const contains = (text: string | null, part: string) =>
  !!text && text.toLowerCase().includes(part.toLowerCase());

describe("project list filters", () => {
  it.each(["air", "SIAP", "siap bpkad", "l2t2", "tidak ada"])(
    "searches titles and acronyms for %j",
    async (q) => {
      const want = expected((f) => contains(f.title, q) || contains(f.acronym, q));
      expect(await titlesFor(`q=${encodeURIComponent(q)}`)).toEqual(want);
    },
  );

  it("has projects for every search above except the deliberate miss, so the checks test something", () => {
    for (const q of ["air", "SIAP", "siap bpkad", "l2t2"])
      expect(expected((f) => contains(f.title, q) || contains(f.acronym, q)).length, q).toBeGreaterThan(0);
  });

  it.each(["Dinas PUPR", "pupr", "BPKAD", "Perkim"])("filters by agency %j", async (agency) => {
    expect(await titlesFor(`opd=${encodeURIComponent(agency)}`)).toEqual(
      expected((f) => contains(f.agency, agency)),
    );
  });

  it.each(["74.71", "74.05", "74", "35"])(
    "filters by region %s (a province includes its regions)",
    async (code) => {
      expect(await titlesFor(`wilayah=${code}`)).toEqual(
        expected((f) => f.regionCode === code || PROVINCE_OF[f.regionCode] === code),
      );
    },
  );

  it.each(["DRAFT", "PROPOSED", "LAUNCHED", "STOPPED", "SUSTAINED"])(
    "filters by status %s",
    async (status) => {
      expect(await titlesFor(`status=${status}`)).toEqual(expected((f) => f.status === status));
    },
  );

  it("combines search, agency, region and status", async () => {
    const want = expected(
      (f) =>
        PROVINCE_OF[f.regionCode] === "74" &&
        contains(f.agency, "pupr") &&
        f.status === "LAUNCHED" &&
        (contains(f.title, "a") || contains(f.acronym, "a")),
    );
    expect(want).toEqual(["Layanan Lumpur Tinja Terjadwal", "Percepatan Jalan Mantap"]);
    expect(await titlesFor("wilayah=74&opd=pupr&status=LAUNCHED&q=a")).toEqual(want);
  });

  it("puts the same rows in the CSV", async () => {
    const response = await callRoute(csvRoute.loader, getRequest("/proyek.csv?wilayah=74&opd=pupr", admin));
    const text = await response.text();
    const want = expected((f) => PROVINCE_OF[f.regionCode] === "74" && contains(f.agency, "pupr"));
    for (const title of FIXTURES.map((f) => f.title))
      expect(text.includes(title), title).toBe(want.includes(title));
  });
});
