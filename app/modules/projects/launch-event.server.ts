// A launch event as a public page (/peluncuran/:id): when, where, who launched which projects, and
// each project's follow-up since. Public data only: the projects with a public follow-up page
// (PUBLIC_PROJECT_WHERE), their milestones' titles, states and dates, and their check-ins' dates
// and states (never a check-in's note, a comment or a person).
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { followUpOf } from "~/modules/projects/follow-up";
import { PUBLIC_PROJECT_WHERE } from "~/modules/projects/public.server";

const followUpSelect = {
  id: true,
  title: true,
  acronym: true,
  status: true,
  launchedAt: true,
  checkIns: { select: { createdAt: true, status: true } },
  milestones: {
    select: { title: true, status: true, dueDate: true },
    orderBy: [{ dueDate: "asc" }, { title: "asc" }],
  },
} satisfies Prisma.ChangeProjectSelect;

const eventSelect = {
  id: true,
  title: true,
  date: true,
  place: true,
  launchedBy: true,
  region: { select: { code: true, name: true, timeZone: true } },
} satisfies Prisma.LaunchEventSelect;

/**
 * The launch event page: the event, the cohorts its projects came from, and every public project
 * launched there with its follow-up. Null when there is no such event or none of its projects is
 * public (the page is public once one of them is).
 */
export async function getLaunchEventPage(id: string, now = new Date()) {
  const event = await prisma.launchEvent.findUnique({
    where: { id },
    select: {
      ...eventSelect,
      projects: {
        where: PUBLIC_PROJECT_WHERE,
        orderBy: [{ acronym: "asc" }, { title: "asc" }],
        select: {
          ...followUpSelect,
          stopReason: true,
          organisation: { select: { name: true } },
          cohort: { select: { id: true, programme: true, batch: true, year: true } },
        },
      },
    },
  });
  if (!event || event.projects.length === 0) return null;
  const cohorts = [
    ...new Map(event.projects.flatMap((p) => (p.cohort ? [[p.cohort.id, p.cohort] as const] : []))).values(),
  ];
  return {
    ...event,
    cohorts,
    projects: event.projects.map(({ checkIns, milestones, cohort: _cohort, ...p }) => ({
      ...p,
      followUp: followUpOf({ ...p, checkIns, milestones }, now),
    })),
  };
}

/**
 * The launch events with at least one public project, newest first, each with those projects and
 * their "implemented?" verdict: a region's (its page and dashboard: "the projects I launched") or
 * those of some projects (a cohort's dashboard).
 */
export async function listLaunchEvents(
  filter: { regionCode: string } | { projectIds: string[] },
  now = new Date(),
) {
  const projectWhere: Prisma.ChangeProjectWhereInput =
    "regionCode" in filter
      ? PUBLIC_PROJECT_WHERE
      : { AND: [PUBLIC_PROJECT_WHERE, { id: { in: filter.projectIds } }] };
  const events = await prisma.launchEvent.findMany({
    where: {
      ...("regionCode" in filter ? { regionCode: filter.regionCode } : {}),
      projects: { some: projectWhere },
    },
    orderBy: [{ date: "desc" }, { title: "asc" }],
    take: 50,
    select: {
      ...eventSelect,
      projects: {
        where: PUBLIC_PROJECT_WHERE,
        orderBy: [{ acronym: "asc" }, { title: "asc" }],
        select: followUpSelect,
      },
    },
  });
  return events.map((event) => ({
    ...event,
    projects: event.projects.map(({ checkIns, milestones, ...p }) => {
      const followUp = followUpOf({ ...p, checkIns, milestones }, now);
      return {
        id: p.id,
        title: p.title,
        acronym: p.acronym,
        status: p.status,
        verdict: followUp.verdict,
        riskCount: followUp.riskReasons.length,
      };
    }),
  }));
}
