// Sessions as people see them: whether a person may act on a session, a session's page, the
// stand-alone sessions of a project or province, attendance.
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { hostedSessionWhere, sessionWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/modules/accounts/user.server";

export function scopeFor(user: CurrentUser, action: Action): Prisma.SessionWhereInput {
  return sessionWhere(user.id, grantsFor(user.memberships, action));
}

export async function maySession(user: CurrentUser, sessionId: string, action: Action) {
  return (await prisma.session.count({ where: { AND: [{ id: sessionId }, scopeFor(user, action)] } })) > 0;
}

/**
 * Whether the person may change a session (move, cancel, agenda, invitees, recording): a pairing's
 * sessions with "session:create", stand-alone ones with "session:host" for their project or province.
 */
export async function mayManageSession(user: CurrentUser, sessionId: string) {
  const createGrants = grantsFor(user.memberships, "session:create");
  const hostGrants = grantsFor(user.memberships, "session:host");
  // (sessionWhere also lets invitees read; only people who may create pairing sessions get it here)
  const or: Prisma.SessionWhereInput[] = [];
  if (createGrants.length > 0) or.push(sessionWhere(user.id, createGrants));
  if (hostGrants.length > 0) or.push(hostedSessionWhere(user.id, hostGrants));
  if (or.length === 0) return false;
  // an empty filter (everything) inside OR would match nothing
  const where = or.some((w) => Object.keys(w).length === 0) ? {} : { OR: or };
  return (await prisma.session.count({ where: { AND: [{ id: sessionId }, where] } })) > 0;
}

/** The stand-alone sessions of a project or a province (its coordination meetings) the person may see. */
export async function listHostedSessions(
  { user, grants }: Scope,
  host: { projectId: string } | { provinceCode: string },
) {
  const belongs: Prisma.SessionWhereInput =
    "projectId" in host
      ? { projectId: host.projectId }
      : { pairingId: null, projectId: null, hostRegionCode: host.provinceCode };
  return prisma.session.findMany({
    where: { AND: [belongs, sessionWhere(user.id, grants)] },
    orderBy: { startsAt: "asc" },
    take: 200,
    select: { id: true, title: true, startsAt: true, durationMinutes: true, timeZone: true, status: true },
  });
}

const sessionDetail = {
  pairing: {
    select: {
      id: true,
      topic: true,
      mentorRegion: { select: { code: true, name: true, timeZone: true } },
      menteeRegion: { select: { code: true, name: true, timeZone: true } },
    },
  },
  hostRegion: { select: { code: true, name: true, timeZone: true } },
  project: { select: { id: true, title: true, acronym: true } },
  agenda: { orderBy: { position: "asc" } },
  invitees: {
    select: { user: { select: { id: true, name: true, email: true, region: { select: { name: true } } } } },
  },
  attendances: { orderBy: { joinedAt: "asc" }, include: { region: { select: { name: true } } } },
  commitments: { select: { id: true, title: true, side: true, status: true } },
  series: { select: { id: true, title: true } },
  organizer: { select: { name: true, email: true } },
  recordedBy: { select: { name: true } },
} satisfies Prisma.SessionInclude;

export async function getSessionForUser({ user, grants }: Scope, id: string) {
  return prisma.session.findFirst({
    where: { AND: [{ id }, sessionWhere(user.id, grants)] },
    include: sessionDetail,
  });
}

export async function isInvited(userId: string, sessionId: string) {
  return (await prisma.sessionInvitee.count({ where: { userId, sessionId } })) > 0;
}

/**
 * Each person's attendance from the rows (joins without a leave end at the session's end): total
 * minutes, region, first join and last leave (null while a join has no leave yet), and its source
 * (LiveKit's webhooks, or recorded by hand: a person in both is listed once for each).
 */
export function attendanceMinutes(
  rows: {
    identity: string;
    name: string | null;
    joinedAt: Date | string;
    leftAt: Date | string | null;
    region?: { name: string } | null;
    source?: "LIVEKIT" | "MANUAL";
  }[],
  sessionEnd: Date,
) {
  type Entry = {
    source: "LIVEKIT" | "MANUAL";
    name: string;
    region: string | null;
    minutes: number;
    firstJoinedAt: Date;
    lastLeftAt: Date | null;
    open: boolean;
  };
  const totals = new Map<string, Entry>();
  for (const row of rows) {
    const joinedAt = new Date(row.joinedAt);
    const leftAt = row.leftAt ? new Date(row.leftAt) : null;
    const minutes = Math.max(0, ((leftAt ?? sessionEnd).getTime() - joinedAt.getTime()) / 60_000);
    const source = row.source ?? "LIVEKIT";
    const key = `${source}:${row.identity}`;
    const entry = totals.get(key) ?? {
      source,
      name: row.name ?? row.identity,
      region: null,
      minutes: 0,
      firstJoinedAt: joinedAt,
      lastLeftAt: null,
      open: false,
    };
    entry.minutes += minutes;
    entry.region ??= row.region?.name ?? null;
    if (joinedAt < entry.firstJoinedAt) entry.firstJoinedAt = joinedAt;
    if (leftAt && (!entry.lastLeftAt || leftAt > entry.lastLeftAt)) entry.lastLeftAt = leftAt;
    entry.open ||= !leftAt;
    totals.set(key, entry);
  }
  return [...totals.values()].map(({ open, ...e }) => ({
    ...e,
    lastLeftAt: open ? null : e.lastLeftAt,
    minutes: Math.round(e.minutes),
  }));
}
