// Mentor–mentee pairings of regions, their people, commitments and the matching help.
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { pairingWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { LearningMethod, PairingSide, PairingStatus, WorkStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/models/activity.server";
import { OutOfScopeError } from "~/models/project.server";
import type { CurrentUser } from "~/models/user.server";
import { formatNumber } from "~/utils/numbers";
import { TIME_ZONES, zoneForRegionCode } from "~/utils/time-zones";

type Actor = Pick<Scope, "user">;

export const PAIRING_TRANSITIONS: Record<PairingStatus, { to: PairingStatus; action: Action }[]> = {
  PROPOSED: [{ to: "AGREED", action: "pairing:create" }],
  AGREED: [{ to: "ACTIVE", action: "pairing:create" }],
  ACTIVE: [{ to: "COMPLETED", action: "pairing:create" }],
  COMPLETED: [{ to: "REPLICATING", action: "pairing:update" }],
  REPLICATING: [{ to: "REPLICATED", action: "pairing:update" }],
  REPLICATED: [],
  CANCELLED: [],
};
for (const status of ["PROPOSED", "AGREED", "ACTIVE", "COMPLETED", "REPLICATING"] as const)
  PAIRING_TRANSITIONS[status].push({ to: "CANCELLED", action: "pairing:create" });

/** Statuses in which a pairing still occupies its topic (no second one on the same topic). */
const OPEN_STATUSES: PairingStatus[] = ["PROPOSED", "AGREED", "ACTIVE", "REPLICATING"];

export class PairingRuleError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
}

function scopeFor(user: CurrentUser, action: Action): Prisma.PairingWhereInput {
  return pairingWhere(user.id, grantsFor(user.memberships, action));
}

export async function mayOnPairing(user: CurrentUser, pairingId: string, action: Action) {
  return (await prisma.pairing.count({ where: { AND: [{ id: pairingId }, scopeFor(user, action)] } })) > 0;
}

export type PairingInput = {
  mentorRegionCode: string;
  menteeRegionCode: string;
  topic: string;
  sector?: string;
  facilitatorOrgName?: string;
  supportingProgramme?: string;
  goals?: string;
  method: LearningMethod;
  plannedSessions?: number;
  periodStart?: Date;
  periodEnd?: Date;
  followUpChannel?: string;
  mentorProjectId?: string;
  practiceId?: string;
};

export async function createPairing({ user }: Actor, input: PairingInput, status: PairingStatus = "AGREED") {
  if (!grantsFor(user.memberships, "pairing:create").length) throw new OutOfScopeError("not allowed");
  if (input.mentorRegionCode === input.menteeRegionCode)
    throw new PairingRuleError("pairings.errors.sameRegion");
  const regions = await prisma.region.count({
    where: { code: { in: [input.mentorRegionCode, input.menteeRegionCode] } },
  });
  if (regions !== 2) throw new PairingRuleError("errors.regionUnknown");
  const duplicate = await prisma.pairing.findFirst({
    where: {
      mentorRegionCode: input.mentorRegionCode,
      menteeRegionCode: input.menteeRegionCode,
      topic: { equals: input.topic.trim(), mode: "insensitive" },
      status: { in: OPEN_STATUSES },
    },
    select: { id: true },
  });
  if (duplicate) throw new PairingRuleError("pairings.errors.duplicate");
  return prisma.$transaction(async (tx) => {
    const { facilitatorOrgName, ...data } = input;
    const facilitator = facilitatorOrgName?.trim()
      ? ((await tx.organisation.findFirst({ where: { name: facilitatorOrgName.trim(), type: "PMU" } })) ??
        (await tx.organisation.create({ data: { name: facilitatorOrgName.trim(), type: "PMU" } })))
      : null;
    const pairing = await tx.pairing.create({
      data: { ...data, topic: input.topic.trim(), status, facilitatorOrgId: facilitator?.id ?? null },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.created",
        subjectType: "Pairing",
        subjectId: pairing.id,
        data: { topic: pairing.topic },
      },
      tx,
    );
    return pairing;
  });
}

export type PairingAdjustment = Omit<
  PairingInput,
  "mentorRegionCode" | "menteeRegionCode" | "facilitatorOrgName" | "mentorProjectId" | "practiceId"
>;

/**
 * A facilitator adjusts a pairing's terms (topic, goals, method, sessions, period, channel), e.g.
 * a request from the catalogue before agreeing it; empty fields are cleared. Not once it is over.
 */
export async function adjustPairing({ user }: Actor, pairingId: string, input: PairingAdjustment) {
  if (!(await mayOnPairing(user, pairingId, "pairing:create"))) throw new OutOfScopeError("not allowed");
  const pairing = await prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } });
  if (pairing.status === "REPLICATED" || pairing.status === "CANCELLED")
    throw new PairingRuleError("pairings.errors.over");
  const topic = input.topic.trim();
  const duplicate = await prisma.pairing.findFirst({
    where: {
      id: { not: pairingId },
      mentorRegionCode: pairing.mentorRegionCode,
      menteeRegionCode: pairing.menteeRegionCode,
      topic: { equals: topic, mode: "insensitive" },
      status: { in: OPEN_STATUSES },
    },
    select: { id: true },
  });
  if (duplicate) throw new PairingRuleError("pairings.errors.duplicate");
  await prisma.$transaction(async (tx) => {
    await tx.pairing.update({
      where: { id: pairingId },
      data: {
        topic,
        sector: input.sector || null,
        supportingProgramme: input.supportingProgramme || null,
        goals: input.goals || null,
        method: input.method,
        plannedSessions: input.plannedSessions ?? null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        followUpChannel: input.followUpChannel || null,
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.adjusted",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { topic },
      },
      tx,
    );
  });
}

export async function transitionPairing(
  { user }: Actor,
  pairingId: string,
  to: PairingStatus,
  cancelReason?: string,
) {
  const pairing = await prisma.pairing.findFirst({
    where: { AND: [{ id: pairingId }, scopeFor(user, "pairing:read")] },
  });
  if (!pairing) throw new OutOfScopeError("not allowed");
  const move = PAIRING_TRANSITIONS[pairing.status].find((m) => m.to === to);
  if (!move) throw new PairingRuleError("pairings.errors.notAMove");
  if (!(await mayOnPairing(user, pairingId, move.action))) throw new OutOfScopeError("not allowed");
  if (to === "CANCELLED" && !cancelReason?.trim()) throw new PairingRuleError("pairings.errors.cancelReason");
  await prisma.$transaction(async (tx) => {
    await tx.pairing.update({
      where: { id: pairingId },
      data: {
        status: to,
        cancelReason: to === "CANCELLED" ? cancelReason!.trim() : null,
        ...(to === "REPLICATED" && !pairing.replicatedAt ? { replicatedAt: new Date() } : {}),
      },
    });
    if (to === "REPLICATED") await recordCatalogueReplication(tx, pairingId);
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.status_changed",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { from: pairing.status, to },
      },
      tx,
    );
  });
}

/** Every facilitator hears in the app of a new request to learn a practice (a proposed pairing). */
export async function notifyFacilitatorsOfRequest(
  tx: Prisma.TransactionClient,
  pairingId: string,
  title: string,
) {
  const facilitators = await tx.membership.findMany({
    where: { role: "FACILITATOR" },
    select: { userId: true },
    distinct: ["userId"],
  });
  if (facilitators.length > 0)
    await tx.notification.createMany({
      data: facilitators.map((f) => ({
        userId: f.userId,
        kind: "pairing-request",
        title,
        link: `/pasangan/${pairingId}`,
      })),
    });
}

/**
 * The catalogue's "replicated by N regions": a replicated pairing of a catalogue practice upserts
 * the practice's Replication row for the mentee region (one per practice and region, however
 * often it runs), with the mentee's results as text. Runs inside the status change's transaction.
 */
export async function recordCatalogueReplication(tx: Prisma.TransactionClient, pairingId: string) {
  const pairing = await tx.pairing.findUniqueOrThrow({
    where: { id: pairingId },
    select: {
      practiceId: true,
      menteeRegionCode: true,
      replicationResults: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!pairing.practiceId) return null;
  const results =
    pairing.replicationResults
      .map((r) => {
        const value = (n: { toNumber(): number }, year: number) =>
          `${formatNumber(n.toNumber(), "id")} ${r.unit} (${year})`;
        return `${r.indicator}: ${value(r.before, r.beforeYear)}${
          r.after !== null && r.afterYear !== null ? ` → ${value(r.after, r.afterYear)}` : ""
        }`;
      })
      .join("; ") || null;
  return tx.replication.upsert({
    where: {
      practiceId_regionCode: { practiceId: pairing.practiceId, regionCode: pairing.menteeRegionCode },
    },
    create: {
      practiceId: pairing.practiceId,
      regionCode: pairing.menteeRegionCode,
      status: "REPLICATED",
      results,
    },
    // a later pairing without numbers keeps the results an earlier one recorded
    update: { status: "REPLICATED", ...(results ? { results } : {}) },
  });
}

export async function listPairingsForUser(
  { user, grants }: Scope,
  { status, q, provinceCode }: { status?: PairingStatus; q?: string; provinceCode?: string } = {},
) {
  return prisma.pairing.findMany({
    where: {
      AND: [
        pairingWhere(user.id, grants),
        status ? { status } : {},
        q
          ? {
              OR: [
                { topic: { contains: q, mode: "insensitive" } },
                { sector: { contains: q, mode: "insensitive" } },
              ],
            }
          : {},
        provinceCode ? { OR: [{ mentorRegion: { provinceCode } }, { menteeRegion: { provinceCode } }] } : {},
      ],
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true,
      topic: true,
      sector: true,
      status: true,
      plannedSessions: true,
      periodStart: true,
      periodEnd: true,
      mentorRegion: { select: { code: true, name: true } },
      menteeRegion: { select: { code: true, name: true } },
      facilitatorOrg: { select: { name: true } },
      _count: { select: { sessions: true, commitments: true } },
    },
  });
}

export async function getPairingForUser({ user, grants }: Scope, id: string) {
  return prisma.pairing.findFirst({
    where: { AND: [{ id }, pairingWhere(user.id, grants)] },
    include: {
      mentorRegion: { select: { code: true, name: true, timeZone: true } },
      menteeRegion: { select: { code: true, name: true, timeZone: true } },
      facilitatorOrg: { select: { name: true } },
      mentorProject: { select: { id: true, title: true, acronym: true } },
      practice: { select: { slug: true, name: true } },
      participants: { orderBy: [{ side: "asc" }, { isLead: "desc" }, { name: "asc" }] },
      commitments: {
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        include: { milestone: { select: { id: true, projectId: true, title: true, status: true } } },
      },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          title: true,
          startsAt: true,
          durationMinutes: true,
          status: true,
          timeZone: true,
        },
      },
      lessons: { where: { status: "PUBLISHED" }, select: { slug: true, title: true } },
    },
  });
}

export async function addParticipant(
  { user }: Actor,
  pairingId: string,
  input: {
    side: PairingSide;
    name: string;
    position?: string;
    agency?: string;
    email?: string;
    isLead: boolean;
  },
) {
  if (
    !(await mayOnPairing(user, pairingId, "pairing:update")) &&
    !(await mayOnPairing(user, pairingId, "pairing:create"))
  )
    throw new OutOfScopeError("not allowed");
  const pairing = await prisma.pairing.findUniqueOrThrow({
    where: { id: pairingId },
    select: { mentorRegionCode: true, menteeRegionCode: true },
  });
  const regionCode = input.side === "MENTOR" ? pairing.mentorRegionCode : pairing.menteeRegionCode;
  return prisma.$transaction(async (tx) => {
    const account = input.email
      ? await tx.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true } })
      : null;
    // one lead per side
    if (input.isLead)
      await tx.pairingParticipant.updateMany({
        where: { pairingId, side: input.side },
        data: { isLead: false },
      });
    const participant = await tx.pairingParticipant.create({
      data: {
        pairingId,
        side: input.side,
        name: input.name,
        position: input.position || null,
        agency: input.agency || null,
        userId: account?.id ?? null,
        regionCode,
        isLead: input.isLead,
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.participant_added",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { name: input.name },
      },
      tx,
    );
    return participant;
  });
}

export async function addCommitment(
  { user }: Actor,
  pairingId: string,
  input: { title: string; side: PairingSide; owner?: string; dueDate?: Date; sessionId?: string },
) {
  if (!(await mayOnPairing(user, pairingId, "pairing:read"))) throw new OutOfScopeError("not allowed");
  const commitment = await prisma.commitment.create({
    data: { pairingId, ...input, owner: input.owner || null, sessionId: input.sessionId || null },
  });
  await logActivity({
    actorId: user.id,
    action: "pairing.commitment_added",
    subjectType: "Pairing",
    subjectId: pairingId,
    data: { title: input.title },
  });
  return commitment;
}

export async function setCommitmentStatus(
  { user }: Actor,
  pairingId: string,
  commitmentId: string,
  status: WorkStatus,
) {
  if (!(await mayOnPairing(user, pairingId, "pairing:read"))) throw new OutOfScopeError("not allowed");
  const { count } = await prisma.commitment.updateMany({
    where: { id: commitmentId, pairingId },
    data: { status },
  });
  if (count !== 1) throw new OutOfScopeError("no such commitment");
}

/**
 * Turns a mentee-side commitment into a short-term milestone of the mentee's change project on
 * this topic (created as a draft when there is none), linked both ways.
 */
export async function convertCommitmentToMilestone({ user }: Actor, pairingId: string, commitmentId: string) {
  if (!(await mayOnPairing(user, pairingId, "pairing:read"))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const commitment = await tx.commitment.findFirst({
      where: { id: commitmentId, pairingId },
      include: { pairing: true },
    });
    if (!commitment) throw new OutOfScopeError("no such commitment");
    if (commitment.milestoneId)
      return {
        milestoneId: commitment.milestoneId,
        projectId: (await tx.milestone.findUniqueOrThrow({ where: { id: commitment.milestoneId } }))
          .projectId,
        created: false,
      };
    const { pairing } = commitment;
    const replicationTitle = `Replikasi: ${pairing.topic}`;
    const project =
      (await tx.changeProject.findFirst({
        where: { regionCode: pairing.menteeRegionCode, title: replicationTitle, status: { not: "STOPPED" } },
        orderBy: { createdAt: "desc" },
      })) ??
      (await tx.changeProject.create({
        data: {
          title: replicationTitle,
          kind: "REGIONAL_INNOVATION",
          regionCode: pairing.menteeRegionCode,
          sector: pairing.sector,
          problem: pairing.goals,
        },
      }));
    const milestone = await tx.milestone.create({
      data: {
        projectId: project.id,
        title: commitment.title,
        horizon: "SHORT",
        dueDate: commitment.dueDate,
        status: commitment.status,
      },
    });
    await tx.commitment.update({ where: { id: commitment.id }, data: { milestoneId: milestone.id } });
    await logActivity(
      {
        actorId: user.id,
        action: "project.milestone_added",
        subjectType: "ChangeProject",
        subjectId: project.id,
        data: { title: commitment.title, fromPairing: pairingId },
      },
      tx,
    );
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.commitment_to_milestone",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { title: commitment.title },
      },
      tx,
    );
    return { milestoneId: milestone.id, projectId: project.id, created: true };
  });
}

// ── matching ──

function distanceKm(
  a: { lat: number | null; lng: number | null },
  b: { lat: number | null; lng: number | null },
) {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371 * 2 * Math.asin(Math.sqrt(h)));
}

const PROJECT_WEIGHT: Record<string, number> = { SUSTAINED: 5, IMPLEMENTED: 4, LAUNCHED: 3, PILOTING: 1 };

/**
 * Mentor regions for a mentee's need, best first: published practices and launched or
 * implemented projects whose sector, title or tags match count most; drafts count nothing.
 */
export async function suggestMentors(need: string, menteeRegionCode: string, limit = 10) {
  const words = need
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
  if (words.length === 0) return [];
  const matchText = (fields: (string | null | undefined)[]) => {
    const text = fields.filter(Boolean).join(" ").toLowerCase();
    return words.filter((w) => text.includes(w)).length / words.length;
  };
  const [mentee, projects, practices] = await Promise.all([
    prisma.region.findUnique({ where: { code: menteeRegionCode }, select: { lat: true, lng: true } }),
    prisma.changeProject.findMany({
      where: {
        status: { in: ["PILOTING", "LAUNCHED", "IMPLEMENTED", "SUSTAINED"] },
        regionCode: { not: menteeRegionCode },
      },
      select: {
        id: true,
        title: true,
        acronym: true,
        sector: true,
        problem: true,
        status: true,
        regionCode: true,
        _count: { select: { indicators: true } },
      },
    }),
    prisma.practice.findMany({
      where: { status: "PUBLISHED", regionCode: { not: menteeRegionCode } },
      select: {
        slug: true,
        name: true,
        sector: true,
        tags: true,
        summary: true,
        maturity: true,
        regionCode: true,
      },
    }),
  ]);
  const scores = new Map<string, { score: number; reasons: string[] }>();
  const add = (code: string, score: number, reason: string) => {
    const entry = scores.get(code) ?? { score: 0, reasons: [] };
    entry.score += score;
    entry.reasons.push(reason);
    scores.set(code, entry);
  };
  for (const p of projects) {
    const match = matchText([p.title, p.acronym, p.sector, p.problem]);
    if (match > 0)
      add(
        p.regionCode,
        match * (PROJECT_WEIGHT[p.status] ?? 0) + (p._count.indicators > 0 ? 0.5 : 0),
        p.acronym ?? p.title,
      );
  }
  for (const p of practices) {
    const match = matchText([p.name, p.sector, p.summary, ...p.tags]);
    if (match > 0)
      add(
        p.regionCode,
        match * 6 + (p.maturity === "REPLICATED" || p.maturity === "SUSTAINED" ? 1 : 0),
        p.name,
      );
  }
  const regions = await prisma.region.findMany({
    where: { code: { in: [...scores.keys()] } },
    select: { code: true, name: true, lat: true, lng: true },
  });
  const menteeZone = TIME_ZONES[zoneForRegionCode(menteeRegionCode)].utcOffsetHours;
  return regions
    .map((region) => ({
      code: region.code,
      name: region.name,
      score: Math.round(scores.get(region.code)!.score * 100) / 100,
      reasons: scores.get(region.code)!.reasons.slice(0, 3),
      distanceKm: mentee ? distanceKm(mentee, region) : null,
      zoneDifferenceHours: TIME_ZONES[zoneForRegionCode(region.code)].utcOffsetHours - menteeZone,
    }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * "I want to learn this": a signed-in person of a region asks to learn a published practice.
 * It arrives as a proposed pairing in the facilitators' queue (accept, adjust or cancel there).
 */
export async function requestToLearn({ user }: Actor, practiceSlug: string, message: string) {
  const menteeRegionCode = user.regionCode;
  if (!menteeRegionCode) throw new PairingRuleError("pairings.errors.noRegion");
  const practice = await prisma.practice.findFirst({
    where: { slug: practiceSlug, status: "PUBLISHED" },
    select: { id: true, name: true, regionCode: true, sector: true },
  });
  if (!practice) throw new OutOfScopeError("no such practice");
  if (practice.regionCode === menteeRegionCode) throw new PairingRuleError("pairings.errors.sameRegion");
  const open = await prisma.pairing.findFirst({
    where: { practiceId: practice.id, menteeRegionCode, status: { in: OPEN_STATUSES } },
    select: { id: true },
  });
  if (open) throw new PairingRuleError("pairings.errors.alreadyRequested");
  return prisma.$transaction(async (tx) => {
    const pairing = await tx.pairing.create({
      data: {
        mentorRegionCode: practice.regionCode,
        menteeRegionCode,
        topic: practice.name,
        sector: practice.sector,
        practiceId: practice.id,
        goals: message,
        status: "PROPOSED",
        participants: {
          create: {
            side: "MENTEE",
            name: user.name,
            position: user.position,
            userId: user.id,
            regionCode: menteeRegionCode,
            isLead: true,
          },
        },
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.requested",
        subjectType: "Pairing",
        subjectId: pairing.id,
        data: { practice: practice.name },
      },
      tx,
    );
    await notifyFacilitatorsOfRequest(tx, pairing.id, `${user.name}: ${practice.name}`);
    return pairing;
  });
}
