// One person's records cannot be read through another's URL (IDOR), whatever the role.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as projectRoute from "~/routes/projects/$projectId/layout";
import * as projectsRoute from "~/routes/projects/index";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

let kendariProject: string;
let blitarProject: string;
let konaweProject: string;
let people: Record<string, string>;

beforeAll(async () => {
  await ensureRegions();
  const participant = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
  const otherParticipant = await createPerson({ role: "PARTICIPANT", regionCode: "35.72" });
  const coach = await createPerson({ role: "COACH" });
  const kendariOfficer = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  const provinceViewer = await createPerson({ role: "VIEWER", regionCode: "74" });
  const facilitator = await createPerson({ role: "FACILITATOR" });
  kendariProject = (
    await prisma.changeProject.create({
      data: { title: "L2T2 Kendari", kind: "REGIONAL_INNOVATION", regionCode: "74.71" },
    })
  ).id;
  konaweProject = (
    await prisma.changeProject.create({
      data: { title: "Sanitasi Konawe Selatan", kind: "REGIONAL_INNOVATION", regionCode: "74.05" },
    })
  ).id;
  blitarProject = (
    await prisma.changeProject.create({
      data: {
        title: "Replikasi L2T2 Blitar",
        kind: "TRAINING_CHANGE_PROJECT",
        regionCode: "35.72",
        leaderId: participant.id,
        coachId: coach.id,
      },
    })
  ).id;
  people = {
    participant: await cookieFor(participant.id),
    otherParticipant: await cookieFor(otherParticipant.id),
    coach: await cookieFor(coach.id),
    kendariOfficer: await cookieFor(kendariOfficer.id),
    provinceViewer: await cookieFor(provinceViewer.id),
    facilitator: await cookieFor(facilitator.id),
  };
});

async function statusOf(who: string, projectId: string) {
  const response = await callRoute(projectRoute.loader, getRequest(`/proyek/${projectId}`, people[who]), {
    projectId,
  });
  return response.status;
}

async function titlesListedFor(who: string) {
  const response = await callRoute(projectsRoute.loader, getRequest("/proyek", people[who]));
  return ((await response.json()).projects as { title: string }[]).map((p) => p.title).sort();
}

describe("who can read which project", () => {
  it.each([
    ["participant", "blitar", 200],
    ["otherParticipant", "blitar", 404],
    ["coach", "blitar", 200],
    ["coach", "kendari", 404],
    ["kendariOfficer", "kendari", 200],
    ["kendariOfficer", "blitar", 404],
    ["provinceViewer", "konawe", 200],
    ["provinceViewer", "blitar", 404],
    ["facilitator", "blitar", 200],
  ])("%s reading the %s project gets %i", async (who, which, expected) => {
    const id = { blitar: blitarProject, kendari: kendariProject, konawe: konaweProject }[which]!;
    expect(await statusOf(who, id)).toBe(expected);
  });

  it("lists only the projects in the person's scope", async () => {
    expect(await titlesListedFor("kendariOfficer")).toEqual(["L2T2 Kendari"]);
    expect(await titlesListedFor("provinceViewer")).toEqual(["L2T2 Kendari", "Sanitasi Konawe Selatan"]);
    expect(await titlesListedFor("participant")).toEqual(["Replikasi L2T2 Blitar"]);
    expect(await titlesListedFor("otherParticipant")).toEqual([]);
  });
});

describe("project list as CSV", () => {
  it("holds only the rows the person may see, formula-safe", async () => {
    const route = await import("~/routes/projects/export.csv");
    const response = await callRoute(route.loader, getRequest("/proyek.csv", people.kendariOfficer));
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "id,title,acronym,kind,status,at_risk,region_code,region,agency,cohort,launched_at,sector",
    );
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(["L2T2 Kendari"]);
  });
});
