// Pairing two regions: the terms and the record it builds on (projects, practice, Pokja of each
// side), created and later adjusted.
import { grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { LearningMethod, PairingStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { OutOfScopeError } from "~/errors";
import { listMenteeProjectChoices } from "~/modules/pairings/commitments.server";
import { OPEN_STATUSES, PairingRuleError } from "~/modules/pairings/pairing-status";
import { mayOnPairing } from "~/modules/pairings/queries.server";

type Actor = Pick<Scope, "user">;

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
