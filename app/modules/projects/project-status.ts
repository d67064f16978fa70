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
      // a report after the launch: a check-in made before it does not count
      if (!facts.launchedAt || !facts.checkIns.some((c) => c.createdAt >= facts.launchedAt!))
        missing.push("status.missing.checkIn");
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
/** A check-in counts for its window when made within this many months either side of its due date. */
export const CHECK_IN_TOLERANCE_MONTHS = 1;
/** Days after the due date with no check-in before it counts as overdue (and the project at risk). */
const CHECK_IN_GRACE_DAYS = 14;

export function addMonths(date: Date, months: number) {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/**
 * done: made inside the window; late: the window closed without one and a later check-in was made
 * (each check-in answers for one window only); overdue: none, 14 days past due; due: the window is
 * open or the grace runs; upcoming: not yet open.
 */
export type CheckInState = "done" | "late" | "overdue" | "due" | "upcoming";

type CheckInFact = { createdAt: Date };

/**
 * The 3-, 6- and 12-month check-ins after launch. Each window runs from a month before to a month
 * after its due date, and is met only by a check-in inside it; a check-in made before the launch
 * never counts.
 */
export function checkInSchedule<C extends CheckInFact>(launchedAt: Date, checkIns: C[], now = new Date()) {
  const after = checkIns
    .filter((c) => c.createdAt >= launchedAt)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const used = new Set<C>();
  const windows = CHECK_IN_MONTHS.map((months) => {
    const due = addMonths(launchedAt, months);
    const opens = addMonths(launchedAt, months - CHECK_IN_TOLERANCE_MONTHS);
    const closes = addMonths(launchedAt, months + CHECK_IN_TOLERANCE_MONTHS);
    const inside = after.find((c) => !used.has(c) && c.createdAt >= opens && c.createdAt <= closes);
    if (inside) used.add(inside);
    return { months, due, opens, closes, checkIn: inside };
  });
  return windows.map((w) => {
    let checkIn = w.checkIn;
    let state: CheckInState;
    if (checkIn) state = "done";
    else {
      const later = now > w.closes ? after.find((c) => !used.has(c) && c.createdAt > w.closes) : undefined;
      if (later) {
        used.add(later);
        checkIn = later;
        state = "late";
      } else if (now.getTime() > w.due.getTime() + CHECK_IN_GRACE_DAYS * 86_400_000) state = "overdue";
      else state = now >= w.opens ? "due" : "upcoming";
    }
    const { due, opens, closes, months } = w;
    return {
      months,
      due,
      opens,
      closes,
      state,
      checkIn,
      done: state === "done",
      overdue: state === "overdue",
    };
  });
}

export type RiskReason =
  | { kind: "checkInOverdue"; months: number; due: Date }
  | { kind: "checkInJudgement"; status: "AT_RISK" | "BLOCKED"; createdAt: Date }
  | { kind: "lateMilestone"; title: string; dueDate: Date | null };

type RiskFacts = {
  status: ProjectStatus;
  launchedAt: Date | null;
  checkIns: { createdAt: Date; status?: string }[];
  milestones: { status: string; dueDate: Date | null; title?: string }[];
};

/**
 * Why a launched project is at risk, most telling first: its latest check-in says "at risk" or
 * "blocked" (the person's own judgement), a check-in is overdue (14 days past due), or a
 * milestone is late (marked late, or past its due date and not done or dropped). Empty: not at risk.
 */
export function riskReasons(project: RiskFacts, now = new Date()): RiskReason[] {
  if (!LAUNCHED_STATUSES.includes(project.status) || !project.launchedAt) return [];
  const reasons: RiskReason[] = [];
  const latest = [...project.checkIns].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (latest && (latest.status === "AT_RISK" || latest.status === "BLOCKED"))
    reasons.push({ kind: "checkInJudgement", status: latest.status, createdAt: latest.createdAt });
  for (const c of checkInSchedule(project.launchedAt, project.checkIns, now))
    if (c.overdue) reasons.push({ kind: "checkInOverdue", months: c.months, due: c.due });
  for (const m of project.milestones)
    if (
      m.status === "LATE" ||
      (m.dueDate !== null && m.dueDate < now && m.status !== "DONE" && m.status !== "DROPPED")
    )
      reasons.push({ kind: "lateMilestone", title: m.title ?? "", dueDate: m.dueDate });
  return reasons;
}

/** A launched project is at risk when it has any reason to be (riskReasons). */
export function isAtRisk(project: RiskFacts, now = new Date()) {
  return riskReasons(project, now).length > 0;
}

/** `atRisk` and its reasons, to spread into a project as a page shows it. */
export function riskOf(project: RiskFacts, now = new Date()) {
  const reasons = riskReasons(project, now);
  return { atRisk: reasons.length > 0, riskReasons: reasons };
}

/** The at-risk projects of a list, each with why, as the dashboards show them. */
export function atRiskList(
  projects: (RiskFacts & { id: string; title: string; acronym: string | null; region: { name: string } })[],
  now = new Date(),
) {
  return projects.flatMap((p) => {
    const reasons = riskReasons(p, now);
    if (reasons.length === 0) return [];
    return [{ id: p.id, title: p.acronym ?? p.title, region: p.region.name, status: p.status, reasons }];
  });
}

/** A reason in words, for pages and the PDF; `day` writes a date the reader's way. */
export function describeRiskReason(
  reason:
    | { kind: "checkInOverdue"; months: number; due: Date | string }
    | { kind: "checkInJudgement"; status: "AT_RISK" | "BLOCKED"; createdAt: Date | string }
    | { kind: "lateMilestone"; title: string; dueDate: Date | string | null },
  t: (key: string, values?: Record<string, unknown>) => string,
  day: (value: Date | string) => string,
) {
  switch (reason.kind) {
    case "checkInJudgement":
      return t("projects.risk.checkInJudgement", {
        date: day(reason.createdAt),
        status: t(`projects.checkInStatus.${reason.status}`),
      });
    case "checkInOverdue":
      return t("projects.risk.checkInOverdue", { months: reason.months, date: day(reason.due) });
    case "lateMilestone":
      return reason.dueDate
        ? t("projects.risk.lateMilestone", { title: reason.title, date: day(reason.dueDate) })
        : t("projects.risk.lateMilestoneNoDate", { title: reason.title });
  }
}
