// A session's agenda and invitees after it was scheduled. An agenda change raises the session's
// SEQUENCE (the calendar file carries the agenda; calendars update the event with the same UID).
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import { OutOfScopeError } from "~/errors";
import { notifyInviteesOfChange } from "~/modules/sessions/session-change.server";
import { mayManageSession } from "~/modules/sessions/queries.server";
import { findConflicts } from "~/modules/sessions/reschedule.server";
import type { CurrentUser } from "~/modules/accounts/user.server";

type Actor = Pick<Scope, "user">;

export class InviteeNotFoundError extends Error {}

async function guard(user: CurrentUser, sessionId: string) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
}

async function bumpSequence(tx: Prisma.TransactionClient, sessionId: string) {
  await tx.session.update({ where: { id: sessionId }, data: { sequence: { increment: 1 } } });
}

/** Positions 0…n-1 in the order given. */
async function renumber(tx: Prisma.TransactionClient, ids: string[]) {
  for (const [position, id] of ids.entries())
    await tx.agendaItem.update({ where: { id }, data: { position } });
}

export async function addAgendaItem(
  { user }: Actor,
  sessionId: string,
  input: { title: string; presenter?: string },
) {
  await guard(user, sessionId);
  return prisma.$transaction(async (tx) => {
    const last = await tx.agendaItem.aggregate({ where: { sessionId }, _max: { position: true } });
    const item = await tx.agendaItem.create({
      data: {
        sessionId,
        title: input.title,
        presenter: input.presenter || null,
        position: (last._max.position ?? -1) + 1,
      },
    });
    await bumpSequence(tx, sessionId);
    await logActivity(
      {
        actorId: user.id,
        action: "session.agenda_added",
        subjectType: "Session",
        subjectId: sessionId,
        data: { title: input.title },
      },
      tx,
    );
    return item;
  });
}

export async function removeAgendaItem({ user }: Actor, sessionId: string, itemId: string) {
  await guard(user, sessionId);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.agendaItem.deleteMany({ where: { id: itemId, sessionId } });
    if (count !== 1) throw new OutOfScopeError("no such agenda item");
    const rest = await tx.agendaItem.findMany({
      where: { sessionId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    await renumber(
      tx,
      rest.map((r) => r.id),
    );
    await bumpSequence(tx, sessionId);
    await logActivity(
      { actorId: user.id, action: "session.agenda_removed", subjectType: "Session", subjectId: sessionId },
      tx,
    );
  });
}

/** Moves an item one place up or down (a no-op at either end changes nothing). */
export async function moveAgendaItem(
  { user }: Actor,
  sessionId: string,
  itemId: string,
  direction: "up" | "down",
) {
  await guard(user, sessionId);
  await prisma.$transaction(async (tx) => {
    const items = await tx.agendaItem.findMany({
      where: { sessionId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const ids = items.map((i) => i.id);
    const index = ids.indexOf(itemId);
    if (index < 0) throw new OutOfScopeError("no such agenda item");
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= ids.length) return;
    [ids[index], ids[other]] = [ids[other], ids[index]];
    await renumber(tx, ids);
    await bumpSequence(tx, sessionId);
    await logActivity(
      { actorId: user.id, action: "session.agenda_reordered", subjectType: "Session", subjectId: sessionId },
      tx,
    );
  });
}

/** The working groups (Pokja) of the session's regions: the pairing's two, or its host region. */
export async function workingGroupsForSession(sessionId: string) {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      hostRegionCode: true,
      pairing: { select: { mentorRegionCode: true, menteeRegionCode: true } },
    },
  });
  if (!session) return [];
  const codes = [
    session.pairing?.mentorRegionCode,
    session.pairing?.menteeRegionCode,
    session.hostRegionCode,
  ].filter((c): c is string => Boolean(c));
  const groups = await prisma.workingGroup.findMany({
    where: { regionCode: { in: codes } },
    orderBy: [{ regionCode: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      region: { select: { name: true } },
      members: { where: { userId: { not: null } }, select: { userId: true } },
    },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    regionName: g.region.name,
    withAccounts: g.members.length,
  }));
}

/** The emails that belong to no active account. */
export async function unknownEmails(emails: string[]) {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const found = await prisma.user.findMany({
    where: { email: { in: wanted }, deactivatedAt: null },
    select: { email: true },
  });
  return wanted.filter((e) => !found.some((f) => f.email === e));
}

type InviteInput = { emails?: string[]; workingGroupIds?: string[] };

/** The accounts an invitation names: people by email and the members of the session's working groups chosen. */
async function resolveInvitees(sessionId: string, input: InviteInput) {
  const emails = [...new Set((input.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const people = emails.length
    ? await prisma.user.findMany({
        where: { email: { in: emails }, deactivatedAt: null },
        select: { id: true, email: true },
      })
    : [];
  const unknown = emails.filter((e) => !people.some((p) => p.email === e));
  if (unknown.length > 0) throw new InviteeNotFoundError(unknown.join(", "));
  const allowedGroups = new Set((await workingGroupsForSession(sessionId)).map((g) => g.id));
  const groupIds = (input.workingGroupIds ?? []).filter((id) => allowedGroups.has(id));
  const members = groupIds.length
    ? await prisma.workingGroupMember.findMany({
        where: { workingGroupId: { in: groupIds }, userId: { not: null }, user: { deactivatedAt: null } },
        select: { userId: true },
      })
    : [];
  const userIds = [...new Set([...people.map((p) => p.id), ...members.map((m) => m.userId!)])];
  return { userIds, groupIds };
}

/**
 * The sessions the people an invitation would add (not yet invited) already have at this
 * session's time: the page warns and lets the user confirm.
 */
export async function inviteConflicts({ user }: Actor, sessionId: string, input: InviteInput) {
  await guard(user, sessionId);
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { startsAt: true, durationMinutes: true, invitees: { select: { userId: true } } },
  });
  const already = new Set(session.invitees.map((i) => i.userId));
  const { userIds } = await resolveInvitees(sessionId, input);
  const added = userIds.filter((id) => !already.has(id) && id !== user.id);
  return findConflicts(added, session.startsAt, session.durationMinutes, sessionId, user);
}

/**
 * Invites people by email and the members with accounts of the working groups chosen (only
 * groups of the session's regions); people already invited stay once. Returns how many were added.
 */
export async function inviteToSession({ user }: Actor, sessionId: string, input: InviteInput) {
  await guard(user, sessionId);
  const { userIds, groupIds } = await resolveInvitees(sessionId, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.sessionInvitee.findMany({ where: { sessionId }, select: { userId: true } });
    const { count } = await tx.sessionInvitee.createMany({
      data: userIds.map((userId) => ({ sessionId, userId })),
      skipDuplicates: true,
    });
    const added = userIds.filter((id) => !before.some((b) => b.userId === id));
    await notifyInviteesOfChange(tx, sessionId, "invited", user.id, added);
    await logActivity(
      {
        actorId: user.id,
        action: "session.invited",
        subjectType: "Session",
        subjectId: sessionId,
        data: { added: count, groups: groupIds.length },
      },
      tx,
    );
    return count;
  });
}

export async function removeInvitee({ user }: Actor, sessionId: string, userId: string) {
  await guard(user, sessionId);
  const { count } = await prisma.sessionInvitee.deleteMany({ where: { sessionId, userId } });
  if (count !== 1) throw new OutOfScopeError("not invited");
  await logActivity({
    actorId: user.id,
    action: "session.uninvited",
    subjectType: "Session",
    subjectId: sessionId,
    data: { userId },
  });
}
