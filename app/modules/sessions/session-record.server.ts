// Recording a past session by hand: held or not held (with a reason), and who attended. Sessions
// happen on Zoom, WhatsApp calls, in person, or on LiveKit while its webhook was down; the
// facilitator or the host region's officer records them ("session:record"). LiveKit's own
// attendance rows are left as they are; the manual ones are replaced as a whole by each record.
import { type Grant, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { RuleError, OutOfScopeError } from "~/errors";
import type { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import type { SessionRecordInput } from "~/modules/sessions/session-record-schemas";
import type { CurrentUser } from "~/modules/accounts/user.server";

type Actor = Pick<Scope, "user">;

export class SessionRecordError extends RuleError {}

/** The statuses a record may replace: a cancelled session stays cancelled. */
const RECORDABLE = ["SCHEDULED", "LIVE", "HELD", "NOT_HELD"] as const;

/**
 * Sessions whose record the grants cover: everything for "all"; for a region officer, the sessions
 * their region hosts: a pairing's when it is the mentor region (the side that hosts the learning),
 * a stand-alone session's when it is its region (a province grant covers its kabupaten/kota).
 */
export function sessionRecordWhere(grants: Grant[]): Prisma.SessionWhereInput {
  const or: Prisma.SessionWhereInput[] = [];
  for (const grant of grants) {
    if (grant.scope === "all") return {};
    if (!grant.regionCode) continue;
    if (grant.scope === "region")
      or.push(
        { pairing: { mentorRegionCode: grant.regionCode } },
        { pairingId: null, hostRegionCode: grant.regionCode },
      );
    if (grant.scope === "province")
      or.push(
        { pairing: { mentorRegionCode: grant.regionCode } },
        { pairing: { mentorRegion: { provinceCode: grant.regionCode } } },
        { pairingId: null, hostRegionCode: grant.regionCode },
        { pairingId: null, hostRegion: { provinceCode: grant.regionCode } },
      );
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

/**
 * `sessionRecordWhere` with the region's part looked up first, for lists of many sessions: the same
 * sessions, through indexes. "The pairing's mentor region is X, or no pairing and hosted by X" is an
 * OR across the session–pairing join that PostgreSQL can only answer by reading every past
 * scheduled session and hashing every pairing (decision 0070). Here the regions (a province with its
 * kabupaten/kota) and the pairings they mentor are read by index, and the filter is
 * `pairingId IN (…) OR (pairingId IS NULL AND hostRegionCode IN (…))`.
 */
export async function indexedSessionRecordWhere(grants: Grant[]): Promise<Prisma.SessionWhereInput> {
  if (grants.some((g) => g.scope === "all")) return {};
  const regionCodes = grants.flatMap((g) => (g.scope === "region" && g.regionCode ? [g.regionCode] : []));
  const provinceCodes = grants.flatMap((g) => (g.scope === "province" && g.regionCode ? [g.regionCode] : []));
  if (provinceCodes.length > 0) {
    const inProvinces = await prisma.region.findMany({
      where: { provinceCode: { in: provinceCodes } },
      select: { code: true },
    });
    regionCodes.push(...provinceCodes, ...inProvinces.map((r) => r.code));
  }
  if (regionCodes.length === 0) return { id: { in: [] } };
  const codes = [...new Set(regionCodes)];
  const pairings = await prisma.pairing.findMany({
    where: { mentorRegionCode: { in: codes } },
    select: { id: true },
  });
  return {
    OR: [
      { pairingId: { in: pairings.map((p) => p.id) } },
      { pairingId: null, hostRegionCode: { in: codes } },
    ],
  };
}

function recordScope(user: CurrentUser) {
  return sessionRecordWhere(grantsFor(user.memberships, "session:record"));
}

export async function mayRecordSession(user: CurrentUser, sessionId: string) {
  if (grantsFor(user.memberships, "session:record").length === 0) return false;
  return (await prisma.session.count({ where: { AND: [{ id: sessionId }, recordScope(user)] } })) > 0;
}

/** The session's start, which the record form is checked against; null when the person may not record it. */
export async function sessionStartForRecord(user: CurrentUser, sessionId: string) {
  if (grantsFor(user.memberships, "session:record").length === 0) return null;
  const session = await prisma.session.findFirst({
    where: { AND: [{ id: sessionId }, recordScope(user)] },
    select: { startsAt: true },
  });
  return session?.startsAt ?? null;
}

export type AttendanceCandidate = {
  /** the form's value: "user:<id>" or "member:<id>" */
  key: string;
  name: string;
  detail: string | null;
  /** already in the room by LiveKit's record (not offered again) */
  viaLiveKit: boolean;
  /** ticked in the current manual record */
  recorded: boolean;
};

/**
 * Who may be recorded as present: the invitees and the members of the pairing's two working groups
 * (Pokja), those without an account too; and the names of the manual rows that are neither (guests).
 */
export async function attendanceChoices(sessionId: string) {
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      invitees: {
        select: { user: { select: { id: true, name: true, region: { select: { name: true } } } } },
      },
      pairing: {
        select: {
          mentorGroup: { select: groupSelect },
          menteeGroup: { select: groupSelect },
        },
      },
      attendances: { select: { identity: true, userId: true, name: true, source: true } },
    },
  });
  const liveKitUsers = new Set(
    session.attendances.filter((a) => a.source === "LIVEKIT" && a.userId).map((a) => a.userId!),
  );
  const manual = session.attendances.filter((a) => a.source === "MANUAL");
  const manualUsers = new Set(manual.filter((a) => a.userId).map((a) => a.userId!));
  const manualIdentities = new Set(manual.map((a) => a.identity));
  const candidates = new Map<string, AttendanceCandidate>();
  const addUser = (user: { id: string; name: string }, detail: string | null) => {
    if (candidates.has(`user:${user.id}`)) return;
    candidates.set(`user:${user.id}`, {
      key: `user:${user.id}`,
      name: user.name,
      detail,
      viaLiveKit: liveKitUsers.has(user.id),
      recorded: manualUsers.has(user.id),
    });
  };
  for (const { user } of session.invitees) addUser(user, user.region?.name ?? null);
  for (const group of [session.pairing?.mentorGroup, session.pairing?.menteeGroup]) {
    if (!group) continue;
    const detail = `${group.name}, ${group.region.name}`;
    for (const member of group.members) {
      if (member.user) addUser(member.user, detail);
      else
        candidates.set(`member:${member.id}`, {
          key: `member:${member.id}`,
          name: member.name,
          detail,
          viaLiveKit: false,
          recorded: manualIdentities.has(memberIdentity(member.id)),
        });
    }
  }
  // manual rows that are none of these (guests named by hand, older records) come back as guests
  const guests = manual
    .filter((a) => !candidates.has(a.userId ? `user:${a.userId}` : a.identity))
    .map((a) => a.name ?? a.identity);
  return {
    candidates: [...candidates.values()].sort((a, b) => a.name.localeCompare(b.name)),
    guests: [...new Set(guests)],
  };
}

const groupSelect = {
  name: true,
  region: { select: { name: true, code: true } },
  members: {
    orderBy: { name: "asc" },
    select: { id: true, name: true, user: { select: { id: true, name: true } } },
  },
} satisfies Prisma.WorkingGroupSelect;

const memberIdentity = (id: string) => `member:${id}`;

/**
 * Records a past session held or not held, and who attended (replacing the manual attendance; the
 * LiveKit rows stay). Refuses a session that has not started, a cancelled one, and attendees who
 * are neither invited nor in the pairing's working groups. All or nothing.
 */
export async function recordSessionByHand(
  { user }: Actor,
  sessionId: string,
  input: Pick<SessionRecordInput, "outcome" | "reason" | "attendees" | "guests">,
  now = new Date(),
) {
  if (!(await mayRecordSession(user, sessionId))) throw new OutOfScopeError("not allowed");
  const held = input.outcome === "HELD";
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      startsAt: true,
      durationMinutes: true,
      pairing: {
        select: {
          mentorGroup: { select: { regionCode: true, members: { select: { id: true, name: true } } } },
          menteeGroup: { select: { regionCode: true, members: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const { candidates } = await attendanceChoices(sessionId);
  const allowed = new Set(candidates.map((c) => c.key));
  const chosen = held ? [...new Set(input.attendees)] : [];
  if (chosen.some((key) => !allowed.has(key)))
    throw new SessionRecordError("sessionRecord.errors.unknownAttendee");
  if (!held && !input.reason?.trim()) throw new SessionRecordError("sessionRecord.errors.reasonRequired");

  const userIds = chosen.filter((k) => k.startsWith("user:")).map((k) => k.slice(5));
  const people = await prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, regionCode: true },
  });
  const groups = [session.pairing?.mentorGroup, session.pairing?.menteeGroup].filter((g) => g != null);
  const members = new Map(
    groups.flatMap((g) => g.members.map((m) => [m.id, { name: m.name, regionCode: g.regionCode }] as const)),
  );
  const joinedAt = session.startsAt;
  const leftAt = new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
  const rows: Prisma.AttendanceCreateManyInput[] = [
    ...people.map((p) => ({
      sessionId,
      userId: p.id,
      identity: p.id,
      name: p.name,
      regionCode: p.regionCode,
      joinedAt,
      leftAt,
      source: "MANUAL" as const,
    })),
    ...chosen
      .filter((k) => k.startsWith("member:"))
      .map((k) => {
        const member = members.get(k.slice(7))!;
        return {
          sessionId,
          identity: memberIdentity(k.slice(7)),
          name: member.name,
          regionCode: member.regionCode,
          joinedAt,
          leftAt,
          source: "MANUAL" as const,
        };
      }),
    ...(held ? input.guests : []).map((name) => ({
      sessionId,
      identity: `guest:${name.toLowerCase()}`,
      name,
      joinedAt,
      leftAt,
      source: "MANUAL" as const,
    })),
  ];

  await prisma.$transaction(async (tx) => {
    // conditional on what was read: started, and not cancelled meanwhile
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, status: { in: [...RECORDABLE] }, startsAt: { lte: now } },
      data: {
        status: input.outcome,
        notHeldReason: held ? null : input.reason!.trim(),
        recordedById: user.id,
        recordedAt: now,
      },
    });
    if (count !== 1)
      throw new SessionRecordError(
        session.startsAt > now ? "sessionRecord.errors.future" : "sessionRecord.errors.cancelled",
      );
    await tx.attendance.deleteMany({ where: { sessionId, source: "MANUAL" } });
    if (rows.length > 0) await tx.attendance.createMany({ data: rows });
    await logActivity(
      {
        actorId: user.id,
        action: "session.recorded",
        subjectType: "Session",
        subjectId: sessionId,
        data: { outcome: input.outcome, attendees: rows.length },
      },
      tx,
    );
  });
}

/**
 * Past sessions (over by their scheduled end) still "Terjadwal" or left "live" that the person may
 * record: the list on the pairing page and the dashboard, oldest first.
 */
export async function listSessionsNeedingRecord(
  user: CurrentUser,
  { pairingId, take = 20 }: { pairingId?: string; take?: number } = {},
  now = new Date(),
) {
  if (grantsFor(user.memberships, "session:record").length === 0) return { sessions: [], total: 0 };
  const rows = await prisma.session.findMany({
    where: {
      AND: [
        recordScope(user),
        { status: { in: ["SCHEDULED", "LIVE"] }, startsAt: { lte: now } },
        pairingId ? { pairingId } : {},
      ],
    },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      timeZone: true,
      status: true,
      pairing: { select: { id: true, topic: true } },
    },
  });
  const over = rows.filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 <= now.getTime());
  return { sessions: over.slice(0, take), total: over.length };
}
