// "Yang perlu Anda lakukan" on /dasbor: for each role, what waits for the person appears, what is
// done, far off or someone else's does not, another region's never; each item links to where it is
// done; an empty list is said kindly. Seeded on a real database with a fixed "now".
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { NEXT_STEPS_SHOWN } from "~/modules/dashboards/next-steps-items";
import { listNextSteps, viewerCalendar } from "~/modules/dashboards/next-steps.server";
import * as dashboardRoute from "~/routes/dashboards/index";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>["user"];
// Wednesday 12 June 2024, 10.00 WITA (09.00 WIB)
const now = new Date("2024-06-12T02:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

let participant: Actor;
let coach: Actor;
let facilitator: Actor;
let kendariOfficer: Actor;
let konaweViewer: Actor;
const ids: Record<string, string> = {};

async function steps(user: Actor) {
  const { lists } = await listNextSteps(user, now);
  return Object.fromEntries(lists.map((l) => [l.kind, l]));
}
const titles = (list?: { items: { title: string }[] }) => list?.items.map((i) => i.title);

beforeAll(async () => {
  await ensureRegions();
  const p = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Peserta Kendari" });
  const other = await createPerson({ role: "PARTICIPANT", regionCode: "35.72", name: "Peserta Blitar" });
  const k = await createPerson({ role: "COACH", name: "Coach Siti" });
  const otherCoach = await createPerson({ role: "COACH", name: "Coach Lain" });
  participant = (await actorFor(p.id)).user;
  coach = (await actorFor(k.id)).user;
  facilitator = (await actorFor((await createPerson({ role: "FACILITATOR" })).id)).user;
  kendariOfficer = (await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id))
    .user;
  konaweViewer = (await actorFor((await createPerson({ role: "VIEWER", regionCode: "74.05" })).id)).user;

  // ── the participant's projects: a bare draft, a proposal lacking an indicator, a launched one
  const project = (data: Parameters<typeof prisma.changeProject.create>[0]["data"]) =>
    prisma.changeProject.create({ data });
  ids.draft = (
    await project({
      title: "Draf Kosong",
      kind: "TRAINING_CHANGE_PROJECT",
      regionCode: "74.71",
      leaderId: p.id,
    })
  ).id;
  ids.proposed = (
    await project({
      title: "Usulan Sanitasi",
      kind: "TRAINING_CHANGE_PROJECT",
      status: "PROPOSED",
      regionCode: "74.71",
      leaderId: p.id,
      coachId: k.id,
      problem: "Lumpur tinja tidak tersedot berkala",
      members: { create: { name: "Anggota Tim", userId: p.id } },
      milestones: {
        create: [
          { title: "Pendek", horizon: "SHORT", dueDate: day("2025-01-31") },
          { title: "Menengah", horizon: "MEDIUM", dueDate: day("2025-06-30") },
          { title: "Panjang", horizon: "LONG", dueDate: day("2026-06-30") },
        ],
      },
    })
  ).id;
  ids.launched = (
    await project({
      title: "Layanan Lumpur Tinja Terjadwal",
      acronym: "L2T2",
      kind: "REGIONAL_INNOVATION",
      status: "LAUNCHED",
      regionCode: "74.71",
      leaderId: p.id,
      // the 3-month check-in fell due on 1 June: its window is open, the grace runs to 15 June
      launchedAt: day("2024-03-01"),
      milestones: {
        create: [
          { title: "Tonggak Juni", horizon: "SHORT", dueDate: day("2024-06-20"), status: "IN_PROGRESS" },
          { title: "Tonggak terlambat", horizon: "SHORT", dueDate: day("2024-06-05") },
          { title: "Tonggak September", horizon: "MEDIUM", dueDate: day("2024-09-30") },
          { title: "Tonggak selesai", horizon: "SHORT", dueDate: day("2024-06-10"), status: "DONE" },
        ],
      },
    })
  ).id;
  // another participant's, in another region
  await project({
    title: "Proyek Blitar",
    kind: "REGIONAL_INNOVATION",
    status: "LAUNCHED",
    regionCode: "35.72",
    leaderId: other.id,
    launchedAt: day("2024-03-01"),
    milestones: { create: { title: "Tonggak Blitar", horizon: "SHORT", dueDate: day("2024-06-14") } },
  });
  // a launched project of Kendari with nothing due, and an overdue one of Konawe Selatan
  await project({
    title: "Proyek Aman",
    kind: "REGIONAL_INNOVATION",
    status: "LAUNCHED",
    regionCode: "74.71",
    launchedAt: day("2024-05-20"),
  });
  await project({
    title: "Proyek Konawe",
    kind: "REGIONAL_INNOVATION",
    status: "LAUNCHED",
    regionCode: "74.05",
    launchedAt: day("2023-01-01"),
  });

  // ── the coach's: a done milestone to approve, one approved, a proposal not theirs to approve
  await project({
    title: "Proyek Binaan",
    kind: "TRAINING_CHANGE_PROJECT",
    status: "PILOTING",
    regionCode: "35.72",
    coachId: k.id,
    milestones: {
      create: [
        { title: "Rapat pertama", horizon: "SHORT", status: "DONE", completedAt: day("2024-06-01") },
        {
          title: "Sudah disetujui",
          horizon: "SHORT",
          status: "DONE",
          approvedAt: day("2024-06-02"),
          approvedById: k.id,
        },
        { title: "Sedang jalan", horizon: "SHORT", status: "IN_PROGRESS" },
      ],
    },
  });
  await project({
    title: "Inovasi Daerah Diajukan",
    kind: "REGIONAL_INNOVATION",
    status: "PROPOSED",
    regionCode: "74.71",
    coachId: k.id,
  });
  await project({
    title: "Binaan Coach Lain",
    kind: "TRAINING_CHANGE_PROJECT",
    status: "PROPOSED",
    regionCode: "74.71",
    coachId: otherCoach.id,
    milestones: { create: { title: "Milik coach lain", horizon: "SHORT", status: "DONE" } },
  });

  // ── pairings: Kendari mentors Blitar; Konawe Selatan mentors Blitar
  const kendari = await prisma.pairing.create({
    data: {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2 Kendari–Blitar",
      status: "ACTIVE",
    },
  });
  const konawe = await prisma.pairing.create({
    data: {
      mentorRegionCode: "74.05",
      menteeRegionCode: "35.72",
      topic: "Sanitasi Konawe",
      status: "ACTIVE",
    },
  });
  const session = (
    pairingId: string,
    title: string,
    startsAt: string,
    status: "SCHEDULED" | "HELD" = "SCHEDULED",
  ) =>
    prisma.session.create({
      data: { pairingId, title, startsAt: at(startsAt), timeZone: "Asia/Makassar", status },
    });
  ids.may = (await session(kendari.id, "Sesi Mei", "2024-05-20T01:00:00Z")).id;
  ids.running = (await session(kendari.id, "Sesi berlangsung", "2024-06-12T01:30:00Z")).id;
  ids.held = (await session(kendari.id, "Sesi selesai", "2024-05-27T01:00:00Z", "HELD")).id;
  ids.thursday = (await session(kendari.id, "Sesi Kamis", "2024-06-13T01:00:00Z")).id;
  await session(kendari.id, "Sesi minggu depan", "2024-06-18T01:00:00Z");
  ids.monday = (await session(kendari.id, "Sesi Senin pagi", "2024-06-10T00:30:00Z")).id;
  await session(konawe.id, "Sesi Konawe", "2024-06-13T02:00:00Z");
  ids.konawePast = (await session(konawe.id, "Sesi Konawe lalu", "2024-05-21T01:00:00Z")).id;

  await prisma.commitment.createMany({
    data: [
      { pairingId: kendari.id, title: "Perwali disusun", side: "MENTEE", dueDate: day("2024-06-20") },
      { pairingId: kendari.id, title: "Anggaran 2025", side: "MENTEE", dueDate: day("2024-07-30") },
      {
        pairingId: kendari.id,
        title: "Sudah selesai",
        side: "MENTEE",
        dueDate: day("2024-06-01"),
        status: "DONE",
      },
      {
        pairingId: kendari.id,
        title: "Terlambat",
        side: "MENTOR",
        dueDate: day("2024-06-03"),
        status: "IN_PROGRESS",
      },
      { pairingId: konawe.id, title: "Komitmen Konawe", side: "MENTEE", dueDate: day("2024-06-13") },
    ],
  });

  // six lessons waiting for review (one more than shown), and a draft
  for (let i = 1; i <= 6; i++)
    await prisma.lesson.create({
      data: {
        slug: `pelajaran-${i}`,
        title: `Pelajaran ${i}`,
        content: { type: "doc", content: [] },
        status: "IN_REVIEW",
        pairingId: kendari.id,
        sessionId: ids.held,
      },
    });
  await prisma.lesson.create({
    data: {
      slug: "draf",
      title: "Draf pelajaran",
      content: { type: "doc", content: [] },
      pairingId: kendari.id,
      sessionId: ids.held,
    },
  });

  // a request to learn a catalogue practice, and a proposed pairing that is not one
  const practice = await prisma.practice.create({
    data: { slug: "l2t2", name: "L2T2", regionCode: "74.71", status: "PUBLISHED" },
  });
  ids.request = (
    await prisma.pairing.create({
      data: {
        mentorRegionCode: "74.71",
        menteeRegionCode: "35.72",
        topic: "Belajar L2T2",
        practiceId: practice.id,
        status: "PROPOSED",
      },
    })
  ).id;
  await prisma.pairing.create({
    data: { mentorRegionCode: "74.05", menteeRegionCode: "35.72", topic: "Usulan biasa", status: "PROPOSED" },
  });
});

describe("what a participant needs to do", () => {
  it("lists the next milestones due, what is missing before launch, and the check-in due", async () => {
    const s = await steps(participant);
    expect(Object.keys(s)).toEqual(["milestonesDue", "beforeLaunch", "checkInsDue"]);

    // late or due within a month, soonest first; done, far-off and others' milestones are not there
    expect(titles(s.milestonesDue)).toEqual(["Tonggak terlambat", "Tonggak Juni"]);
    expect(s.milestonesDue.items.map((i) => i.overdue)).toEqual([true, false]);
    expect(s.milestonesDue.items[0]).toMatchObject({
      href: `/proyek/${ids.launched}/tonggak`,
      context: "L2T2",
      dueDay: day("2024-06-05"),
    });

    const notes = (id: string) => s.beforeLaunch.items.find((i) => i.id === id)?.notes.map((n) => n.key);
    expect(notes(ids.draft)).toEqual([
      "nextSteps.launch.DRAFT",
      "status.missing.problem",
      "status.missing.team",
      "status.missing.milestone",
      "status.missing.indicator",
    ]);
    expect(notes(ids.proposed)).toEqual(["nextSteps.launch.PROPOSED", "status.missing.indicator"]);
    expect(s.beforeLaunch.items.map((i) => i.href)).toContain(`/proyek/${ids.draft}#status-heading`);

    expect(s.checkInsDue.items).toEqual([
      expect.objectContaining({
        id: ids.launched,
        href: `/proyek/${ids.launched}#checkins-heading`,
        dueDay: day("2024-06-01"),
        overdue: false,
        notes: [{ key: "nextSteps.checkInMonths", values: { months: 3 } }],
      }),
    ]);
  });

  it("reaches the page: the dashboard's loader sends the lists, scoped to the person", async () => {
    const response = await callRoute(
      dashboardRoute.loader,
      getRequest("/dasbor", await cookieFor(participant.id)),
    );
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      nextSteps: { zone: string; lists: { kind: string; items: { title: string }[] }[] };
    };
    expect(data.nextSteps.zone).toBe("Asia/Makassar");
    const all = JSON.stringify(data.nextSteps);
    expect(all).toContain("Usulan Sanitasi");
    expect(all).not.toContain("Tonggak Blitar");
    expect(all).not.toContain("Proyek Blitar");
  });
});

describe("what a coach or mentor needs to do", () => {
  it("lists done milestones waiting for approval and training projects proposed to them", async () => {
    const s = await steps(coach);
    expect(Object.keys(s)).toEqual(["approvals", "proposals"]);
    expect(titles(s.approvals)).toEqual(["Rapat pertama"]);
    // a regional innovation is approved by the agency head, not the coach; another coach's is theirs
    expect(titles(s.proposals)).toEqual(["Usulan Sanitasi"]);
    expect(s.proposals.items[0].href).toBe(`/proyek/${ids.proposed}#status-heading`);
  });
});

describe("what a PMU facilitator needs to do", () => {
  it("lists past sessions to record, lessons to review (capped, with the queue) and requests to learn", async () => {
    const s = await steps(facilitator);
    expect(Object.keys(s)).toEqual(["sessionsToRecord", "lessonsToReview", "learnRequests"]);
    // over by their end and still scheduled: not the one running now, not the one held
    expect(s.sessionsToRecord.items.map((i) => i.id)).toEqual([ids.may, ids.konawePast, ids.monday]);
    expect(s.sessionsToRecord.total).toBe(3);
    expect(s.sessionsToRecord.items[0].href).toBe(`/sesi/${ids.may}#record-heading`);

    expect(s.lessonsToReview.items).toHaveLength(NEXT_STEPS_SHOWN);
    expect(s.lessonsToReview.total).toBe(6);
    expect(s.lessonsToReview.seeAll).toBe("/tinjauan");
    expect(s.lessonsToReview.items[0].href).toBe(`/sesi/${ids.held}/pelajaran`);
    expect(titles(s.lessonsToReview)).not.toContain("Draf pelajaran");

    expect(s.learnRequests.items).toEqual([
      expect.objectContaining({ id: ids.request, href: `/pasangan/${ids.request}`, title: "Belajar L2T2" }),
    ]);
    expect(s.learnRequests.seeAll).toBeNull();
  });
});

describe("what a region officer (and a head of region) needs to do", () => {
  it("lists their region's sessions this week in their clock, commitments due and launched projects to follow up", async () => {
    const s = await steps(kendariOfficer);
    expect(Object.keys(s)).toEqual(["sessionsToRecord", "sessionsThisWeek", "commitmentsDue", "followUp"]);
    // the sessions their region hosts; Konawe Selatan's are not theirs
    expect(s.sessionsToRecord.items.map((i) => i.id)).toEqual([ids.may, ids.monday]);
    // Monday to Sunday in WITA, not ended yet: the one running now and Thursday's; not next week's,
    // not Monday's (over), not Konawe Selatan's
    expect(titles(s.sessionsThisWeek)).toEqual(["Sesi berlangsung", "Sesi Kamis"]);
    expect(s.sessionsThisWeek.items[1]).toMatchObject({
      href: `/sesi/${ids.thursday}`,
      startsAt: at("2024-06-13T01:00:00Z"),
      context: "L2T2 Kendari–Blitar",
    });
    // late or due within two weeks, open; not done, not far off, not another region's
    expect(titles(s.commitmentsDue)).toEqual(["Terlambat", "Perwali disusun"]);
    expect(s.commitmentsDue.items.map((i) => i.overdue)).toEqual([true, false]);
    // the launched project at risk (a late milestone) with its check-in due; not the one on track,
    // not Konawe Selatan's
    expect(s.followUp.items).toEqual([
      expect.objectContaining({
        id: ids.launched,
        title: "L2T2",
        notes: [{ key: "nextSteps.checkInMonths", values: { months: 3 } }],
        riskReasons: [expect.objectContaining({ kind: "lateMilestone", title: "Tonggak terlambat" })],
      }),
    ]);
  });

  it("shows a viewer of another region only that region's launched projects", async () => {
    const s = await steps(konaweViewer);
    expect(Object.keys(s)).toEqual(["followUp"]);
    expect(titles(s.followUp)).toEqual(["Proyek Konawe"]);
    expect(s.followUp.items[0].riskReasons.map((r) => r.kind)).toEqual([
      "checkInOverdue",
      "checkInOverdue",
      "checkInOverdue",
    ]);
  });

  it("counts the week in the viewer's own zone: Monday has begun in WITA while it is still Sunday in WIB", () => {
    const mondayWita = new Date("2024-06-09T16:30:00Z");
    expect(viewerCalendar(mondayWita, "Asia/Makassar").weekStart).toEqual(at("2024-06-09T16:00:00Z"));
    expect(viewerCalendar(mondayWita, "Asia/Jakarta").weekStart).toEqual(at("2024-06-02T17:00:00Z"));
    expect(viewerCalendar(mondayWita, "Asia/Jayapura").weekEnd).toEqual(at("2024-06-16T15:00:00Z"));
  });
});

describe("nothing waiting", () => {
  it("gives no list to a person with nothing to do", async () => {
    const newcomer = (await actorFor((await createPerson({ role: "PARTICIPANT", regionCode: "74.71" })).id))
      .user;
    expect((await listNextSteps(newcomer, now)).lists).toEqual([]);
    const idleCoach = (await actorFor((await createPerson({ role: "COACH" })).id)).user;
    expect((await listNextSteps(idleCoach, now)).lists).toEqual([]);
  });
});
