// Ending a sign-in also ends what it opened elsewhere: the live-notes sockets (docs/decisions/0040).
// The transaction that deletes LoginSession rows sends a PostgreSQL NOTIFY, which reaches every
// app process LISTENing on the same database when, and only if, it commits; after the commit the
// process's own listeners are told directly (on PGlite, the only process, that is all there is).
import pg from "pg";
import { database, prisma } from "~/db.server";
import { env } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";

export const REVOKED_LOGINS_CHANNEL = "lintas_login_revoked";
const RETRY_MS = 5000;

/** Every sign-in of one person (but one, after a password change), or one sign-in. */
export type RevokedLogins = { userId: string; exceptLoginSessionId?: string } | { loginSessionId: string };

/** Whether the sign-in `loginSessionId` of `userId` is one of those ended. */
export function isRevoked(revoked: RevokedLogins, userId: string, loginSessionId: string): boolean {
  if ("userId" in revoked)
    return revoked.userId === userId && revoked.exceptLoginSessionId !== loginSessionId;
  return revoked.loginSessionId === loginSessionId;
}
type Listener = (revoked: RevokedLogins) => void;

declare global {
  // the start script loads the live-notes server outside the Remix build: both reach this one set
  var __lintasRevokedLoginListeners: Set<Listener> | undefined;
}
const listeners = (globalThis.__lintasRevokedLoginListeners ??= new Set());

/** Inside the transaction that deletes the rows: the other processes hear of it on commit. */
export async function notifyRevokedLogins(tx: Prisma.TransactionClient, revoked: RevokedLogins) {
  await tx.$executeRaw`SELECT pg_notify(${REVOKED_LOGINS_CHANNEL}, ${JSON.stringify(revoked)})`;
}

/** After the commit (a socket closed earlier could reconnect with the sign-in still there). */
export function announceRevokedLogins(revoked: RevokedLogins) {
  for (const listener of listeners) listener(revoked);
}

/** Which of these sign-ins still hold: not expired, not revoked, the person not deactivated. */
export async function validLoginSessionIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await prisma.loginSession.findMany({
    where: { id: { in: ids }, expiresAt: { gt: new Date() }, user: { deactivatedAt: null } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

function parseRevoked(payload: string | undefined): RevokedLogins | null {
  try {
    const value = JSON.parse(payload ?? "") as Record<string, unknown>;
    if (typeof value.userId === "string")
      return typeof value.exceptLoginSessionId === "string"
        ? { userId: value.userId, exceptLoginSessionId: value.exceptLoginSessionId }
        : { userId: value.userId };
    if (typeof value.loginSessionId === "string") return { loginSessionId: value.loginSessionId };
  } catch {
    // not ours
  }
  return null;
}

/**
 * Calls `onRevoked` for every ended sign-in: this process's at once, other processes' through
 * LISTEN when the database is a PostgreSQL server. Returns a function that stops listening.
 */
export async function listenForRevokedLogins(onRevoked: Listener): Promise<() => Promise<void>> {
  listeners.add(onRevoked);
  const remote =
    database.sql.kind === "postgres" && env.DATABASE_URL
      ? await listenOnPostgres(env.DATABASE_URL, onRevoked)
      : undefined;
  return async () => {
    listeners.delete(onRevoked);
    await remote?.();
  };
}

/** One connection of its own (LISTEN needs a session, not a pooled one), reconnected when lost. */
async function listenOnPostgres(configured: string, onRevoked: Listener) {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const later = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RETRY_MS);
    retry.unref();
  };
  async function connect() {
    let next: pg.Client | undefined;
    try {
      // the database the app's pool is on (the tests give each file its own, on the same server)
      const [{ name }] = await database.sql.query<{ name: string }>("SELECT current_database() AS name");
      const url = new URL(configured);
      url.pathname = `/${encodeURIComponent(name)}`;
      const opened = new pg.Client({ connectionString: url.toString() });
      next = opened;
      opened.on("notification", ({ channel, payload }) => {
        const revoked = channel === REVOKED_LOGINS_CHANNEL ? parseRevoked(payload) : null;
        if (revoked) onRevoked(revoked);
      });
      opened.on("error", (error) => console.warn("Listening for ended sign-ins failed:", error.message));
      opened.on("end", () => {
        if (client === opened) client = undefined;
        later();
      });
      await opened.connect();
      await opened.query(`LISTEN ${REVOKED_LOGINS_CHANNEL}`);
      if (stopped) await opened.end();
      else client = opened;
    } catch (error) {
      console.warn("Listening for ended sign-ins failed:", (error as Error).message);
      await next?.end().catch(() => undefined);
      later();
    }
  }

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
