// The sign-in cookie holds only the id of a LoginSession row: deleting rows revokes sessions.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env, sessionSecret } from "~/env.server";
import {
  SESSION_DAYS,
  createLoginSession,
  deleteLoginSession,
  getUserByLoginSession,
} from "~/models/user.server";

export const authSessionStorage = createCookieSessionStorage<{ loginSessionId: string }>({
  cookie: {
    name: "__lintas_session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure wherever Lintas is served over HTTPS (production sets APP_URL=https://…)
    secure: env.APP_URL.startsWith("https://"),
    secrets: [sessionSecret],
    maxAge: SESSION_DAYS * 86_400,
  },
});

async function readLoginSessionId(request: Request): Promise<string | undefined> {
  const session = await authSessionStorage.getSession(request.headers.get("Cookie"));
  return session.get("loginSessionId");
}

// The root's and the page's loaders of one request ask at the same moment: they share one lookup.
// Only while it is in flight, so nothing is served from memory once a session is revoked.
const lookups = new Map<string, ReturnType<typeof getUserByLoginSession>>();

export async function getUser(request: Request) {
  const id = await readLoginSessionId(request);
  if (!id) return null;
  let lookup = lookups.get(id);
  if (!lookup) {
    lookup = getUserByLoginSession(id).finally(() => lookups.delete(id));
    lookups.set(id, lookup);
  }
  return lookup;
}

/** Signs the person in and redirects, setting the cookie. */
export async function signIn(request: Request, userId: string, redirectTo: string) {
  const loginSession = await createLoginSession(userId, request.headers.get("User-Agent"));
  const session = await authSessionStorage.getSession();
  session.set("loginSessionId", loginSession.id);
  return redirect(safeRedirect(redirectTo), {
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

/** Only same-site paths: never redirect to another host after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dasbor") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  return to;
}
