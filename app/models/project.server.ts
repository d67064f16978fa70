// Change projects, always read and written through a person's scope.
import type { Scope } from "~/auth/require-user.server";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { ProjectStatus } from "~/generated/prisma/enums";

export async function listProjectsForUser(
  { user, grants }: Scope,
  { status }: { status?: ProjectStatus } = {},
) {
  return prisma.changeProject.findMany({
    where: { AND: [projectWhere(user.id, grants), status ? { status } : {}] },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      kind: true,
      region: { select: { code: true, name: true } },
      organisation: { select: { name: true } },
      cohort: { select: { id: true, programme: true, batch: true, year: true } },
    },
  });
}

/** One project if the person may see it; null otherwise (the route answers 404 either way). */
export async function getProjectForUser({ user, grants }: Scope, id: string) {
  return prisma.changeProject.findFirst({
    where: { AND: [{ id }, projectWhere(user.id, grants)] },
    include: {
      region: { select: { code: true, name: true, timeZone: true } },
      organisation: { select: { name: true } },
      cohort: true,
      leader: { select: { name: true, position: true } },
      coach: { select: { name: true } },
      mentor: { select: { name: true } },
      milestones: { orderBy: [{ horizon: "asc" }, { dueDate: "asc" }] },
      members: { include: { assignments: true } },
      indicators: { include: { measurements: { orderBy: { measuredAt: "asc" } } } },
    },
  });
}

export async function countProjectsForUser({ user, grants }: Scope) {
  return prisma.changeProject.count({ where: projectWhere(user.id, grants) });
}
