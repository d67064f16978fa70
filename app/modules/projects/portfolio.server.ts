// The portfolio timeline: the milestones of many projects (a region's, a cohort's, a launch
// event's) on one time axis, grouped by project, late ones marked (isLateMilestone), filtered by
// status and horizon. Callers check who may see the set; this reads it.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { isLateMilestone } from "~/modules/projects/follow-up";
import { HORIZONS } from "~/modules/projects/project-schemas";
import { PUBLIC_PROJECT_WHERE } from "~/modules/projects/public.server";

export const PORTFOLIO_STATUSES = ["late", "open", "done"] as const;
export type PortfolioFilter = {
  status?: (typeof PORTFOLIO_STATUSES)[number];
  horizon?: (typeof HORIZONS)[number];
};

/** How many projects one timeline draws; more are counted, not drawn (a page loads what it shows). */
export const PORTFOLIO_MAX_PROJECTS = 60;

/** The filter from the page's query (`?tonggak=late&jangka=SHORT`); anything else is no filter. */
export function portfolioFilterFrom(searchParams: URLSearchParams): PortfolioFilter {
  const status = searchParams.get("tonggak");
  const horizon = searchParams.get("jangka");
  return {
    status: PORTFOLIO_STATUSES.find((s) => s === status),
    horizon: HORIZONS.find((h) => h === horizon),
  };
}

function milestoneWhere(filter: PortfolioFilter, now: Date): Prisma.MilestoneWhereInput {
  const where: Prisma.MilestoneWhereInput[] = [];
  if (filter.horizon) where.push({ horizon: filter.horizon });
  if (filter.status === "done") where.push({ status: "DONE" });
  if (filter.status === "open") where.push({ status: { notIn: ["DONE", "DROPPED"] } });
  // the database form of isLateMilestone
  if (filter.status === "late")
    where.push({
      OR: [{ status: "LATE" }, { dueDate: { lt: now }, status: { notIn: ["DONE", "DROPPED"] } }],
    });
  return { AND: where };
}

async function portfolioOf(projects: Prisma.ChangeProjectWhereInput, filter: PortfolioFilter, now: Date) {
  const milestones = milestoneWhere(filter, now);
  const where: Prisma.ChangeProjectWhereInput = { AND: [projects, { milestones: { some: milestones } }] };
  const [total, rows] = await Promise.all([
    prisma.changeProject.count({ where }),
    prisma.changeProject.findMany({
      where,
      orderBy: [{ acronym: "asc" }, { title: "asc" }, { id: "asc" }],
      take: PORTFOLIO_MAX_PROJECTS,
      select: {
        id: true,
        title: true,
        acronym: true,
        milestones: {
          where: milestones,
          orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { title: "asc" }],
          select: { id: true, title: true, horizon: true, status: true, dueDate: true },
        },
      },
    }),
  ]);
  const projectsOut = rows.map((p) => ({
    ...p,
    milestones: p.milestones.map((m) => ({ ...m, late: isLateMilestone(m, now) })),
  }));
  const all = projectsOut.flatMap((p) => p.milestones);
  return {
    filter,
    projects: projectsOut,
    projectCount: total,
    milestoneCount: all.length,
    lateCount: all.filter((m) => m.late).length,
    now,
  };
}

export type Portfolio = Awaited<ReturnType<typeof portfolioOf>>;

/**
 * A region's projects (a province's: its own and its kabupaten/kota's), not stopped; for the
 * region dashboard, whose loader has checked the region is in the person's scope.
 */
export async function getRegionPortfolio(
  region: { code: string; kind: string },
  filter: PortfolioFilter,
  now = new Date(),
) {
  const inRegion: Prisma.ChangeProjectWhereInput =
    region.kind === "PROVINCE"
      ? { OR: [{ regionCode: region.code }, { region: { provinceCode: region.code } }] }
      : { regionCode: region.code };
  return portfolioOf({ AND: [inRegion, { status: { not: "STOPPED" } }] }, filter, now);
}

/** Some projects the caller has already scoped (a cohort dashboard's). */
export async function getProjectsPortfolio(projectIds: string[], filter: PortfolioFilter, now = new Date()) {
  return portfolioOf({ id: { in: projectIds } }, filter, now);
}

/** A launch event's public projects: what its public page shows. */
export async function getLaunchEventPortfolio(
  launchEventId: string,
  filter: PortfolioFilter,
  now = new Date(),
) {
  return portfolioOf({ AND: [{ launchEventId }, PUBLIC_PROJECT_WHERE] }, filter, now);
}
