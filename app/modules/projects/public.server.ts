// The public follow-up page of a launched project.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { followUpOf, isLateMilestone } from "~/modules/projects/follow-up";
import { LAUNCHED_STATUSES } from "~/modules/projects/project-status";
import { plainIndicator, publicIndicatorSelect } from "~/modules/projects/indicator-values.server";

/** Projects with a public follow-up page: launched, or stopped after their launch. */
export const PUBLIC_PROJECT_WHERE: Prisma.ChangeProjectWhereInput = {
  OR: [{ status: { in: LAUNCHED_STATUSES } }, { status: "STOPPED", launchedAt: { not: null } }],
};

/**
 * The public follow-up page of a launched project: no drafts, no comments, no contacts. A project
 * stopped after its launch keeps its page, saying that it stopped and why: the public was promised
 * it would not be "stopped halfway", so a stop is what they most need to see; `followUp` answers
 * whether it did (late milestones, at-risk reasons, the last check-in, "implemented?").
 */
export async function getPublicProject(id: string, now = new Date()) {
  const project = await prisma.changeProject.findFirst({
    where: { AND: [{ id }, PUBLIC_PROJECT_WHERE] },
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      stopReason: true,
      coverImage: true,
      problem: true,
      objectives: true,
      benefits: true,
      launchedAt: true,
      region: { select: { code: true, name: true, timeZone: true } },
      organisation: { select: { name: true } },
      launchEvent: { select: { id: true, title: true, date: true, place: true, launchedBy: true } },
      milestones: {
        select: { id: true, title: true, horizon: true, status: true, dueDate: true },
        orderBy: [{ horizon: "asc" }, { dueDate: "asc" }],
      },
      indicators: publicIndicatorSelect,
      checkIns: { select: { status: true, note: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  return (
    project && {
      ...project,
      milestones: project.milestones.map((m) => ({ ...m, late: isLateMilestone(m, now) })),
      indicators: project.indicators.map(plainIndicator),
      followUp: followUpOf(project, now),
    }
  );
}
