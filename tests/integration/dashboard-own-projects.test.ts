// /dasbor's counts and "Yang perlu Anda lakukan" for people whose scope is their own projects (led
// or on the team) or their assigned ones (coached or mentored): those projects are looked up by id
// first (decision 0069), and must be exactly the ones the scope names, no more, no fewer.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getDashboard } from "~/modules/dashboards/overview.server";
import { listNextSteps } from "~/modules/dashboards/next-steps.server";
import { personProjectIds } from "~/modules/projects/person-projects.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>["user"];
const now = new Date("2024-06-15T02:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let participant: Actor;
let newcomer: Actor;
let coach: Actor;

const launched = (title: string, due: string) => ({
  title,
  kind: "REGIONAL_INNOVATION" as const,
  status: "LAUNCHED" as const,
  regionCode: "74.71",
  launchedAt: day("2024-03-01"),
  milestones: { create: { title: `${title}: tonggak`, horizon: "SHORT" as const, dueDate: day(due) } },
});

beforeAll(async () => {
  await ensureRegions();
  const p = await createPerson({ role: "PARTICIPANT", regionCode: "74.71" });
  const other = await createPerson({ role: "PARTICIPANT", regionCode: "74.71" });
  const k = await createPerson({ role: "COACH" });
  participant = (await actorFor(p.id)).user;
  newcomer = (await actorFor((await createPerson({ role: "PARTICIPANT", regionCode: "74.71" })).id)).user;
  coach = (await actorFor(k.id)).user;

  // led by the participant; led by someone else with the participant on the team; not theirs at all
  await prisma.changeProject.create({ data: { ...launched("Dipimpin", "2024-06-20"), leaderId: p.id } });
  await prisma.changeProject.create({
    data: {
      ...launched("Anggota tim", "2024-06-25"),
      leaderId: other.id,
      members: {
        create: [
          { name: "Pemimpin", userId: other.id },
          { name: "Peserta", userId: p.id },
        ],
      },
    },
  });
  await prisma.changeProject.create({
    data: { ...launched("Orang lain", "2024-06-18"), leaderId: other.id },
  });

  // coached, mentored, and led (a coach's scope is what they coach or mentor, not what they lead)
  const training = (title: string, status: "PILOTING" | "PROPOSED") => ({
    title,
    kind: "TRAINING_CHANGE_PROJECT" as const,
    status,
    regionCode: "35.72",
    milestones: {
      create: { title: `${title}: selesai`, horizon: "SHORT" as const, status: "DONE" as const },
    },
  });
  await prisma.changeProject.create({ data: { ...training("Dibina", "PILOTING"), coachId: k.id } });
  await prisma.changeProject.create({ data: { ...training("Dimentori", "PROPOSED"), mentorId: k.id } });
  await prisma.changeProject.create({ data: { ...training("Dipimpin coach", "PILOTING"), leaderId: k.id } });
});

const byStatus = (d: Awaited<ReturnType<typeof getDashboard>>) =>
  Object.fromEntries(d.projectsByStatus.filter((r) => r.count > 0).map((r) => [r.status, r.count]));

describe("a participant's dashboard", () => {
  it("counts the projects they lead and those whose team they are on, and no one else's", async () => {
    const d = await getDashboard(participant, now);
    expect(byStatus(d)).toEqual({ LAUNCHED: 2 });
    expect(d.dueThisMonth.map((m) => m.title)).toEqual(["Dipimpin: tonggak", "Anggota tim: tonggak"]);
  });

  it("lists the milestones due of both, soonest first", async () => {
    const { lists } = await listNextSteps(participant, now);
    const due = lists.find((l) => l.kind === "milestonesDue");
    expect(due?.total).toBe(2);
    expect(due?.items.map((i) => i.title)).toEqual(["Dipimpin: tonggak", "Anggota tim: tonggak"]);
  });

  it("counts nothing for a participant with no project yet", async () => {
    const d = await getDashboard(newcomer, now);
    expect(byStatus(d)).toEqual({});
    expect(d.dueThisMonth).toEqual([]);
    const { lists } = await listNextSteps(newcomer, now);
    expect(lists.map((l) => l.kind)).not.toContain("milestonesDue");
  });
});

describe("a coach's dashboard", () => {
  it("counts and lists the projects they coach or mentor, not one they lead", async () => {
    const d = await getDashboard(coach, now);
    expect(byStatus(d)).toEqual({ PILOTING: 1, PROPOSED: 1 });
    const { lists } = await listNextSteps(coach, now);
    const titles = Object.fromEntries(lists.map((l) => [l.kind, l.items.map((i) => i.title)]));
    expect(titles.approvals).toEqual(["Dibina: selesai", "Dimentori: selesai"]);
    expect(titles.proposals).toEqual(["Dimentori"]);
  });
});

describe("a person's projects looked up for the dashboard's parts", () => {
  it("are looked up once for parts asking at the same moment, and again after the answer", async () => {
    const first = personProjectIds(newcomer.id);
    // the figures and the next steps ask at once: one look-up, one answer
    expect(personProjectIds(newcomer.id)).toBe(first);
    expect(personProjectIds(participant.id)).not.toBe(first);
    expect((await first).own).toEqual([]);
    // nothing is kept once answered: a project led from now on is in the next look-up
    const project = await prisma.changeProject.create({
      data: {
        title: "Baru dipimpin",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        leaderId: newcomer.id,
      },
    });
    try {
      const next = personProjectIds(newcomer.id);
      expect(next).not.toBe(first);
      expect((await next).own).toEqual([project.id]);
    } finally {
      await prisma.changeProject.delete({ where: { id: project.id } });
    }
  });
});
