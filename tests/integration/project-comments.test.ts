// Issue #25, item 10: a project's discussion is written by those who work on it; a read-only
// viewer reads it (the permission map's "project:comment", not a check in the route).
import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS } from "~/auth/permissions";
import { ROLES } from "~/auth/roles";
import { prisma } from "~/db.server";
import { createProject } from "~/modules/projects/details.server";
import { addTeamMember } from "~/modules/projects/team.server";
import * as projectLayout from "~/routes/projects/$projectId/layout";
import * as projectOverview from "~/routes/projects/$projectId/overview";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let projectId: string;
let leaderId: string;
let memberCookie: string;

beforeAll(async () => {
  await ensureRegions();
  const leader = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Ani Lestari" });
  const member = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Budi Santoso" });
  leaderId = leader.id;
  memberCookie = await cookieFor(member.id);
  const actor = await actorFor(leader.id);
  const project = await createProject(actor, {
    title: "L2T2",
    kind: "REGIONAL_INNOVATION",
    regionCode: "74.71",
  });
  projectId = project.id;
  await addTeamMember(actor, project.id, { name: member.name, email: member.email });
});

function comment(cookie: string, body = "@ani mohon cek data sasaran") {
  return callRoute(
    projectOverview.action,
    formRequest(`/proyek/${projectId}`, { intent: "comment", body }, cookie),
    { projectId },
  );
}

async function written() {
  return {
    comments: await prisma.comment.count({ where: { projectId } }),
    mentions: await prisma.notification.count({ where: { userId: leaderId, kind: "mention" } }),
  };
}

describe("commenting on a project", () => {
  it("is in the permission map for every role but the viewer", () => {
    const commenters = ROLES.filter((role) => PERMISSIONS[role]["project:comment"]);
    expect(commenters).toEqual(["ADMIN", "FACILITATOR", "REGION_OFFICER", "PARTICIPANT", "COACH", "MENTOR"]);
  });

  it("refuses a viewer who can read the project, writing nothing and notifying no one", async () => {
    for (const regionCode of ["74.71", "74"]) {
      const viewer = await createPerson({ role: "VIEWER", regionCode });
      const cookie = await cookieFor(viewer.id);
      // the viewer does read the project…
      const page = await callRoute(projectLayout.loader, getRequest(`/proyek/${projectId}`, cookie), {
        projectId,
      });
      const data = await page.json();
      expect(data.mode).toBe("member");
      // …is shown no comment form…
      expect(data.can.comment).toBe(false);
      // …and cannot post one anyway
      const before = await written();
      const response = await comment(cookie);
      expect(response.status, `viewer of ${regionCode}`).toBe(403);
      expect((await response.json()).result.error[""]).toEqual(["errors.forbidden"]);
      expect(await written()).toEqual(before);
    }
  });

  it("refuses a viewer of another region the same way", async () => {
    const viewer = await createPerson({ role: "VIEWER", regionCode: "35.72" });
    const before = await written();
    expect((await comment(await cookieFor(viewer.id))).status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it("lets a team member comment and @mention the leader", async () => {
    const page = await callRoute(projectLayout.loader, getRequest(`/proyek/${projectId}`, memberCookie), {
      projectId,
    });
    expect((await page.json()).can.comment).toBe(true);
    const before = await written();
    const response = await comment(memberCookie);
    expect(response.status).toBe(200);
    expect(await written()).toEqual({ comments: before.comments + 1, mentions: before.mentions + 1 });
  });
});

// Issue #21, item 2: Indonesian names carry titles and degrees; "@Siti" reaches Dr. Siti Rahmawati.
describe("@mentions by the name people use", () => {
  it("notifies people by any part of the name, never by a title, and says who was notified", async () => {
    const leader = await createPerson({
      role: "PARTICIPANT",
      regionCode: "74.71",
      name: "Dr. Siti Rahmawati, S.T., M.T.",
    });
    const member = await createPerson({
      role: "PARTICIPANT",
      regionCode: "74.71",
      name: "Ir. Bambang Prasetyo",
    });
    const writer = await createPerson({
      role: "PARTICIPANT",
      regionCode: "74.71",
      name: "Hj. Nurhayati, S.E.",
    });
    const actor = await actorFor(leader.id);
    const { id } = await createProject(actor, {
      title: "SIAP",
      kind: "REGIONAL_INNOVATION",
      regionCode: "74.71",
    });
    await addTeamMember(actor, id, { name: member.name, email: member.email });
    await addTeamMember(actor, id, { name: writer.name, email: writer.email });
    const cookie = await cookieFor(writer.id);

    // the form offers each person by the handle to type
    const overview = await callRoute(projectOverview.loader, getRequest(`/proyek/${id}`, cookie), {
      projectId: id,
    });
    const { mentionable } = await overview.json();
    expect(mentionable.map((p: { handle: string }) => p.handle).sort()).toEqual([
      "Bambang",
      "Nurhayati",
      "Siti",
    ]);

    const response = await callRoute(
      projectOverview.action,
      formRequest(
        `/proyek/${id}`,
        { intent: "comment", body: "@Siti dan @Bambang: data 2023 sudah masuk. @Dr." },
        cookie,
      ),
      { projectId: id },
    );
    expect(response.status).toBe(200);
    const notified = await prisma.notification.findMany({
      where: { kind: "mention", link: `/proyek/${id}` },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual([leader.id, member.id].sort());

    const page = await callRoute(projectLayout.loader, getRequest(`/proyek/${id}`, cookie), {
      projectId: id,
    });
    const { project } = await page.json();
    expect(project.comments.at(-1).notified.sort()).toEqual([
      "Dr. Siti Rahmawati, S.T., M.T.",
      "Ir. Bambang Prasetyo",
    ]);
  });

  it("offers nobody to someone who may not comment on the project", async () => {
    const viewer = await createPerson({ role: "VIEWER", regionCode: "74.71" });
    const overview = await callRoute(
      projectOverview.loader,
      getRequest(`/proyek/${projectId}`, await cookieFor(viewer.id)),
      { projectId },
    );
    expect((await overview.json()).mentionable).toEqual([]);
  });
});
