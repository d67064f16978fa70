// The project forms as a browser posts them: bad input comes back next to the field with
// nothing written; a stale form gets a conflict; another region's project cannot be touched.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { addMilestone, createProject } from "~/models/project.server";
import * as overviewRoute from "~/routes/proyek.$projectId._index";
import * as milestonesRoute from "~/routes/proyek.$projectId.tonggak";
import * as indicatorsRoute from "~/routes/proyek.$projectId.indikator";
import * as newProjectRoute from "~/routes/proyek.baru";
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
    expect(body.error[field]).toEqual([error]);
    expect(body.initialValue.title ?? "").toBe(fields.title);
    expect(await prisma.changeProject.count()).toBe(before);
  });

  it("refuses a project in a region outside the officer's scope", async () => {
    const response = await callRoute(
      newProjectRoute.action,
      formRequest("/proyek/baru", { title: "X", kind: "REGIONAL_INNOVATION", regionCode: "35.72" }, officer),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.regionCode).toEqual(["errors.regionOutOfScope"]);
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
});
