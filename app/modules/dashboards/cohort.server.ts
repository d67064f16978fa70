// A cohort's dashboard (its projects' launch, milestones and check-ins) and its printable report.
import { grantsFor } from "~/auth/permissions";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import { OutOfScopeError } from "~/errors";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { riskFactsSelect } from "~/modules/projects/queries.server";
import {
  CHECK_IN_MONTHS,
  LAUNCHED_STATUSES,
  checkInSchedule,
  riskOf,
} from "~/modules/projects/project-status";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { FUNNEL_STAGES } from "~/modules/dashboards/region.server";
import { type Period, viewerZone } from "~/modules/dashboards/periods.server";

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
