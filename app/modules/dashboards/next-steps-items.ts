// The shape of an item under "Yang perlu Anda lakukan" and the helpers every list shares
// (next-steps.server.ts puts the lists together). Decision 0049.
import type { CurrentUser } from "~/modules/accounts/user.server";
import type { RiskReason } from "~/modules/projects/project-status";

/** Items shown in each list; the heading counts them all and "see all" opens the full list where there is one. */
export const NEXT_STEPS_SHOWN = 5;
export const DAY_MS = 86_400_000;
export const OPEN_WORK = { notIn: ["DONE", "DROPPED"] as ("DONE" | "DROPPED")[] };

export type NextStepKind =
  | "milestonesDue"
  | "beforeLaunch"
  | "checkInsDue"
  | "approvals"
  | "proposals"
  | "sessionsToRecord"
  | "lessonsToReview"
  | "learnRequests"
  | "sessionsThisWeek"
  | "commitmentsDue"
  | "followUp"
  | "pollsWaiting"
  | "pollsToAnswer";

export type NextStepNote = { key: string; values?: Record<string, string | number> };

export type NextStep = {
  id: string;
  /** where it is done */
  href: string;
  title: string;
  /** the project, pairing or region it belongs to */
  context: string | null;
  /** the calendar day it is due (a @db.Date, UTC midnight) */
  dueDay: Date | null;
  /** a session's start, shown in the viewer's clock */
  startsAt: Date | null;
  /** an i18n key that names the time ({{when}}); null: the time alone (a session's start) */
  startsLabel: string | null;
  overdue: boolean;
  /** what remains to do, as i18n keys */
  notes: NextStepNote[];
  riskReasons: RiskReason[];
};

export type NextStepList = { kind: NextStepKind; items: NextStep[]; total: number; seeAll: string | null };

export const step = (s: Partial<NextStep> & Pick<NextStep, "id" | "href" | "title">): NextStep => ({
  context: null,
  dueDay: null,
  startsAt: null,
  startsLabel: null,
  overdue: false,
  notes: [],
  riskReasons: [],
  ...s,
});

export const projectName = (p: { title: string; acronym: string | null }) => p.acronym ?? p.title;

/** What every list is given: the person, the instant, and their calendar (next-steps.server.ts). */
export type Ctx = { user: CurrentUser; now: Date; today: Date; weekStart: Date; weekEnd: Date };

/** A list as the page shows it: the first few items, the full count, "see all" when more wait. */
export const list = (kind: NextStepKind, items: NextStep[], total: number, seeAll: string | null = null) => ({
  kind,
  items: items.slice(0, NEXT_STEPS_SHOWN),
  total,
  seeAll: total > NEXT_STEPS_SHOWN ? seeAll : null,
});
