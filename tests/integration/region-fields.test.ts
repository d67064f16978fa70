// Region fields as people fill them in: a code, a picked entry or a typed name, in any case and
// accents, posted to the real form routes. A name two regions share comes back as an error next to
// the field naming both, one no region has as a clear error; the person's input is kept.
import { createInstance } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { regionErrorText } from "~/components/region-picker";
import { prisma } from "~/db.server";
import { i18nConfig } from "~/i18n/config";
import { importRegions, resolveRegionInput } from "~/modules/regions/region.server";
import * as invitePersonRoute from "~/routes/admin/invite";
import * as practiceRequestRoute from "~/routes/catalogue/practice";
import * as newPairingRoute from "~/routes/pairings/new";
import * as newProjectRoute from "~/routes/projects/new";
import { callRoute, cookieFor, createPerson, formRequest } from "../fixtures/people";

let admin: string;

beforeAll(async () => {
  await importRegions(prisma);
  admin = await cookieFor((await createPerson({ role: "ADMIN" })).id);
}, 120_000);

async function postProject(regionCode: string) {
  return callRoute(
    newProjectRoute.action,
    formRequest(
      "/proyek/baru",
      { title: `Uji ${regionCode}`, kind: "REGIONAL_INNOVATION", regionCode },
      admin,
    ),
  );
}

describe("the new-project form's region field", () => {
  it.each([
    "kendari",
    "Kota Kendari",
    "74.71",
    "KÉNDARI",
    "74.71 Kota Kendari, Sulawesi Tenggara",
    "kota kendari, sulawesi tenggara",
  ])("files the project under Kota Kendari (74.71) for %j", async (typed) => {
    const response = await postProject(typed);
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id } })).regionCode).toBe("74.71");
  });

  it("takes a province by name, with or without 'Provinsi'", async () => {
    for (const typed of ["Sulawesi Tenggara", "provinsi sulawesi tenggara"]) {
      const response = await postProject(typed);
      expect(response.status, typed).toBe(302);
      const id = response.headers.get("Location")!.split("/").pop()!;
      expect((await prisma.changeProject.findUniqueOrThrow({ where: { id } })).regionCode).toBe("74");
    }
  });

  it("names both regions for 'Blitar', keeps the input and writes nothing", async () => {
    const before = await prisma.changeProject.count();
    const response = await postProject("Blitar");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.regionCode).toEqual([
      "errors.regionAmbiguous|Kab. Blitar (35.05)|Kota Blitar (35.72)",
    ]);
    expect(body.result.initialValue.regionCode).toBe("Blitar");
    expect(body.result.initialValue.title).toBe("Uji Blitar");
    expect(await prisma.changeProject.count()).toBe(before);
  });

  it.each(["Atlantis", "99.99", "Kota Kendari Baru Sekali", '\'; DROP TABLE "Region"; --'])(
    "says no region matches %j, keeping the input",
    async (typed) => {
      const before = await prisma.changeProject.count();
      const response = await postProject(typed);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.result.error.regionCode).toEqual(["errors.regionNotFound"]);
      expect(body.result.initialValue.regionCode).toBe(typed);
      expect(await prisma.changeProject.count()).toBe(before);
    },
  );

  it("still needs a region", async () => {
    const response = await postProject("   ");
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.regionCode).toEqual(["errors.required"]);
  });
});

describe("the error a person reads", () => {
  it("joins the choices with 'atau' in Indonesian and 'or' in English", async () => {
    const result = await resolveRegionInput("blitar");
    expect(result).toEqual({ error: "errors.regionAmbiguous|Kab. Blitar (35.05)|Kota Blitar (35.72)" });
    const error = "error" in result ? result.error : "";
    for (const [language, expected] of [
      ["id", "Kab. Blitar (35.05) atau Kota Blitar (35.72)"],
      ["en", "Kab. Blitar (35.05) or Kota Blitar (35.72)"],
    ]) {
      const i18n = createInstance();
      await i18n.init({ ...i18nConfig, lng: language });
      const text = regionErrorText(i18n.t, language, error);
      expect(text).toContain(expected);
      expect(text).not.toContain("errors.");
    }
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, lng: "en" });
    expect(regionErrorText(i18n.t, "en", "errors.regionNotFound")).toMatch(/^No region has this name/);
  });
});

describe("the pairing form's two region fields", () => {
  const plan = { topic: "Air limbah: L2T2", method: "PRIVATE_TELECONFERENCE" };

  it("pairs Kota Kendari with Kota Blitar from typed names", async () => {
    const facilitator = await cookieFor((await createPerson({ role: "FACILITATOR" })).id);
    const response = await callRoute(
      newPairingRoute.action,
      formRequest(
        "/pasangan/baru",
        { ...plan, mentorRegionCode: "KÉNDARI", menteeRegionCode: "Kota Blitar" },
        facilitator,
      ),
    );
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    expect(await prisma.pairing.findUniqueOrThrow({ where: { id } })).toMatchObject({
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
    });
  });

  it("puts each field's own error next to it and writes nothing", async () => {
    const before = await prisma.pairing.count();
    const response = await callRoute(
      newPairingRoute.action,
      formRequest(
        "/pasangan/baru",
        { ...plan, mentorRegionCode: "Atlantis", menteeRegionCode: "Blitar" },
        admin,
      ),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.mentorRegionCode).toEqual(["errors.regionNotFound"]);
    expect(body.result.error.menteeRegionCode).toEqual([
      "errors.regionAmbiguous|Kab. Blitar (35.05)|Kota Blitar (35.72)",
    ]);
    expect(body.result.initialValue).toMatchObject({
      mentorRegionCode: "Atlantis",
      menteeRegionCode: "Blitar",
    });
    expect(await prisma.pairing.count()).toBe(before);
  });
});

describe("other forms that take a region", () => {
  it("invites a person to a region typed by name, and refuses an ambiguous one", async () => {
    const ok = await callRoute(
      invitePersonRoute.action,
      formRequest(
        "/admin/undang",
        {
          intent: "invite",
          email: "petugas-kendari@uji.test",
          role: "REGION_OFFICER",
          regionCode: "kota kendari",
        },
        admin,
      ),
    );
    expect(ok.status).toBe(200);
    expect(
      await prisma.invitation.findFirstOrThrow({ where: { email: "petugas-kendari@uji.test" } }),
    ).toMatchObject({ regionCode: "74.71" });

    const ambiguous = await callRoute(
      invitePersonRoute.action,
      formRequest(
        "/admin/undang",
        { intent: "invite", email: "petugas-blitar@uji.test", role: "REGION_OFFICER", regionCode: "Blitar" },
        admin,
      ),
    );
    expect(ambiguous.status).toBe(400);
    expect((await ambiguous.json()).result.error.regionCode).toEqual([
      "errors.regionAmbiguous|Kab. Blitar (35.05)|Kota Blitar (35.72)",
    ]);
    expect(await prisma.invitation.count({ where: { email: "petugas-blitar@uji.test" } })).toBe(0);
  });

  it("lets a visitor name their region when asking to learn a practice", async () => {
    await prisma.practice.create({
      data: {
        slug: "l2t2-kendari-uji",
        name: "L2T2 Kendari",
        summary: "Layanan lumpur tinja terjadwal",
        status: "PUBLISHED",
        regionCode: "74.71",
        maturity: "IMPLEMENTED",
        publishedAt: new Date(),
      },
    });
    const ask = (regionCode: string) =>
      callRoute(
        practiceRequestRoute.action,
        formRequest("/katalog/l2t2-kendari-uji", {
          name: "Sari",
          email: "sari@uji.test",
          regionCode,
          need: "Kami ingin belajar layanan lumpur tinja terjadwal.",
        }),
        { slug: "l2t2-kendari-uji" },
      );
    const ambiguous = await ask("Blitar");
    expect(ambiguous.status).toBe(400);
    expect((await ambiguous.json()).result.error.regionCode[0]).toMatch(/^errors\.regionAmbiguous\|/);
    const ok = await ask("kab. blitar");
    expect(ok.status).toBe(302);
    expect(
      await prisma.pairing.findFirstOrThrow({ where: { practice: { slug: "l2t2-kendari-uji" } } }),
    ).toMatchObject({ menteeRegionCode: "35.05" });
  });
});
