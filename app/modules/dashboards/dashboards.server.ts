// The PMU, region, cohort and province dashboards and the printable reports: every figure is
// counted here, inside the person's scope, from the same tables the rest of Lintas writes.
import { grantsFor } from "~/auth/permissions";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { PairingStatus, ProjectStatus } from "~/generated/prisma/enums";
import { coversRegion } from "~/modules/regions/agency.server";
import {
  OutOfScopeError,
  indicatorTargetSelect,
  latestMeasurementSelect,
  launchedProjectSelect,
  riskFactsSelect,
} from "~/modules/projects/project.server";
import { PAIRING_STATUSES } from "~/modules/pairings/pairing-schemas";
import {
  ACTIVE_STATUSES,
  CHECK_IN_MONTHS,
  LAUNCHED_STATUSES,
  checkInSchedule,
  atRiskList,
  riskOf,
} from "~/modules/projects/project-status";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { parseWallClock } from "~/utils/dates";
import { dateTimeFormat } from "~/utils/intl-formats";

/** The funnel's stages in order: every status but "stopped". */
export const FUNNEL_STAGES: ProjectStatus[] = ACTIVE_STATUSES;
const OPEN_WORK = { notIn: ["DONE", "DROPPED"] as ("DONE" | "DROPPED")[] };

/** For a route's .catch(): a record outside the person's scope becomes a 403 answer. */
export function refuseOutOfScope(error: unknown): never {
  if (error instanceof OutOfScopeError)
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  throw error;
}

/** The zone a person reads dates in: their own, their region's, or WIB. */
export function viewerZone(user: Pick<CurrentUser, "timeZone" | "region">) {
  return user.timeZone ?? user.region?.timeZone ?? "Asia/Jakarta";
}

/** "2024-06" for an instant, as the calendar in `timeZone` shows it. */
export function monthKey(instant: Date, timeZone: string) {
  const parts = dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(instant);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

/** The first instant of a month ("2024-06") in a zone, and of the month after it. */
export function monthBounds(key: string, timeZone: string) {
  const [year, month] = key.split("-").map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
  return {
    start: parseWallClock(`${key}-01T00:00`, timeZone),
    end: parseWallClock(`${next}-01T00:00`, timeZone),
  };
}

/** The last `count` months up to the one `now` falls in, oldest first. */
export function lastMonths(now: Date, timeZone: string, count = 12) {
  const [year, month] = monthKey(now, timeZone).split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** Calendar days (@db.Date) of the month `now` falls in for a zone, as the database stores them (UTC midnight). */
function monthDays(now: Date, timeZone: string) {
  const [year, month] = monthKey(now, timeZone).split("-").map(Number);
  return { gte: new Date(Date.UTC(year, month - 1, 1)), lt: new Date(Date.UTC(year, month, 1)) };
}

// ───────────────────────────── PMU ─────────────────────────────

type PmuPairingRow = {
  id: string;
  topic: string;
  status: PairingStatus;
  createdAt: Date;
  plannedSessions: number | null;
  mentorName: string;
  menteeName: string;
  sessions: number;
};

/** Rows in the PMU dashboard's per-pairing and per-region charts (their totals count all). */
export const PMU_LIST_LIMIT = 20;

/** Whether the person follows the whole programme (a PMU facilitator or an admin). */
export function followsProgramme(user: CurrentUser) {
  return grantsFor(user.memberships, "dashboard:read").some((g) => g.scope === "all");
}

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
    // every pairing of the programme (thousands): one flat query, not an object graph per row
    prisma.$queryRaw<PmuPairingRow[]>`
      SELECT p.id, p.topic, p.status::text AS status, p."createdAt", p."plannedSessions",
        mr.name AS "mentorName", me.name AS "menteeName",
        (SELECT count(*)::int FROM "Session" s WHERE s."pairingId" = p.id AND s.status <> 'CANCELLED') AS sessions
      FROM "Pairing" p
      JOIN "Region" mr ON mr.code = p."mentorRegionCode"
      JOIN "Region" me ON me.code = p."menteeRegionCode"
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
  const held = await prisma.session.groupBy({
    by: ["pairingId"],
    where: { status: "HELD", pairingId: { not: null } },
    _count: { _all: true },
  });
  const heldBy = new Map(held.map((h) => [h.pairingId, h._count._all]));

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
    held: heldBy.get(p.id) ?? 0,
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

// ───────────────────────────── region ─────────────────────────────

function inRegionWhere(region: { code: string; kind: string }): Prisma.ChangeProjectWhereInput {
  return region.kind === "PROVINCE"
    ? { OR: [{ regionCode: region.code }, { region: { provinceCode: region.code } }] }
    : { regionCode: region.code };
}

/** Counts by status and the funnel: how many projects reached each stage (stopped ones apart). */
export function funnelOf(counts: Partial<Record<ProjectStatus, number>>) {
  return FUNNEL_STAGES.map((status, i) => ({
    status,
    count: counts[status] ?? 0,
    reached: FUNNEL_STAGES.slice(i).reduce((sum, s) => sum + (counts[s] ?? 0), 0),
  }));
}

/** Indicator charts on a region dashboard (the region's own first; every one is on its project's page). */
export const REGION_INDICATORS_SHOWN = 12;

const INDICATOR_SELECT = {
  id: true,
  name: true,
  ...indicatorTargetSelect,
  project: { select: { id: true, title: true, acronym: true } },
  measurements: {
    select: { value: true, measuredAt: true, periodLabel: true, source: true },
    orderBy: { measuredAt: "asc" as const },
  },
} satisfies Prisma.IndicatorSelect;

/**
 * A region's dashboard for its head, officers and viewers (and the PMU). Null when the region
 * does not exist; OutOfScopeError when it lies outside the person's dashboard scope.
 */
export async function getRegionDashboard(user: CurrentUser, code: string, now = new Date()) {
  const grants = grantsFor(user.memberships, "dashboard:read");
  const region = await prisma.region.findUnique({
    where: { code },
    select: { code: true, name: true, kind: true, provinceCode: true, timeZone: true },
  });
  if (!region) return null;
  if (!coversRegion(grants, region)) throw new OutOfScopeError("region outside dashboard scope");
  const zone = viewerZone(user);
  const inRegion = inRegionWhere(region);
  // the region's projects by id: "OR a project in the region" as a join made the planner scan
  // every indicator and every project (300 ms at 10,000 projects); two index lookups instead
  const projectIds = (await prisma.changeProject.findMany({ where: inRegion, select: { id: true } })).map(
    (p) => p.id,
  );
  const indicatorWhere: Prisma.IndicatorWhereInput = {
    OR: [{ regionCode: code, projectId: null }, { projectId: { in: projectIds } }],
  };
  const [byStatus, launched, dueThisMonth, indicators, indicatorCount, mentor, mentee] = await Promise.all([
    prisma.changeProject.groupBy({ by: ["status"], where: inRegion, _count: { _all: true } }),
    prisma.changeProject.findMany({
      where: { AND: [inRegion, { status: { in: LAUNCHED_STATUSES } }] },
      select: launchedProjectSelect,
    }),
    prisma.milestone.findMany({
      where: { project: inRegion, dueDate: monthDays(now, zone), status: OPEN_WORK },
      select: {
        id: true,
        title: true,
        dueDate: true,
        status: true,
        project: { select: { id: true, title: true, acronym: true } },
      },
      orderBy: [{ dueDate: "asc" }, { title: "asc" }],
    }),
    prisma.indicator.findMany({
      where: indicatorWhere,
      select: INDICATOR_SELECT,
      // the region's own indicators (no project) first, then its projects'
      orderBy: [{ projectId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      take: REGION_INDICATORS_SHOWN,
    }),
    prisma.indicator.count({ where: indicatorWhere }),
    pairingsOf({ mentorRegionCode: code }),
    pairingsOf({ menteeRegionCode: code }),
  ]);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Partial<
    Record<ProjectStatus, number>
  >;
  return {
    region,
    zone,
    total: byStatus.reduce((s, r) => s + r._count._all, 0),
    funnel: funnelOf(counts),
    stopped: counts.STOPPED ?? 0,
    atRisk: atRiskList(launched, now),
    dueThisMonth,
    indicators: indicators.map(serialiseIndicator),
    indicatorCount,
    mentorPairings: mentor,
    menteePairings: mentee,
  };
}

async function pairingsOf(where: Prisma.PairingWhereInput) {
  const rows = await prisma.pairing.findMany({
    where,
    select: {
      id: true,
      topic: true,
      status: true,
      plannedSessions: true,
      mentorRegion: { select: { code: true, name: true } },
      menteeRegion: { select: { code: true, name: true } },
      sessions: { where: { status: { not: "CANCELLED" } }, select: { status: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(({ sessions, ...p }) => ({
    ...p,
    held: sessions.filter((s) => s.status === "HELD").length,
    planned: p.plannedSessions ?? sessions.length,
  }));
}

function serialiseIndicator(i: Prisma.IndicatorGetPayload<{ select: typeof INDICATOR_SELECT }>) {
  return {
    ...i,
    baseline: i.baseline === null ? null : i.baseline.toString(),
    target: i.target === null ? null : i.target.toString(),
    measurements: i.measurements.map((m) => ({ ...m, value: m.value.toString() })),
  };
}

// ───────────────────────────── cohort ─────────────────────────────

export type CheckInMark = "done" | "late" | "overdue" | "due" | "notLaunched";

/**
 * All projects of a cohort the person may see (coaches their assigned ones, region officers their
 * region's, the PMU all), with launch status, milestone completion and check-ins after launch.
 * Null when the cohort does not exist; OutOfScopeError when it shows the person nothing.
 */
export async function getCohortDashboard(user: CurrentUser, cohortId: string, now = new Date()) {
  const grants = grantsFor(user.memberships, "dashboard:read");
  if (grants.length === 0) return null;
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      programme: true,
      batch: true,
      year: true,
      organiserName: true,
      organiser: { select: { name: true } },
    },
  });
  if (!cohort) return null;
  const all = grants.some((g) => g.scope === "all");
  const scope = all ? {} : projectWhere(user.id, grantsFor(user.memberships, "project:read"));
  const projects = await prisma.changeProject.findMany({
    where: { AND: [{ cohortId }, scope] },
    orderBy: [{ regionCode: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      acronym: true,
      region: { select: { code: true, name: true } },
      organisation: { select: { name: true } },
      ...riskFactsSelect,
    },
  });
  if (projects.length === 0 && !all) throw new OutOfScopeError("no project of this cohort in scope");
  const rows = projects.map(({ milestones, checkIns, ...p }) => {
    const counted = milestones.filter((m) => m.status !== "DROPPED");
    const done = counted.filter((m) => m.status === "DONE").length;
    const launchedAt = LAUNCHED_STATUSES.includes(p.status) || p.status === "STOPPED" ? p.launchedAt : null;
    const schedule = launchedAt ? checkInSchedule(launchedAt, checkIns, now) : null;
    const marks = Object.fromEntries(
      CHECK_IN_MONTHS.map((months, i) => {
        const c = schedule?.[i];
        const mark: CheckInMark = !c ? "notLaunched" : c.state === "upcoming" ? "due" : c.state;
        return [months, mark];
      }),
    ) as Record<(typeof CHECK_IN_MONTHS)[number], CheckInMark>;
    return {
      ...p,
      milestonesDone: done,
      milestonesTotal: counted.length,
      completion: counted.length ? Math.round((done / counted.length) * 1000) / 10 : null,
      checkIns: marks,
      ...riskOf({ status: p.status, launchedAt: p.launchedAt, checkIns, milestones }, now),
    };
  });
  const counts = Object.fromEntries(
    [...FUNNEL_STAGES, "STOPPED" as const].map((s) => [s, rows.filter((r) => r.status === s).length]),
  ) as Record<ProjectStatus, number>;
  return {
    cohort: {
      id: cohort.id,
      programme: cohort.programme,
      batch: cohort.batch,
      year: cohort.year,
      organiser: cohort.organiser?.name ?? cohort.organiserName,
    },
    zone: viewerZone(user),
    projects: rows,
    byStatus: counts,
    checkInSummary: CHECK_IN_MONTHS.map((months) => ({
      months,
      done: rows.filter((r) => r.checkIns[months] === "done").length,
      late: rows.filter((r) => r.checkIns[months] === "late").length,
      overdue: rows.filter((r) => r.checkIns[months] === "overdue").length,
      due: rows.filter((r) => r.checkIns[months] === "due").length,
    })),
  };
}

// ───────────────────────────── province ─────────────────────────────

/**
 * A province's kabupaten/kota side by side: one chosen indicator (by name, among those recorded
 * in the province) and project counts. Null for no such province; OutOfScopeError unless the
 * person's scope covers the whole province.
 */
export async function getProvinceDashboard(user: CurrentUser, code: string, indicatorName?: string | null) {
  const grants = grantsFor(user.memberships, "dashboard:read");
  const province = await prisma.region.findUnique({
    where: { code },
    select: { code: true, name: true, kind: true, timeZone: true },
  });
  if (!province || province.kind !== "PROVINCE") return null;
  const covers = grants.some((g) => g.scope === "all" || (g.scope === "province" && g.regionCode === code));
  if (!covers) throw new OutOfScopeError("province outside dashboard scope");
  const [regencies, names, projectCounts] = await Promise.all([
    prisma.region.findMany({
      where: { provinceCode: code },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    prisma.indicator.groupBy({
      by: ["name"],
      where: { projectId: null, region: { provinceCode: code } },
      orderBy: { name: "asc" },
    }),
    prisma.changeProject.groupBy({
      by: ["regionCode", "status"],
      where: { region: { provinceCode: code } },
      _count: { _all: true },
    }),
  ]);
  const indicatorNames = names.map((n) => n.name);
  const chosen =
    indicatorName && indicatorNames.includes(indicatorName) ? indicatorName : (indicatorNames[0] ?? null);
  const indicators = chosen
    ? await prisma.indicator.findMany({
        where: { projectId: null, name: chosen, region: { provinceCode: code } },
        select: {
          regionCode: true,
          ...indicatorTargetSelect,
          measurements: latestMeasurementSelect,
        },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const byRegion = new Map<string, (typeof indicators)[number]>();
  for (const i of indicators) if (i.regionCode && !byRegion.has(i.regionCode)) byRegion.set(i.regionCode, i);
  const projectRows = regencies.map((r) => {
    const rows = projectCounts.filter((c) => c.regionCode === r.code);
    const sum = (statuses?: ProjectStatus[]) =>
      rows.filter((c) => !statuses || statuses.includes(c.status)).reduce((s, c) => s + c._count._all, 0);
    const indicator = byRegion.get(r.code);
    const latest = indicator?.measurements[0];
    return {
      code: r.code,
      name: r.name,
      projects: sum(),
      launched: sum(LAUNCHED_STATUSES),
      stopped: sum(["STOPPED"]),
      indicator: indicator
        ? {
            value: latest
              ? Number(latest.value)
              : indicator.baseline === null
                ? null
                : Number(indicator.baseline),
            period: latest
              ? (latest.periodLabel ?? latest.measuredAt.toISOString().slice(0, 10))
              : indicator.baselineYear
                ? String(indicator.baselineYear)
                : null,
            target: indicator.target === null ? null : Number(indicator.target),
            targetYear: indicator.targetYear,
          }
        : null,
    };
  });
  const first = indicators[0];
  return {
    province,
    indicatorNames,
    chosen,
    unit: first?.unit ?? null,
    direction: first?.direction ?? null,
    regencies: projectRows,
  };
}

// ───────────────────────────── reports ─────────────────────────────

export type Period = { from: Date; to: Date };

/** A period from "YYYY-MM-DD" fields, whole days in the viewer's zone; defaults to this calendar year. */
export function parsePeriod(
  params: URLSearchParams,
  timeZone: string,
  now = new Date(),
): Period & { fromDay: string; toDay: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const year = monthKey(now, timeZone).slice(0, 4);
  let fromDay = params.get("from") ?? "";
  let toDay = params.get("to") ?? "";
  if (!day.test(fromDay)) fromDay = `${year}-01-01`;
  if (!day.test(toDay)) toDay = `${year}-12-31`;
  try {
    let from = parseWallClock(`${fromDay}T00:00`, timeZone);
    let to = new Date(parseWallClock(`${toDay}T00:00`, timeZone).getTime() + 86_400_000);
    if (to <= from) [from, to] = [new Date(to.getTime() - 86_400_000), new Date(from.getTime() + 86_400_000)];
    return { from, to, fromDay, toDay };
  } catch {
    return parsePeriod(new URLSearchParams(), timeZone, now);
  }
}

/** What happened in a region during a period: projects launched, milestones done, sessions held, check-ins. */
export async function getRegionReport(user: CurrentUser, code: string, period: Period, now = new Date()) {
  const dashboard = await getRegionDashboard(user, code, now);
  if (!dashboard) return null;
  const inRegion = inRegionWhere(dashboard.region);
  const within = { gte: period.from, lt: period.to };
  const [launched, milestonesDone, checkIns, sessions, lessons] = await Promise.all([
    prisma.changeProject.findMany({
      where: { AND: [inRegion, { launchedAt: within }] },
      select: { id: true, title: true, acronym: true, status: true, launchedAt: true },
      orderBy: { launchedAt: "asc" },
    }),
    prisma.milestone.findMany({
      where: { project: inRegion, status: "DONE", completedAt: within },
      select: {
        id: true,
        title: true,
        completedAt: true,
        project: { select: { title: true, acronym: true } },
      },
      orderBy: { completedAt: "asc" },
    }),
    prisma.checkIn.count({ where: { project: inRegion, createdAt: within } }),
    prisma.session.findMany({
      where: {
        status: "HELD",
        startsAt: within,
        OR: [
          { pairing: { OR: [{ mentorRegionCode: code }, { menteeRegionCode: code }] } },
          { hostRegionCode: code },
        ],
      },
      select: {
        id: true,
        title: true,
        startsAt: true,
        timeZone: true,
        _count: { select: { attendances: true } },
      },
      orderBy: { startsAt: "asc" },
    }),
    prisma.lesson.findMany({
      where: { regionCode: code, status: "PUBLISHED", publishedAt: within },
      select: { slug: true, title: true, publishedAt: true },
      orderBy: { publishedAt: "asc" },
    }),
  ]);
  return { ...dashboard, period, launched, milestonesDone, checkIns, sessions, lessons };
}

/** A cohort during a period: its projects as on the dashboard, and what they did within the period. */
export async function getCohortReport(user: CurrentUser, cohortId: string, period: Period, now = new Date()) {
  const dashboard = await getCohortDashboard(user, cohortId, now);
  if (!dashboard) return null;
  const ids = dashboard.projects.map((p) => p.id);
  const within = { gte: period.from, lt: period.to };
  const [milestonesDone, checkIns] = await Promise.all([
    prisma.milestone.groupBy({
      by: ["projectId"],
      where: { projectId: { in: ids }, status: "DONE", completedAt: within },
      _count: { _all: true },
    }),
    prisma.checkIn.groupBy({
      by: ["projectId"],
      where: { projectId: { in: ids }, createdAt: within },
      _count: { _all: true },
    }),
  ]);
  const doneBy = new Map(milestonesDone.map((m) => [m.projectId, m._count._all]));
  const checkInsBy = new Map(checkIns.map((c) => [c.projectId, c._count._all]));
  return {
    ...dashboard,
    period,
    launchedInPeriod: dashboard.projects.filter(
      (p) => p.launchedAt && p.launchedAt >= period.from && p.launchedAt < period.to,
    ).length,
    inPeriod: dashboard.projects.map((p) => ({
      id: p.id,
      milestonesDone: doneBy.get(p.id) ?? 0,
      checkIns: checkInsBy.get(p.id) ?? 0,
    })),
  };
}
