// A region's dashboard for its head, officers and viewers (and the PMU), and its printable report.
import { grantsFor } from "~/auth/permissions";
import { prisma } from "~/db.server";
import { OutOfScopeError } from "~/errors";
import type { Prisma } from "~/generated/prisma/client";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { coversRegion } from "~/modules/regions/agency.server";
import { indicatorTargetSelect } from "~/modules/projects/indicator-values.server";
import { launchedProjectSelect } from "~/modules/projects/queries.server";
import { ACTIVE_STATUSES, LAUNCHED_STATUSES, atRiskList } from "~/modules/projects/project-status";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { type Period, monthDays, viewerZone } from "~/modules/dashboards/periods.server";

/** The funnel's stages in order: every status but "stopped". */
export const FUNNEL_STAGES: ProjectStatus[] = ACTIVE_STATUSES;
const OPEN_WORK = { notIn: ["DONE", "DROPPED"] as ("DONE" | "DROPPED")[] };

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
