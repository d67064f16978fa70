// Teleconference sessions: series, moves and cancellations, invitations, attendance.
import { randomBytes } from "node:crypto";
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { hostedSessionWhere, projectWhere, sessionWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { liveKitConfig } from "~/livekit/config.server";
import { deleteRoom } from "~/livekit/rooms.server";
import { logActivity } from "~/modules/accounts/activity.server";
import { mayOnPairing } from "~/modules/pairings/pairing.server";
import { OutOfScopeError } from "~/modules/projects/project.server";
import { inviteToNewSessions, notifyInviteesOfChange } from "~/modules/sessions/session-change.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
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

/** What a session belongs to: a pairing, or stands alone for a change project's team or a province. */
export type SessionHost = { pairingId: string } | { projectId: string } | { provinceCode: string };

export type SeriesInput = SessionHost & {
  title: string;
  firstLocal: string;
  timeZone: string;
  durationMinutes: number;
  count: number;
  intervalWeeks: number;
  skipDates?: string[];
  agenda?: { title: string; presenter?: string }[];
  /** the people chosen among the host's default invitees (all of them when absent) */
  inviteeIds?: string[];
};

export type HostInfo = {
  kind: "pairing" | "project" | "province";
  /** the session's columns that say what it belongs to */
  columns: { pairingId?: string; projectId?: string; hostRegionCode?: string };
  label: string;
  /** the page the series is scheduled from (and the user returns to) */
  backPath: string;
  zones: string[];
  defaultZone: string;
  /** invited by default: the pairing's participants, the project's people, the province's officers */
  invitees: { id: string; name: string; regionName: string | null }[];
  subject: { type: "Pairing" | "ChangeProject" | "Region"; id: string };
};

const personSelect = { id: true, name: true, region: { select: { name: true } } } as const;

function people(users: ({ id: string; name: string; region: { name: string } | null } | null)[]) {
  const byId = new Map<string, HostInfo["invitees"][number]>();
  for (const u of users)
    if (u && !byId.has(u.id)) byId.set(u.id, { id: u.id, name: u.name, regionName: u.region?.name ?? null });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What a new series would belong to, if the person may schedule there: null when there is no such
 * pairing or project or it is outside their scope (the same answer); OutOfScopeError for a province
 * they do not coordinate (provinces are public).
 */
export async function getSessionHostForUser(user: CurrentUser, host: SessionHost): Promise<HostInfo | null> {
  if ("pairingId" in host) {
    if (!(await mayOnPairing(user, host.pairingId, "session:create"))) return null;
    const pairing = await prisma.pairing.findUnique({
      where: { id: host.pairingId },
      select: {
        id: true,
        topic: true,
        mentorRegion: { select: { timeZone: true } },
        menteeRegion: { select: { timeZone: true } },
        participants: {
          where: { user: { deactivatedAt: null } },
          select: { user: { select: personSelect } },
        },
      },
    });
    if (!pairing) return null;
    return {
      kind: "pairing",
      columns: { pairingId: pairing.id },
      label: pairing.topic,
      backPath: `/pasangan/${pairing.id}`,
      zones: [...new Set([pairing.mentorRegion.timeZone, pairing.menteeRegion.timeZone])],
      defaultZone: pairing.mentorRegion.timeZone,
      invitees: people(pairing.participants.map((p) => p.user)),
      subject: { type: "Pairing", id: pairing.id },
    };
  }
  const grants = grantsFor(user.memberships, "session:host");
  if ("projectId" in host) {
    const active = { where: { deactivatedAt: null }, select: personSelect };
    const project = await prisma.changeProject.findFirst({
      where: { AND: [{ id: host.projectId }, projectWhere(user.id, grants)] },
      select: {
        id: true,
        title: true,
        acronym: true,
        regionCode: true,
        region: { select: { timeZone: true } },
        leader: { select: personSelect },
        coach: { select: personSelect },
        mentor: { select: personSelect },
        members: { where: { user: { deactivatedAt: null } }, select: { user: active } },
      },
    });
    if (!project) return null;
    return {
      kind: "project",
      columns: { projectId: project.id, hostRegionCode: project.regionCode },
      label: project.acronym ? `${project.acronym}: ${project.title}` : project.title,
      backPath: `/proyek/${project.id}/sesi`,
      zones: [project.region.timeZone],
      defaultZone: project.region.timeZone,
      invitees: people([
        project.leader,
        ...project.members.map((m) => m.user),
        project.coach,
        project.mentor,
      ]),
      subject: { type: "ChangeProject", id: project.id },
    };
  }
  const province = await prisma.region.findFirst({
    where: { code: host.provinceCode, kind: "PROVINCE" },
    select: { code: true, name: true, timeZone: true, regencies: { select: { timeZone: true } } },
  });
  if (!province) return null;
  if (!(await mayHostSessions(user, { provinceCode: province.code })))
    throw new OutOfScopeError("not this province's coordinator");
  const officers = await prisma.user.findMany({
    where: {
      deactivatedAt: null,
      memberships: {
        some: {
          role: "REGION_OFFICER",
          OR: [{ regionCode: province.code }, { region: { provinceCode: province.code } }],
        },
      },
    },
    select: personSelect,
  });
  return {
    kind: "province",
    columns: { hostRegionCode: province.code },
    label: province.name,
    backPath: `/wilayah/${province.code}`,
    zones: [...new Set([province.timeZone, ...province.regencies.map((r) => r.timeZone)])],
    defaultZone: province.timeZone,
    invitees: people(officers),
    subject: { type: "Region", id: province.code },
  };
}

/** Whether the person may schedule stand-alone sessions for a project's team or a province. */
export async function mayHostSessions(
  user: CurrentUser,
  host: { projectId: string } | { provinceCode: string },
) {
  const grants = grantsFor(user.memberships, "session:host");
  if (grants.length === 0) return false;
  if ("provinceCode" in host)
    return grants.some(
      (g) => g.scope === "all" || (g.scope === "province" && g.regionCode === host.provinceCode),
    );
  const where = { AND: [{ id: host.projectId }, projectWhere(user.id, grants)] };
  return (await prisma.changeProject.count({ where })) > 0;
}

/** The person scheduling plus those chosen among the host's default invitees (nobody else). */
function chosenInvitees(user: CurrentUser, host: HostInfo, inviteeIds?: string[]) {
  const candidates = host.invitees.map((p) => p.id);
  const chosen = inviteeIds ? candidates.filter((id) => inviteeIds.includes(id)) : candidates;
  return [...new Set([user.id, ...chosen])];
}

/** Each start of the series with the invitees who already have another session then. */
export async function previewSeries(
  user: CurrentUser,
  host: HostInfo,
  input: Pick<SeriesInput, "firstLocal" | "timeZone" | "count" | "intervalWeeks" | "durationMinutes"> & {
    inviteeIds?: string[];
  },
) {
  // the warning is about the others: the person scheduling knows their own calendar
  const invitees = chosenInvitees(user, host, input.inviteeIds).filter((id) => id !== user.id);
  return Promise.all(
    seriesStarts({ ...input, skipDates: [] }).map(async (startsAt) => ({
      date: startsAt.toISOString().slice(0, 10),
      startsAt: startsAt.toISOString(),
      conflicts: await findConflicts(invitees, startsAt, input.durationMinutes, undefined, user),
    })),
  );
}

/**
 * Creates the series with every session, inviting the person scheduling (its organizer) and the
 * host's default invitees who have accounts (or those of them chosen); each of the others receives
 * one invitation. With `reuseSame` (the form), the same series submitted again by the same person
 * (a double click, a resent form) is the series already made: nothing is created and nobody is
 * invited twice.
 */
export async function createSessionSeries(
  { user }: Actor,
  input: SeriesInput,
  { reuseSame = false }: { reuseSame?: boolean } = {},
) {
  const host = await getSessionHostForUser(user, input);
  if (!host) throw new OutOfScopeError("not allowed");
  const starts = seriesStarts(input);
  const invitees = chosenInvitees(user, host, input.inviteeIds);
  const titles = starts.map((_, index) => (starts.length > 1 ? `${input.title} ${index + 1}` : input.title));
  return prisma.$transaction(async (tx) => {
    const same = reuseSame ? await sameSeries(tx, user.id, host, input, starts, titles) : null;
    if (
      same &&
      same.sessions.length === starts.length &&
      same.sessions.every(
        (s, i) => s.startsAt.getTime() === starts[i].getTime() && s.durationMinutes === input.durationMinutes,
      )
    ) {
      const { sessions, ...series } = same;
      return { series, sessions };
    }
    const series = await tx.sessionSeries.create({ data: { title: input.title } });
    const sessions = [];
    for (const [index, startsAt] of starts.entries()) {
      sessions.push(
        await tx.session.create({
          data: {
            title: titles[index],
            startsAt,
            durationMinutes: input.durationMinutes,
            timeZone: input.timeZone,
            ...host.columns,
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
            organizerId: user.id,
          },
        }),
      );
    }
    await inviteToNewSessions(
      tx,
      sessions.map((s) => s.id),
      user.id,
      { seriesTitle: input.title },
    );
    await logActivity(
      {
        actorId: user.id,
        action: "session.series_created",
        subjectType: host.subject.type,
        subjectId: host.subject.id,
        data: { title: input.title, count: sessions.length },
      },
      tx,
    );
    return { series, sessions };
  });
}

/** The series this person already made here with the same title, times and length, if any. */
async function sameSeries(
  tx: Prisma.TransactionClient,
  userId: string,
  host: HostInfo,
  input: SeriesInput,
  starts: Date[],
  titles: string[],
) {
  // two submits of one form wait for each other here, so the second finds the first's series
  const key = `session-series:${userId}:${JSON.stringify(host.columns)}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  return tx.sessionSeries.findFirst({
    where: {
      title: input.title,
      sessions: {
        some: {
          ...host.columns,
          organizerId: userId,
          startsAt: starts[0],
          title: titles[0],
          status: { not: "CANCELLED" },
        },
      },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, createdAt: true, sessions: { orderBy: { seriesIndex: "asc" } } },
  });
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
    include: {
      pairing: { select: { topic: true } },
      agenda: { orderBy: { position: "asc" } },
      organizer: { select: { name: true, email: true } },
    },
  });
  return { user, sessions };
}

/** A new private calendar-feed token (the old link stops working). */
export async function rotateCalendarToken(userId: string) {
  const token = randomBytes(24).toString("base64url");
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}
