// The lists of project work under "Yang perlu Anda lakukan": a participant's milestones, launch
// and check-ins; a coach's or mentor's approvals and proposals; the region's launched projects to
// follow up. Each is given its scope by next-steps.server.ts. Decision 0049.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ProjectStatus } from "~/generated/prisma/enums";
import {
  type Ctx,
  DAY_MS,
  NEXT_STEPS_SHOWN,
  type NextStepList,
  type NextStepNote,
  OPEN_WORK,
  list,
  projectName,
  step,
} from "~/modules/dashboards/next-steps-items";
import {
  ACTIVE_STATUSES,
  LAUNCHED_STATUSES,
  type ProjectFacts,
  checkInSchedule,
  missingFor,
  riskReasons,
} from "~/modules/projects/project-status";

/** Milestones due within this many days (and those already late) are "next". */
export const MILESTONE_DAYS_AHEAD = 30;
const PRE_LAUNCH: ProjectStatus[] = ["DRAFT", "PROPOSED", "APPROVED", "PILOTING"];

// ───────────────────────────── participant ─────────────────────────────

/** Open milestones of the person's active projects, late or due within a month, soonest first. */
export async function milestonesDue(ctx: Ctx, own: Prisma.ChangeProjectWhereInput): Promise<NextStepList> {
  const where: Prisma.MilestoneWhereInput = {
    project: { AND: [own, { status: { in: ACTIVE_STATUSES } }] },
    status: OPEN_WORK,
    dueDate: { not: null, lt: new Date(ctx.today.getTime() + (MILESTONE_DAYS_AHEAD + 1) * DAY_MS) },
  };
  const [rows, total] = await Promise.all([
    prisma.milestone.findMany({
      where,
      orderBy: [{ dueDate: "asc" }, { title: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        id: true,
        title: true,
        dueDate: true,
        project: { select: { id: true, title: true, acronym: true } },
      },
    }),
    prisma.milestone.count({ where }),
  ]);
  const items = rows.map((m) =>
    step({
      id: m.id,
      href: `/proyek/${m.project.id}/tonggak`,
      title: m.title,
      context: projectName(m.project),
      dueDay: m.dueDate,
      overdue: m.dueDate! < ctx.today,
    }),
  );
  return list("milestonesDue", items, total);
}

/** The next move of a project before launch, and what it still lacks (the launch rules' own keys). */
export function beforeLaunchNotes(status: ProjectStatus, facts: ProjectFacts): NextStepNote[] {
  const missing = [
    ...(status === "DRAFT" ? missingFor("PROPOSED", facts) : []),
    ...(status === "DRAFT" || status === "PROPOSED" ? missingFor("APPROVED", facts) : []),
  ];
  // "add a milestone" already says what the three horizons would
  const keys = missing.includes("status.missing.milestone")
    ? missing.filter((k) => !k.startsWith("status.missing.horizon"))
    : missing;
  const next = status === "DRAFT" && keys.length === 0 ? "DRAFT_READY" : status;
  return [{ key: `nextSteps.launch.${next}` }, ...keys.map((key) => ({ key }))];
}

export async function beforeLaunch(own: Prisma.ChangeProjectWhereInput): Promise<NextStepList> {
  const projects = await prisma.changeProject.findMany({
    where: { AND: [own, { status: { in: PRE_LAUNCH } }] },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      kind: true,
      problem: true,
      launchedAt: true,
      milestones: { select: { horizon: true, status: true } },
      _count: { select: { members: true, indicators: true } },
    },
  });
  const items = projects.map((p) =>
    step({
      id: p.id,
      href: `/proyek/${p.id}#status-heading`,
      title: projectName(p),
      notes: beforeLaunchNotes(p.status, {
        kind: p.kind,
        problem: p.problem,
        teamSize: p._count.members,
        milestones: p.milestones,
        indicatorCount: p._count.indicators,
        launchedAt: p.launchedAt,
        checkIns: [],
      }),
    }),
  );
  return list("beforeLaunch", items, items.length);
}

/** Launched projects whose 3-, 6- or 12-month check-in window is open or has passed without one. */
export async function checkInsDue(ctx: Ctx, own: Prisma.ChangeProjectWhereInput): Promise<NextStepList> {
  const projects = await prisma.changeProject.findMany({
    where: { AND: [own, { status: { in: LAUNCHED_STATUSES }, launchedAt: { not: null } }] },
    select: {
      id: true,
      title: true,
      acronym: true,
      launchedAt: true,
      checkIns: { select: { createdAt: true } },
    },
    take: 200,
  });
  const items = projects
    .flatMap((p) => {
      const open = checkInSchedule(p.launchedAt!, p.checkIns, ctx.now).find(
        (c) => c.state === "due" || c.state === "overdue",
      );
      if (!open) return [];
      return [
        step({
          id: p.id,
          href: `/proyek/${p.id}#checkins-heading`,
          title: projectName(p),
          dueDay: open.due,
          overdue: open.state === "overdue",
          notes: [{ key: "nextSteps.checkInMonths", values: { months: open.months } }],
        }),
      ];
    })
    .sort((a, b) => a.dueDay!.getTime() - b.dueDay!.getTime());
  return list("checkInsDue", items, items.length);
}

// ───────────────────────────── coach and mentor ─────────────────────────────

/** Milestones marked done on the training projects they coach or mentor, not yet approved. */
export async function approvals(assigned: Prisma.ChangeProjectWhereInput): Promise<NextStepList> {
  const where: Prisma.MilestoneWhereInput = {
    project: { AND: [assigned, { kind: "TRAINING_CHANGE_PROJECT", status: { not: "STOPPED" } }] },
    status: "DONE",
    approvedAt: null,
  };
  const [rows, total] = await Promise.all([
    prisma.milestone.findMany({
      where,
      orderBy: [{ completedAt: { sort: "asc", nulls: "last" } }, { updatedAt: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        id: true,
        title: true,
        dueDate: true,
        project: { select: { id: true, title: true, acronym: true } },
      },
    }),
    prisma.milestone.count({ where }),
  ]);
  const items = rows.map((m) =>
    step({
      id: m.id,
      href: `/proyek/${m.project.id}/tonggak`,
      title: m.title,
      context: projectName(m.project),
      dueDay: m.dueDate,
    }),
  );
  return list("approvals", items, total);
}

/** Training projects proposed for their approval. */
export async function proposals(assigned: Prisma.ChangeProjectWhereInput): Promise<NextStepList> {
  const where: Prisma.ChangeProjectWhereInput = {
    AND: [assigned, { status: "PROPOSED", kind: "TRAINING_CHANGE_PROJECT" }],
  };
  const [rows, total] = await Promise.all([
    prisma.changeProject.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: { id: true, title: true, acronym: true, region: { select: { name: true } } },
    }),
    prisma.changeProject.count({ where }),
  ]);
  const items = rows.map((p) =>
    step({
      id: p.id,
      href: `/proyek/${p.id}#status-heading`,
      title: projectName(p),
      context: p.region.name,
    }),
  );
  return list("proposals", items, total, "/proyek?status=PROPOSED");
}

// ───────────────────────────── head of region ─────────────────────────────

/** Launched projects of the region at risk (with why) or with a check-in due: at risk first. */
export async function followUp(ctx: Ctx, scope: Prisma.ChangeProjectWhereInput): Promise<NextStepList> {
  const projects = await prisma.changeProject.findMany({
    where: { AND: [scope, { status: { in: LAUNCHED_STATUSES }, launchedAt: { not: null } }] },
    orderBy: [{ launchedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      acronym: true,
      status: true,
      launchedAt: true,
      region: { select: { name: true } },
      checkIns: { select: { createdAt: true, status: true } },
      milestones: { select: { status: true, dueDate: true, title: true } },
    },
  });
  const rows = projects.flatMap((p) => {
    const reasons = riskReasons(p, ctx.now);
    const due = checkInSchedule(p.launchedAt!, p.checkIns, ctx.now).find((c) => c.state === "due");
    if (reasons.length === 0 && !due) return [];
    return [
      step({
        id: p.id,
        href: `/proyek/${p.id}`,
        title: projectName(p),
        context: p.region.name,
        dueDay: due?.due ?? null,
        notes: due ? [{ key: "nextSteps.checkInMonths", values: { months: due.months } }] : [],
        riskReasons: reasons,
      }),
    ];
  });
  rows.sort(
    (a, b) =>
      Number(b.riskReasons.length > 0) - Number(a.riskReasons.length > 0) ||
      (a.dueDay?.getTime() ?? 0) - (b.dueDay?.getTime() ?? 0),
  );
  const atRisk = rows.some((r) => r.riskReasons.length > 0);
  return list("followUp", rows, rows.length, atRisk ? "/proyek?berisiko=1" : null);
}
