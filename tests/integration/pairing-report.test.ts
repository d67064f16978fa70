// The pairing report: its figures equal independent SQL over the same period, the page and the
// CSV show them, and a bad period comes back next to its field.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { addReplicationItem } from "~/modules/pairings/replication.server";
import { createPairing } from "~/modules/pairings/create.server";
import { getPairingReport } from "~/modules/pairings/pairing-report.server";
import * as reportRoute from "~/routes/pairings/report";
import * as csvRoute from "~/routes/pairings/report.csv";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

let facilitator: Awaited<ReturnType<typeof actorFor>>;
let pairingId: string;
let otherPairingId: string;

// the period: February 2020 in WIB (Blitar, the mentee): 2020-01-31T17:00Z to 2020-02-29T17:00Z
const FROM = "2020-02-01";
const TO = "2020-02-29";
const START = new Date("2020-01-31T17:00:00Z");
const END = new Date("2020-02-29T17:00:00Z");

async function session(
  pairing: string,
  startsAt: string,
  status: "SCHEDULED" | "HELD" | "CANCELLED",
  attendances: { region: string | null; identity: string; from: number; to: number | null }[] = [],
) {
  const start = new Date(startsAt);
  return prisma.session.create({
    data: {
      pairingId: pairing,
      title: `Sesi ${startsAt}`,
      startsAt: start,
      durationMinutes: 120,
      timeZone: "Asia/Makassar",
      status,
      attendances: {
        create: attendances.map((a) => ({
          identity: a.identity,
          regionCode: a.region,
          joinedAt: new Date(start.getTime() + a.from * 60_000),
          leftAt: a.to === null ? null : new Date(start.getTime() + a.to * 60_000),
        })),
      },
    },
  });
}

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  const make = (topic: string) =>
    createPairing(
      facilitator,
      {
        mentorRegionCode: "74.71",
        menteeRegionCode: "35.72",
        topic,
        method: "PRIVATE_TELECONFERENCE",
        plannedSessions: 6,
        goals: "Blitar belajar L2T2",
      },
      "ACTIVE",
    );
  pairingId = (await make("L2T2 laporan")).id;
  otherPairingId = (await make("Pasangan lain")).id;

  // before the period (31 Jan 2020 23.30 WIB is in January)
  await session(pairingId, "2020-01-31T16:30:00Z", "HELD", [
    { region: "74.71", identity: "a", from: 0, to: 60 },
  ]);
  // in the period
  await session(pairingId, "2020-02-03T01:00:00Z", "HELD", [
    { region: "74.71", identity: "k1", from: 0, to: 90 },
    { region: "74.71", identity: "k2", from: 10, to: 100 },
    { region: "35.72", identity: "b1", from: 0, to: 120 },
    { region: "35.72", identity: "b1", from: 130, to: null }, // rejoined, no leave: ends with the session? (after it: 0)
    { region: null, identity: "guest", from: 5, to: 35 },
  ]);
  await session(pairingId, "2020-02-10T01:00:00Z", "HELD", [
    { region: "35.72", identity: "b2", from: 15, to: null }, // no leave: until the session's end (120)
  ]);
  await session(pairingId, "2020-02-17T01:00:00Z", "CANCELLED");
  await session(pairingId, "2020-02-29T16:59:00Z", "SCHEDULED"); // 29 Feb 23.59 WIB: still in
  // after the period
  await session(pairingId, "2020-02-29T17:00:00Z", "SCHEDULED");
  // another pairing's session in the period is not counted
  await session(otherPairingId, "2020-02-05T01:00:00Z", "HELD", [
    { region: "35.72", identity: "x", from: 0, to: 60 },
  ]);

  await prisma.commitment.createMany({
    data: [
      { pairingId, title: "Selesai", side: "MENTEE", dueDate: new Date("2020-02-10"), status: "DONE" },
      {
        pairingId,
        title: "Terlambat",
        side: "MENTEE",
        dueDate: new Date("2020-02-14"),
        status: "IN_PROGRESS",
      },
      {
        pairingId,
        title: "Ditandai terlambat",
        side: "MENTOR",
        dueDate: new Date("2020-02-20"),
        status: "LATE",
      },
      { pairingId, title: "Maret", side: "MENTEE", dueDate: new Date("2020-03-15"), status: "NOT_STARTED" },
      {
        pairingId,
        title: "Tanpa tenggat, disepakati Februari",
        side: "MENTEE",
        createdAt: new Date("2020-02-03T03:00:00Z"),
      },
      { pairingId: otherPairingId, title: "Lain", side: "MENTEE", dueDate: new Date("2020-02-10") },
    ],
  });
  await prisma.lesson.createMany({
    data: [
      {
        slug: "laporan-pelajaran-feb",
        title: "Pelajaran sesi pertama",
        content: {},
        status: "PUBLISHED",
        pairingId,
        publishedAt: new Date("2020-02-05T03:00:00Z"),
      },
      {
        slug: "laporan-pelajaran-draf",
        title: "Draf",
        content: {},
        status: "DRAFT",
        pairingId,
      },
      {
        slug: "laporan-pelajaran-mar",
        title: "Pelajaran Maret",
        content: {},
        status: "PUBLISHED",
        pairingId,
        publishedAt: new Date("2020-03-05T03:00:00Z"),
      },
    ],
  });
  await addReplicationItem(facilitator, pairingId, {
    kind: "ADOPTED",
    what: "Uji coba penyedotan untuk ASN",
    why: "Pelajaran sesi pertama",
  });
});

async function independentFigures() {
  const [sessions] = await prisma.$queryRaw<{ held: bigint; scheduled: bigint; cancelled: bigint }[]>`
    SELECT count(*) FILTER (WHERE status = 'HELD') AS held,
           count(*) FILTER (WHERE status <> 'CANCELLED') AS scheduled,
           count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
    FROM "Session" WHERE "pairingId" = ${pairingId} AND "startsAt" >= ${START} AND "startsAt" < ${END}`;
  const minutes = await prisma.$queryRaw<{ regionCode: string | null; minutes: number }[]>`
    SELECT a."regionCode",
           SUM(GREATEST(0, EXTRACT(EPOCH FROM (
             COALESCE(a."leftAt", COALESCE(s."endedAt", s."startsAt" + s."durationMinutes" * interval '1 minute'))
             - a."joinedAt")) / 60))::float AS minutes
    FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId"
    WHERE s."pairingId" = ${pairingId} AND s."startsAt" >= ${START} AND s."startsAt" < ${END}
    GROUP BY a."regionCode"`;
  const [commitments] = await prisma.$queryRaw<{ total: bigint; done: bigint; overdue: bigint }[]>`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE status = 'DONE') AS done,
           count(*) FILTER (WHERE status = 'LATE'
             OR (status IN ('NOT_STARTED', 'IN_PROGRESS') AND "dueDate" < ${END})) AS overdue
    FROM "Commitment"
    WHERE "pairingId" = ${pairingId}
      AND (("dueDate" >= ${START} AND "dueDate" < ${END})
        OR ("dueDate" IS NULL AND "createdAt" >= ${START} AND "createdAt" < ${END}))`;
  const [lessons] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Lesson" WHERE "pairingId" = ${pairingId} AND status = 'PUBLISHED'
      AND "publishedAt" >= ${START} AND "publishedAt" < ${END}`;
  const byRegion = (code: string | null) =>
    Math.round(minutes.find((m) => m.regionCode === code)?.minutes ?? 0);
  return {
    planned: 6,
    held: Number(sessions.held),
    scheduled: Number(sessions.scheduled),
    cancelled: Number(sessions.cancelled),
    minutes: { mentor: byRegion("74.71"), mentee: byRegion("35.72"), other: byRegion(null) },
    commitments: Number(commitments.total),
    commitmentsDone: Number(commitments.done),
    commitmentsOverdue: Number(commitments.overdue),
    lessons: Number(lessons.n),
  };
}

describe("the pairing report", () => {
  it("has figures equal to independent queries over the same period", async () => {
    const report = await getPairingReport(
      { user: facilitator.user, grants: [{ scope: "all", regionCode: null, organisationId: null }] },
      pairingId,
      { from: FROM, to: TO },
    );
    expect(report).not.toBeNull();
    const expected = await independentFigures();
    expect(report!.figures).toEqual(expected);
    // and the numbers are the ones the data was built for
    expect(expected).toEqual({
      planned: 6,
      held: 2,
      scheduled: 3,
      cancelled: 1,
      minutes: { mentor: 90 + 90, mentee: 120 + 105, other: 30 },
      commitments: 4,
      commitmentsDone: 1,
      commitmentsOverdue: 2,
      lessons: 1,
    });
    expect(report!.sessions.map((s) => s.status)).toEqual(["HELD", "HELD", "CANCELLED", "SCHEDULED"]);
    expect(report!.sessions[0].people).toEqual({ mentor: 2, mentee: 1, other: 1 });
    expect(report!.replication.items).toHaveLength(1);
  });

  it("covers the whole pairing without a period", async () => {
    const report = await getPairingReport(
      { user: facilitator.user, grants: [{ scope: "all", regionCode: null, organisationId: null }] },
      pairingId,
      {},
    );
    expect(report!.sessions).toHaveLength(6);
    expect(report!.figures.held).toBe(3);
    expect(report!.figures.lessons).toBe(2);
    expect(report!.figures.commitments).toBe(5);
  });

  it("is shown on the page and as CSV to the mentee region's viewer, and refused outside its scope", async () => {
    const viewer = await createPerson({ role: "VIEWER", regionCode: "35.72" });
    const cookie = await cookieFor(viewer.id);
    const page = await callRoute(
      reportRoute.loader,
      getRequest(`/pasangan/${pairingId}/laporan?from=${FROM}&to=${TO}`, cookie),
      { pairingId },
    );
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.report.figures.held).toBe(2);
    expect(data.csvQuery).toBe(`from=${FROM}&to=${TO}`);

    const csv = await callRoute(
      csvRoute.loader,
      getRequest(`/pasangan/${pairingId}/laporan.csv?from=${FROM}&to=${TO}`, cookie),
      { pairingId },
    );
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "pairing,mentor_region,mentee_region,session,starts_at_utc,status,minutes_mentor,minutes_mentee,minutes_other,people_mentor,people_mentee",
    );
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[1]).toContain(",2020-02-03T01:00:00.000Z,HELD,180,120,30,2,1");
    expect(lines.at(-1)).toMatch(/,180,225,30,,$/);

    const stranger = await createPerson({ role: "VIEWER", regionCode: "74.05" });
    const refused = await callRoute(
      reportRoute.loader,
      getRequest(`/pasangan/${pairingId}/laporan`, await cookieFor(stranger.id)),
      { pairingId },
    );
    expect(refused.status).toBe(404);
  });

  it("keeps a bad period next to its field and shows the whole pairing", async () => {
    const cookie = await cookieFor(facilitator.user.id);
    const page = await callRoute(
      reportRoute.loader,
      getRequest(`/pasangan/${pairingId}/laporan?from=2020-03-01&to=2020-02-01`, cookie),
      { pairingId },
    );
    const data = await page.json();
    expect(data.errors).toEqual({ to: ["errors.endBeforeStart"] });
    expect(data.values).toEqual({ from: "2020-03-01", to: "2020-02-01" });
    const bad = await callRoute(
      reportRoute.loader,
      getRequest(`/pasangan/${pairingId}/laporan?from=2020-02-30`, cookie),
      { pairingId },
    );
    expect((await bad.json()).errors).toEqual({ from: ["errors.date"] });
  });
});
