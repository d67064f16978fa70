// The PMU's programme-wide dashboard: every pairing's path over the months, sessions held against
// planned, attendance by region, commitments and results, counted in the database.
import { prisma } from "~/db.server";
import type { PairingStatus } from "~/generated/prisma/enums";
import { PAIRING_STATUSES } from "~/modules/pairings/pairing-schemas";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { lastMonths, monthBounds, viewerZone } from "~/modules/dashboards/periods.server";
import { followsProgramme } from "~/modules/dashboards/scope.server";

type PmuPairingRow = {
  id: string;
  topic: string;
  status: PairingStatus;
  createdAt: Date;
  plannedSessions: number | null;
  mentorName: string;
  menteeName: string;
  sessions: number;
  held: number;
};

/** Rows in the PMU dashboard's per-pairing and per-region charts (their totals count all). */
export const PMU_LIST_LIMIT = 20;

/** The programme-wide figures a PMU facilitator or admin follows; null for anyone narrower. */
export async function getPmuDashboard(user: CurrentUser, now = new Date()) {
  if (!followsProgramme(user)) return null;
  const zone = viewerZone(user);
  const months = lastMonths(now, zone);
  const [
    pairings,
    changes,
    commitments,
    attendance,
    lessonsPublished,
    practicesPublished,
    catalogueReplications,
  ] = await Promise.all([
    // every pairing of the programme (thousands): one flat query, not an object graph per row; its
    // sessions (not cancelled, held) counted in one pass over the sessions, not one index lookup
    // per pairing and a second count of the held ones (59 -> 43 ms at 2,000 pairings,
    // docs/performance/hot-pages-plans.md)
    prisma.$queryRaw<PmuPairingRow[]>`
      SELECT p.id, p.topic, p.status::text AS status, p."createdAt", p."plannedSessions",
        mr.name AS "mentorName", me.name AS "menteeName",
        COALESCE(s.sessions, 0) AS sessions, COALESCE(s.held, 0) AS held
      FROM "Pairing" p
      JOIN "Region" mr ON mr.code = p."mentorRegionCode"
      JOIN "Region" me ON me.code = p."menteeRegionCode"
      LEFT JOIN (
        SELECT "pairingId",
          count(*) FILTER (WHERE status <> 'CANCELLED')::int AS sessions,
          count(*) FILTER (WHERE status = 'HELD')::int AS held
        FROM "Session" WHERE "pairingId" IS NOT NULL GROUP BY "pairingId"
      ) s ON s."pairingId" = p.id
      ORDER BY p."createdAt", p.id`,
    prisma.activityLog.findMany({
      where: { subjectType: "Pairing", action: "pairing.status_changed" },
      select: { subjectId: true, createdAt: true, data: true },
      orderBy: { createdAt: "asc" },
    }),
    // counted in the database: a programme has thousands of follow-ups
    Promise.all([
      prisma.commitment.groupBy({ by: ["status"], _count: { _all: true } }),
      prisma.commitment.count({ where: { dueDate: { lt: now }, status: { notIn: ["DONE", "DROPPED"] } } }),
    ]),
    prisma.attendance.groupBy({
      by: ["regionCode"],
      where: { session: { status: { not: "CANCELLED" } } },
      _count: { _all: true },
    }),
    prisma.lesson.count({ where: { status: "PUBLISHED" } }),
    prisma.practice.count({ where: { status: "PUBLISHED" } }),
    prisma.replication.count(),
  ]);
  // status of each pairing at the end of each month, replayed from its recorded status changes
  const changesBy = new Map<string, { at: Date; from: string; to: string }[]>();
  for (const c of changes) {
    const data = c.data as { from?: string; to?: string } | null;
    if (!data?.from || !data.to) continue;
    const list = changesBy.get(c.subjectId) ?? [];
    list.push({ at: c.createdAt, from: data.from, to: data.to });
    changesBy.set(c.subjectId, list);
  }
  const pairingsByMonth = months.map((month) => {
    const { end } = monthBounds(month, zone);
    const counts = Object.fromEntries(PAIRING_STATUSES.map((s) => [s, 0])) as Record<PairingStatus, number>;
    for (const p of pairings) {
      if (p.createdAt >= end) continue;
      const list = changesBy.get(p.id) ?? [];
      const last = list.filter((c) => c.at < end).at(-1);
      const status = (last ? last.to : (list[0]?.from ?? p.status)) as PairingStatus;
      counts[status] += 1;
    }
    return { month, counts };
  });

  const running = pairings.filter((p) => !["PROPOSED", "CANCELLED"].includes(p.status));
  const sessionsByPairing = running.map((p) => ({
    id: p.id,
    label: `${p.mentorName} → ${p.menteeName}`,
    topic: p.topic,
    held: p.held,
    planned: p.plannedSessions ?? p.sessions,
  }));
  // a programme-wide chart stays readable: the pairings furthest behind their plan, the regions
  // that attended most (the totals above them count every one)
  const topAttendance = [...attendance]
    .sort((a, b) => b._count._all - a._count._all || (a.regionCode ?? "").localeCompare(b.regionCode ?? ""))
    .slice(0, PMU_LIST_LIMIT);
  const regionNames = new Map(
    (
      await prisma.region.findMany({
        where: { code: { in: topAttendance.flatMap((a) => (a.regionCode ? [a.regionCode] : [])) } },
        select: { code: true, name: true },
      })
    ).map((r) => [r.code, r.name]),
  );
  const [statusCounts, overdueCount] = commitments;
  const byStatus = (status: string) => statusCounts.find((c) => c.status === status)?._count._all ?? 0;
  const allCommitments = statusCounts.reduce((sum, c) => sum + c._count._all, 0);
  return {
    zone,
    pairingsByMonth,
    sessions: {
      held: sessionsByPairing.reduce((s, p) => s + p.held, 0),
      planned: sessionsByPairing.reduce((s, p) => s + p.planned, 0),
      pairings: sessionsByPairing.length,
      byPairing: [...sessionsByPairing]
        .sort((a, b) => b.planned - b.held - (a.planned - a.held) || a.label.localeCompare(b.label, "id"))
        .slice(0, PMU_LIST_LIMIT),
    },
    attendanceRegions: attendance.length,
    attendanceByRegion: topAttendance
      .map((a) => ({
        code: a.regionCode,
        name: a.regionCode ? (regionNames.get(a.regionCode) ?? a.regionCode) : null,
        count: a._count._all,
      }))
      .sort((a, b) => b.count - a.count || (a.name ?? "").localeCompare(b.name ?? "", "id")),
    commitments: {
      done: byStatus("DONE"),
      overdue: overdueCount,
      open: allCommitments - byStatus("DONE") - byStatus("DROPPED") - overdueCount,
      dropped: byStatus("DROPPED"),
    },
    results: {
      lessonsPublished,
      practicesPublished,
      pairingsReplicated: pairings.filter((p) => p.status === "REPLICATED").length,
      catalogueReplications,
    },
  };
}
