// Launching from the project page: several projects share one launch event of their region or
// province, picked in the launch form; an event of another province cannot be forged in. Then the
// public follow-up page: launched projects only, never their comments, and still there, saying
// why, when a launched project is stopped.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getCohortOverview } from "~/modules/projects/cohort.server";
import { transitionProject } from "~/modules/projects/launch.server";
import * as projectRoute from "~/routes/projects/$projectId/layout";
import * as overviewRoute from "~/routes/projects/$projectId/overview";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let head: string;
let leader: string;
const DAY = 86_400_000;

type LaunchEventOption = {
  id: string;
  title: string;
  region: { name: string };
  _count: { projects: number };
};

async function pilotingProject(title: string, regionCode = "74.71") {
  return prisma.changeProject.create({
    data: { title, kind: "REGIONAL_INNOVATION", regionCode, status: "PILOTING" },
  });
}

async function launchEventsOffered(projectId: string, cookie = head) {
  const response = await callRoute(overviewRoute.loader, getRequest(`/proyek/${projectId}`, cookie), {
    projectId,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { launchEvents: LaunchEventOption[] }).launchEvents;
}

function launch(projectId: string, fields: Record<string, string>) {
  return callRoute(
    overviewRoute.action,
    formRequest(`/proyek/${projectId}`, { intent: "transition", to: "LAUNCHED", ...fields }, head),
    { projectId },
  );
}

beforeAll(async () => {
  await ensureRegions();
  head = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  leader = await cookieFor((await createPerson({ role: "PARTICIPANT", regionCode: "74.71" })).id);
});

describe("launching from the project page", () => {
  it("launches two projects from the form at one shared event", async () => {
    const first = await pilotingProject("L2T2");
    const second = await pilotingProject("SIP BENAR");

    const response = await launch(first.id, {
      launchTitle: "Launching aksi perubahan PKN II",
      launchDate: "2099-10-10",
      launchPlace: "Rumah Dinas Wali Kota",
      launchedBy: "Wali Kota Kendari",
    });
    expect(response.status).toBe(200);
    const { launchEventId } = await prisma.changeProject.findUniqueOrThrow({ where: { id: first.id } });
    expect(launchEventId).not.toBeNull();

    const offered = await launchEventsOffered(second.id);
    expect(offered.find((e) => e.id === launchEventId)).toMatchObject({
      title: "Launching aksi perubahan PKN II",
      region: { name: "Kota Kendari" },
      _count: { projects: 1 },
    });

    // the new-event fields left as the form prefills them: the picked event wins
    expect(
      (await launch(second.id, { launchEventId: launchEventId!, launchTitle: "Launching SIP BENAR" })).status,
    ).toBe(200);
    const launched = await prisma.changeProject.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { status: true, launchEventId: true, launchedAt: true },
    });
    expect(launched).toEqual([
      { status: "LAUNCHED", launchEventId, launchedAt: new Date("2099-10-10") },
      { status: "LAUNCHED", launchEventId, launchedAt: new Date("2099-10-10") },
    ]);
    expect(await prisma.launchEvent.count({ where: { title: "Launching SIP BENAR" } })).toBe(0);
  });

  it("offers the region's and the province's upcoming and recent events, not older ones or other provinces'", async () => {
    const project = await pilotingProject("PERJAKA");
    const now = Date.now();
    const events = await Promise.all(
      [
        { title: "Provinsi, bulan depan", regionCode: "74", date: new Date(now + 30 * DAY) },
        { title: "Kota, bulan lalu", regionCode: "74.71", date: new Date(now - 30 * DAY) },
        { title: "Kota, tahun lalu", regionCode: "74.71", date: new Date(now - 365 * DAY) },
        { title: "Tetangga", regionCode: "74.05", date: new Date(now + 10 * DAY) },
        { title: "Provinsi lain", regionCode: "35.72", date: new Date(now + 10 * DAY) },
      ].map((data) => prisma.launchEvent.create({ data })),
    );
    const titles = (await launchEventsOffered(project.id)).map((e) => e.title);
    expect(titles).toContain("Provinsi, bulan depan");
    expect(titles).toContain("Kota, bulan lalu");
    for (const title of ["Kota, tahun lalu", "Tetangga", "Provinsi lain"])
      expect(titles).not.toContain(title);

    // someone without the launch right is offered nothing
    expect(await launchEventsOffered(project.id, leader)).toEqual([]);

    // a province event can be joined
    expect((await launch(project.id, { launchEventId: events[0].id })).status).toBe(200);
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).launchEventId).toBe(
      events[0].id,
    );
  });

  it("refuses a forged event of another province, creating nothing", async () => {
    const project = await pilotingProject("SIAP BPKAD");
    const elsewhere = await prisma.launchEvent.create({
      data: { title: "Blitar", regionCode: "35.72", date: new Date() },
    });
    const eventsBefore = await prisma.launchEvent.count();
    const response = await launch(project.id, {
      launchEventId: elsewhere.id,
      launchTitle: "Launching",
      launchDate: "2099-01-01",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).missing).toEqual(["status.missing.launchEvent"]);
    expect(await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      status: "PILOTING",
      launchEventId: null,
    });
    expect(await prisma.launchEvent.count()).toBe(eventsBefore);
  });

  it("offers no events once the project is launched", async () => {
    const project = await pilotingProject("Sudah");
    await prisma.changeProject.update({ where: { id: project.id }, data: { status: "LAUNCHED" } });
    expect(await launchEventsOffered(project.id)).toEqual([]);
  });
});

describe("public follow-up page", () => {
  async function openAnonymously(projectId: string) {
    return callRoute(projectRoute.loader, getRequest(`/proyek/${projectId}`), { projectId });
  }

  it("shows a launched project without its internal comments, and keeps drafts private", async () => {
    const launched = await prisma.changeProject.create({
      data: {
        title: "Layanan Lumpur Tinja Terjadwal",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        status: "LAUNCHED",
        launchedAt: new Date("2024-10-10"),
        problem: "Sanitasi aman baru 1,22 %.",
        comments: { create: { body: "Catatan internal: anggaran belum cair" } },
      },
    });
    const response = await openAnonymously(launched.id);
    expect(response.status).toBe(200);
    const text = await response.text();
    const page = JSON.parse(text);
    expect(page.mode).toBe("public");
    expect(page.project).toMatchObject({
      title: "Layanan Lumpur Tinja Terjadwal",
      problem: "Sanitasi aman baru 1,22 %.",
    });
    expect(page.project).not.toHaveProperty("comments");
    expect(text).not.toContain("Catatan internal");

    for (const status of ["DRAFT", "PROPOSED", "APPROVED", "PILOTING"] as const) {
      const draft = await prisma.changeProject.create({
        data: { title: `Draf ${status}`, kind: "REGIONAL_INNOVATION", regionCode: "74.71", status },
      });
      const refused = await openAnonymously(draft.id);
      expect(refused.status).toBe(302);
      expect(refused.headers.get("Location")).toBe(
        `/masuk?redirectTo=${encodeURIComponent(`/proyek/${draft.id}`)}`,
      );
    }
  });

  it("stays public after a launched project is stopped, saying so and why", async () => {
    const project = await prisma.changeProject.create({
      data: {
        title: "PERJAKA",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        status: "LAUNCHED",
        launchedAt: new Date("2024-10-10"),
      },
    });
    const officer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
    expect(
      await transitionProject(officer, project.id, "STOPPED", {
        stopReason: "Anggaran dialihkan ke bencana",
      }),
    ).toEqual({ ok: true });
    const response = await openAnonymously(project.id);
    expect(response.status).toBe(200);
    expect((await response.json()).project).toMatchObject({
      status: "STOPPED",
      stopReason: "Anggaran dialihkan ke bencana",
    });
  });

  it("keeps a project stopped after launch on the public cohort page, and one stopped before off it", async () => {
    const cohort = await prisma.cohort.create({
      data: { programme: "PKN_II", batch: "Angkatan XX", year: 2023 },
    });
    for (const [title, launchedAt] of [
      ["Berhenti setelah launching", new Date("2023-10-10")],
      ["Berhenti sebelum launching", null],
    ] as const)
      await prisma.changeProject.create({
        data: {
          title,
          kind: "TRAINING_CHANGE_PROJECT",
          regionCode: "74.71",
          status: "STOPPED",
          stopReason: "Anggaran dialihkan",
          launchedAt,
          cohortId: cohort.id,
        },
      });
    const overview = await getCohortOverview(cohort.id);
    expect(overview?.projects.map((p) => [p.title, p.status])).toEqual([
      ["Berhenti setelah launching", "STOPPED"],
    ]);
  });

  it("keeps a project stopped before its launch private", async () => {
    const project = await prisma.changeProject.create({
      data: {
        title: "Tak jadi",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        status: "STOPPED",
        stopReason: "Tidak disetujui",
      },
    });
    expect((await openAnonymously(project.id)).status).toBe(302);
  });
});
