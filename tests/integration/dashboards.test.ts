// Every figure on the PMU, region, cohort and province dashboards against an independent query
// of the same data (seeded with known numbers), the edge cases (no data, one region, a stopped
// project), and who sees which dashboard and which rows.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { getCohortDashboard, getCohortReport } from "~/modules/dashboards/cohort.server";
import { lastMonths, parsePeriod } from "~/modules/dashboards/periods.server";
import { PMU_LIST_LIMIT, getPmuDashboard } from "~/modules/dashboards/programme.server";
import { getProvinceDashboard } from "~/modules/dashboards/province.server";
import { FUNNEL_STAGES, getRegionDashboard, getRegionReport } from "~/modules/dashboards/region.server";
import { OutOfScopeError } from "~/errors";
import * as cohortRoute from "~/routes/dashboards/cohort";
import * as provinceRoute from "~/routes/dashboards/province";
import * as regionRoute from "~/routes/dashboards/region";
import * as regionReportRoute from "~/routes/dashboards/region-report";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>["user"];
const now = new Date("2024-06-15T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let facilitator: Actor;
let kendari: Actor;
let blitar: Actor;
let konsel: Actor;
let sultra: Actor;
let coach: Actor;
let participant: Actor;
const ids = {} as Record<string, string>;

beforeAll(async () => {
  await ensureRegions();
  await prisma.region.upsert({
    where: { code: "75" },
    create: { code: "75", name: "Gorontalo", kind: "PROVINCE", timeZone: "Asia/Makassar" },
    update: {},
  });
  const person = async (role: Parameters<typeof createPerson>[0]["role"], regionCode: string | null = null) =>
    (await actorFor((await createPerson({ role, regionCode })).id)).user;
  facilitator = await person("FACILITATOR");
  kendari = await person("REGION_OFFICER", "74.71");
  blitar = await person("REGION_OFFICER", "35.72");
  konsel = await person("REGION_OFFICER", "74.05");
  sultra = await person("VIEWER", "74");
  coach = await person("COACH");
  participant = await person("PARTICIPANT", "74.71");

  const cohort = await prisma.cohort.create({ data: { programme: "PKN_II", batch: "XX", year: 2023 } });
  ids.cohort = cohort.id;
  const project = (
    key: string,
    regionCode: string,
    status: ProjectStatus,
    extra: Record<string, unknown> = {},
  ) =>
    prisma.changeProject
      .create({ data: { title: key, kind: "TRAINING_CHANGE_PROJECT", regionCode, status, ...extra } })
      .then((p) => (ids[key] = p.id));
  // Kota Kendari: one launched and at risk (no check-in), one draft, one stopped, one sustained
  await project("P1", "74.71", "LAUNCHED", {
    cohortId: cohort.id,
    coachId: coach.id,
    launchedAt: day("2023-10-10"),
    milestones: {
      create: [
        { title: "Tonggak selesai", horizon: "SHORT", status: "DONE", completedAt: day("2024-02-01") },
        { title: "Tonggak Juni", horizon: "MEDIUM", dueDate: day("2024-06-20") },
        { title: "Tonggak batal", horizon: "LONG", status: "DROPPED" },
      ],
    },
  });
  await project("P2", "74.71", "DRAFT", { cohortId: cohort.id });
  await project("P3", "74.71", "STOPPED", { cohortId: cohort.id, stopReason: "Anggaran dialihkan" });
  await project("P4", "74.71", "SUSTAINED", {
    cohortId: cohort.id,
    launchedAt: day("2023-01-10"),
    milestones: { create: { title: "Semua selesai", horizon: "SHORT", status: "DONE" } },
    checkIns: {
      create: [
        { status: "ON_TRACK", note: "3 bulan", createdAt: day("2023-04-05") },
        { status: "ON_TRACK", note: "6 bulan", createdAt: day("2023-07-01") },
        { status: "ON_TRACK", note: "12 bulan", createdAt: day("2024-01-05") },
      ],
    },
  });
  await project("P5", "74.05", "PILOTING");
  await project("P6", "35.72", "APPROVED", { cohortId: cohort.id });

  // indicators: one of the region, one of a project; SPM indicators of Sulawesi Tenggara's regencies
  await prisma.indicator.create({
    data: {
      name: "Akses sanitasi aman",
      unit: "%",
      regionCode: "74.71",
      baseline: 40,
      baselineYear: 2022,
      target: 60,
      targetYear: 2025,
      measurements: {
        create: [
          { value: 42.25, measuredAt: day("2023-06-30"), periodLabel: "Semester I 2023" },
          { value: 45.5, measuredAt: day("2023-12-31"), periodLabel: "2023" },
        ],
      },
    },
  });
  await prisma.indicator.create({
    data: { name: "Akses sanitasi aman", unit: "%", regionCode: "74.05", baseline: 30, baselineYear: 2023 },
  });
  await prisma.indicator.create({
    data: {
      name: "Air minum",
      unit: "%",
      regionCode: "74.05",
      baseline: 70.5,
      baselineYear: 2023,
      target: 100,
    },
  });
  await prisma.indicator.create({
    data: {
      name: "Waktu layanan",
      unit: "hari",
      direction: "DOWN",
      projectId: ids.P1,
      baseline: 14,
      target: 3,
      measurements: { create: { value: 7, measuredAt: day("2024-03-31") } },
    },
  });

  // pairings: Kendari → Blitar active (changed status twice), Konawe Selatan → Blitar proposed,
  // Blitar → Kendari replicated
  const pa = await prisma.pairing.create({
    data: {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2",
      status: "ACTIVE",
      plannedSessions: 6,
      createdAt: new Date("2024-01-10T03:00:00Z"),
      sessions: {
        create: [
          {
            title: "Sesi 1",
            startsAt: new Date("2024-04-01T01:00:00Z"),
            timeZone: "Asia/Makassar",
            status: "HELD",
          },
          {
            title: "Sesi 2",
            startsAt: new Date("2024-05-01T01:00:00Z"),
            timeZone: "Asia/Makassar",
            status: "CANCELLED",
          },
          { title: "Sesi 3", startsAt: new Date("2024-07-01T01:00:00Z"), timeZone: "Asia/Makassar" },
        ],
      },
      commitments: {
        create: [
          { title: "Terlambat", side: "MENTEE", dueDate: day("2024-05-01") },
          { title: "Selesai", side: "MENTEE", dueDate: day("2024-05-01"), status: "DONE" },
          { title: "Batal", side: "MENTOR", status: "DROPPED" },
          { title: "Berjalan", side: "MENTEE", dueDate: day("2024-07-01"), status: "IN_PROGRESS" },
        ],
      },
    },
    include: { sessions: true },
  });
  ids.PA = pa.id;
  for (const [at, from, to] of [
    ["2024-02-10T02:00:00Z", "PROPOSED", "AGREED"],
    ["2024-03-10T02:00:00Z", "AGREED", "ACTIVE"],
  ])
    await prisma.activityLog.create({
      data: {
        action: "pairing.status_changed",
        subjectType: "Pairing",
        subjectId: pa.id,
        data: { from, to },
        createdAt: new Date(at),
      },
    });
  const held = pa.sessions.find((s) => s.status === "HELD")!;
  const cancelled = pa.sessions.find((s) => s.status === "CANCELLED")!;
  await prisma.attendance.createMany({
    data: [
      { sessionId: held.id, identity: "a", regionCode: "74.71", joinedAt: held.startsAt },
      { sessionId: held.id, identity: "b", regionCode: "74.71", joinedAt: held.startsAt },
      { sessionId: held.id, identity: "c", regionCode: "35.72", joinedAt: held.startsAt },
      { sessionId: cancelled.id, identity: "d", regionCode: "35.72", joinedAt: cancelled.startsAt },
    ],
  });
  ids.PB = (
    await prisma.pairing.create({
      data: {
        mentorRegionCode: "74.05",
        menteeRegionCode: "35.72",
        topic: "Air minum",
        status: "PROPOSED",
        createdAt: new Date("2024-03-05T03:00:00Z"),
      },
    })
  ).id;
  ids.PC = (
    await prisma.pairing.create({
      data: {
        mentorRegionCode: "35.72",
        menteeRegionCode: "74.71",
        topic: "Bank sampah",
        status: "REPLICATED",
        createdAt: new Date("2023-12-01T03:00:00Z"),
        sessions: {
          create: {
            title: "Sesi",
            startsAt: new Date("2024-01-15T02:00:00Z"),
            timeZone: "Asia/Jakarta",
            status: "HELD",
          },
        },
      },
    })
  ).id;
  await prisma.lesson.create({
    data: {
      slug: "pelajaran-l2t2",
      title: "Pelajaran L2T2",
      content: {},
      status: "PUBLISHED",
      regionCode: "35.72",
      publishedAt: new Date("2024-05-02T03:00:00Z"),
    },
  });
  await prisma.lesson.create({ data: { slug: "draf", title: "Draf", content: {}, regionCode: "35.72" } });
}, 60_000);

const reached = (where: object, from: ProjectStatus) =>
  prisma.changeProject.count({
    where: { ...where, status: { in: FUNNEL_STAGES.slice(FUNNEL_STAGES.indexOf(from)) } },
  });

describe("PMU dashboard", () => {
  it("matches independent counts of sessions, attendance, follow-ups, lessons and replications", async () => {
    const d = (await getPmuDashboard(facilitator, now))!;
    const running = { pairing: { status: { notIn: ["PROPOSED" as const, "CANCELLED" as const] } } };
    expect(d.sessions.held).toBe(await prisma.session.count({ where: { status: "HELD", ...running } }));
    expect(d.sessions).toMatchObject({ held: 2, planned: 7 }); // 6 planned + 1 held without a plan
    for (const code of ["74.71", "35.72"])
      expect(d.attendanceByRegion.find((a) => a.code === code)?.count).toBe(
        await prisma.attendance.count({
          where: { regionCode: code, session: { status: { not: "CANCELLED" } } },
        }),
      );
    expect(d.attendanceByRegion.map((a) => [a.name, a.count])).toEqual([
      ["Kota Kendari", 2],
      ["Kota Blitar", 1],
    ]);
    expect(d.commitments).toEqual({
      done: await prisma.commitment.count({ where: { status: "DONE" } }),
      overdue: await prisma.commitment.count({
        where: { dueDate: { lt: now }, status: { notIn: ["DONE", "DROPPED"] } },
      }),
      open: 1,
      dropped: await prisma.commitment.count({ where: { status: "DROPPED" } }),
    });
    expect(d.commitments).toEqual({ done: 1, overdue: 1, open: 1, dropped: 1 });
    expect(d.results).toEqual({
      lessonsPublished: await prisma.lesson.count({ where: { status: "PUBLISHED" } }),
      practicesPublished: 0,
      pairingsReplicated: await prisma.pairing.count({ where: { status: "REPLICATED" } }),
      catalogueReplications: 0,
    });
    expect(d.results.lessonsPublished).toBe(1);
  });

  it("replays each pairing's status at the end of each month from its recorded changes", async () => {
    const d = (await getPmuDashboard(facilitator, now))!;
    expect(d.pairingsByMonth.map((m) => m.month)).toEqual(lastMonths(now, "Asia/Jakarta"));
    const at = (month: string) =>
      Object.fromEntries(
        Object.entries(d.pairingsByMonth.find((m) => m.month === month)!.counts).filter(([, n]) => n > 0),
      );
    expect(at("2023-11")).toEqual({});
    expect(at("2023-12")).toEqual({ REPLICATED: 1 }); // no recorded change: its current status
    expect(at("2024-01")).toEqual({ REPLICATED: 1, PROPOSED: 1 });
    expect(at("2024-02")).toEqual({ REPLICATED: 1, AGREED: 1 });
    expect(at("2024-03")).toEqual({ REPLICATED: 1, ACTIVE: 1, PROPOSED: 1 });
    expect(at("2024-06")).toEqual({ REPLICATED: 1, ACTIVE: 1, PROPOSED: 1 });
    // the last month's column counts every pairing there is
    const june = d.pairingsByMonth.at(-1)!.counts;
    expect(Object.values(june).reduce((a, b) => a + b, 0)).toBe(await prisma.pairing.count());
  });

  it("is the PMU's only: a region officer, a viewer and a coach get none", async () => {
    for (const person of [kendari, sultra, coach]) expect(await getPmuDashboard(person, now)).toBeNull();
  });
});

describe("region dashboard", () => {
  it("counts Kota Kendari's projects as a funnel, the stopped one apart", async () => {
    const d = (await getRegionDashboard(kendari, "74.71", now))!;
    expect(d.total).toBe(await prisma.changeProject.count({ where: { regionCode: "74.71" } }));
    for (const stage of d.funnel) {
      expect(stage.count, stage.status).toBe(
        await prisma.changeProject.count({ where: { regionCode: "74.71", status: stage.status } }),
      );
      expect(stage.reached, stage.status).toBe(await reached({ regionCode: "74.71" }, stage.status));
    }
    expect(d.funnel.map((f) => f.reached)).toEqual([3, 2, 2, 2, 2, 1, 1]);
    expect(d.stopped).toBe(1);
  });

  it("lists the at-risk project, this month's open milestones, indicators and pairings on both sides", async () => {
    const d = (await getRegionDashboard(kendari, "74.71", now))!;
    expect(d.atRisk.map((p) => p.id)).toEqual([ids.P1]);
    expect(d.dueThisMonth.map((m) => m.title)).toEqual(["Tonggak Juni"]);
    expect(d.indicators.map((i) => i.name).sort()).toEqual(["Akses sanitasi aman", "Waktu layanan"]);
    const region = d.indicators.find((i) => i.name === "Akses sanitasi aman")!;
    expect(region).toMatchObject({ baseline: "40", target: "60", direction: "UP" });
    expect(region.measurements.map((m) => m.value)).toEqual(["42.25", "45.5"]);
    expect(d.indicators.find((i) => i.name === "Waktu layanan")).toMatchObject({
      direction: "DOWN",
      target: "3",
    });
    expect(d.mentorPairings.map((p) => [p.topic, p.held, p.planned])).toEqual([["L2T2", 1, 6]]);
    expect(d.menteePairings.map((p) => [p.topic, p.held, p.planned])).toEqual([["Bank sampah", 1, 1]]);
  });

  it("of a province sums its kabupaten/kota; a region with one project shows just that", async () => {
    const province = (await getRegionDashboard(sultra, "74", now))!;
    expect(province.total).toBe(
      await prisma.changeProject.count({ where: { region: { provinceCode: "74" } } }),
    );
    expect(province.total).toBe(5);
    const konawe = (await getRegionDashboard(konsel, "74.05", now))!;
    expect(konawe.funnel.map((f) => f.reached)).toEqual([1, 1, 1, 1, 0, 0, 0]);
    expect(konawe).toMatchObject({
      stopped: 0,
      atRisk: [],
      dueThisMonth: [],
      mentorPairings: [{ topic: "Air minum" }],
    });
  });

  it("is refused to another region's officer and to a coach; unknown regions are not found", async () => {
    await expect(getRegionDashboard(blitar, "74.71", now)).rejects.toBeInstanceOf(OutOfScopeError);
    await expect(getRegionDashboard(kendari, "74.05", now)).rejects.toBeInstanceOf(OutOfScopeError);
    await expect(getRegionDashboard(coach, "74.71", now)).rejects.toBeInstanceOf(OutOfScopeError);
    expect(await getRegionDashboard(facilitator, "99.99", now)).toBeNull();
    const refused = await callRoute(
      regionRoute.loader,
      getRequest("/dasbor/wilayah/74.71", await cookieFor(blitar.id)),
      { code: "74.71" },
    );
    expect(refused.status).toBe(403);
    const allowed = await callRoute(
      regionRoute.loader,
      getRequest("/dasbor/wilayah/74.71", await cookieFor(kendari.id)),
      { code: "74.71" },
    );
    expect(allowed.status).toBe(200);
    const participantAnswer = await callRoute(
      regionRoute.loader,
      getRequest("/dasbor/wilayah/74.71", await cookieFor(participant.id)),
      { code: "74.71" },
    );
    expect(participantAnswer.status).toBe(403);
  });
});

describe("cohort dashboard", () => {
  it("shows the PMU every project of the cohort with completion and check-ins at 3, 6 and 12 months", async () => {
    const d = (await getCohortDashboard(facilitator, ids.cohort, now))!;
    expect(d.projects.length).toBe(await prisma.changeProject.count({ where: { cohortId: ids.cohort } }));
    const p1 = d.projects.find((p) => p.id === ids.P1)!;
    expect(p1).toMatchObject({ milestonesDone: 1, milestonesTotal: 2, completion: 50, atRisk: true });
    expect(p1.checkIns).toEqual({ 3: "overdue", 6: "overdue", 12: "due" });
    expect(d.projects.find((p) => p.id === ids.P4)!.checkIns).toEqual({ 3: "done", 6: "done", 12: "done" });
    // a stopped project that never launched, and a draft: no check-ins due
    expect(d.projects.find((p) => p.id === ids.P3)!.checkIns).toEqual({
      3: "notLaunched",
      6: "notLaunched",
      12: "notLaunched",
    });
    expect(d.projects.find((p) => p.id === ids.P2)!.completion).toBeNull();
    expect(d.checkInSummary).toEqual([
      { months: 3, done: 1, late: 0, overdue: 1, due: 0 },
      { months: 6, done: 1, late: 0, overdue: 1, due: 0 },
      { months: 12, done: 1, late: 0, overdue: 0, due: 1 },
    ]);
    for (const [status, count] of Object.entries(d.byStatus))
      expect(count, status).toBe(
        await prisma.changeProject.count({
          where: { cohortId: ids.cohort, status: status as ProjectStatus },
        }),
      );
  });

  it("shows a coach their assigned projects and a region officer their region's, and refuses the rest", async () => {
    expect((await getCohortDashboard(coach, ids.cohort, now))!.projects.map((p) => p.id)).toEqual([ids.P1]);
    expect((await getCohortDashboard(blitar, ids.cohort, now))!.projects.map((p) => p.id)).toEqual([ids.P6]);
    await expect(getCohortDashboard(konsel, ids.cohort, now)).rejects.toBeInstanceOf(OutOfScopeError);
    expect(await getCohortDashboard(facilitator, "tidak-ada", now)).toBeNull();
    const refused = await callRoute(
      cohortRoute.loader,
      getRequest(`/dasbor/angkatan/${ids.cohort}`, await cookieFor(participant.id)),
      { cohortId: ids.cohort },
    );
    expect(refused.status).toBe(403);
    const konselAnswer = await callRoute(
      cohortRoute.loader,
      getRequest(`/dasbor/angkatan/${ids.cohort}`, await cookieFor(konsel.id)),
      { cohortId: ids.cohort },
    );
    expect(konselAnswer.status).toBe(403);
  });
});

describe("province dashboard", () => {
  it("puts Sulawesi Tenggara's kabupaten/kota side by side on a chosen indicator and project counts", async () => {
    const d = (await getProvinceDashboard(sultra, "74", "Akses sanitasi aman"))!;
    expect(d.indicatorNames).toEqual(["Air minum", "Akses sanitasi aman"]);
    expect(d.chosen).toBe("Akses sanitasi aman");
    const kendariRow = d.regencies.find((r) => r.code === "74.71")!;
    expect(kendariRow.indicator).toMatchObject({ value: 45.5, target: 60, period: "2023" });
    // no measurement yet: the baseline stands
    expect(d.regencies.find((r) => r.code === "74.05")!.indicator).toMatchObject({ value: 30, target: null });
    for (const r of d.regencies) {
      const where = { regionCode: r.code };
      expect(r.projects).toBe(await prisma.changeProject.count({ where }));
      expect(r.launched).toBe(
        await prisma.changeProject.count({
          where: { ...where, status: { in: ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"] } },
        }),
      );
      expect(r.stopped).toBe(await prisma.changeProject.count({ where: { ...where, status: "STOPPED" } }));
    }
    expect(d.regencies.map((r) => [r.code, r.projects, r.launched, r.stopped])).toEqual([
      ["74.05", 1, 0, 0],
      ["74.71", 4, 2, 1],
    ]);
  });

  it("chooses the first indicator when none or an unknown one is asked for", async () => {
    expect((await getProvinceDashboard(facilitator, "74", "bukan indikator"))!.chosen).toBe("Air minum");
    const d = (await getProvinceDashboard(facilitator, "74", null))!;
    expect(d.regencies.find((r) => r.code === "74.71")!.indicator).toBeNull();
    expect(d.regencies.find((r) => r.code === "74.05")!.indicator).toMatchObject({
      value: 70.5,
      target: 100,
    });
  });

  it("handles a province with one kabupaten/kota and one with nothing recorded", async () => {
    const jatim = (await getProvinceDashboard(facilitator, "35", null))!;
    expect(jatim.regencies.map((r) => [r.code, r.projects])).toEqual([["35.72", 1]]);
    expect(jatim).toMatchObject({ indicatorNames: [], chosen: null });
    const empty = (await getProvinceDashboard(facilitator, "75", null))!;
    expect(empty).toMatchObject({ regencies: [], indicatorNames: [], chosen: null });
  });

  it("is refused to a kabupaten/kota officer of the province; a kabupaten is not a province", async () => {
    await expect(getProvinceDashboard(kendari, "74", null)).rejects.toBeInstanceOf(OutOfScopeError);
    await expect(getProvinceDashboard(blitar, "74", null)).rejects.toBeInstanceOf(OutOfScopeError);
    expect(await getProvinceDashboard(facilitator, "74.71", null)).toBeNull();
    const refused = await callRoute(
      provinceRoute.loader,
      getRequest("/dasbor/provinsi/74", await cookieFor(kendari.id)),
      { code: "74" },
    );
    expect(refused.status).toBe(403);
    const allowed = await callRoute(
      provinceRoute.loader,
      getRequest("/dasbor/provinsi/74?indikator=Air%20minum", await cookieFor(sultra.id)),
      { code: "74" },
    );
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).chosen).toBe("Air minum");
  });
});

describe("reports for a period", () => {
  it("counts what happened in Kota Kendari within the period, in the viewer's zone", async () => {
    const period = parsePeriod(
      new URLSearchParams({ from: "2024-01-01", to: "2024-04-30" }),
      "Asia/Makassar",
      now,
    );
    expect(period.from.toISOString()).toBe("2023-12-31T16:00:00.000Z");
    const r = (await getRegionReport(kendari, "74.71", period, now))!;
    expect(r.milestonesDone.map((m) => m.title)).toEqual(["Tonggak selesai"]);
    expect(r.checkIns).toBe(1); // P4's 12-month check-in on 5 January 2024
    expect(r.sessions.map((s) => [s.title, s._count.attendances])).toEqual([
      ["Sesi", 0],
      ["Sesi 1", 3],
    ]);
    expect(r.launched).toEqual([]);
    const launchYear = parsePeriod(
      new URLSearchParams({ from: "2023-01-01", to: "2023-12-31" }),
      "Asia/Makassar",
      now,
    );
    expect((await getRegionReport(kendari, "74.71", launchYear, now))!.launched.map((p) => p.title)).toEqual([
      "P4",
      "P1",
    ]);
    await expect(getRegionReport(blitar, "74.71", period, now)).rejects.toBeInstanceOf(OutOfScopeError);
  });

  it("reports a cohort's milestones and check-ins within the period", async () => {
    const period = parsePeriod(
      new URLSearchParams({ from: "2024-01-01", to: "2024-12-31" }),
      "Asia/Jakarta",
      now,
    );
    const r = (await getCohortReport(facilitator, ids.cohort, period, now))!;
    expect(r.inPeriod.find((p) => p.id === ids.P1)).toEqual({ id: ids.P1, milestonesDone: 1, checkIns: 0 });
    expect(r.inPeriod.find((p) => p.id === ids.P4)).toEqual({ id: ids.P4, milestonesDone: 0, checkIns: 1 });
    expect(r.launchedInPeriod).toBe(0);
  });

  it("falls back to the current year for a bad period and refuses another region's officer on the route", async () => {
    const period = parsePeriod(new URLSearchParams({ from: "kemarin" }), "Asia/Jakarta", now);
    expect([period.fromDay, period.toDay]).toEqual(["2024-01-01", "2024-12-31"]);
    const refused = await callRoute(
      regionReportRoute.loader,
      getRequest("/dasbor/wilayah/74.71/laporan", await cookieFor(blitar.id)),
      { code: "74.71" },
    );
    expect(refused.status).toBe(403);
  });
});

describe("a region with many indicators", () => {
  it("charts the region's own first, then its projects', at most twelve, and counts them all", async () => {
    // a region of its own, so that nothing else in this file counts it
    await prisma.region.create({
      data: { code: "98", name: "Provinsi Uji", kind: "PROVINCE", timeZone: "Asia/Jayapura" },
    });
    await prisma.region.create({
      data: { code: "98.72", name: "Kota Uji", kind: "CITY", provinceCode: "98", timeZone: "Asia/Jayapura" },
    });
    const officer = (await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "98.72" })).id))
      .user;
    const project = await prisma.changeProject.create({
      data: { title: "Sanitasi Kota Uji", kind: "REGIONAL_INNOVATION", regionCode: "98.72" },
    });
    await prisma.indicator.createMany({
      data: Array.from({ length: 14 }, (_, i) => ({
        name: `Indikator proyek ${String(i).padStart(2, "0")}`,
        unit: "%",
        projectId: project.id,
      })),
    });
    await prisma.indicator.create({ data: { name: "Zona wilayah", unit: "%", regionCode: "98.72" } });
    const d = (await getRegionDashboard(officer, "98.72", now))!;
    expect(d.indicatorCount).toBe(
      await prisma.indicator.count({
        where: { OR: [{ regionCode: "98.72" }, { project: { regionCode: "98.72" } }] },
      }),
    );
    expect(d.indicatorCount).toBe(15);
    expect(d.indicators).toHaveLength(12);
    expect(d.indicators[0].name).toBe("Zona wilayah");
    expect(d.indicators.slice(1).map((i) => i.name)).toEqual(
      Array.from({ length: 11 }, (_, i) => `Indikator proyek ${String(i).padStart(2, "0")}`),
    );
  });
});

describe("a programme with many pairings", () => {
  it("charts the pairings furthest behind their plan, at most twenty, and counts every one", async () => {
    // 25 running pairings of Kota Uji (above), planned 1…25 sessions, none held yet
    for (let i = 1; i <= 25; i++)
      await prisma.pairing.create({
        data: {
          mentorRegionCode: "74.71",
          menteeRegionCode: "98.72",
          topic: `Uji ${String(i).padStart(2, "0")}`,
          status: "ACTIVE",
          plannedSessions: i,
        },
      });
    const d = (await getPmuDashboard(facilitator, now))!;
    const running = await prisma.pairing.count({ where: { status: { notIn: ["PROPOSED", "CANCELLED"] } } });
    expect(d.sessions.pairings).toBe(running);
    expect(d.sessions.byPairing).toHaveLength(PMU_LIST_LIMIT);
    expect(d.sessions.byPairing.slice(0, 3).map((p) => p.topic)).toEqual(["Uji 25", "Uji 24", "Uji 23"]);
    const gaps = d.sessions.byPairing.map((p) => p.planned - p.held);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    // the totals still count every running pairing
    expect(d.sessions.planned).toBeGreaterThanOrEqual((25 * 26) / 2);
    expect(d.attendanceByRegion.length).toBeLessThanOrEqual(PMU_LIST_LIMIT);
    expect(d.attendanceRegions).toBe(d.attendanceByRegion.length);
  });
});

describe("the dashboard page", () => {
  it("counts the programme figures once a minute for the PMU, never shows them to others, and lists 20 at most", async () => {
    const { loader } = await import("~/routes/dashboards/index");
    const pmuCookie = await cookieFor((await createPerson({ role: "FACILITATOR" })).id);
    const load = async (cookie: string) =>
      (await (await callRoute(loader, getRequest("/dasbor", cookie))).json()) as {
        pmu: { computedAt: string; sessions: { byPairing: unknown[] } } | null;
        dashboard: { needsAttention: unknown[]; needsAttentionCount: number };
      };
    const first = await load(pmuCookie);
    const second = await load(pmuCookie);
    expect(first.pmu).not.toBeNull();
    expect(second.pmu!.computedAt).toBe(first.pmu!.computedAt);
    expect(first.pmu!.sessions.byPairing.length).toBeLessThanOrEqual(20);
    expect(first.dashboard.needsAttention.length).toBe(Math.min(20, first.dashboard.needsAttentionCount));
    expect(first.dashboard.needsAttentionCount).toBeGreaterThan(20); // the 25 pairings above have no session
    const officerCookie = await cookieFor(
      (await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id,
    );
    expect((await load(officerCookie)).pmu).toBeNull();
  });
});

describe("links to a person's dashboards (issue 21)", () => {
  it("name the region as people know it, not by its code", async () => {
    const { loader } = await import("~/routes/dashboards/index");
    const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
    const response = await callRoute(loader, getRequest("/dasbor", await cookieFor(officer.id)));
    const { dashboards } = (await response.json()) as { dashboards: { code: string; name: string }[] };
    expect(dashboards).toContainEqual(expect.objectContaining({ code: "74.71", name: "Kota Kendari" }));
  });
});
