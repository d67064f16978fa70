// A launched project's follow-up as the public reads it: the 3-, 6- and 12-month check-ins, the
// milestones done and late, the at-risk reasons, the last check-in, and "implemented?" as one
// verdict. Pure: the launch event page and the public project page load the facts, this decides.
import type { ProjectStatus } from "~/generated/prisma/enums";
import {
  type CheckInState,
  type RiskReason,
  checkInSchedule,
  riskReasons,
} from "~/modules/projects/project-status";

/** met: a check-in inside the window; late: only a later one; missing: none, past due; open: the window runs; upcoming: not yet. */
export type WindowMark = "met" | "late" | "missing" | "open" | "upcoming";

const MARK: Record<CheckInState, WindowMark> = {
  done: "met",
  late: "late",
  overdue: "missing",
  due: "open",
  upcoming: "upcoming",
};

/**
 * "Implemented?" in one answer: sustained or implemented (the status says so), stopped, no report
 * since the launch although a check-in was due, at risk (with reasons), or running on time.
 */
export type Verdict = "sustained" | "implemented" | "stopped" | "noReport" | "atRisk" | "onTrack";

export type FollowUpFacts = {
  status: ProjectStatus;
  launchedAt: Date | null;
  checkIns: { createdAt: Date; status: string }[];
  milestones: { title: string; status: string; dueDate: Date | null }[];
};

/** Marked late, or past its due date and neither done nor dropped (as riskReasons counts it). */
export function isLateMilestone(m: { status: string; dueDate: Date | null }, now = new Date()) {
  return (
    m.status === "LATE" ||
    (m.dueDate !== null && m.dueDate < now && m.status !== "DONE" && m.status !== "DROPPED")
  );
}

export function followUpOf(project: FollowUpFacts, now = new Date()) {
  const { launchedAt } = project;
  const windows = launchedAt
    ? checkInSchedule(launchedAt, project.checkIns, now).map((w) => ({
        months: w.months,
        due: w.due,
        mark: MARK[w.state],
        checkInAt: w.checkIn?.createdAt ?? null,
      }))
    : [];
  const counted = project.milestones.filter((m) => m.status !== "DROPPED");
  const lateMilestones = counted
    .filter((m) => isLateMilestone(m, now))
    .map((m) => ({ title: m.title, dueDate: m.dueDate }));
  const reasons: RiskReason[] = riskReasons(project, now);
  const lastCheckIn =
    [...project.checkIns].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null;
  const reportedSinceLaunch = launchedAt ? project.checkIns.some((c) => c.createdAt >= launchedAt) : false;
  let verdict: Verdict;
  if (project.status === "STOPPED") verdict = "stopped";
  else if (project.status === "SUSTAINED") verdict = "sustained";
  else if (project.status === "IMPLEMENTED") verdict = "implemented";
  else if (!reportedSinceLaunch && windows.some((w) => w.mark === "missing")) verdict = "noReport";
  else if (reasons.length > 0) verdict = "atRisk";
  else verdict = "onTrack";
  return {
    windows,
    milestones: {
      done: counted.filter((m) => m.status === "DONE").length,
      late: lateMilestones.length,
      total: counted.length,
    },
    lateMilestones,
    riskReasons: reasons,
    atRisk: reasons.length > 0,
    lastCheckIn: lastCheckIn && { createdAt: lastCheckIn.createdAt, status: lastCheckIn.status },
    verdict,
  };
}

export type FollowUp = ReturnType<typeof followUpOf>;
