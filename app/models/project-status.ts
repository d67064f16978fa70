// The launch status of a change project as a state machine: which moves exist, who may make
// them, and what must be in place first. Pure: the model loads the facts, this decides.
import type { Action } from "~/auth/permissions";
import type { ProjectStatus } from "~/generated/prisma/enums";

export const ACTIVE_STATUSES: ProjectStatus[] = [
  "DRAFT",
  "PROPOSED",
  "APPROVED",
  "PILOTING",
  "LAUNCHED",
  "IMPLEMENTED",
  "SUSTAINED",
];
export const LAUNCHED_STATUSES: ProjectStatus[] = ["LAUNCHED", "IMPLEMENTED", "SUSTAINED"];

type Move = { to: ProjectStatus; action: Action };

/** Every allowed move; anything not listed is refused. Any active state may stop. */
export const TRANSITIONS: Record<ProjectStatus, Move[]> = {
  DRAFT: [{ to: "PROPOSED", action: "project:update" }],
  PROPOSED: [
    { to: "APPROVED", action: "project:review" },
    { to: "DRAFT", action: "project:review" },
  ],
  APPROVED: [{ to: "PILOTING", action: "project:update" }],
  PILOTING: [{ to: "LAUNCHED", action: "project:launch" }],
  LAUNCHED: [{ to: "IMPLEMENTED", action: "project:launch" }],
  IMPLEMENTED: [{ to: "SUSTAINED", action: "project:launch" }],
  SUSTAINED: [],
  STOPPED: [],
};
for (const status of ACTIVE_STATUSES) TRANSITIONS[status].push({ to: "STOPPED", action: "project:update" });

export type ProjectFacts = {
  kind: "TRAINING_CHANGE_PROJECT" | "PERFORMANCE_IMPROVEMENT_PLAN" | "REGIONAL_INNOVATION";
  problem: string | null;
  teamSize: number;
  milestones: { horizon: "SHORT" | "MEDIUM" | "LONG"; status: string }[];
  indicatorCount: number;
  launchedAt: Date | null;
  checkIns: { createdAt: Date }[];
};

export type TransitionInput = {
  launchEvent?: { title: string; date: Date; place?: string; launchedBy?: string } | null;
  stopReason?: string | null;
};

/** The reasons (i18n keys) a move cannot be made yet; empty when it can. */
export function missingFor(
  to: ProjectStatus,
  facts: ProjectFacts,
  input: TransitionInput = {},
  now = new Date(),
): string[] {
  const missing: string[] = [];
  switch (to) {
    case "PROPOSED":
      if (!facts.problem?.trim()) missing.push("status.missing.problem");
      if (facts.teamSize === 0) missing.push("status.missing.team");
      if (facts.milestones.length === 0) missing.push("status.missing.milestone");
      break;
    case "APPROVED":
      for (const horizon of ["SHORT", "MEDIUM", "LONG"] as const)
        if (!facts.milestones.some((m) => m.horizon === horizon))
          missing.push(`status.missing.horizon${horizon}`);
      if (facts.indicatorCount === 0) missing.push("status.missing.indicator");
      break;
    case "LAUNCHED":
      if (!input.launchEvent) missing.push("status.missing.launchEvent");
      break;
    case "IMPLEMENTED":
      if (
        !facts.milestones
          .filter((m) => m.horizon === "SHORT")
          .every((m) => m.status === "DONE" || m.status === "DROPPED")
      )
        missing.push("status.missing.shortTermDone");
      if (facts.checkIns.length === 0) missing.push("status.missing.checkIn");
      break;
    case "SUSTAINED":
      if (!facts.launchedAt || addMonths(facts.launchedAt, 12) > now)
        missing.push("status.missing.yearSinceLaunch");
      else if (!facts.checkIns.some((c) => c.createdAt >= addMonths(facts.launchedAt!, 11)))
        missing.push("status.missing.yearCheckIn");
      break;
    case "STOPPED":
      if (!input.stopReason?.trim()) missing.push("status.missing.stopReason");
      break;
  }
  return missing;
}

export type TransitionCheck =
  | { ok: true; action: Action }
  | { ok: false; reason: "not-a-move" | "not-allowed" | "incomplete"; missing: string[] };

/** The right a move needs: the coach or mentor approves a training project, the agency head (launch right) any project. */
function mayMake(move: Move, kind: ProjectFacts["kind"], may: (action: Action) => boolean) {
  if (move.to === "APPROVED")
    return may("project:launch") || (kind === "TRAINING_CHANGE_PROJECT" && may(move.action));
  return may(move.action);
}

/** The moves (other than stopping) the person may offer from `from`, for showing only usable buttons. */
export function movesFor(from: ProjectStatus, kind: ProjectFacts["kind"], may: (action: Action) => boolean) {
  return TRANSITIONS[from].filter((move) => move.to !== "STOPPED" && mayMake(move, kind, may));
}

/** Whether `from → to` exists, whether the person may make it, and what is missing. */
export function checkTransition(
  from: ProjectStatus,
  to: ProjectStatus,
  may: (action: Action) => boolean,
  facts: ProjectFacts,
  input: TransitionInput = {},
  now = new Date(),
): TransitionCheck {
  const move = TRANSITIONS[from].find((m) => m.to === to);
  if (!move) return { ok: false, reason: "not-a-move", missing: [] };
  if (!mayMake(move, facts.kind, may)) return { ok: false, reason: "not-allowed", missing: [] };
  const action: Action =
    to === "APPROVED" && facts.kind !== "TRAINING_CHANGE_PROJECT" ? "project:launch" : move.action;
  const missing = missingFor(to, facts, input, now);
  if (missing.length > 0) return { ok: false, reason: "incomplete", missing };
  return { ok: true, action };
}

export const CHECK_IN_MONTHS = [3, 6, 12] as const;
const CHECK_IN_GRACE_DAYS = 14;

export function addMonths(date: Date, months: number) {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** Check-ins due so far after launch, and whether each was made (within a month before, or any time after). */
export function checkInSchedule(launchedAt: Date, checkIns: { createdAt: Date }[], now = new Date()) {
  return CHECK_IN_MONTHS.map((months) => {
    const due = addMonths(launchedAt, months);
    const windowStart = addMonths(launchedAt, months - 1);
    const done = checkIns.some((c) => c.createdAt >= windowStart);
    const overdue = !done && now.getTime() > due.getTime() + CHECK_IN_GRACE_DAYS * 86_400_000;
    return { months, due, done, overdue };
  });
}

/**
 * A launched project is at risk when a check-in is overdue (14 days past due) or a milestone is
 * late: marked late, or past its due date and not done or dropped.
 */
export function isAtRisk(
  project: {
    status: ProjectStatus;
    launchedAt: Date | null;
    checkIns: { createdAt: Date }[];
    milestones: { status: string; dueDate: Date | null }[];
  },
  now = new Date(),
) {
  if (!LAUNCHED_STATUSES.includes(project.status) || !project.launchedAt) return false;
  const checkInOverdue = checkInSchedule(project.launchedAt, project.checkIns, now).some((c) => c.overdue);
  const lateMilestone = project.milestones.some(
    (m) =>
      m.status === "LATE" ||
      (m.dueDate !== null && m.dueDate < now && m.status !== "DONE" && m.status !== "DROPPED"),
  );
  return checkInOverdue || lateMilestone;
}
