// A region's agencies (OPD) and working groups (Pokja) through the page's action: who may change
// them, duplicate names answered next to the field, members with and without an account, one lead.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as opdRoute from "~/routes/regions/agencies";
import {
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let kendari: string;
let blitar: string;
let facilitator: string;
let viewer: string;
let outsider: { id: string; email: string };

const post = async (cookie: string, fields: Record<string, string>, code = "74.71") =>
  callRoute(opdRoute.action, formRequest(`/wilayah/${code}/opd`, fields, cookie), { code });

async function snapshot() {
  const [organisations, groups, members] = await Promise.all([
    prisma.organisation.findMany({ orderBy: { id: "asc" } }),
    prisma.workingGroup.findMany({ orderBy: { id: "asc" } }),
    prisma.workingGroupMember.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ organisations, groups, members });
}

beforeAll(async () => {
  await ensureRegions();
  kendari = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  blitar = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  facilitator = await cookieFor((await createPerson({ role: "FACILITATOR" })).id);
  viewer = await cookieFor((await createPerson({ role: "VIEWER", regionCode: "74.71" })).id);
  outsider = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72", name: "Dewi Blitar" });
});

describe("agencies of a region", () => {
  it("are added with a kind from the list or free text, renamed and removed by the region's officer", async () => {
    expect(
      (await post(kendari, { intent: "agency", name: "Bappeda Kota Kendari", kind: "Bappeda" })).status,
    ).toBe(200);
    expect(
      (
        await post(kendari, {
          intent: "agency",
          name: "UPTD Pengelolaan Air Limbah",
          kind: "UPTD Air Limbah",
        })
      ).status,
    ).toBe(200);
    const agencies = await prisma.organisation.findMany({
      where: { regionCode: "74.71" },
      orderBy: { name: "asc" },
    });
    expect(agencies.map((a) => [a.name, a.kind, a.type])).toEqual([
      ["Bappeda Kota Kendari", "Bappeda", "AGENCY"],
      ["UPTD Pengelolaan Air Limbah", "UPTD Air Limbah", "AGENCY"],
    ]);
    const uptd = agencies[1];
    expect(
      (
        await post(kendari, {
          intent: "agency",
          agencyId: uptd.id,
          name: "UPTD PAL Kota Kendari",
          kind: "Lainnya",
        })
      ).status,
    ).toBe(200);
    expect(await prisma.organisation.findUniqueOrThrow({ where: { id: uptd.id } })).toMatchObject({
      name: "UPTD PAL Kota Kendari",
      kind: "Lainnya",
    });
    expect((await post(kendari, { intent: "agency-delete", agencyId: uptd.id })).status).toBe(200);
    expect(await prisma.organisation.count({ where: { id: uptd.id } })).toBe(0);
  });

  it("refuse a duplicate name in the region next to the name field, keeping the input", async () => {
    const before = await snapshot();
    const response = await post(kendari, { intent: "agency", name: "bappeda kota kendari", kind: "Bappeda" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error).toEqual({ name: ["agencies.duplicateName"] });
    expect(body.result.initialValue).toMatchObject({ name: "bappeda kota kendari" });
    expect(await snapshot()).toBe(before);
    // the same name in another region is fine
    expect((await post(blitar, { intent: "agency", name: "Bappeda Kota Kendari" }, "35.72")).status).toBe(
      200,
    );
  });

  it("refuse another region's officer, a viewer and anyone outside, writing nothing", async () => {
    const bappeda = await prisma.organisation.findFirstOrThrow({ where: { regionCode: "74.71" } });
    const before = await snapshot();
    for (const cookie of [blitar, viewer]) {
      expect((await post(cookie, { intent: "agency", name: "Dinas Baru" })).status).toBe(403);
      expect((await post(cookie, { intent: "agency-delete", agencyId: bappeda.id })).status).toBe(403);
      expect((await post(cookie, { intent: "group", name: "Pokja Baru" })).status).toBe(403);
    }
    // an agency of Kendari cannot be edited through Blitar's page either
    expect(
      (await post(blitar, { intent: "agency", agencyId: bappeda.id, name: "Diambil" }, "35.72")).status,
    ).toBe(403);
    expect(await snapshot()).toBe(before);
    expect(
      (await callRoute(opdRoute.loader, getRequest("/wilayah/74.71/opd", blitar), { code: "74.71" })).status,
    ).toBe(403);
    expect(
      (await callRoute(opdRoute.loader, getRequest("/wilayah/74.71/opd", kendari), { code: "74.71" })).status,
    ).toBe(200);
  });

  it("are not removed while a project names them", async () => {
    const bappeda = await prisma.organisation.findFirstOrThrow({
      where: { regionCode: "74.71", name: "Bappeda Kota Kendari" },
    });
    await prisma.changeProject.create({
      data: { title: "Proyek", kind: "REGIONAL_INNOVATION", regionCode: "74.71", organisationId: bappeda.id },
    });
    const response = await post(facilitator, { intent: "agency-delete", agencyId: bappeda.id });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ "": ["agencies.inUse"] });
    expect(await prisma.organisation.count({ where: { id: bappeda.id } })).toBe(1);
  });
});

describe("working groups (Pokja)", () => {
  it("take members with an account of any region and without one, with one lead", async () => {
    expect((await post(kendari, { intent: "group", name: "Pokja Sanitasi", topic: "Sanitasi" })).status).toBe(
      200,
    );
    const group = await prisma.workingGroup.findFirstOrThrow({ where: { regionCode: "74.71" } });
    const bappeda = await prisma.organisation.findFirstOrThrow({
      where: { regionCode: "74.71", name: "Bappeda Kota Kendari" },
    });
    expect(
      (
        await post(kendari, {
          intent: "group-member",
          groupId: group.id,
          name: "Ir. La Ode",
          position: "Kepala Bidang",
          organisationId: bappeda.id,
          isLead: "on",
        })
      ).status,
    ).toBe(200);
    // a person with an account from Kota Blitar, by email; made lead, the first lead steps down
    expect(
      (
        await post(kendari, {
          intent: "group-member",
          groupId: group.id,
          email: outsider.email.toUpperCase(),
          isLead: "on",
        })
      ).status,
    ).toBe(200);
    let members = await prisma.workingGroupMember.findMany({
      where: { workingGroupId: group.id },
      orderBy: { name: "asc" },
    });
    expect(members.map((m) => [m.name, m.userId, m.isLead, m.organisationId])).toEqual([
      ["Dewi Blitar", outsider.id, true, null],
      ["Ir. La Ode", null, false, bappeda.id],
    ]);
    expect((await post(kendari, { intent: "group-lead", memberId: members[1].id })).status).toBe(200);
    members = await prisma.workingGroupMember.findMany({
      where: { workingGroupId: group.id },
      orderBy: { name: "asc" },
    });
    expect(members.map((m) => m.isLead)).toEqual([false, true]);
    expect((await post(kendari, { intent: "group-member-remove", memberId: members[0].id })).status).toBe(
      200,
    );
    expect(await prisma.workingGroupMember.count({ where: { workingGroupId: group.id } })).toBe(1);
  });

  it("answer a missing name or an unknown email next to the field and a duplicate Pokja name, writing nothing", async () => {
    const group = await prisma.workingGroup.findFirstOrThrow({ where: { regionCode: "74.71" } });
    const before = await snapshot();
    const empty = await post(kendari, { intent: "group-member", groupId: group.id });
    expect((await empty.json()).result.error).toEqual({ name: ["agencies.emailOrName"] });
    const unknown = await post(kendari, {
      intent: "group-member",
      groupId: group.id,
      email: "tidak.ada@uji.test",
    });
    expect((await unknown.json()).result.error).toEqual({ email: ["agencies.noAccount"] });
    const duplicate = await post(kendari, { intent: "group", name: "POKJA SANITASI" });
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).result.error).toEqual({ name: ["agencies.duplicateName"] });
    // another region's officer cannot add to, lead or empty Kendari's Pokja
    const member = await prisma.workingGroupMember.findFirstOrThrow({ where: { workingGroupId: group.id } });
    expect((await post(blitar, { intent: "group-member", groupId: group.id, name: "Penyusup" })).status).toBe(
      403,
    );
    expect((await post(blitar, { intent: "group-member-remove", memberId: member.id })).status).toBe(403);
    expect((await post(blitar, { intent: "group-member-remove", memberId: member.id }, "35.72")).status).toBe(
      403,
    );
    expect((await post(blitar, { intent: "group-delete", groupId: group.id }, "35.72")).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("show on the region page with their agencies", async () => {
    const data = await (
      await callRoute(opdRoute.loader, getRequest("/wilayah/74.71/opd", facilitator), { code: "74.71" })
    ).json();
    expect(data.groups.map((g: { name: string; members: unknown[] }) => [g.name, g.members.length])).toEqual([
      ["Pokja Sanitasi", 1],
    ]);
    expect(data.agencies.map((a: { name: string }) => a.name)).toEqual(["Bappeda Kota Kendari"]);
  });
});
