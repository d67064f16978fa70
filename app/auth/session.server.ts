// The sign-in cookie holds only the id of a LoginSession row: deleting rows revokes sessions.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env, sessionSecret } from "~/env.server";
import { SESSION_COOKIE_NAME } from "~/utils/session-cookie";
import { createInFlight } from "~/utils/memo.server";
import {
  SESSION_DAYS,
  createLoginSession,
  deleteLoginSession,
  getUserByLoginSession,
} from "~/modules/accounts/user.server";

export const authSessionStorage = createCookieSessionStorage<{ loginSessionId: string }>({
  cookie: {
    name: SESSION_COOKIE_NAME,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure wherever Lintas is served over HTTPS (production sets APP_URL=https://…)
    secure: env.APP_URL.startsWith("https://"),
    secrets: [sessionSecret()],
    maxAge: SESSION_DAYS * 86_400,
  },
});

async function readLoginSessionId(request: Request): Promise<string | undefined> {
  const session = await authSessionStorage.getSession(request.headers.get("Cookie"));
  return session.get("loginSessionId");
}

// The root's and the page's loaders of one request ask at the same moment: they share one lookup.
// Only while it is in flight, so nothing is served from memory once a session is revoked.
const lookups = createInFlight<Awaited<ReturnType<typeof getUserByLoginSession>>>();

export async function getUser(request: Request) {
  const id = await readLoginSessionId(request);
  if (!id) return null;
  return lookups(id, () => getUserByLoginSession(id));
}

/** Signs the person in and redirects, setting the cookie. */
export async function signIn(request: Request, userId: string, redirectTo: string) {
  // decided before the session exists, so a refused target can never leave a half-done sign-in
  const location = safeRedirect(redirectTo);
  const loginSession = await createLoginSession(userId, request.headers.get("User-Agent"));
  const session = await authSessionStorage.getSession();
  session.set("loginSessionId", loginSession.id);
  return redirect(location, {
    headers: { "Set-Cookie": await authSessionStorage.commitSession(session) },
  });
}

export async function signOut(request: Request, redirectTo = "/") {
  const session = await authSessionStorage.getSession(request.headers.get("Cookie"));
  const id = session.get("loginSessionId");
  if (id) await deleteLoginSession(id);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await authSessionStorage.destroySession(session) },
  });
}

// Any origin would do: only whether the parsed target keeps it matters.
const SAME_ORIGIN = new URL("https://lintas.invalid");
// C0 controls and DEL: browsers strip TAB/CR/LF from URLs (so "/\t/evil" becomes "//evil"),
// and CR/LF/NUL are not allowed in a header at all
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Only same-site paths: never redirect to another host after sign-in. The target is parsed the
 * way a browser parses it (the WHATWG URL parser, against an origin of ours) and kept only when it
 * stays on that origin; what goes out is the parser's own normal form, checked once more, so the
 * browser cannot read it differently ("/a/..//evil" normalises to "//evil" and is refused).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dasbor") {
  if (typeof to !== "string" || !to.startsWith("/") || CONTROL_CHARACTERS.test(to)) return fallback;
  const target = sameOriginPath(to);
  return target !== null && sameOriginPath(target) === target ? target : fallback;
}

function sameOriginPath(to: string): string | null {
  let url: URL;
  try {
    url = new URL(to, SAME_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== SAME_ORIGIN.origin) return null;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}
