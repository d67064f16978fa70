// Who sees which dashboard: whole-programme views, and a refusal as a 403 for the routes.
import { grantsFor } from "~/auth/permissions";
import { OutOfScopeError } from "~/errors";
import type { CurrentUser } from "~/modules/accounts/user.server";

/** For a route's .catch(): a record outside the person's scope becomes a 403 answer. */
export function refuseOutOfScope(error: unknown): never {
  if (error instanceof OutOfScopeError)
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  throw error;
}

/**
 * Whether the person's dashboard covers everything (every grant to read projects and pairings is
 * programme-wide): then it is the same for every such person, whoever they are.
 */
export function seesEverything(user: CurrentUser) {
  const grants = [
    ...grantsFor(user.memberships, "project:read"),
    ...grantsFor(user.memberships, "pairing:read"),
  ];
  return grants.length > 0 && grants.every((g) => g.scope === "all");
}

/** Whether the person follows the whole programme (a PMU facilitator or an admin). */
export function followsProgramme(user: CurrentUser) {
  return grantsFor(user.memberships, "dashboard:read").some((g) => g.scope === "all");
}
