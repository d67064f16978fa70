// Teleconference sessions: series, moves and cancellations, invitations, attendance.
import { randomBytes } from "node:crypto";
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { sessionWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { liveKitConfig } from "~/livekit/config.server";
import { deleteRoom } from "~/livekit/rooms.server";
import { logActivity } from "~/models/activity.server";
import { mayOnPairing } from "~/models/pairing.server";
import { OutOfScopeError } from "~/models/project.server";
import type { CurrentUser } from "~/models/user.server";
import { parseWallClock } from "~/utils/dates";

type Actor = Pick<Scope, "user">;

function scopeFor(user: CurrentUser, action: Action): Prisma.SessionWhereInput {
  return sessionWhere(user.id, grantsFor(user.memberships, action));
}

export async function maySession(user: CurrentUser, sessionId: string, action: Action) {
  return (await prisma.session.count({ where: { AND: [{ id: sessionId }, scopeFor(user, action)] } })) > 0;
}

/**
 * The start instants of a series: `count` sessions every `intervalWeeks` weeks from a wall-clock
 * start in `timeZone`, passing over the dates the user removed (the series still has `count`).
 */
export function seriesStarts({
  firstLocal,
  timeZone,
  count,
  intervalWeeks,
  skipDates = [],
}: {
  firstLocal: string;
  timeZone: string;
  count: number;
  intervalWeeks: number;
  skipDates?: string[];
}): Date[] {
  // refuses impossible dates (30 February) before any arithmetic
  parseWallClock(firstLocal, timeZone);
  const [date, time] = firstLocal.split("T");
  const skip = new Set(skipDates);
  const starts: Date[] = [];
  const day = new Date(`${date}T00:00:00Z`);
  for (let step = 0; starts.length < count && step < count + skip.size + 1; step++) {
    const current = new Date(day.getTime() + step * intervalWeeks * 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    if (skip.has(current)) continue;
    starts.push(parseWallClock(`${current}T${time}`, timeZone));
  }
  return starts;
}

export type SeriesInput = {
  pairingId: string;
  title: string;
  firstLocal: string;
  timeZone: string;
  durationMinutes: number;
  count: number;
  intervalWeeks: number;
  skipDates?: string[];
  agenda?: { title: string; presenter?: string }[];
};

/** Creates the series with every session, inviting the pairing's participants who have accounts. */
export async function createSessionSeries({ user }: Actor, input: SeriesInput) {
  if (!(await mayOnPairing(user, input.pairingId, "session:create")))
    throw new OutOfScopeError("not allowed");
  const starts = seriesStarts(input);
  const pairing = await prisma.pairing.findUnique({
    where: { id: input.pairingId },
    select: { id: true, participants: { where: { userId: { not: null } }, select: { userId: true } } },
  });
  if (!pairing) throw new OutOfScopeError("no such pairing");
  const invitees = [...new Set([user.id, ...pairing.participants.map((p) => p.userId!)])];
  return prisma.$transaction(async (tx) => {
    const series = await tx.sessionSeries.create({ data: { title: input.title } });
    const sessions = [];
    for (const [index, startsAt] of starts.entries()) {
      sessions.push(
        await tx.session.create({
          data: {
            title: starts.length > 1 ? `${input.title} ${index + 1}` : input.title,
            startsAt,
            durationMinutes: input.durationMinutes,
            timeZone: input.timeZone,
            pairingId: input.pairingId,
            seriesId: series.id,
            seriesIndex: index + 1,
            roomName: `lintas-${randomBytes(6).toString("hex")}`,
            agenda: {
              create: (input.agenda ?? []).map((item, position) => ({
                position,
                title: item.title,
                presenter: item.presenter || null,
              })),
            },
            invitees: { create: invitees.map((userId) => ({ userId })) },
          },
        }),
      );
    }
    await logActivity(
      {
        actorId: user.id,
        action: "session.series_created",
        subjectType: "Pairing",
        subjectId: input.pairingId,
        data: { title: input.title, count: sessions.length },
      },
      tx,
    );
    return { series, sessions };
  });
}

/** Other sessions of the invitees that overlap [start, start+duration). */
export async function findConflicts(
  userIds: string[],
  startsAt: Date,
  durationMinutes: number,
  excludeSessionId?: string,
) {
  const end = new Date(startsAt.getTime() + durationMinutes * 60_000);
  const candidates = await prisma.session.findMany({
    where: {
      id: excludeSessionId ? { not: excludeSessionId } : undefined,
      status: { not: "CANCELLED" },
      startsAt: { lt: end, gt: new Date(startsAt.getTime() - 24 * 3_600_000) },
      invitees: { some: { userId: { in: userIds } } },
    },
    select: { id: true, title: true, startsAt: true, durationMinutes: true },
  });
  return candidates.filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 > startsAt.getTime());
}

/** Moves one session (the rest of its series stays); calendars see the same UID with a higher SEQUENCE. */
export async function moveSession(
  { user }: Actor,
  sessionId: string,
  input: { startLocal: string; timeZone: string; durationMinutes: number },
) {
  if (!(await maySession(user, sessionId, "session:create"))) throw new OutOfScopeError("not allowed");
  const startsAt = parseWallClock(input.startLocal, input.timeZone);
  await prisma.$transaction(async (tx) => {
    await tx.session.update({
      where: { id: sessionId },
      data: {
        startsAt,
        timeZone: input.timeZone,
        durationMinutes: input.durationMinutes,
        sequence: { increment: 1 },
        remindedDayAt: null,
        reminded15At: null,
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "session.moved",
        subjectType: "Session",
        subjectId: sessionId,
        data: { startsAt: startsAt.toISOString() },
      },
      tx,
    );
  });
  return startsAt;
}

export async function cancelSession(
  { user }: Actor,
  sessionId: string,
  reason: string,
  config = liveKitConfig(),
) {
  if (!(await maySession(user, sessionId, "session:create"))) throw new OutOfScopeError("not allowed");
  const session = await prisma.$transaction(async (tx) => {
    const updated = await tx.session.update({
      where: { id: sessionId },
      data: { status: "CANCELLED", cancelReason: reason, sequence: { increment: 1 } },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "session.cancelled",
        subjectType: "Session",
        subjectId: sessionId,
        data: { reason },
      },
      tx,
    );
    return updated;
  });
  // the room may not exist yet (rooms open when the first person joins)
  if (config) await deleteRoom(config, session.roomName).catch(() => undefined);
  return session;
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
  agenda: { orderBy: { position: "asc" } },
  invitees: {
    select: { user: { select: { id: true, name: true, email: true, region: { select: { name: true } } } } },
  },
  attendances: { orderBy: { joinedAt: "asc" }, include: { region: { select: { name: true } } } },
  commitments: { select: { id: true, title: true, side: true, status: true } },
  series: { select: { id: true, title: true } },
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

/** Minutes each person spent in the session, from attendance rows (joins without a leave end at the session's end). */
export function attendanceMinutes(
  rows: { identity: string; name: string | null; joinedAt: Date | string; leftAt: Date | string | null }[],
  sessionEnd: Date,
) {
  const totals = new Map<string, { name: string; minutes: number }>();
  for (const row of rows) {
    const end = row.leftAt ? new Date(row.leftAt) : sessionEnd;
    const minutes = Math.max(0, (end.getTime() - new Date(row.joinedAt).getTime()) / 60_000);
    const entry = totals.get(row.identity) ?? { name: row.name ?? row.identity, minutes: 0 };
    entry.minutes += minutes;
    totals.set(row.identity, entry);
  }
  return [...totals.values()].map((e) => ({ ...e, minutes: Math.round(e.minutes) }));
}

/** Sessions of a person's calendar feed, by their private token. */
export async function listSessionsForCalendarToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await prisma.user.findUnique({
    where: { calendarToken: token },
    select: { id: true, name: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  const sessions = await prisma.session.findMany({
    where: { invitees: { some: { userId: user.id } } },
    orderBy: { startsAt: "desc" },
    take: 500,
    include: { pairing: { select: { topic: true } }, agenda: { orderBy: { position: "asc" } } },
  });
  return { user, sessions };
}

/** A new private calendar-feed token (the old link stops working). */
export async function rotateCalendarToken(userId: string) {
  const token = randomBytes(24).toString("base64url");
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}
