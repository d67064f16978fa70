// "Yang perlu Anda lakukan": the few things waiting for this person, first on /dasbor, each a link
// to where it is done. Each list belongs to a role and is scoped by the grants of the person's
// memberships in that role, through the permission scope helpers: a coach's approvals are those of
// the projects they coach, an officer's commitments those of their region's pairings. The lists
// themselves are in next-steps-projects.server.ts, next-steps-pairings.server.ts and
// next-steps-polls.server.ts. Decision 0049.
import { type Action, grantsFor } from "~/auth/permissions";
import { commitmentWhere, pairingWhere, projectWhere, sessionWhere } from "~/auth/scope.server";
import type { Role } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { DAY_MS } from "~/modules/dashboards/next-steps-items";
import {
  commitmentsDue,
  learnRequests,
  lessonsToReview,
  sessionsThisWeek,
  sessionsToRecord,
} from "~/modules/dashboards/next-steps-pairings.server";
import { pollsToAnswer, pollsWaiting } from "~/modules/dashboards/next-steps-polls.server";
import {
  approvals,
  beforeLaunch,
  checkInsDue,
  followUp,
  milestonesDue,
  proposals,
} from "~/modules/dashboards/next-steps-projects.server";
import { viewerZone } from "~/modules/dashboards/periods.server";
import { personProjectIds } from "~/modules/projects/person-projects.server";
import { reviewWhere } from "~/modules/lessons/lesson-review.server";
import { parseWallClock, toWallClock } from "~/utils/dates";

/** Today and the bounds of this week (Monday to Monday) as the viewer's clock shows them. */
export function viewerCalendar(now: Date, zone: string) {
  const date = toWallClock(now, zone).slice(0, 10);
  const today = new Date(`${date}T00:00:00Z`);
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    /** today's calendar day as @db.Date columns hold it */
    today,
    weekStart: parseWallClock(`${day(monday)}T00:00`, zone),
    weekEnd: parseWallClock(`${day(new Date(monday.getTime() + 7 * DAY_MS))}T00:00`, zone),
  };
}

/** The person's lists, in the order of their roles; empty lists are left out. */
export async function listNextSteps(user: CurrentUser, now = new Date()) {
  const zone = viewerZone(user);
  const calendar = viewerCalendar(now, zone);
  const roles = new Set(user.memberships.map((m) => m.role));
  const has = (...of: Role[]) => of.some((r) => roles.has(r));
  const grants = (of: Role[], action: Action) =>
    grantsFor(
      user.memberships.filter((m) => of.includes(m.role)),
      action,
    );
  const ctx = { user, now, ...calendar };
  const facilitating: Role[] = ["FACILITATOR", "ADMIN"];
  // the pairings whose polls the person manages (null: none); their poll page is the grid
  const managesPolls = grantsFor(user.memberships, "poll:manage");
  const managed = managesPolls.length > 0 ? pairingWhere(user.id, managesPolls) : null;
  // the projects the person leads, is on the team of, coaches or mentors, as ids: "led OR on the
  // team" as a filter would scan every project and milestone (0069)
  const ids = has("PARTICIPANT", "COACH", "MENTOR") ? await personProjectIds(user.id) : undefined;
  const lists = await Promise.all([
    // someone waits for this person's answer, whatever their role: quick to do, so first
    ...(managed && Object.keys(managed).length === 0 ? [] : [pollsToAnswer(ctx, managed)]),
    ...(has("PARTICIPANT")
      ? (() => {
          const own = projectWhere(user.id, grants(["PARTICIPANT"], "project:update"), ids);
          return [milestonesDue(ctx, own), beforeLaunch(own), checkInsDue(ctx, own)];
        })()
      : []),
    ...(has("COACH", "MENTOR")
      ? (() => {
          const assigned = projectWhere(user.id, grants(["COACH", "MENTOR"], "project:review"), ids);
          return [approvals(assigned), proposals(assigned)];
        })()
      : []),
    ...(has(...facilitating, "REGION_OFFICER")
      ? [sessionsToRecord(ctx, grants([...facilitating, "REGION_OFFICER"], "session:record"))]
      : []),
    ...(has(...facilitating)
      ? [
          lessonsToReview(reviewWhere(user.id, grants(facilitating, "lesson:review"))),
          learnRequests(pairingWhere(user.id, grants(facilitating, "pairing:create"))),
          pollsWaiting(ctx, pairingWhere(user.id, grants(facilitating, "poll:manage"))),
        ]
      : []),
    ...(has("REGION_OFFICER")
      ? [
          sessionsThisWeek(ctx, sessionWhere(user.id, grants(["REGION_OFFICER"], "session:read"))),
          commitmentsDue(ctx, commitmentWhere(user.id, grants(["REGION_OFFICER"], "pairing:commit"))),
        ]
      : []),
    ...(has("REGION_OFFICER", "VIEWER")
      ? [followUp(ctx, projectWhere(user.id, grants(["REGION_OFFICER", "VIEWER"], "project:read")))]
      : []),
  ]);
  return { zone, lists: lists.filter((l) => l.total > 0) };
}
