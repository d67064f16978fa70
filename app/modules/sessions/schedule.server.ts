// Scheduling a series of sessions for a pairing, a change project's team or a province: who hosts
// it, who is invited, the clashes to warn about, and the series made once.
import { randomBytes } from "node:crypto";
import { grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import { mayOnPairing } from "~/modules/pairings/queries.server";
import { OutOfScopeError } from "~/errors";
import { inviteToNewSessions } from "~/modules/sessions/session-change.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { parseWallClock } from "~/utils/dates";
import { findConflicts } from "~/modules/sessions/reschedule.server";

type Actor = Pick<Scope, "user">;

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
