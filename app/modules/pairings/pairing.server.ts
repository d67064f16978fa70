// Mentor–mentee pairings of regions, their people, commitments and the matching help.
import { RuleError } from "~/errors";
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { commitmentWhere, pairingWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { LearningMethod, PairingSide, PairingStatus, WorkStatus } from "~/generated/prisma/enums";
import { env } from "~/env.server";
import { fixedT } from "~/i18n/translate";
import { logActivity } from "~/modules/accounts/activity.server";
import { queueEmail } from "~/modules/notifications/outbox.server";
import { OutOfScopeError } from "~/modules/projects/project.server";
import { NEW_PROJECT, PAIRING_PAGE_SIZE } from "~/modules/pairings/pairing-schemas";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { zoneDifferenceHours } from "~/utils/dates";
import { formatNumber } from "~/utils/numbers";
import { ianaZoneForRegionCode } from "~/utils/time-zones";

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

/** A pairing rule refused the write; `key` is the message shown next to the form. */
export class PairingRuleError extends RuleError {}

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
  menteeProjectId?: string;
  mentorGroupId?: string;
  menteeGroupId?: string;
};

type PairingRecord = Pick<
  PairingInput,
  "mentorProjectId" | "practiceId" | "menteeProjectId" | "mentorGroupId" | "menteeGroupId"
>;

/**
 * What a pairing builds on, each from its own side: the mentor region's project or catalogue
 * practice, the mentee region's project and each region's Pokja. Empty means none. (The choices
 * leave out stopped projects and archived practices, but a pairing may keep one it already has.)
 */
async function checkedRecord(record: PairingRecord, mentorRegionCode: string, menteeRegionCode: string) {
  const id = (value: string | undefined) => value?.trim() || null;
  const out = {
    mentorProjectId: id(record.mentorProjectId),
    practiceId: id(record.practiceId),
    menteeProjectId: id(record.menteeProjectId),
    mentorGroupId: id(record.mentorGroupId),
    menteeGroupId: id(record.menteeGroupId),
  };
  const found = await Promise.all([
    !out.mentorProjectId ||
      prisma.changeProject.count({ where: { id: out.mentorProjectId, regionCode: mentorRegionCode } }),
    !out.practiceId || prisma.practice.count({ where: { id: out.practiceId, regionCode: mentorRegionCode } }),
    !out.menteeProjectId ||
      prisma.changeProject.count({ where: { id: out.menteeProjectId, regionCode: menteeRegionCode } }),
    !out.mentorGroupId ||
      prisma.workingGroup.count({ where: { id: out.mentorGroupId, regionCode: mentorRegionCode } }),
    !out.menteeGroupId ||
      prisma.workingGroup.count({ where: { id: out.menteeGroupId, regionCode: menteeRegionCode } }),
  ]);
  const keys = ["mentorProject", "practice", "menteeProject", "mentorGroup", "menteeGroup"];
  const wrong = found.findIndex((n) => n === 0);
  if (wrong >= 0) throw new PairingRuleError(`pairings.errors.${keys[wrong]}`);
  return out;
}

/** The choices of the pairing's record, each limited to its side's region, with what it `has` already. */
export async function listPairingRecordChoices(
  mentorRegionCode: string,
  menteeRegionCode: string,
  has: { practiceId?: string | null; menteeProjectId?: string | null } = {},
) {
  const project = { id: true, title: true, acronym: true } as const;
  const [mentorProjects, practices, menteeProjects, mentorGroups, menteeGroups] = await Promise.all([
    prisma.changeProject.findMany({
      where: { regionCode: mentorRegionCode },
      orderBy: { title: "asc" },
      take: 200,
      select: project,
    }),
    prisma.practice.findMany({
      where: {
        regionCode: mentorRegionCode,
        OR: [{ status: { not: "ARCHIVED" } }, ...(has.practiceId ? [{ id: has.practiceId }] : [])],
      },
      orderBy: { name: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
    listMenteeProjectChoices(menteeRegionCode, has.menteeProjectId),
    prisma.workingGroup.findMany({
      where: { regionCode: mentorRegionCode },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.workingGroup.findMany({
      where: { regionCode: menteeRegionCode },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const label = (p: { title: string; acronym: string | null }) =>
    p.acronym ? `${p.acronym}: ${p.title}` : p.title;
  return {
    mentorProjects: mentorProjects.map((p) => ({ value: p.id, label: label(p) })),
    practices: practices.map((p) => ({ value: p.id, label: p.name })),
    menteeProjects: menteeProjects.map((p) => ({ value: p.id, label: label(p) })),
    mentorGroups: mentorGroups.map((g) => ({ value: g.id, label: g.name })),
    menteeGroups: menteeGroups.map((g) => ({ value: g.id, label: g.name })),
  };
}

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
  const record = await checkedRecord(input, input.mentorRegionCode, input.menteeRegionCode);
  return prisma.$transaction(async (tx) => {
    const { facilitatorOrgName, ...plan } = input;
    const data = { ...plan, ...record, followUpChannel: plan.followUpChannel || null };
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
  "mentorRegionCode" | "menteeRegionCode" | "facilitatorOrgName"
>;

/**
 * A facilitator adjusts a pairing's terms (topic, goals, method, sessions, period, channel) and
 * record (projects, practice, Pokja of each side), e.g. a request from the catalogue before
 * agreeing it; empty fields are cleared. Not once it is over.
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
  const record = await checkedRecord(input, pairing.mentorRegionCode, pairing.menteeRegionCode);
  await prisma.$transaction(async (tx) => {
    await tx.pairing.update({
      where: { id: pairingId },
      data: {
        ...record,
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
    if (to === "CANCELLED") await tellRequesterOfDecline(tx, pairing, cancelReason!.trim(), user.id);
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

/**
 * A pairing that began as a request from the catalogue ("I want to learn this") is cancelled: the
 * person who asked hears why, in the app when they asked signed in, by email (through the outbox)
 * when they asked as a visitor without an account. Their request is found in the activity log.
 */
async function tellRequesterOfDecline(
  tx: Prisma.TransactionClient,
  pairing: { id: string; topic: string },
  reason: string,
  actorId: string,
) {
  const request = await tx.activityLog.findFirst({
    where: {
      subjectType: "Pairing",
      subjectId: pairing.id,
      action: { in: ["pairing.requested", "pairing.requested_by_visitor"] },
    },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, data: true },
  });
  if (!request) return;
  const values = { topic: pairing.topic, reason };
  if (request.action === "pairing.requested") {
    if (!request.actorId || request.actorId === actorId) return;
    const requester = await tx.user.findUnique({ where: { id: request.actorId }, select: { locale: true } });
    if (!requester) return;
    await tx.notification.create({
      data: {
        userId: request.actorId,
        kind: "pairing-request-declined",
        title: fixedT(requester.locale)("pairings.declinedNotification", values),
        link: `/pasangan/${pairing.id}`,
      },
    });
    return;
  }
  const data = request.data as { email?: unknown } | null;
  const email = typeof data?.email === "string" ? data.email : null;
  if (!email) return;
  // a visitor has no language setting: the message comes in Indonesian and in English
  const [id, en] = [fixedT("id"), fixedT("en")];
  const link = `${env.APP_URL}/katalog`;
  await queueEmail(
    {
      to: email,
      subject: `${id("pairings.declinedSubject", values)} / ${en("pairings.declinedSubject", values)}`,
      text: `${id("pairings.declinedBody", { ...values, link })}\n\n—\n\n${en("pairings.declinedBody", { ...values, link })}`,
    },
    tx,
  );
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

export type PairingListFilters = {
  status?: PairingStatus;
  q?: string;
  /** either side in the province */
  provinceCode?: string;
  sector?: string;
  facilitatorOrgId?: string;
};

function pairingListWhere({ user, grants }: Scope, filters: PairingListFilters): Prisma.PairingWhereInput {
  const { status, q, provinceCode, sector, facilitatorOrgId } = filters;
  return {
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
      provinceCode
        ? {
            OR: [
              { mentorRegionCode: provinceCode },
              { menteeRegionCode: provinceCode },
              { mentorRegion: { provinceCode } },
              { menteeRegion: { provinceCode } },
            ],
          }
        : {},
      sector ? { sector: { equals: sector, mode: "insensitive" } } : {},
      facilitatorOrgId ? { facilitatorOrgId } : {},
    ],
  };
}

/** One page of the pairings the person may see, newest change first, with how many there are in all. */
export async function pagePairingsForUser(scope: Scope, filters: PairingListFilters, page = 1) {
  const where = pairingListWhere(scope, filters);
  const total = await prisma.pairing.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAIRING_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const pairings = await prisma.pairing.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * PAIRING_PAGE_SIZE,
    take: PAIRING_PAGE_SIZE,
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
  return { pairings, total, page: current, pageCount };
}

/** The listed pairings (all pages) as the map's arcs, from mentor to mentee; at most `limit`. */
export async function mapPairingsForUser(scope: Scope, filters: PairingListFilters, limit = 1000) {
  const end = { select: { code: true, name: true, lat: true, lng: true } } as const;
  return prisma.pairing.findMany({
    where: pairingListWhere(scope, filters),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, topic: true, mentorRegion: end, menteeRegion: end },
  });
}

/** What the list's filters offer: provinces, and the sectors and facilitators of pairings the person sees. */
export async function pairingFilterOptions({ user, grants }: Scope) {
  const visible = pairingWhere(user.id, grants);
  const [provinces, sectors, facilitators] = await Promise.all([
    prisma.region.findMany({
      where: { kind: "PROVINCE" },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    prisma.pairing.findMany({
      where: { AND: [visible, { sector: { not: null } }] },
      distinct: ["sector"],
      orderBy: { sector: "asc" },
      take: 200,
      select: { sector: true },
    }),
    prisma.organisation.findMany({
      where: { facilitatedPairings: { some: visible } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    provinces,
    sectors: sectors.map((p) => p.sector!).filter(Boolean),
    facilitators,
  };
}

export async function getPairingForUser({ user, grants }: Scope, id: string) {
  return prisma.pairing.findFirst({
    where: { AND: [{ id }, pairingWhere(user.id, grants)] },
    include: {
      mentorRegion: { select: { code: true, name: true, timeZone: true } },
      menteeRegion: { select: { code: true, name: true, timeZone: true } },
      facilitatorOrg: { select: { name: true } },
      mentorProject: { select: { id: true, title: true, acronym: true } },
      menteeProject: { select: { id: true, title: true, acronym: true, status: true } },
      mentorGroup: { select: { id: true, name: true } },
      menteeGroup: { select: { id: true, name: true } },
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

/** May the person write this pairing's commitments ("pairing:commit"); `menteeOnly`: turn them into milestones. */
export async function mayCommit(user: CurrentUser, pairingId: string, { menteeOnly = false } = {}) {
  const where = commitmentWhere(user.id, grantsFor(user.memberships, "pairing:commit"), { menteeOnly });
  return (await prisma.pairing.count({ where: { AND: [{ id: pairingId }, where] } })) > 0;
}

export async function addCommitment(
  { user }: Actor,
  pairingId: string,
  input: { title: string; side: PairingSide; owner?: string; dueDate?: Date; sessionId?: string },
) {
  if (!(await mayCommit(user, pairingId))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const commitment = await tx.commitment.create({
      data: { pairingId, ...input, owner: input.owner || null, sessionId: input.sessionId || null },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.commitment_added",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { title: input.title },
      },
      tx,
    );
    return commitment;
  });
}

export async function setCommitmentStatus(
  { user }: Actor,
  pairingId: string,
  commitmentId: string,
  status: WorkStatus,
) {
  if (!(await mayCommit(user, pairingId))) throw new OutOfScopeError("not allowed");
  const { count } = await prisma.commitment.updateMany({
    where: { id: commitmentId, pairingId },
    data: { status },
  });
  if (count !== 1) throw new OutOfScopeError("no such commitment");
}

/** The change projects of the mentee region a commitment may become a milestone of (not stopped). */
export async function listMenteeProjectChoices(menteeRegionCode: string, alsoId?: string | null) {
  return prisma.changeProject.findMany({
    where: {
      regionCode: menteeRegionCode,
      OR: [{ status: { not: "STOPPED" } }, ...(alsoId ? [{ id: alsoId }] : [])],
    },
    orderBy: { title: "asc" },
    take: 200,
    select: { id: true, title: true, acronym: true, status: true },
  });
}

/**
 * Turns a mentee-side commitment into a short-term milestone of the mentee's change project,
 * linked both ways. The project is the pairing's `menteeProject`; while it has none (or it was
 * stopped), `projectChoice` names one of the mentee region's projects or NEW_PROJECT (a draft
 * "Replikasi: <topic>"), and the pairing keeps it as its mentee project from then on.
 */
export async function convertCommitmentToMilestone(
  { user }: Actor,
  pairingId: string,
  commitmentId: string,
  projectChoice?: string,
) {
  if (!(await mayCommit(user, pairingId, { menteeOnly: true }))) throw new OutOfScopeError("not allowed");
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
    if (commitment.side !== "MENTEE") throw new PairingRuleError("pairings.errors.mentorCommitment");
    const { pairing } = commitment;
    const open = { regionCode: pairing.menteeRegionCode, status: { not: "STOPPED" as const } };
    let project = pairing.menteeProjectId
      ? await tx.changeProject.findFirst({ where: { id: pairing.menteeProjectId, ...open } })
      : null;
    if (!project) {
      if (!projectChoice) throw new PairingRuleError("pairings.errors.chooseProject");
      if (projectChoice === NEW_PROJECT) {
        project = await tx.changeProject.create({
          data: {
            title: `Replikasi: ${pairing.topic}`,
            kind: "REGIONAL_INNOVATION",
            regionCode: pairing.menteeRegionCode,
            sector: pairing.sector,
            problem: pairing.goals,
          },
        });
        await logActivity(
          {
            actorId: user.id,
            action: "project.created",
            subjectType: "ChangeProject",
            subjectId: project.id,
            data: { title: project.title, fromPairing: pairingId },
          },
          tx,
        );
      } else {
        project = await tx.changeProject.findFirst({ where: { id: projectChoice, ...open } });
        if (!project) throw new PairingRuleError("pairings.errors.projectNotMentee");
      }
      await tx.pairing.update({ where: { id: pairingId }, data: { menteeProjectId: project.id } });
    }
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
  const menteeZone = ianaZoneForRegionCode(menteeRegionCode);
  return regions
    .map((region) => ({
      code: region.code,
      name: region.name,
      score: Math.round(scores.get(region.code)!.score * 100) / 100,
      reasons: scores.get(region.code)!.reasons.slice(0, 3),
      distanceKm: mentee ? distanceKm(mentee, region) : null,
      zoneDifferenceHours: zoneDifferenceHours(menteeZone, ianaZoneForRegionCode(region.code)),
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
