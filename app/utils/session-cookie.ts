// The sign-in cookie's name in one place: app/auth/session.server.ts signs it; the Express
// middleware in front of Remix (body limits) only asks whether a request carries one.
export const SESSION_COOKIE_NAME = "__lintas_session";

const CARRIES = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME}=[^;\\s]`);

/** True when the Cookie header carries a sign-in cookie with a value (not whether it is still valid). */
export function carriesSessionCookie(cookieHeader: string | null | undefined): boolean {
  return CARRIES.test(cookieHeader ?? "");
}
