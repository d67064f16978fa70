// The project's people at work, through the forms as a browser posts them: a milestone's owner is
// one of the project's people with an account; an assignment's owner is on the team and its
// status changes show on the timeline; stakeholders sit on a 1–5 influence × interest map,
// inside or outside the agency. A refused form writes nothing.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { diskStorage } from "~/storage/disk.server";
import { setFileStorage } from "~/storage/storage.server";
import { createProject } from "~/modules/projects/details.server";
import { addMilestone, listProjectPeopleWithAccounts } from "~/modules/projects/milestones.server";
import { addTeamMember } from "~/modules/projects/team.server";
import { listProjectTimeline } from "~/modules/projects/timeline.server";
import * as milestonesRoute from "~/routes/projects/$projectId/milestones";
import * as teamRoute from "~/routes/projects/$projectId/team";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, formRequest } from "../fixtures/people";

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

let leaderCookie: string;
let leader: Awaited<ReturnType<typeof actorFor>>;
let coachId: string;
let colleagueId: string;
let outsiderId: string;
let projectId: string;
let otherProjectId: string;

afterAll(async () => {
  setFileStorage(undefined);
  await rm(uploadDir, { recursive: true, force: true });
});

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), "lintas-uploads-"));
  setFileStorage(diskStorage(uploadDir));
  await ensureRegions();
  const leaderPerson = await createPerson({
    role: "PARTICIPANT",
    regionCode: "74.71",
    name: "Hendra Gunawan",
  });
  leader = await actorFor(leaderPerson.id);
  leaderCookie = await cookieFor(leaderPerson.id);
  coachId = (await createPerson({ role: "COACH", name: "Siti Rahmawati" })).id;
  const colleague = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Dewi Lestari" });
  colleagueId = colleague.id;
  outsiderId = (await createPerson({ role: "PARTICIPANT", regionCode: "74.71" })).id;
  projectId = (
    await createProject(leader, {
      title: "Percepatan kinerja sanitasi",
      kind: "TRAINING_CHANGE_PROJECT",
      regionCode: "74.71",
    })
  ).id;
  await prisma.changeProject.update({ where: { id: projectId }, data: { coachId } });
  await addTeamMember(leader, projectId, {
    name: "Dewi Lestari",
    roleInTeam: "Pendataan",
    email: colleague.email,
  });
  await addTeamMember(leader, projectId, { name: "Staf tanpa akun", roleInTeam: "Lapangan" });
  otherProjectId = (
    await createProject(leader, { title: "Proyek lain", kind: "REGIONAL_INNOVATION", regionCode: "74.71" })
  ).id;
});

function post(route: typeof milestonesRoute | typeof teamRoute, fields: Record<string, string>) {
  const tab = route === milestonesRoute ? "tonggak" : "tim";
  return callRoute(route.action, formRequest(`/proyek/${projectId}/${tab}`, fields, leaderCookie), {
    projectId,
  });
}

// a directory of this file's own: other test files store evidence at the same time
let uploadDir: string;

async function storedFiles() {
  return (await readdir(path.join(uploadDir, "evidence")).catch(() => [] as string[])).sort();
}

describe("milestone owner", () => {
  it("offers the leader, members with accounts, the coach and the mentor", async () => {
    const people = await listProjectPeopleWithAccounts(projectId);
    expect(people.map((p) => p.name)).toEqual(["Hendra Gunawan", "Dewi Lestari", "Siti Rahmawati"]);
    expect(people.map((p) => p.id)).toEqual([leader.user.id, colleagueId, coachId]);
  });

  it("saves a milestone with its owner and shows the owner's name", async () => {
    const response = await post(milestonesRoute, {
      intent: "milestone",
      title: "Pendataan kelompok sasaran",
      horizon: "SHORT",
      status: "NOT_STARTED",
      ownerId: colleagueId,
    });
    expect(response.status).toBe(200);
    const saved = await prisma.milestone.findFirstOrThrow({
      where: { projectId, title: "Pendataan kelompok sasaran" },
      include: { owner: { select: { name: true } } },
    });
    expect(saved.owner?.name).toBe("Dewi Lestari");
  });

  it("refuses an owner who is not on the project, next to the field, writing nothing", async () => {
    const before = await prisma.milestone.count({ where: { projectId } });
    const response = await post(milestonesRoute, {
      intent: "milestone",
      title: "Tonggak palsu",
      horizon: "SHORT",
      status: "NOT_STARTED",
      ownerId: outsiderId,
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.ownerId).toEqual(["errors.ownerNotOnProject"]);
    expect(body.result.initialValue.title).toBe("Tonggak palsu");
    expect(await prisma.milestone.count({ where: { projectId } })).toBe(before);
  });

  it("changes, refuses and removes the owner of a milestone", async () => {
    const milestone = await addMilestone(leader, projectId, {
      title: "Permohonan truk sedot tinja",
      horizon: "MEDIUM",
      status: "NOT_STARTED",
      ownerId: leader.user.id,
    });
    const update = (version: number, ownerId: string) =>
      post(milestonesRoute, {
        intent: "milestone-update",
        milestoneId: milestone.id,
        version: String(version),
        status: "IN_PROGRESS",
        ownerId,
      });
    expect((await update(0, coachId)).status).toBe(200);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).ownerId).toBe(coachId);

    const refused = await update(1, outsiderId);
    expect(refused.status).toBe(400);
    expect((await refused.json()).result.error[""]).toEqual(["errors.ownerNotOnProject"]);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      ownerId: coachId,
      version: 1,
    });

    expect((await update(1, "")).status).toBe(200);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).ownerId).toBeNull();
  });

  it("stores no evidence file when the owner sent with it is refused", async () => {
    const milestone = await addMilestone(leader, projectId, {
      title: "Foto truk tiba",
      horizon: "SHORT",
      status: "DONE",
    });
    const before = await storedFiles();
    const form = new FormData();
    for (const [key, value] of Object.entries({
      intent: "milestone-update",
      milestoneId: milestone.id,
      version: "0",
      status: "DONE",
      ownerId: outsiderId,
    }))
      form.set(key, value);
    form.set("evidenceFile", new File([PNG], "truk.png", { type: "image/png" }));
    const response = await callRoute(
      milestonesRoute.action,
      new Request(`http://localhost/proyek/${projectId}/tonggak`, {
        method: "POST",
        body: form,
        headers: { Cookie: leaderCookie },
      }),
      { projectId },
    );
    expect(response.status).toBe(400);
    expect(await storedFiles()).toEqual(before);
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
      evidenceFile: null,
      ownerId: null,
      version: 0,
    });
  });
});

describe("assignments", () => {
  it("gives an assignment to a team member and logs each status change on the timeline", async () => {
    const member = await prisma.projectMember.findFirstOrThrow({
      where: { projectId, name: "Staf tanpa akun" },
    });
    const created = await post(teamRoute, {
      intent: "assignment",
      title: "Data kelompok sasaran",
      ownerId: member.id,
      dueDate: "2024-06-30",
    });
    expect(created.status).toBe(200);
    const assignment = await prisma.assignment.findFirstOrThrow({
      where: { projectId, title: "Data kelompok sasaran" },
      include: { owner: { select: { name: true } } },
    });
    expect(assignment).toMatchObject({ status: "NOT_STARTED", owner: { name: "Staf tanpa akun" } });

    for (const status of ["IN_PROGRESS", "DONE"])
      expect(
        (await post(teamRoute, { intent: "assignment-status", assignmentId: assignment.id, status })).status,
      ).toBe(200);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).status).toBe("DONE");
    const steps = (await listProjectTimeline(projectId))
      .filter((e) => e.action === "project.assignment_status")
      .map((e) => e.data);
    expect(steps).toEqual([
      { title: "Data kelompok sasaran", from: "NOT_STARTED", status: "IN_PROGRESS" },
      { title: "Data kelompok sasaran", from: "IN_PROGRESS", status: "DONE" },
    ]);
  });

  it("refuses an owner from another project's team, writing nothing", async () => {
    const stranger = await addTeamMember(leader, otherProjectId, { name: "Orang proyek lain" });
    const before = await prisma.assignment.count();
    const response = await post(teamRoute, {
      intent: "assignment",
      title: "Tugas palsu",
      ownerId: stranger.id,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.ownerId).toEqual(["errors.assigneeNotInTeam"]);
    expect(await prisma.assignment.count()).toBe(before);
  });

  it("does not change another project's assignment through this project", async () => {
    const elsewhere = await prisma.assignment.create({ data: { projectId: otherProjectId, title: "Lain" } });
    const response = await post(teamRoute, {
      intent: "assignment-status",
      assignmentId: elsewhere.id,
      status: "DROPPED",
    });
    expect(response.status).toBe(403);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: elsewhere.id } })).status).toBe(
      "NOT_STARTED",
    );
  });
});

describe("stakeholders", () => {
  it("maps stakeholders inside and outside the agency on influence × interest", async () => {
    for (const fields of [
      { name: "Kepala Dinas PUPR", influence: "5", interest: "4", internal: "true" },
      {
        name: "Kelompok Swadaya Masyarakat",
        influence: "1",
        interest: "5",
        internal: "false",
        note: "Mitra",
      },
    ] as Record<string, string>[])
      expect((await post(teamRoute, { intent: "stakeholder", ...fields })).status).toBe(200);
    const saved = await prisma.stakeholder.findMany({
      where: { projectId },
      orderBy: { name: "asc" },
      select: { name: true, influence: true, interest: true, internal: true, note: true },
    });
    expect(saved).toEqual([
      { name: "Kelompok Swadaya Masyarakat", influence: 1, interest: 5, internal: false, note: "Mitra" },
      { name: "Kepala Dinas PUPR", influence: 5, interest: 4, internal: true, note: null },
    ]);
  });

  it.each([
    [{ influence: "0", interest: "3", internal: "true" }, "influence", "errors.scale"],
    [{ influence: "6", interest: "3", internal: "true" }, "influence", "errors.scale"],
    [{ influence: "3", interest: "2.5", internal: "true" }, "interest", "errors.scale"],
    [{ influence: "3", interest: "banyak", internal: "true" }, "interest", "errors.scale"],
    [{ influence: "3", interest: "3", internal: "mungkin" }, "internal", "errors.choice"],
  ])("refuses %j (%s: %s), writing nothing", async (fields, field, error) => {
    const before = await prisma.stakeholder.count();
    const response = await post(teamRoute, { intent: "stakeholder", name: "Bappeda", ...fields });
    expect(response.status).toBe(400);
    expect((await response.json()).result.error[field]).toEqual([error]);
    expect(await prisma.stakeholder.count()).toBe(before);
  });
});
