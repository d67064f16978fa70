// Who may do what on a session's lesson: write it, comment on it, publish it.
import { can } from "~/auth/permissions";
import { mayReviewSession } from "~/modules/lessons/lesson-review.server";
import { OutOfScopeError } from "~/errors";
import { maySession } from "~/modules/sessions/queries.server";
import type { CurrentUser } from "~/modules/accounts/user.server";

export type LessonAccess = { write: boolean; comment: boolean; publish: boolean };

/**
 * write: lesson:write on the session; publish: lesson:publish and the session in sight;
 * comment: lesson:review in scope (facilitators; the leads of the session's pairing, either side).
 */
export async function lessonAccess(user: CurrentUser, sessionId: string): Promise<LessonAccess> {
  const [write, publish, review] = await Promise.all([
    maySession(user, sessionId, "lesson:write"),
    can(user.memberships, "lesson:publish")
      ? maySession(user, sessionId, "session:read")
      : Promise.resolve(false),
    mayReviewSession(user, sessionId),
  ]);
  return { write, publish, comment: publish || review };
}

export async function requireAccess(user: CurrentUser, sessionId: string, need: keyof LessonAccess) {
  const access = await lessonAccess(user, sessionId);
  if (!access[need]) throw new OutOfScopeError("not allowed");
  return access;
}
