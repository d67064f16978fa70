// A project's activity timeline: every write logs a step, the timeline tab lists them.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";

/** A step on the project's activity timeline (in the caller's transaction when given one). */
export function logProjectStep(
  actorId: string,
  projectId: string,
  action: string,
  data?: Prisma.InputJsonValue,
  db?: Prisma.TransactionClient,
) {
  return logActivity({ actorId, action, subjectType: "ChangeProject", subjectId: projectId, data }, db);
}

export async function listProjectTimeline(projectId: string) {
  return prisma.activityLog.findMany({
    where: { subjectType: "ChangeProject", subjectId: projectId },
    orderBy: { createdAt: "asc" },
    include: { actor: { select: { name: true } } },
  });
}
