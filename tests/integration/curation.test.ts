// Curating the catalogue: who may curate what, a practice from a sustained project (prefilled),
// edit with a stale-form check, publish/unpublish/archive, and what the public then sees.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getPublishedPractice } from "~/modules/catalogue/catalog.server";
import * as newRoute from "~/routes/catalogue/new";
import * as listRoute from "~/routes/catalogue/manage";
import * as editRoute from "~/routes/catalogue/manage-practice";
import {
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let facilitator: string;
let kendari: string;
let blitar: string;
let projectId: string;
let draftProjectId: string;

beforeAll(async () => {
  await ensureRegions();
  facilitator = await cookieFor((await createPerson({ role: "FACILITATOR" })).id);
  kendari = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  blitar = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  const organisation = await prisma.organisation.create({
    data: { name: "Bappeda Kota Kendari", regionCode: "74.71" },
  });
  const project = await prisma.changeProject.create({
    data: {
      title: "Layanan Lumpur Tinja Terjadwal",
      acronym: "L2T2",
      kind: "REGIONAL_INNOVATION",
      status: "SUSTAINED",
      regionCode: "74.71",
      organisationId: organisation.id,
      sector: "Sanitasi",
      spmField: "PUBLIC_WORKS",
      problem: "Tangki septik hanya disedot ketika penuh.",
      objectives: "Penyedotan terjadwal setiap tiga tahun.",
      benefits: "Air tanah lebih bersih.",
      startDate: new Date("2016-01-04"),
      launchedAt: new Date("2016-03-01T01:00:00Z"),
      indicators: {
        create: {
          name: "Rumah tangga terlayani",
          unit: "%",
          baseline: 12,
          baselineYear: 2016,
          target: 60,
          targetYear: 2020,
          measurements: { create: { value: 48.5, measuredAt: new Date("2019-12-31"), periodLabel: "2019" } },
        },
      },
    },
  });
  projectId = project.id;
  draftProjectId = (
    await prisma.changeProject.create({
      data: { title: "Belum jalan", kind: "REGIONAL_INNOVATION", status: "APPROVED", regionCode: "74.71" },
    })
  ).id;
});

const form = (fields: Record<string, string>) => ({
  name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
  regionCode: "74.71",
  maturity: "SUSTAINED",
  ...fields,
});

describe("a practice from a sustained project", () => {
  it("is prefilled from the project: problem, results from indicators, region, agency, sector", async () => {
    const response = await callRoute(
      newRoute.loader,
      getRequest(`/katalog/baru?proyek=${projectId}`, kendari),
    );
    const { defaultValue, prefillMissing } = await response.json();
    expect(prefillMissing).toBe(false);
    expect(defaultValue).toMatchObject({
      name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
      regionCode: "74.71",
      organisationName: "Bappeda Kota Kendari",
      sector: "Sanitasi",
      spmField: "PUBLIC_WORKS",
      problem: "Tangki septik hanya disedot ketika penuh.",
      maturity: "SUSTAINED",
      startedYear: "2016",
      projectId,
    });
    expect(defaultValue.results).toBe(
      "Rumah tangga terlayani: 12 % (2016) → 48,5 % (2019); target 60 % (2020)",
    );
  });

  it("is not prefilled from a project that is not implemented, or another region's", async () => {
    for (const [id, cookie] of [
      [draftProjectId, kendari],
      [projectId, blitar],
    ]) {
      const response = await callRoute(newRoute.loader, getRequest(`/katalog/baru?proyek=${id}`, cookie));
      expect((await response.json()).prefillMissing).toBe(true);
    }
  });

  it("is saved as a draft the public cannot see, then published, unpublished and archived", async () => {
    const created = await callRoute(
      newRoute.action,
      formRequest(
        "/katalog/baru",
        form({ projectId, organisationName: "Bappeda Kota Kendari", innovationStage: "IMPLEMENTATION" }),
        kendari,
      ),
    );
    expect(created.status).toBe(302);
    const practice = await prisma.practice.findFirstOrThrow({ include: { organisation: true } });
    expect(created.headers.get("Location")).toBe(`/katalog/kelola/${practice.id}?dibuat=1`);
    expect(practice).toMatchObject({
      status: "DRAFT",
      projectId,
      regionCode: "74.71",
      innovationStage: "IMPLEMENTATION",
      slug: "layanan-lumpur-tinja-terjadwal-l2t2-kota-kendari",
    });
    expect(practice.organisation?.name).toBe("Bappeda Kota Kendari");
    expect(await getPublishedPractice(practice.slug)).toBeNull();

    // publishing needs a summary, the problem and the solution
    const status = (to: string, cookie = kendari) =>
      callRoute(
        editRoute.action,
        formRequest(`/katalog/kelola/${practice.id}`, { intent: "status", status: to }, cookie),
        { id: practice.id },
      );
    const refused = await status("PUBLISHED");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      intent: "status",
      missing: ["summary", "problem", "solution"],
    });

    const loaded = await (
      await callRoute(editRoute.loader, getRequest(`/katalog/kelola/${practice.id}`, kendari), {
        id: practice.id,
      })
    ).json();
    const save = (fields: Record<string, string>, cookie = kendari) =>
      callRoute(
        editRoute.action,
        formRequest(`/katalog/kelola/${practice.id}`, { intent: "save", ...fields }, cookie),
        { id: practice.id },
      );
    const edited = {
      ...form({}),
      loadedAt: loaded.defaultValue.loadedAt,
      summary: "Penyedotan lumpur tinja terjadwal.",
      problem: "Tangki septik hanya disedot ketika penuh.",
      solution: "Jadwal penyedotan untuk setiap rumah tangga; wajib bagi ASN.",
      resources: "Dua truk sedot, satu IPLT, tim percepatan.",
      cost: "Retribusi Rp 250.000 per penyedotan.",
      mediaUrl: "https://example.org/video",
      contactName: "Pokja Sanitasi",
      contactEmail: "pokja@kendari.test",
      innovationForm: "PUBLIC_SERVICE",
      innovationType: "NON_DIGITAL",
      innovationInitiator: "HEAD_OF_REGION",
      innovationStage: "IMPLEMENTATION",
      governmentAffair: "Pekerjaan umum dan penataan ruang",
      evidenceUrl: "https://example.org/perwali.pdf",
    };
    // a bad field comes back next to the field, nothing written
    const bad = await save({ ...edited, mediaUrl: "javascript:alert(1)", evidenceUrl: "bukan tautan" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error).toMatchObject({
      mediaUrl: ["errors.url"],
      evidenceUrl: ["errors.url"],
    });
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: practice.id } })).summary).toBeNull();

    expect((await save(edited)).status).toBe(302);
    // the same form again is stale: refused, nothing overwritten
    const stale = await save({ ...edited, summary: "Versi lama" });
    expect(stale.status).toBe(409);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: practice.id } })).summary).toBe(
      "Penyedotan lumpur tinja terjadwal.",
    );

    // Blitar's officer may not touch Kendari's practice
    expect((await status("PUBLISHED", blitar)).status).toBe(404);
    expect(
      (
        await callRoute(editRoute.loader, getRequest(`/katalog/kelola/${practice.id}`, blitar), {
          id: practice.id,
        })
      ).status,
    ).toBe(404);

    expect((await status("PUBLISHED")).status).toBe(302);
    const published = await getPublishedPractice(practice.slug);
    expect(published).toMatchObject({
      resources: "Dua truk sedot, satu IPLT, tim percepatan.",
      innovationType: "NON_DIGITAL",
    });
    expect(JSON.stringify(published)).not.toContain("pokja@kendari.test");
    const publishedAt = (await prisma.practice.findUniqueOrThrow({ where: { id: practice.id } })).publishedAt;
    expect(publishedAt).not.toBeNull();

    // unpublished by the facilitator: gone from the public, first publication date kept
    expect((await status("DRAFT", facilitator)).status).toBe(302);
    expect(await getPublishedPractice(practice.slug)).toBeNull();
    expect((await status("PUBLISHED", facilitator)).status).toBe(302);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: practice.id } })).publishedAt).toEqual(
      publishedAt,
    );
    expect((await status("ARCHIVED")).status).toBe(302);
    expect(await getPublishedPractice(practice.slug)).toBeNull();
    expect((await status("NOT_A_STATUS")).status).toBe(400);
  });

  it("may not be created in another region by a region officer", async () => {
    const response = await callRoute(
      newRoute.action,
      formRequest("/katalog/baru", form({ regionCode: "74.71", name: "Praktik orang lain" }), blitar),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).result.error).toMatchObject({
      regionCode: ["curation.errors.regionOutOfScope"],
    });
    expect(await prisma.practice.count({ where: { name: "Praktik orang lain" } })).toBe(0);
  });
});

describe("the curation list", () => {
  it("shows each curator what they may curate, drafts included, and projects ready to become practices", async () => {
    await prisma.practice.create({
      data: { slug: "draf-blitar", name: "Draf Blitar", regionCode: "35.72", tags: [] },
    });
    const list = async (cookie: string) =>
      (await (await callRoute(listRoute.loader, getRequest("/katalog/kelola", cookie))).json()) as {
        practices: { slug: string; status: string }[];
        projects: { id: string }[];
      };
    const asFacilitator = await list(facilitator);
    expect(asFacilitator.practices.map((p) => p.slug).sort()).toEqual([
      "draf-blitar",
      "layanan-lumpur-tinja-terjadwal-l2t2-kota-kendari",
    ]);
    const asBlitar = await list(blitar);
    expect(asBlitar.practices.map((p) => p.slug)).toEqual(["draf-blitar"]);
    expect(asBlitar.projects).toEqual([]);
    // the sustained project has its practice now: no longer a candidate
    expect((await list(kendari)).projects).toEqual([]);
  });
});
