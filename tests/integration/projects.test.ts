import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { RuleError, ConflictError, OutOfScopeError } from "~/errors";
import { addComment } from "~/modules/projects/comments.server";
import { ReviewerNotFoundError, createProject, updateProject } from "~/modules/projects/details.server";
import { addIndicator, addMeasurement } from "~/modules/projects/indicators.server";
import { transitionProject } from "~/modules/projects/launch.server";
import { addMilestone, approveMilestone, updateMilestone } from "~/modules/projects/milestones.server";
import { getProjectForUser } from "~/modules/projects/queries.server";
import { addTeamMember } from "~/modules/projects/team.server";
import { listProjectTimeline } from "~/modules/projects/timeline.server";
import { grantsFor } from "~/auth/permissions";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

const actor = actorFor;

let participant: Awaited<ReturnType<typeof actor>>;
let coach: Awaited<ReturnType<typeof actor>>;
let otherCoach: Awaited<ReturnType<typeof actor>>;
let head: Awaited<ReturnType<typeof actor>>;
let stranger: Awaited<ReturnType<typeof actor>>;

beforeAll(async () => {
  await ensureRegions();
  await prisma.region.upsert({
    where: { code: "18.04" },
    create: { code: "18.04", name: "Kabupaten Lampung Barat", kind: "REGENCY", timeZone: "Asia/Jakarta" },
    update: {},
  });
  participant = await actor(
    (await createPerson({ role: "PARTICIPANT", regionCode: "18.04", name: "Hendra Gunawan" })).id,
  );
  coach = await actor((await createPerson({ role: "COACH", name: "Siti Rahmawati" })).id);
  otherCoach = await actor((await createPerson({ role: "COACH" })).id);
  head = await actor((await createPerson({ role: "REGION_OFFICER", regionCode: "18.04" })).id);
  stranger = await actor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
});

async function newProject() {
  const project = await createProject(participant, {
    title: "Percepatan kinerja sanitasi sesuai SPM",
    kind: "TRAINING_CHANGE_PROJECT",
    regionCode: "18.04",
    organisationName: "Dinas PUPR",
    problem: "Sanitasi aman baru 1,22 % (2023).",
  });
  await prisma.changeProject.update({ where: { id: project.id }, data: { coachId: coach.user.id } });
  return project;
}

describe("creating and editing a project", () => {
  it("creates a draft with the leader on the team and the agency recorded", async () => {
    const project = await newProject();
    const loaded = await getProjectForUser(
      { user: participant.user, grants: grantsFor(participant.user.memberships, "project:read") },
      project.id,
    );
    expect(loaded?.status).toBe("DRAFT");
    expect(loaded?.organisation?.name).toBe("Dinas PUPR");
    expect(loaded?.members.map((m) => m.name)).toEqual(["Hendra Gunawan"]);
  });

  it("refuses creating a project in a region outside the officer's scope", async () => {
    await expect(
      createProject(stranger, { title: "X", kind: "REGIONAL_INNOVATION", regionCode: "18.04" }),
    ).rejects.toThrow(OutOfScopeError);
  });

  it("refuses a stale edit instead of silently overwriting it", async () => {
    const project = await newProject();
    await updateProject(participant, project.id, 0, { title: "Versi A", kind: "TRAINING_CHANGE_PROJECT" });
    await expect(
      updateProject(participant, project.id, 0, { title: "Versi B", kind: "TRAINING_CHANGE_PROJECT" }),
    ).rejects.toThrow(ConflictError);
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).title).toBe(
      "Versi A",
    );
  });

  it("names the coach and mentor by the email of their accounts, and refuses anyone else", async () => {
    const project = await createProject(participant, {
      title: "Layanan sedot tinja terjadwal",
      kind: "TRAINING_CHANGE_PROJECT",
      regionCode: "18.04",
    });
    const mentor = await createPerson({ role: "MENTOR", regionCode: "18.04", name: "Bambang Prasetyo" });
    const coachEmail = (await prisma.user.findUniqueOrThrow({ where: { id: coach.user.id } })).email;
    const base = { title: project.title, kind: "TRAINING_CHANGE_PROJECT" as const };

    // the coach account, not a mentor's, can be named coach (and an unknown email is refused)
    for (const [coachEmailTried, mentorEmailTried, field] of [
      [mentor.email, undefined, "coachEmail"],
      ["tidak.ada@uji.test", undefined, "coachEmail"],
      [coachEmail, coachEmail, "mentorEmail"],
    ] as const) {
      await expect(
        updateProject(participant, project.id, 0, {
          ...base,
          coachEmail: coachEmailTried,
          mentorEmail: mentorEmailTried,
        }),
      ).rejects.toThrow(expect.objectContaining({ field }) as ReviewerNotFoundError);
    }
    // nothing was written by the refused attempts
    expect(await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      version: 0,
      coachId: null,
      mentorId: null,
    });

    // emails are matched without regard to case or spaces
    await updateProject(participant, project.id, 0, {
      ...base,
      coachEmail: ` ${coachEmail.toUpperCase()} `,
      mentorEmail: mentor.email,
    });
    expect(await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      coachId: coach.user.id,
      mentorId: mentor.id,
    });
    // the coach now sees the project and may approve its milestones
    const seen = await getProjectForUser(
      { user: coach.user, grants: grantsFor(coach.user.memberships, "project:read") },
      project.id,
    );
    expect(seen?.coach?.name).toBe("Siti Rahmawati");
    const timeline = await listProjectTimeline(project.id);
    expect(timeline.map((e) => [e.action, e.data])).toEqual(
      expect.arrayContaining([
        ["project.coach_assigned", { name: "Siti Rahmawati" }],
        ["project.mentor_assigned", { name: "Bambang Prasetyo" }],
      ]),
    );

    // an edit without the fields keeps them; an empty one removes that person
    await updateProject(participant, project.id, 1, { ...base, locus: "Kecamatan Balik Bukit" });
    expect(await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      coachId: coach.user.id,
      mentorId: mentor.id,
    });
    await updateProject(participant, project.id, 2, { ...base, mentorEmail: null });
    expect(await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      coachId: coach.user.id,
      mentorId: null,
    });

    // a deactivated coach cannot be named
    const retired = await createPerson({ role: "COACH" });
    await prisma.user.update({ where: { id: retired.id }, data: { deactivatedAt: new Date() } });
    await expect(
      updateProject(participant, project.id, 3, { ...base, coachEmail: retired.email }),
    ).rejects.toThrow(ReviewerNotFoundError);
  });

  it("does not let another region's officer change it", async () => {
    const project = await newProject();
    await expect(
      updateProject(stranger, project.id, 0, { title: "Diambil alih", kind: "TRAINING_CHANGE_PROJECT" }),
    ).rejects.toThrow(OutOfScopeError);
    await expect(
      addMilestone(stranger, project.id, { title: "x", horizon: "SHORT", status: "NOT_STARTED" }),
    ).rejects.toThrow(OutOfScopeError);
  });
});

describe("milestones", () => {
  it("keeps both concurrent edits from being silently lost: the second gets a conflict", async () => {
    const project = await newProject();
    const milestone = await addMilestone(participant, project.id, {
      title: "Pendataan kelompok sasaran",
      horizon: "SHORT",
      status: "NOT_STARTED",
    });
    await updateMilestone(participant, project.id, milestone.id, milestone.version, {
      status: "IN_PROGRESS",
    });
    await expect(
      updateMilestone(head, project.id, milestone.id, milestone.version, { status: "DROPPED" }),
    ).rejects.toThrow(ConflictError);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).status).toBe(
      "IN_PROGRESS",
    );
  });

  it("cannot be approved before it has started (issue 21)", async () => {
    const project = await newProject();
    const milestone = await addMilestone(participant, project.id, {
      title: "Perbup layanan lumpur tinja",
      horizon: "LONG",
      status: "NOT_STARTED",
    });
    await expect(approveMilestone(coach, project.id, milestone.id)).rejects.toThrow(RuleError);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).approvedAt).toBeNull();
  });

  it("is approved by the project's coach, not by another coach or the leader", async () => {
    const project = await newProject();
    const milestone = await addMilestone(participant, project.id, {
      title: "Sosialisasi",
      horizon: "SHORT",
      status: "DONE",
    });
    await expect(approveMilestone(otherCoach, project.id, milestone.id)).rejects.toThrow(OutOfScopeError);
    await expect(approveMilestone(participant, project.id, milestone.id)).rejects.toThrow(OutOfScopeError);
    await approveMilestone(coach, project.id, milestone.id);
    const approved = await prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(approved.approvedById).toBe(coach.user.id);
  });
});

describe("launch status", () => {
  it("refuses a guarded move with its reasons, then walks to launch with a shared launch event", async () => {
    const first = await newProject();
    const second = await newProject();
    expect(await transitionProject(participant, first.id, "PROPOSED")).toEqual({
      ok: false,
      reason: "incomplete",
      missing: ["status.missing.milestone"],
    });

    for (const project of [first, second]) {
      await addTeamMember(participant, project.id, {
        name: "Staf Bidang Cipta Karya",
        roleInTeam: "Pendataan",
      });
      for (const horizon of ["SHORT", "MEDIUM", "LONG"] as const)
        await addMilestone(participant, project.id, {
          title: `Tonggak ${horizon}`,
          horizon,
          status: "NOT_STARTED",
        });
      await addIndicator(participant, project.id, {
        name: "Sanitasi aman",
        unit: "%",
        direction: "UP",
        baseline: 1.22,
        baselineYear: 2023,
        target: 5,
        targetYear: 2025,
      });
      expect(await transitionProject(participant, project.id, "PROPOSED")).toEqual({ ok: true });
      expect(await transitionProject(participant, project.id, "APPROVED")).toMatchObject({
        ok: false,
        reason: "not-allowed",
      });
      expect(await transitionProject(coach, project.id, "APPROVED")).toEqual({ ok: true });
      expect(await transitionProject(participant, project.id, "PILOTING")).toEqual({ ok: true });
      expect(
        await transitionProject(participant, project.id, "LAUNCHED", {
          launchEvent: { title: "x", date: new Date() },
        }),
      ).toMatchObject({ reason: "not-allowed" });
    }
    const date = new Date("2024-10-10T02:00:00Z");
    expect(
      await transitionProject(head, first.id, "LAUNCHED", {
        launchEvent: {
          title: "Launching aksi perubahan",
          date,
          place: "Liwa",
          launchedBy: "Bupati Lampung Barat",
        },
      }),
    ).toEqual({ ok: true });
    const event = await prisma.changeProject.findUniqueOrThrow({
      where: { id: first.id },
      select: { launchEventId: true, launchedAt: true },
    });
    expect(event.launchedAt?.toISOString()).toBe(date.toISOString());
    expect(
      await transitionProject(head, second.id, "LAUNCHED", { launchEventId: event.launchEventId! }),
    ).toEqual({ ok: true });
    expect(await prisma.changeProject.count({ where: { launchEventId: event.launchEventId } })).toBe(2);

    const steps = (await listProjectTimeline(first.id)).map((e) => e.action);
    expect(steps[0]).toBe("project.created");
    expect(steps.filter((a) => a === "project.status_changed")).toHaveLength(4);
  });

  it("makes one of two moves checked at once and tells the other it came too late", async () => {
    const project = await newProject();
    // both check DRAFT; one stops it, the other finds it no longer DRAFT when it writes
    const outcomes = await Promise.allSettled([
      transitionProject(participant, project.id, "STOPPED", { stopReason: "Anggaran dialihkan" }),
      transitionProject(participant, project.id, "STOPPED", { stopReason: "Pindah tugas" }),
    ]);
    // one moves it; the other either finds the status changed when it writes (ConflictError) or,
    // when it read after the first one's commit (a PostgreSQL pool can run them one after the
    // other), is told that STOPPED → STOPPED is no move
    const made = outcomes.filter((o) => o.status === "fulfilled" && o.value.ok);
    expect(made).toHaveLength(1);
    const other = outcomes.find((o) => o !== made[0])!;
    if (other.status === "rejected") expect(other.reason).toBeInstanceOf(ConflictError);
    else expect(other.value).toMatchObject({ ok: false, reason: "not-a-move" });
    const steps = (await listProjectTimeline(project.id)).map((e) => e.action);
    expect(steps.filter((a) => a === "project.status_changed")).toHaveLength(1);
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).version).toBe(
      project.version + 1,
    );
  });

  it("stops only with a reason", async () => {
    const project = await newProject();
    expect(await transitionProject(participant, project.id, "STOPPED", { stopReason: "" })).toMatchObject({
      missing: ["status.missing.stopReason"],
    });
    expect(
      await transitionProject(participant, project.id, "STOPPED", { stopReason: "Anggaran dialihkan" }),
    ).toEqual({ ok: true });
    expect((await prisma.changeProject.findUniqueOrThrow({ where: { id: project.id } })).stopReason).toBe(
      "Anggaran dialihkan",
    );
  });
});

describe("indicators", () => {
  it("records measurements with their period and source", async () => {
    const project = await newProject();
    const indicator = await addIndicator(participant, project.id, {
      name: "Kunjungan layanan konsultasi",
      unit: "kunjungan",
      direction: "UP",
      baseline: 5129,
      baselineYear: 2022,
    });
    await addMeasurement(participant, project.id, indicator.id, {
      value: 4772,
      measuredAt: new Date("2023-09-30"),
      periodLabel: "2 Jan–30 Sep 2023",
      source: "SIAP BPKAD",
    });
    const saved = await prisma.measurement.findFirstOrThrow({ where: { indicatorId: indicator.id } });
    expect(saved.value.toString()).toBe("4772");
    expect(saved.periodLabel).toBe("2 Jan–30 Sep 2023");
  });
});

describe("comments", () => {
  it("notifies the people @mentioned", async () => {
    const project = await newProject();
    const { mentioned } = await addComment(participant, project.id, "Mohon tinjau tonggak pertama, @siti");
    expect(mentioned).toEqual([coach.user.id]);
    expect(
      await prisma.notification.count({ where: { userId: coach.user.id, kind: "mention" } }),
    ).toBeGreaterThan(0);
  });
});

describe("cohort page", () => {
  it("shows everyone the cohort's launched projects with milestones done, and a member their drafts too", async () => {
    const { getCohortOverview } = await import("~/modules/projects/cohort.server");
    const cohort = await prisma.cohort.create({
      data: { programme: "PKN_II", batch: "Angkatan XX", year: 2023 },
    });
    await prisma.changeProject.create({
      data: {
        title: "SIAP BPKAD",
        kind: "TRAINING_CHANGE_PROJECT",
        regionCode: "18.04",
        status: "LAUNCHED",
        launchedAt: new Date("2023-10-10"),
        cohortId: cohort.id,
        milestones: {
          create: [
            { title: "a", horizon: "SHORT", status: "DONE" },
            { title: "b", horizon: "MEDIUM" },
          ],
        },
      },
    });
    await prisma.changeProject.create({
      data: {
        title: "Draf",
        kind: "TRAINING_CHANGE_PROJECT",
        regionCode: "18.04",
        cohortId: cohort.id,
        leaderId: participant.user.id,
      },
    });
    const publicView = await getCohortOverview(cohort.id);
    expect(publicView?.projects.map((p) => [p.title, p.milestonesDone, p.milestonesTotal])).toEqual([
      ["SIAP BPKAD", 1, 2],
    ]);
    const memberView = await getCohortOverview(cohort.id, {
      userId: participant.user.id,
      grants: grantsFor(participant.user.memberships, "project:read"),
    });
    expect(memberView?.projects.map((p) => p.title).sort()).toEqual(["Draf", "SIAP BPKAD"]);
  });
});
