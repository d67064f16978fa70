import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db.server";

export type Activity = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Prisma.InputJsonValue;
};

type Db = Pick<typeof prisma, "activityLog">;

export async function logActivity(activity: Activity, db: Db = prisma) {
  await db.activityLog.create({ data: activity });
}

export async function listActivity({
  take = 200,
  subjectType,
}: { take?: number; subjectType?: string } = {}) {
  return prisma.activityLog.findMany({
    where: subjectType ? { subjectType } : undefined,
    orderBy: { createdAt: "desc" },
    take,
    include: { actor: { select: { name: true, email: true } } },
  });
}
