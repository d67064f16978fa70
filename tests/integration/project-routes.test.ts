// The project forms as a browser posts them: bad input comes back next to the field with
// nothing written; a stale form gets a conflict; another region's project cannot be touched.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createProject } from "~/modules/projects/details.server";
import { addMilestone } from "~/modules/projects/milestones.server";
import * as overviewRoute from "~/routes/projects/$projectId/overview";
import * as milestonesRoute from "~/routes/projects/$projectId/milestones";
import * as indicatorsRoute from "~/routes/projects/$projectId/indicators";
import * as newProjectRoute from "~/routes/projects/new";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, formRequest } from "../fixtures/people";

let officer: string;
let stranger: string;
let projectId: string;

beforeAll(async () => {
  await ensureRegions();
  const person = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  officer = await cookieFor(person.id);
  stranger = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  projectId = (
    await createProject(await actorFor(person.id), {
      title: "L2T2",
      kind: "REGIONAL_INNOVATION",
      regionCode: "74.71",
    })
  ).id;
});

describe("project forms", () => {
  it("creates a project from the new-project form, taking the code from a picked region", async () => {
    const response = await callRoute(
      newProjectRoute.action,
      formRequest(
        "/proyek/baru",
        {
          title: "Layanan Lumpur Tinja Terjadwal",
          kind: "REGIONAL_INNOVATION",
          regionCode: "74.71 Kota Kendari, Sulawesi Tenggara",
        },
        officer,
      ),
    );
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id } })).regionCode).toBe("74.71");
  });

  it.each([
    [{ title: "", kind: "REGIONAL_INNOVATION", regionCode: "74.71" }, "title", "errors.required"],
    [{ title: "X", kind: "UNKNOWN_KIND", regionCode: "74.71" }, "kind", "errors.choice"],
    [
      { title: "X", kind: "REGIONAL_INNOVATION", regionCode: "Atlantis" },
      "regionCode",
      "errors.regionNotFound",
    ],
    [
      { title: "X", kind: "REGIONAL_INNOVATION", regionCode: "74.71", startDate: "2024-13-45" },
      "startDate",
      "errors.date",
    ],
    [
      {
        title: "X",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        startDate: "2024-06-01",
        endDate: "2024-01-01",
      },
      "endDate",
      "errors.endBeforeStart",
    ],
    [{ title: "X".repeat(201), kind: "REGIONAL_INNOVATION", regionCode: "74.71" }, "title", "errors.tooLong"],
  ])("refuses %j with %s: %s, writing nothing", async (fields, field, error) => {
    const before = await prisma.changeProject.count();
    const response = await callRoute(
      newProjectRoute.action,
      formRequest("/proyek/baru", fields as Record<string, string>, officer),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error[field]).toEqual([error]);
    expect(body.result.initialValue.title ?? "").toBe(fields.title);
    expect(await prisma.changeProject.count()).toBe(before);
  });

  it("refuses a project in a region outside the officer's scope", async () => {
    const response = await callRoute(
      newProjectRoute.action,
      formRequest("/proyek/baru", { title: "X", kind: "REGIONAL_INNOVATION", regionCode: "35.72" }, officer),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).result.error.regionCode).toEqual(["errors.regionOutOfScope"]);
  });

  it("answers a stale milestone form with a conflict", async () => {
    const milestone = await addMilestone(
      await actorFor((await prisma.changeProject.findUniqueOrThrow({ where: { id: projectId } })).leaderId!),
      projectId,
      {
        title: "Sosialisasi",
        horizon: "SHORT",
        status: "NOT_STARTED",
      },
    );
    const post = (status: string) =>
      callRoute(
        milestonesRoute.action,
        formRequest(
          `/proyek/${projectId}/tonggak`,
          {
            intent: "milestone-update",
            milestoneId: milestone.id,
            version: String(milestone.version),
            status,
          },
          officer,
        ),
        { projectId },
      );
    expect((await post("IN_PROGRESS")).status).toBe(200);
    const stale = await post("DROPPED");
    expect(stale.status).toBe(409);
    expect((await stale.json()).result.error[""]).toEqual(["errors.conflict"]);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).status).toBe(
      "IN_PROGRESS",
    );
  });

  it.each([
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:x",
  ])(
    "refuses the evidence link %j on a new and on an updated milestone (400, field error, nothing written)",
    async (evidenceUrl) => {
      const leader = (await prisma.changeProject.findUniqueOrThrow({ where: { id: projectId } })).leaderId!;
      const milestone = await addMilestone(await actorFor(leader), projectId, {
        title: "Bukti",
        horizon: "SHORT",
        status: "NOT_STARTED",
      });
      const post = (fields: Record<string, string>) =>
        callRoute(milestonesRoute.action, formRequest(`/proyek/${projectId}/tonggak`, fields, officer), {
          projectId,
        });
      const before = await prisma.milestone.count({ where: { projectId } });

      const created = await post({ intent: "milestone", title: "Tautan", horizon: "SHORT", evidenceUrl });
      expect(created.status).toBe(400);
      expect((await created.json()).result.error.evidenceUrl).toEqual(["errors.url"]);
      expect(await prisma.milestone.count({ where: { projectId } })).toBe(before);

      const updated = await post({
        intent: "milestone-update",
        milestoneId: milestone.id,
        version: String(milestone.version),
        status: "DONE",
        evidenceUrl,
      });
      expect(updated.status).toBe(400);
      expect((await updated.json()).result.error.evidenceUrl).toEqual(["errors.url"]);
      expect(await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
        status: "NOT_STARTED",
        evidenceUrl: null,
        version: milestone.version,
      });

      // an https link is still taken
      const ok = await post({
        intent: "milestone",
        title: "Tautan",
        horizon: "SHORT",
        evidenceUrl: "https://a.go.id/b",
      });
      expect(ok.status).toBe(200);
      expect(
        await prisma.milestone.count({ where: { projectId, evidenceUrl: "https://a.go.id/b" } }),
      ).toBeGreaterThan(0);
    },
  );

  it("does not let a forged post touch another region's project", async () => {
    const before = await prisma.indicator.count({ where: { projectId } });
    const response = await callRoute(
      indicatorsRoute.action,
      formRequest(
        `/proyek/${projectId}/indikator`,
        { intent: "indicator", name: "Palsu", unit: "%", direction: "UP" },
        stranger,
      ),
      { projectId },
    );
    expect(response.status).toBe(403);
    expect(await prisma.indicator.count({ where: { projectId } })).toBe(before);
  });

  it("explains why a move is not possible yet", async () => {
    const response = await callRoute(
      overviewRoute.action,
      formRequest(`/proyek/${projectId}`, { intent: "transition", to: "PROPOSED" }, officer),
      { projectId },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).missing).toEqual(["status.missing.problem"]);
  });

  it.each<Record<string, string>>([
    { intent: "transition", to: "NOT_A_STATUS" },
    { intent: "transition", to: "<script>alert(1)</script>" },
    { intent: "no-such-intent" },
    { intent: "measurement", indicatorId: "x", value: "1e999", measuredAt: "2024-01-01" },
  ])("answers hostile input %j with 400, not 500", async (fields) => {
    const route = fields.intent === "measurement" ? indicatorsRoute : overviewRoute;
    const response = await callRoute(route.action, formRequest(`/proyek/${projectId}`, fields, officer), {
      projectId,
    });
    expect(response.status).toBe(400);
  });

  it("reads decimals as Indonesians type them, and English ones on the English page", async () => {
    const post = (fields: Record<string, string>, query = "") =>
      callRoute(
        indicatorsRoute.action,
        formRequest(`/proyek/${projectId}/indikator${query}`, fields, officer),
        { projectId },
      );
    // Kab. Lampung Barat: sanitasi aman 1,22 %; Kab. Lahat: 1.339,15 km of roads
    let response = await post({
      intent: "indicator",
      name: "Akses sanitasi aman",
      unit: "%",
      direction: "UP",
      baseline: "1,22",
      target: "1.339,15",
    });
    expect(response.status).toBe(200);
    const indicator = await prisma.indicator.findFirstOrThrow({
      where: { projectId, name: "Akses sanitasi aman" },
    });
    expect([indicator.baseline, indicator.target].map(Number)).toEqual([1.22, 1339.15]);

    response = await post({
      intent: "measurement",
      indicatorId: indicator.id,
      value: "95,46",
      measuredAt: "2024-06-30",
    });
    expect(response.status).toBe(200);
    response = await post(
      { intent: "measurement", indicatorId: indicator.id, value: "1,339.5", measuredAt: "2024-07-31" },
      "?lng=en",
    );
    expect(response.status).toBe(200);
    const values = await prisma.measurement.findMany({
      where: { indicatorId: indicator.id },
      orderBy: { measuredAt: "asc" },
    });
    expect(values.map((m) => Number(m.value))).toEqual([95.46, 1339.5]);
  });

  it.each(["1,2,3", "12abc", "1.33.4", "1e5"])(
    "refuses the number %j next to its field, keeps the input and writes nothing",
    async (value) => {
      const before = await prisma.indicator.count({ where: { projectId } });
      const response = await callRoute(
        indicatorsRoute.action,
        formRequest(
          `/proyek/${projectId}/indikator`,
          { intent: "indicator", name: "Panjang jalan", unit: "km", direction: "UP", baseline: value },
          officer,
        ),
        { projectId },
      );
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.result.error.baseline).toEqual(["errors.decimal"]);
      expect(body.result.initialValue.baseline).toBe(value);
      expect(await prisma.indicator.count({ where: { projectId } })).toBe(before);
    },
  );
});
