// Moving or cancelling one session, and the clashes a move or an invitation would make.
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { liveKitConfig } from "~/livekit/config.server";
import { deleteRoom } from "~/livekit/rooms.server";
import { logActivity } from "~/modules/accounts/activity.server";
import { OutOfScopeError } from "~/errors";
import { notifyInviteesOfChange } from "~/modules/sessions/session-change.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { parseWallClock } from "~/utils/dates";
import { mayManageSession, scopeFor } from "~/modules/sessions/queries.server";

type Actor = Pick<Scope, "user">;

/**
 * Other sessions of the invitees that overlap [start, start+duration), with who of them is there.
 * Given a viewer, the titles of sessions the viewer may not read are left out (null).
 */
export async function findConflicts(
  userIds: string[],
  startsAt: Date,
  durationMinutes: number,
  excludeSessionId?: string,
  viewer?: CurrentUser,
) {
  if (userIds.length === 0) return [];
  const end = new Date(startsAt.getTime() + durationMinutes * 60_000);
  const candidates = await prisma.session.findMany({
    where: {
      id: excludeSessionId ? { not: excludeSessionId } : undefined,
      status: { not: "CANCELLED" },
      startsAt: { lt: end, gt: new Date(startsAt.getTime() - 24 * 3_600_000) },
      invitees: { some: { userId: { in: userIds } } },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      timeZone: true,
      invitees: {
        where: { userId: { in: userIds } },
        select: { user: { select: { name: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  const overlapping = candidates.filter(
    (s) => s.startsAt.getTime() + s.durationMinutes * 60_000 > startsAt.getTime(),
  );
  const readable =
    viewer && overlapping.length > 0
      ? new Set(
          (
            await prisma.session.findMany({
              where: {
                AND: [{ id: { in: overlapping.map((s) => s.id) } }, scopeFor(viewer, "session:read")],
              },
              select: { id: true },
            })
          ).map((s) => s.id),
        )
      : null;
  return overlapping.map(({ invitees, title, ...s }) => ({
    ...s,
    title: !readable || readable.has(s.id) ? title : null,
    people: invitees.map((i) => i.user.name),
  }));
}

/** The sessions the invitees of a session already have at a new time (a move's warning). */
export async function moveConflicts(
  { user }: Actor,
  sessionId: string,
  input: { startLocal: string; timeZone: string; durationMinutes: number },
) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
  const startsAt = parseWallClock(input.startLocal, input.timeZone);
  const invitees = await prisma.sessionInvitee.findMany({ where: { sessionId }, select: { userId: true } });
  return findConflicts(
    invitees.map((i) => i.userId).filter((id) => id !== user.id),
    startsAt,
    input.durationMinutes,
    sessionId,
    user,
  );
}

/** Moves one session (the rest of its series stays); calendars see the same UID with a higher SEQUENCE. */
export async function moveSession(
  { user }: Actor,
  sessionId: string,
  input: { startLocal: string; timeZone: string; durationMinutes: number },
) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
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
    await notifyInviteesOfChange(tx, sessionId, "moved", user.id);
  });
  return startsAt;
}

export async function cancelSession(
  { user }: Actor,
  sessionId: string,
  reason: string,
  config = liveKitConfig(),
) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
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
    await notifyInviteesOfChange(tx, sessionId, "cancelled", user.id);
    return updated;
  });
  // the room may not exist yet (rooms open when the first person joins)
  if (config) await deleteRoom(config, session.roomName).catch(() => undefined);
  return session;
}
