// The lists of pairing work under "Yang perlu Anda lakukan": sessions to record, lessons to review,
// requests to learn (the facilitator's), and the officer's sessions this week and commitments due.
// Each is given its scope by next-steps.server.ts. Decision 0049.
import type { Grant } from "~/auth/permissions";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import {
  type Ctx,
  DAY_MS,
  NEXT_STEPS_SHOWN,
  type NextStepList,
  OPEN_WORK,
  list,
  projectName,
  step,
} from "~/modules/dashboards/next-steps-items";
import { indexedSessionRecordWhere } from "~/modules/sessions/session-record.server";

/** Commitments due within this many days (and those already late) wait for the region's officer. */
export const COMMITMENT_DAYS_AHEAD = 14;
/** Longer than any session lasts (the form allows 600 minutes): a session started earlier is over. */
const LONGEST_SESSION_MS = 24 * 60 * 60_000;

// ───────────────────────────── facilitator (and the host region's officer) ─────────────────────────────

/** Past sessions, over by their scheduled end, still "scheduled" or left "live": to record by hand. */
export async function sessionsToRecord(ctx: Ctx, grants: Grant[]): Promise<NextStepList> {
  if (grants.length === 0) return list("sessionsToRecord", [], 0);
  // the region's pairings looked up first: an OR across the join would read every past session (0070)
  const scope = await indexedSessionRecordWhere(grants);
  const where: Prisma.SessionWhereInput = {
    AND: [scope, { status: { in: ["SCHEDULED", "LIVE"] }, startsAt: { lte: ctx.now } }],
  };
  // only a session that started within the last day can still be running
  const recent = await prisma.session.findMany({
    where: { AND: [where, { startsAt: { gt: new Date(ctx.now.getTime() - LONGEST_SESSION_MS) } }] },
    select: { id: true, startsAt: true, durationMinutes: true },
  });
  const running = recent
    .filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 > ctx.now.getTime())
    .map((s) => s.id);
  const over: Prisma.SessionWhereInput = { AND: [where, { id: { notIn: running } }] };
  const [rows, total] = await Promise.all([
    prisma.session.findMany({
      where: over,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        id: true,
        title: true,
        startsAt: true,
        pairing: { select: { topic: true } },
        project: { select: { title: true, acronym: true } },
      },
    }),
    prisma.session.count({ where: over }),
  ]);
  const items = rows.map((s) =>
    step({
      id: s.id,
      href: `/sesi/${s.id}#record-heading`,
      title: s.title,
      context: s.pairing?.topic ?? (s.project ? projectName(s.project) : null),
      startsAt: s.startsAt,
    }),
  );
  return list("sessionsToRecord", items, total);
}

/** Lessons waiting for review, the longest-waiting first, as the review queue (/tinjauan) lists them. */
export async function lessonsToReview(scope: Prisma.LessonWhereInput): Promise<NextStepList> {
  const where: Prisma.LessonWhereInput = { AND: [{ status: "IN_REVIEW", sessionId: { not: null } }, scope] };
  const [rows, total] = await Promise.all([
    prisma.lesson.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: { id: true, title: true, sessionId: true, pairing: { select: { topic: true } } },
    }),
    prisma.lesson.count({ where }),
  ]);
  const items = rows.map((l) =>
    step({
      id: l.id,
      href: `/sesi/${l.sessionId}/pelajaran`,
      title: l.title,
      context: l.pairing?.topic ?? null,
    }),
  );
  return list("lessonsToReview", items, total, "/tinjauan");
}

/** Requests to learn a catalogue practice: proposed pairings of a practice, for those who set pairings up. */
export async function learnRequests(scope: Prisma.PairingWhereInput): Promise<NextStepList> {
  const where: Prisma.PairingWhereInput = { AND: [scope, { status: "PROPOSED", practiceId: { not: null } }] };
  const [rows, total] = await Promise.all([
    prisma.pairing.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        id: true,
        topic: true,
        menteeRegion: { select: { name: true } },
        mentorRegion: { select: { name: true } },
      },
    }),
    prisma.pairing.count({ where }),
  ]);
  const items = rows.map((p) =>
    step({
      id: p.id,
      href: `/pasangan/${p.id}`,
      title: p.topic,
      context: `${p.menteeRegion.name} ← ${p.mentorRegion.name}`,
    }),
  );
  return list("learnRequests", items, total, "/pasangan?status=PROPOSED");
}

// ───────────────────────────── region officer ─────────────────────────────

/** Sessions of this week in the officer's own clock (Monday to Sunday) that have not ended yet. */
export async function sessionsThisWeek(ctx: Ctx, scope: Prisma.SessionWhereInput): Promise<NextStepList> {
  const rows = await prisma.session.findMany({
    where: {
      AND: [
        scope,
        { status: { in: ["SCHEDULED", "LIVE"] }, startsAt: { gte: ctx.weekStart, lt: ctx.weekEnd } },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      pairing: { select: { topic: true } },
      project: { select: { title: true, acronym: true } },
    },
  });
  const items = rows
    .filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 > ctx.now.getTime())
    .map((s) =>
      step({
        id: s.id,
        href: `/sesi/${s.id}`,
        title: s.title,
        context: s.pairing?.topic ?? (s.project ? projectName(s.project) : null),
        startsAt: s.startsAt,
      }),
    );
  return list("sessionsThisWeek", items, items.length);
}

/** Open commitments of the region's pairings, late or due within two weeks. */
export async function commitmentsDue(ctx: Ctx, pairing: Prisma.PairingWhereInput): Promise<NextStepList> {
  const where: Prisma.CommitmentWhereInput = {
    pairing,
    status: OPEN_WORK,
    dueDate: { not: null, lt: new Date(ctx.today.getTime() + (COMMITMENT_DAYS_AHEAD + 1) * DAY_MS) },
  };
  const [rows, total] = await Promise.all([
    prisma.commitment.findMany({
      where,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        id: true,
        title: true,
        dueDate: true,
        pairing: { select: { id: true, topic: true } },
      },
    }),
    prisma.commitment.count({ where }),
  ]);
  const items = rows.map((c) =>
    step({
      id: c.id,
      href: `/pasangan/${c.pairing.id}#commitments-heading`,
      title: c.title,
      context: c.pairing.topic,
      dueDay: c.dueDate,
      overdue: c.dueDate! < ctx.today,
    }),
  );
  return list("commitmentsDue", items, total);
}
