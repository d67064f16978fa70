// A pairing's report for the PMU's programme report: both regions, goals, sessions held against
// planned with attendance minutes per region, commitments done and overdue, lessons and the
// replication record, for a period (whole days in the mentee region's zone).
import type { Scope } from "~/auth/require-user.server";
import { pairingWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { getReplicationRecord } from "~/modules/pairings/replication.server";
import { parseWallClock } from "~/utils/dates";

export type ReportPeriod = { from?: string; to?: string };

/** [start, end) of the period: `from` 00.00 to the day after `to` 00.00 in the zone given. */
export function periodBounds({ from, to }: ReportPeriod, timeZone: string) {
  const start = from ? parseWallClock(`${from}T00:00`, timeZone) : null;
  const end = to ? new Date(parseWallClock(`${to}T00:00`, timeZone).getTime() + 24 * 3_600_000) : null;
  return { start, end };
}

function within(start: Date | null, end: Date | null) {
  if (!start && !end) return undefined;
  return { ...(start ? { gte: start } : {}), ...(end ? { lt: end } : {}) };
}

const OPEN_WORK = ["NOT_STARTED", "IN_PROGRESS"] as const;

export async function getPairingReport(
  { user, grants }: Scope,
  pairingId: string,
  period: ReportPeriod,
  now = new Date(),
) {
  const pairing = await prisma.pairing.findFirst({
    where: { AND: [{ id: pairingId }, pairingWhere(user.id, grants)] },
    include: {
      mentorRegion: { select: { code: true, name: true, timeZone: true } },
      menteeRegion: { select: { code: true, name: true, timeZone: true } },
      facilitatorOrg: { select: { name: true } },
      practice: { select: { slug: true, name: true } },
    },
  });
  if (!pairing) return null;
  const { start, end } = periodBounds(period, pairing.menteeRegion.timeZone);
  const range = within(start, end);

  const sessions = await prisma.session.findMany({
    where: { pairingId, startsAt: range },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      status: true,
      endedAt: true,
      attendances: { select: { identity: true, regionCode: true, joinedAt: true, leftAt: true } },
    },
  });

  const sides = [
    { key: "mentor" as const, code: pairing.mentorRegionCode },
    { key: "mentee" as const, code: pairing.menteeRegionCode },
  ];
  const sideOf = (regionCode: string | null) =>
    sides.find((s) => s.code === regionCode)?.key ?? ("other" as const);
  type Side = "mentor" | "mentee" | "other";
  const emptyTotals = () => ({ mentor: 0, mentee: 0, other: 0 }) as Record<Side, number>;

  const sessionRows = sessions.map((s) => {
    const sessionEnd = s.endedAt ?? new Date(s.startsAt.getTime() + s.durationMinutes * 60_000);
    const minutes = emptyTotals();
    const people = { mentor: new Set<string>(), mentee: new Set<string>(), other: new Set<string>() };
    for (const a of s.attendances) {
      const side = sideOf(a.regionCode);
      const left = a.leftAt ?? sessionEnd;
      minutes[side] += Math.max(0, (left.getTime() - a.joinedAt.getTime()) / 60_000);
      people[side].add(a.identity);
    }
    return {
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      status: s.status,
      minutes: {
        mentor: Math.round(minutes.mentor),
        mentee: Math.round(minutes.mentee),
        other: Math.round(minutes.other),
      },
      people: { mentor: people.mentor.size, mentee: people.mentee.size, other: people.other.size },
    };
  });
  const minutesTotal = emptyTotals();
  for (const row of sessionRows)
    for (const side of ["mentor", "mentee", "other"] as const) minutesTotal[side] += row.minutes[side];

  // commitments of the period: due in it, or (without a due date) agreed in it
  const commitmentWhere: Prisma.CommitmentWhereInput = range
    ? { pairingId, OR: [{ dueDate: range }, { dueDate: null, createdAt: range }] }
    : { pairingId };
  const commitments = await prisma.commitment.findMany({
    where: commitmentWhere,
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, side: true, owner: true, dueDate: true, status: true },
  });
  // overdue as of the period's end (or now, when that is earlier)
  const asOf = end && end < now ? end : now;
  const isOverdue = (c: (typeof commitments)[number]) =>
    c.status === "LATE" ||
    ((OPEN_WORK as readonly string[]).includes(c.status) && c.dueDate !== null && c.dueDate < asOf);

  const lessons = await prisma.lesson.findMany({
    where: { pairingId, status: "PUBLISHED", publishedAt: range },
    orderBy: { publishedAt: "asc" },
    select: { slug: true, title: true, summary: true, publishedAt: true },
  });

  return {
    pairing: {
      id: pairing.id,
      topic: pairing.topic,
      sector: pairing.sector,
      status: pairing.status,
      goals: pairing.goals,
      method: pairing.method,
      plannedSessions: pairing.plannedSessions,
      periodStart: pairing.periodStart,
      periodEnd: pairing.periodEnd,
      supportingProgramme: pairing.supportingProgramme,
      facilitator: pairing.facilitatorOrg?.name ?? null,
      practice: pairing.practice,
      mentorRegion: pairing.mentorRegion,
      menteeRegion: pairing.menteeRegion,
    },
    period: { from: period.from ?? null, to: period.to ?? null, zone: pairing.menteeRegion.timeZone },
    sessions: sessionRows,
    figures: {
      planned: pairing.plannedSessions,
      scheduled: sessionRows.filter((s) => s.status !== "CANCELLED").length,
      held: sessionRows.filter((s) => s.status === "HELD").length,
      cancelled: sessionRows.filter((s) => s.status === "CANCELLED").length,
      minutes: minutesTotal,
      commitments: commitments.length,
      commitmentsDone: commitments.filter((c) => c.status === "DONE").length,
      commitmentsOverdue: commitments.filter(isOverdue).length,
      lessons: lessons.length,
    },
    commitments: commitments.map((c) => ({ ...c, overdue: isOverdue(c) })),
    lessons,
    replication: await getReplicationRecord(pairing.id),
  };
}

export type PairingReport = NonNullable<Awaited<ReturnType<typeof getPairingReport>>>;
