// The counts of the person's own overview (/dasbor), always inside the person's scope.
import { grantsFor } from "~/auth/permissions";
import { pairingWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import { PAIRING_STATUSES } from "~/modules/pairings/pairing-schemas";
import { PROJECT_STATUSES } from "~/modules/projects/project-schemas";
import { atRiskList } from "~/modules/projects/project-status";
import { indexedProjectWhere } from "~/modules/projects/person-projects.server";
import { launchedProjectSelect } from "~/modules/projects/queries.server";
import type { CurrentUser } from "~/modules/accounts/user.server";

export async function getDashboard(user: CurrentUser, now = new Date()) {
  const projectGrants = grantsFor(user.memberships, "project:read");
  const pairingGrants = grantsFor(user.memberships, "pairing:read");
  // a participant's own projects as ids: "led OR on the team" would scan every project (0069)
  const projectScope = await indexedProjectWhere(user.id, projectGrants);
  const pairingScope = pairingWhere(user.id, pairingGrants);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const [projectCounts, launched, dueThisMonth, pairingCounts, pairings, commitments] = await Promise.all([
    projectGrants.length
      ? prisma.changeProject.groupBy({ by: ["status"], where: projectScope, _count: { _all: true } })
      : [],
    projectGrants.length
      ? prisma.changeProject.findMany({
          where: { AND: [projectScope, { status: { in: ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"] } }] },
          select: launchedProjectSelect,
          take: 500,
        })
      : [],
    projectGrants.length
      ? prisma.milestone.findMany({
          where: {
            project: projectScope,
            dueDate: { gte: monthStart, lt: monthEnd },
            status: { notIn: ["DONE", "DROPPED"] },
          },
          select: {
            id: true,
            title: true,
            dueDate: true,
            status: true,
            project: { select: { id: true, title: true, acronym: true } },
          },
          orderBy: { dueDate: "asc" },
          take: 50,
        })
      : [],
    pairingGrants.length
      ? prisma.pairing.groupBy({ by: ["status"], where: pairingScope, _count: { _all: true } })
      : [],
    pairingGrants.length
      ? prisma.pairing.findMany({
          where: { AND: [pairingScope, { status: { in: ["AGREED", "ACTIVE", "REPLICATING"] } }] },
          select: {
            id: true,
            topic: true,
            plannedSessions: true,
            mentorRegion: { select: { name: true } },
            menteeRegion: { select: { name: true } },
            sessions: { select: { startsAt: true, status: true } },
            commitments: { select: { status: true, dueDate: true } },
          },
          take: 500,
        })
      : [],
    pairingGrants.length
      ? Promise.all([
          prisma.commitment.count({ where: { pairing: pairingScope, status: "DONE" } }),
          prisma.commitment.count({
            where: { pairing: pairingScope, dueDate: { lt: now }, status: { notIn: ["DONE", "DROPPED"] } },
          }),
          prisma.commitment.count({ where: { pairing: pairingScope } }),
        ])
      : [0, 0, 0],
  ]);
  const count = <T extends string>(
    rows: { status: string; _count: { _all: number } }[],
    order: readonly T[],
  ) => order.map((status) => ({ status, count: rows.find((r) => r.status === status)?._count._all ?? 0 }));
  const thirtyDaysAgo = new Date(now.getTime() - 30 * 86_400_000);
  const overdue = (c: { status: string; dueDate: Date | null }) =>
    c.dueDate !== null && c.dueDate < now && c.status !== "DONE" && c.status !== "DROPPED";
  return {
    projectsByStatus: count(projectCounts, PROJECT_STATUSES),
    atRisk: atRiskList(launched, now),
    dueThisMonth,
    pairingsByStatus: count(pairingCounts, PAIRING_STATUSES),
    sessions: {
      held: pairings.reduce((sum, p) => sum + p.sessions.filter((s) => s.status === "HELD").length, 0),
      planned: pairings.reduce((sum, p) => sum + (p.plannedSessions ?? p.sessions.length), 0),
    },
    commitments: { done: commitments[0], overdue: commitments[1], total: commitments[2] },
    needsAttention: pairings
      .map((p) => {
        const lastHeld = p.sessions
          .filter((s) => s.startsAt <= now && s.status !== "CANCELLED")
          .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
        const reasons = [
          ...(!lastHeld || lastHeld.startsAt < thirtyDaysAgo ? ["dashboard.noSessionIn30Days"] : []),
          ...(p.commitments.some(overdue) ? ["dashboard.overdueCommitments"] : []),
        ];
        return {
          id: p.id,
          topic: p.topic,
          regions: `${p.mentorRegion.name} → ${p.menteeRegion.name}`,
          reasons,
        };
      })
      .filter((p) => p.reasons.length > 0),
  };
}
