// The portfolio timeline on the region dashboard, the cohort dashboard and the launch event page:
// the milestones of the set's projects grouped by project, late ones marked (past due and not
// done, or marked late), filtered by status and horizon from the query; another region's projects
// and, on the public launch event page, projects not yet public stay out.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as cohortRoute from "~/routes/dashboards/cohort";
import * as regionRoute from "~/routes/dashboards/region";
import * as launchEventRoute from "~/routes/projects/launch-event";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

type Portfolio = {
  projects: {
    title: string;
    milestones: { title: string; horizon: string; status: string; late: boolean }[];
  }[];
  projectCount: number;
  milestoneCount: number;
  lateCount: number;
};

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
let head: string;
let launchEventId: string;
let cohortId: string;

async function portfolioAt(
  route: typeof regionRoute,
  url: string,
  params: Record<string, string>,
  cookie?: string,
) {
  const response = await callRoute(route.loader, getRequest(url, cookie), params);
  expect(response.status).toBe(200);
  return ((await response.json()) as { portfolio: Portfolio }).portfolio;
}

const titles = (p: Portfolio) =>
  p.projects.map((project) => [project.title, project.milestones.map((m) => m.title)] as const);

beforeAll(async () => {
  await ensureRegions();
  head = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  const cohort = await prisma.cohort.create({ data: { programme: "PKN_II", batch: "XX", year: 2023 } });
  cohortId = cohort.id;
  const event = await prisma.launchEvent.create({
    data: {
      title: "Peluncuran Aksi Perubahan",
      date: ago(400),
      regionCode: "74.71",
      launchedBy: "Wali Kota",
    },
  });
  launchEventId = event.id;
  await prisma.changeProject.create({
    data: {
      title: "SIAP",
      kind: "TRAINING_CHANGE_PROJECT",
      regionCode: "74.71",
      status: "LAUNCHED",
      launchedAt: ago(400),
      launchEventId,
      cohortId,
      milestones: {
        create: [
          { title: "SK tim", horizon: "SHORT", status: "DONE", dueDate: ago(300) },
          { title: "Uji coba", horizon: "MEDIUM", status: "IN_PROGRESS", dueDate: ago(30) },
          { title: "Perda", horizon: "LONG", status: "NOT_STARTED", dueDate: ago(-200) },
        ],
      },
    },
  });
  await prisma.changeProject.create({
    data: {
      title: "PERJAKA",
      kind: "TRAINING_CHANGE_PROJECT",
      regionCode: "74.71",
      status: "PILOTING",
      launchEventId,
      cohortId,
      milestones: { create: [{ title: "Sosialisasi", horizon: "SHORT", status: "LATE", dueDate: ago(-10) }] },
    },
  });
  await prisma.changeProject.create({
    data: {
      title: "Proyek Blitar",
      kind: "REGIONAL_INNOVATION",
      regionCode: "35.72",
      status: "LAUNCHED",
      milestones: { create: [{ title: "Di Blitar", horizon: "SHORT", status: "LATE", dueDate: ago(5) }] },
    },
  });
});

describe("the region dashboard's portfolio timeline", () => {
  it("groups the region's milestones by project and marks the late ones", async () => {
    const portfolio = await portfolioAt(regionRoute, "/dasbor/wilayah/74.71", { code: "74.71" }, head);
    expect(titles(portfolio)).toEqual([
      ["PERJAKA", ["Sosialisasi"]],
      ["SIAP", ["SK tim", "Uji coba", "Perda"]],
    ]);
    const late = portfolio.projects.flatMap((p) => p.milestones.filter((m) => m.late).map((m) => m.title));
    // past due and still in progress is late; marked late is late even before its date
    expect(late.sort()).toEqual(["Sosialisasi", "Uji coba"]);
    expect(portfolio).toMatchObject({ projectCount: 2, milestoneCount: 4, lateCount: 2 });
  });

  it("filters by status and horizon from the query; a value it does not know is no filter", async () => {
    const late = await portfolioAt(
      regionRoute,
      "/dasbor/wilayah/74.71?tonggak=late",
      { code: "74.71" },
      head,
    );
    expect(titles(late)).toEqual([
      ["PERJAKA", ["Sosialisasi"]],
      ["SIAP", ["Uji coba"]],
    ]);
    const doneShort = await portfolioAt(
      regionRoute,
      "/dasbor/wilayah/74.71?tonggak=done&jangka=SHORT",
      { code: "74.71" },
      head,
    );
    expect(titles(doneShort)).toEqual([["SIAP", ["SK tim"]]]);
    const open = await portfolioAt(
      regionRoute,
      "/dasbor/wilayah/74.71?tonggak=open&jangka=LONG",
      { code: "74.71" },
      head,
    );
    expect(titles(open)).toEqual([["SIAP", ["Perda"]]]);
    const unknown = await portfolioAt(
      regionRoute,
      "/dasbor/wilayah/74.71?tonggak=x&jangka=y",
      { code: "74.71" },
      head,
    );
    expect(unknown.milestoneCount).toBe(4);
  });
});

describe("the cohort dashboard and the launch event page", () => {
  it("the cohort's projects", async () => {
    const portfolio = await portfolioAt(
      cohortRoute as never,
      `/dasbor/angkatan/${cohortId}`,
      { cohortId },
      head,
    );
    expect(titles(portfolio).map(([title]) => title)).toEqual(["PERJAKA", "SIAP"]);
  });

  it("the launch event's public projects only, for anyone", async () => {
    const portfolio = await portfolioAt(launchEventRoute as never, `/peluncuran/${launchEventId}`, {
      launchEventId,
    });
    expect(titles(portfolio)).toEqual([["SIAP", ["SK tim", "Uji coba", "Perda"]]]);
    expect(portfolio.lateCount).toBe(1);
  });
});
