// Waiting for approval is told: a proposed project notifies its coach and mentor, a milestone of a
// training project marked done notifies them too — in the app and by email, in their language;
// the person who made the move is not told; a milestone not done, or not of a training project,
// tells nobody.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { transitionProject } from "~/modules/projects/launch.server";
import { addMilestone, updateMilestone } from "~/modules/projects/milestones.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

let leader: Awaited<ReturnType<typeof createPerson>>;
let coach: Awaited<ReturnType<typeof createPerson>>;
let mentor: Awaited<ReturnType<typeof createPerson>>;

async function trainingProject(title: string) {
  return prisma.changeProject.create({
    data: {
      title,
      kind: "TRAINING_CHANGE_PROJECT",
      regionCode: "74.71",
      problem: "Antrean layanan panjang",
      leaderId: leader.id,
      coachId: coach.id,
      mentorId: mentor.id,
      members: { create: { name: leader.name, userId: leader.id } },
      milestones: { create: { title: "Rapat tim", horizon: "SHORT", status: "NOT_STARTED" } },
    },
  });
}

async function noticesFor(userId: string, kind: string) {
  return prisma.notification.findMany({ where: { userId, kind }, select: { title: true, link: true } });
}

async function mailTo(email: string) {
  return prisma.outboxMessage.findMany({ where: { to: email }, select: { subject: true, text: true } });
}

beforeAll(async () => {
  await ensureRegions();
  leader = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Budi Santoso" });
  coach = await createPerson({ role: "COACH", regionCode: "74.71", name: "Dr. Siti Rahmawati" });
  mentor = await createPerson({ role: "MENTOR", regionCode: "74.71", name: "Ir. Bambang Prasetyo" });
  await prisma.user.update({ where: { id: mentor.id }, data: { locale: "en" } });
});

describe("a proposed project", () => {
  it("notifies its coach and mentor, in the app and by email, each in their language", async () => {
    const project = await trainingProject("SIAP Antre");
    const result = await transitionProject(await actorFor(leader.id), project.id, "PROPOSED");
    expect(result).toEqual({ ok: true });
    expect(await noticesFor(coach.id, "project-proposed")).toEqual([
      { title: "Usulan proyek menunggu persetujuan Anda: SIAP Antre", link: `/proyek/${project.id}` },
    ]);
    expect(await noticesFor(mentor.id, "project-proposed")).toEqual([
      { title: "A project proposal awaits your approval: SIAP Antre", link: `/proyek/${project.id}` },
    ]);
    const [mail] = await mailTo(coach.email);
    expect(mail.subject).toBe("Usulan proyek menunggu persetujuan Anda: SIAP Antre");
    expect(mail.text).toContain("Budi Santoso");
    expect(mail.text).toContain(`/proyek/${project.id}`);
    expect(await mailTo(mentor.email)).toHaveLength(1);
    expect(await noticesFor(leader.id, "project-proposed")).toEqual([]);
  });
});

describe("a milestone marked done", () => {
  it("notifies the approvers; one in progress or added not done tells nobody", async () => {
    const project = await trainingProject("PERJAKA");
    const actor = await actorFor(leader.id);
    const milestone = await addMilestone(actor, project.id, {
      title: "Uji coba di dua kecamatan",
      horizon: "SHORT",
      status: "NOT_STARTED",
    });
    await updateMilestone(actor, project.id, milestone.id, milestone.version, { status: "IN_PROGRESS" });
    expect(await noticesFor(coach.id, "milestone-ready")).toEqual([]);
    await updateMilestone(actor, project.id, milestone.id, milestone.version + 1, { status: "DONE" });
    expect(await noticesFor(coach.id, "milestone-ready")).toEqual([
      {
        title: "Tonggak menunggu persetujuan Anda: Uji coba di dua kecamatan (PERJAKA)",
        link: `/proyek/${project.id}/tonggak`,
      },
    ]);
    expect(await noticesFor(mentor.id, "milestone-ready")).toHaveLength(1);
    const mails = await mailTo(coach.email);
    expect(mails.map((m) => m.subject)).toContain(
      "Tonggak menunggu persetujuan Anda: Uji coba di dua kecamatan (PERJAKA)",
    );
  });

  it("added already done, it notifies too; on a project that is not a training project, nobody", async () => {
    const project = await trainingProject("e-Agenda");
    await addMilestone(await actorFor(leader.id), project.id, {
      title: "SK tim",
      horizon: "SHORT",
      status: "DONE",
    });
    expect(await noticesFor(coach.id, "milestone-ready")).toContainEqual(
      expect.objectContaining({ title: "Tonggak menunggu persetujuan Anda: SK tim (e-Agenda)" }),
    );
    const before = (await noticesFor(coach.id, "milestone-ready")).length;
    const innovation = await trainingProject("SIP BENAR");
    await prisma.changeProject.update({
      where: { id: innovation.id },
      data: { kind: "REGIONAL_INNOVATION" },
    });
    await addMilestone(await actorFor(leader.id), innovation.id, {
      title: "Sosialisasi",
      horizon: "SHORT",
      status: "DONE",
    });
    expect(await noticesFor(coach.id, "milestone-ready")).toHaveLength(before);
  });
});
