// Change projects as people see them: lists, the board, filters and one project, always through
// the person's scope, and whether the person may do an action on a project.
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { BOARD_COLUMN_SIZE, PROJECT_PAGE_SIZE, type ProjectSort } from "~/modules/projects/project-filters";
import { PROJECT_STATUSES } from "~/modules/projects/project-schemas";
import { LAUNCHED_STATUSES, isAtRisk, riskReasons } from "~/modules/projects/project-status";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { plainIndicator } from "~/modules/projects/indicator-values.server";

/** The filter for projects the person may `action` on. */
export function scopeFor(user: CurrentUser, action: Action): Prisma.ChangeProjectWhereInput {
  return projectWhere(user.id, grantsFor(user.memberships, action));
}

export type ProjectFilters = {
  status?: ProjectStatus;
  regionCode?: string;
  cohortId?: string;
  agency?: string;
  sector?: string;
  q?: string;
  atRisk?: boolean;
  sort?: ProjectSort;
};

/** The facts `isAtRisk` reads of a project: its status, launch date, check-ins and milestones. */
export const riskFactsSelect = {
  status: true,
  launchedAt: true,
  checkIns: { select: { createdAt: true, status: true } },
  milestones: { select: { status: true, dueDate: true, title: true } },
} satisfies Prisma.ChangeProjectSelect;

/** A launched project as the dashboards list it, with what its risk flag needs. */
export const launchedProjectSelect = {
  id: true,
  title: true,
  acronym: true,
  region: { select: { name: true } },
  ...riskFactsSelect,
} satisfies Prisma.ChangeProjectSelect;

const listSelect = {
  id: true,
  title: true,
  acronym: true,
  kind: true,
  sector: true,
  region: { select: { code: true, name: true } },
  organisation: { select: { name: true } },
  cohort: { select: { id: true, programme: true, batch: true, year: true } },
  ...riskFactsSelect,
} satisfies Prisma.ChangeProjectSelect;

const ORDER_BY: Record<ProjectSort, Prisma.ChangeProjectOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  region: [{ region: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
  status: [{ status: "asc" }, { title: "asc" }, { id: "asc" }],
};

/**
 * The filter for a list in the person's scope. "At risk" depends on check-in dates and late
 * milestones, not on a column, so it is worked out here and becomes a list of ids.
 */
async function listWhere(
  { user, grants }: Scope,
  filters: ProjectFilters,
  now: Date,
): Promise<Prisma.ChangeProjectWhereInput> {
  const { status, regionCode, cohortId, agency, sector, q } = filters;
  const where: Prisma.ChangeProjectWhereInput = {
    AND: [
      projectWhere(user.id, grants),
      status ? { status } : {},
      regionCode ? { OR: [{ regionCode }, { region: { provinceCode: regionCode } }] } : {},
      cohortId ? { cohortId } : {},
      agency ? { organisation: { name: { contains: agency, mode: "insensitive" } } } : {},
      sector ? { sector: { contains: sector, mode: "insensitive" } } : {},
      q
        ? {
            OR: [
              { title: { contains: q, mode: "insensitive" } },
              { acronym: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  if (!filters.atRisk) return where;
  const launched = await prisma.changeProject.findMany({
    where: { AND: [where, { status: { in: LAUNCHED_STATUSES } }] },
    select: { id: true, ...riskFactsSelect },
  });
  return { id: { in: launched.filter((p) => isAtRisk(p, now)).map((p) => p.id) } };
}

function withRisk(projects: Prisma.ChangeProjectGetPayload<{ select: typeof listSelect }>[], now: Date) {
  return projects.map(({ checkIns, milestones, ...project }) => {
    const reasons = riskReasons(
      { status: project.status, launchedAt: project.launchedAt, checkIns, milestones },
      now,
    );
    return { ...project, atRisk: reasons.length > 0, riskReasons: reasons };
  });
}

/** Every matching project (for CSV export), up to `take`. */
export async function listProjectsForUser(scope: Scope, filters: ProjectFilters = {}, take = 5000) {
  const now = new Date();
  const projects = await prisma.changeProject.findMany({
    where: await listWhere(scope, filters, now),
    orderBy: ORDER_BY[filters.sort ?? "updated"],
    take,
    select: listSelect,
  });
  return withRisk(projects, now);
}

/** One page of matching projects and how many there are in all. */
export async function pageProjectsForUser(scope: Scope, filters: ProjectFilters, page: number) {
  const now = new Date();
  const where = await listWhere(scope, filters, now);
  const total = await prisma.changeProject.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PROJECT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const projects = await prisma.changeProject.findMany({
    where,
    orderBy: ORDER_BY[filters.sort ?? "updated"],
    skip: (current - 1) * PROJECT_PAGE_SIZE,
    take: PROJECT_PAGE_SIZE,
    select: listSelect,
  });
  return { projects: withRisk(projects, now), total, page: current, pageCount };
}

/** Matching projects by launch status: each column's count and its first cards. */
export async function boardProjectsForUser(scope: Scope, filters: ProjectFilters) {
  const now = new Date();
  const where = await listWhere(scope, { ...filters, status: undefined }, now);
  const counts = await prisma.changeProject.groupBy({ by: ["status"], where, _count: { _all: true } });
  const columns = [];
  for (const status of PROJECT_STATUSES) {
    const total = counts.find((c) => c.status === status)?._count._all ?? 0;
    const projects = total
      ? await prisma.changeProject.findMany({
          where: { AND: [where, { status }] },
          orderBy: ORDER_BY[filters.sort ?? "updated"],
          take: BOARD_COLUMN_SIZE,
          select: listSelect,
        })
      : [];
    columns.push({ status, total, projects: withRisk(projects, now) });
  }
  return columns;
}

/** What the list's filter menus offer: the regions and cohorts of the projects the person sees. */
export async function projectFilterOptions({ user, grants }: Scope) {
  const scope = projectWhere(user.id, grants);
  const [regions, cohorts] = await Promise.all([
    prisma.region.findMany({
      where: { projects: { some: scope } },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    prisma.cohort.findMany({
      where: { projects: { some: scope } },
      orderBy: [{ year: "desc" }, { programme: "asc" }, { batch: "asc" }],
      select: { id: true, programme: true, batch: true, year: true },
    }),
  ]);
  return { regions, cohorts };
}

/** The project page shows this many latest comments, and how many there are in all. */
export const PROJECT_COMMENTS_SHOWN = 50;

/** One project if the person may see it; null otherwise (the route answers 404 either way). */
export async function getProjectForUser(
  { user, grants }: Scope,
  id: string,
  { allComments = false }: { allComments?: boolean } = {},
) {
  // one relation-join query: split in two (one-to-one relations, lists) it cost more, not less, at
  // 10,000 projects (docs/performance/hot-pages-plans.md)
  const found = await prisma.changeProject.findFirst({
    where: { AND: [{ id }, projectWhere(user.id, grants)] },
    include: {
      region: { select: { code: true, name: true, timeZone: true } },
      organisation: { select: { id: true, name: true } },
      cohort: true,
      launchEvent: true,
      leader: { select: { id: true, name: true, position: true } },
      coach: { select: { id: true, name: true, email: true } },
      mentor: { select: { id: true, name: true, email: true } },
      milestones: {
        orderBy: [{ horizon: "asc" }, { dueDate: "asc" }],
        include: {
          owner: { select: { name: true } },
          approvedBy: { select: { name: true } },
          // a milestone made from a pairing's commitment links back to the pairing
          commitment: { select: { owner: true, pairing: { select: { id: true, topic: true } } } },
        },
      },
      members: { include: { assignments: { orderBy: { dueDate: "asc" } } }, orderBy: { name: "asc" } },
      assignments: { include: { owner: { select: { name: true } } }, orderBy: { dueDate: "asc" } },
      stakeholders: { orderBy: { name: "asc" } },
      indicators: {
        include: { measurements: { orderBy: { measuredAt: "asc" } } },
        orderBy: { createdAt: "asc" },
      },
      checkIns: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
      // the latest ones only (a busy project gathers hundreds), shown oldest first
      comments: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: allComments ? undefined : PROJECT_COMMENTS_SHOWN,
        include: { author: { select: { name: true } } },
      },
      _count: { select: { comments: true } },
    },
  });
  if (!found) return null;
  const { _count, ...rest } = found;
  const project = { ...rest, comments: rest.comments.reverse(), commentCount: _count.comments };
  const reasons = riskReasons(project);
  // who each comment notified, by name (also people who have since left the project)
  const mentionedIds = [...new Set(project.comments.flatMap((c) => c.mentionedIds))];
  const names = new Map(
    mentionedIds.length
      ? (
          await prisma.user.findMany({
            where: { id: { in: mentionedIds } },
            select: { id: true, name: true },
          })
        ).map((u) => [u.id, u.name])
      : [],
  );
  return {
    ...project,
    comments: project.comments.map(({ mentionedIds: ids, ...c }) => ({
      ...c,
      notified: ids.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
    })),
    indicators: project.indicators.map(plainIndicator),
    atRisk: reasons.length > 0,
    riskReasons: reasons,
  };
}

/** The person may do `action` on this project (it exists and is in their scope for that action). */
export async function mayOnProject(user: CurrentUser, projectId: string, action: Action) {
  // no grant for the action at all: no need to ask the database
  if (grantsFor(user.memberships, action).length === 0) return false;
  return (
    (await prisma.changeProject.count({ where: { AND: [{ id: projectId }, scopeFor(user, action)] } })) > 0
  );
}
