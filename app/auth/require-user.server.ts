// The one gate every loader and action goes through.
import { redirect } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { type Action, type Grant, grantsFor } from "~/auth/permissions";
import type { CurrentUser } from "~/modules/accounts/user.server";

export type Scope = { user: CurrentUser; grants: Grant[] };

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/masuk?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/**
 * Signed-in and allowed to `action`, or a redirect to sign-in / a 403 response.
 * Returns the grants that models turn into query filters.
 */
export async function requirePermission(request: Request, action: Action): Promise<Scope> {
  const user = await requireUser(request);
  const grants = grantsFor(user.memberships, action);
  if (grants.length === 0) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return { user, grants };
}

/** Throws 403 unless a concrete record is inside the scope (checked by a model). */
export function assertInScope(allowed: boolean): asserts allowed {
  if (!allowed) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}
