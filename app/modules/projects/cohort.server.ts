// Training cohorts (angkatan) and their projects: launch status, milestones done, check-ins,
// so that "implemented, not stopped halfway" can be seen a year later.
import type { Grant } from "~/auth/permissions";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import { riskOf } from "~/modules/projects/project-status";
import { PUBLIC_PROJECT_WHERE } from "~/modules/projects/public.server";

export async function getCohortOverview(
  id: string,
  viewer?: { userId: string; grants: Grant[] },
  now = new Date(),
) {
  const cohort = await prisma.cohort.findUnique({
    where: { id },
    include: { organiser: { select: { name: true } } },
  });
  if (!cohort) return null;
  // what the public sees: launched projects, and those stopped after launch (their pages say why)
  const launched = PUBLIC_PROJECT_WHERE;
  const scoped = viewer?.grants.length ? projectWhere(viewer.userId, viewer.grants) : null;
  // an "all" scope is the empty filter, which inside OR matches nothing: it must stand alone
  const visible = !scoped ? launched : Object.keys(scoped).length === 0 ? {} : { OR: [launched, scoped] };
  const projects = await prisma.changeProject.findMany({
    where: { AND: [{ cohortId: id }, visible] },
    orderBy: [{ regionCode: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      launchedAt: true,
      region: { select: { code: true, name: true } },
      organisation: { select: { name: true } },
      leader: { select: { name: true } },
      milestones: { select: { status: true, dueDate: true } },
      checkIns: { select: { createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  return {
    cohort: {
      id: cohort.id,
      programme: cohort.programme,
      batch: cohort.batch,
      year: cohort.year,
      organiser: cohort.organiser?.name ?? cohort.organiserName,
    },
    projects: projects.map(({ milestones, checkIns, ...p }) => ({
      ...p,
      milestonesDone: milestones.filter((m) => m.status === "DONE").length,
      milestonesTotal: milestones.filter((m) => m.status !== "DROPPED").length,
      checkIns: checkIns.length,
      lastCheckIn: checkIns[0]?.createdAt ?? null,
      ...riskOf({ status: p.status, launchedAt: p.launchedAt, checkIns, milestones }, now),
    })),
  };
}

/** The cohorts a project form offers, newest first (a few hundred at most over the years). */
export async function listCohortsForPicker() {
  return prisma.cohort.findMany({
    orderBy: [{ year: "desc" }, { programme: "asc" }, { batch: "asc" }],
    take: 500,
    select: { id: true, programme: true, batch: true, year: true },
  });
}
