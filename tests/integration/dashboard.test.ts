import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getDashboard } from "~/modules/dashboards/overview.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

let officer: Awaited<ReturnType<typeof actorFor>>;
let facilitator: Awaited<ReturnType<typeof actorFor>>;
const now = new Date("2024-06-15T00:00:00Z");

beforeAll(async () => {
  await ensureRegions();
  officer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  await prisma.changeProject.create({
    data: {
      title: "Terlambat",
      kind: "REGIONAL_INNOVATION",
      regionCode: "74.71",
      status: "LAUNCHED",
      launchedAt: new Date("2023-10-10"),
      milestones: { create: { title: "Tonggak Juni", horizon: "SHORT", dueDate: new Date("2024-06-20") } },
    },
  });
  await prisma.changeProject.create({
    data: { title: "Blitar", kind: "REGIONAL_INNOVATION", regionCode: "35.72", status: "DRAFT" },
  });
  await prisma.pairing.create({
    data: {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2",
      status: "ACTIVE",
      plannedSessions: 6,
      sessions: {
        create: {
          title: "Sesi 1",
          startsAt: new Date("2024-04-01T01:00:00Z"),
          timeZone: "Asia/Makassar",
          status: "HELD",
        },
      },
      commitments: {
        create: { title: "Instruksi wali kota", side: "MENTEE", dueDate: new Date("2024-05-01") },
      },
    },
  });
});

describe("dashboards", () => {
  it("counts a region officer's projects by status and flags the overdue launched one", async () => {
    const d = await getDashboard(officer.user, now);
    expect(d.projectsByStatus.find((r) => r.status === "LAUNCHED")?.count).toBe(1);
    expect(d.projectsByStatus.find((r) => r.status === "DRAFT")?.count).toBe(0);
    expect(d.atRisk.map((p) => p.title)).toEqual(["Terlambat"]);
    expect(d.dueThisMonth.map((m) => m.title)).toEqual(["Tonggak Juni"]);
  });

  it("shows a facilitator sessions held against planned and pairings that need attention", async () => {
    const d = await getDashboard(facilitator.user, now);
    expect(d.sessions).toEqual({ held: 1, planned: 6 });
    expect(d.commitments).toMatchObject({ done: 0, overdue: 1, total: 1 });
    expect(d.needsAttention[0].reasons).toEqual([
      "dashboard.noSessionIn30Days",
      "dashboard.overdueCommitments",
    ]);
  });
});
