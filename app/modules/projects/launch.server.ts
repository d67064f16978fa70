// A project's launch status: the moves between statuses (propose, approve, launch, stop) and the
// launch events a project may launch at.
import { ConflictError, OutOfScopeError } from "~/errors";
import type { Action } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { ProjectStatus } from "~/generated/prisma/enums";
import { notifyApprovers } from "~/modules/projects/approval-notices.server";
import { checkTransition } from "~/modules/projects/project-status";
import { mayOnProject, scopeFor } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

/** The regions whose launch events a project of `regionCode` may join: its own and its province's. */
async function launchEventRegionsFor(regionCode: string) {
  const region = await prisma.region.findUnique({
    where: { code: regionCode },
    select: { provinceCode: true },
  });
  return region?.provinceCode ? [regionCode, region.provinceCode] : [regionCode];
}

/** How far back a launch event is still offered to projects that launch late. */
export const RECENT_LAUNCH_DAYS = 90;

/**
 * The launch events the person may launch this project at: its region's and its province's,
 * upcoming or held in the last RECENT_LAUNCH_DAYS, soonest first; none unless the project is
 * piloting and the person has the launch right.
 */
export async function listLaunchEventsForProject({ user }: Actor, projectId: string, now = new Date()) {
  const project = await prisma.changeProject.findUnique({
    where: { id: projectId },
    select: { regionCode: true, status: true },
  });
  // only a project about to launch needs them
  if (project?.status !== "PILOTING" || !(await mayOnProject(user, projectId, "project:launch"))) return [];
  return prisma.launchEvent.findMany({
    where: {
      regionCode: { in: await launchEventRegionsFor(project.regionCode) },
      date: { gte: new Date(now.getTime() - RECENT_LAUNCH_DAYS * 86_400_000) },
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      date: true,
      place: true,
      launchedBy: true,
      region: { select: { name: true } },
      _count: { select: { projects: true } },
    },
  });
}

export type TransitionResult =
  | { ok: true }
  | { ok: false; reason: "not-a-move" | "not-allowed" | "incomplete"; missing: string[] };

/** Moves the launch status if the move exists, the person may make it and nothing is missing. */
export async function transitionProject(
  { user }: Actor,
  projectId: string,
  to: ProjectStatus,
  input: {
    launchEvent?: { title: string; date: Date; place?: string; launchedBy?: string };
    launchEventId?: string;
    stopReason?: string;
  } = {},
): Promise<TransitionResult> {
  const project = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId }, scopeFor(user, "project:read")] },
    include: {
      milestones: { select: { horizon: true, status: true } },
      checkIns: { select: { createdAt: true } },
      _count: { select: { members: true, indicators: true } },
    },
  });
  if (!project) throw new OutOfScopeError("not allowed");
  // several projects can share one launch event of their region or of its province
  const existingEvent = input.launchEventId
    ? await prisma.launchEvent.findFirst({
        where: {
          id: input.launchEventId,
          regionCode: { in: await launchEventRegionsFor(project.regionCode) },
        },
      })
    : null;
  // an event that was picked but is not one the project may join launches nothing (never a new one)
  const launchEvent = existingEvent
    ? {
        title: existingEvent.title,
        date: existingEvent.date,
        place: existingEvent.place ?? undefined,
        launchedBy: existingEvent.launchedBy ?? undefined,
      }
    : input.launchEventId
      ? null
      : (input.launchEvent ?? null);
  const permitted = new Map<Action, boolean>();
  for (const action of ["project:update", "project:review", "project:launch"] as const)
    permitted.set(action, await mayOnProject(user, projectId, action));
  const check = checkTransition(
    project.status,
    to,
    (action) => permitted.get(action) ?? false,
    {
      kind: project.kind,
      problem: project.problem,
      teamSize: project._count.members,
      milestones: project.milestones,
      indicatorCount: project._count.indicators,
      launchedAt: project.launchedAt,
      checkIns: project.checkIns,
    },
    { launchEvent, stopReason: input.stopReason },
  );
  if (!check.ok) return check;
  await prisma.$transaction(async (tx) => {
    let launchEventId: string | null = null;
    if (to === "LAUNCHED" && launchEvent) {
      launchEventId =
        existingEvent?.id ??
        (await tx.launchEvent.create({ data: { ...launchEvent, regionCode: project.regionCode } })).id;
    }
    // only from the status that was checked: two moves at once, one wins, the other is told
    const { count } = await tx.changeProject.updateMany({
      where: { id: projectId, status: project.status },
      data: {
        status: to,
        version: { increment: 1 },
        ...(to === "APPROVED" ? { approvedAt: new Date(), approvedById: user.id } : {}),
        ...(to === "LAUNCHED" ? { launchEventId, launchedAt: launchEvent?.date ?? new Date() } : {}),
        ...(to === "STOPPED" ? { stopReason: input.stopReason?.trim() } : {}),
      },
    });
    if (count !== 1) throw new ConflictError("project status changed since it was checked");
    await logProjectStep(user.id, projectId, "project.status_changed", { from: project.status, to }, tx);
    if (to === "PROPOSED")
      await notifyApprovers(tx, projectId, user.id, {
        kind: "project-proposed",
        link: `/proyek/${projectId}`,
        values: { title: project.title, by: user.name },
      });
  });
  return { ok: true };
}
