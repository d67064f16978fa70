// A region's agencies (OPD) and working groups (Pokja) with their members: read by the region's
// pages, written by people who may manage the region (region:manage, checked here against the region).
import type { Grant } from "~/auth/permissions";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { OutOfScopeError } from "~/errors";

/** A name already used in this region (agency or working group). */
export class DuplicateNameError extends Error {
  readonly field = "name";
  readonly key = "agencies.duplicateName";
}
/** No active account has that email. */
export class NoAccountError extends Error {
  readonly field = "email";
  readonly key = "agencies.noAccount";
}
/** The agency is still named by projects, people or members; it cannot be removed. */
export class AgencyInUseError extends Error {
  readonly key = "agencies.inUse";
}

type Region = { code: string; provinceCode: string | null };

/** Whether grants (of any action) reach this region: everything, the region, or its province. */
export function coversRegion(grants: Grant[], region: Region) {
  return grants.some(
    (g) =>
      g.scope === "all" ||
      (g.scope === "region" && g.regionCode === region.code) ||
      (g.scope === "province" && (g.regionCode === region.code || g.regionCode === region.provinceCode)),
  );
}

async function regionInScope(grants: Grant[], code: string) {
  const region = await prisma.region.findUnique({
    where: { code },
    select: { code: true, name: true, kind: true, provinceCode: true },
  });
  if (!region || !coversRegion(grants, region)) throw new OutOfScopeError("region outside scope");
  return region;
}

/** The region and what its agencies page shows; null when the person may not manage it (or it does not exist). */
export async function getRegionAgencies(grants: Grant[], code: string) {
  const region = await prisma.region.findUnique({
    where: { code },
    select: { code: true, name: true, kind: true, provinceCode: true },
  });
  if (!region || !coversRegion(grants, region)) return null;
  const [agencies, groups] = await Promise.all([
    prisma.organisation.findMany({
      where: { regionCode: code, type: "AGENCY" },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
    prisma.workingGroup.findMany({
      where: { regionCode: code },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        topic: true,
        members: {
          orderBy: [{ isLead: "desc" }, { name: "asc" }],
          select: {
            id: true,
            name: true,
            position: true,
            isLead: true,
            user: { select: { id: true, email: true, region: { select: { name: true } } } },
            organisation: { select: { id: true, name: true } },
          },
        },
      },
    }),
  ]);
  return { region, agencies, groups };
}

async function ensureUniqueName(
  model: "organisation" | "workingGroup",
  regionCode: string,
  name: string,
  exceptId?: string,
) {
  const where = {
    regionCode,
    name: { equals: name, mode: "insensitive" as const },
    ...(exceptId ? { id: { not: exceptId } } : {}),
  };
  const taken =
    model === "organisation"
      ? await prisma.organisation.count({ where })
      : await prisma.workingGroup.count({ where });
  if (taken > 0) throw new DuplicateNameError();
}

/** Unique (regionCode, name) raced by another request: the same answer as the check before. */
async function mapUnique<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DuplicateNameError();
    throw error;
  }
}

export async function saveAgency(
  grants: Grant[],
  code: string,
  input: { agencyId?: string; name: string; kind?: string },
) {
  await regionInScope(grants, code);
  await ensureUniqueName("organisation", code, input.name, input.agencyId);
  const data = { name: input.name, kind: input.kind?.trim() || null };
  if (input.agencyId) {
    const { count } = await mapUnique(
      prisma.organisation.updateMany({
        where: { id: input.agencyId, regionCode: code, type: "AGENCY" },
        data,
      }),
    );
    if (count === 0) throw new OutOfScopeError("agency not in region");
    return;
  }
  await mapUnique(prisma.organisation.create({ data: { ...data, type: "AGENCY", regionCode: code } }));
}

export async function deleteAgency(grants: Grant[], code: string, agencyId: string) {
  await regionInScope(grants, code);
  const agency = await prisma.organisation.findFirst({
    where: { id: agencyId, regionCode: code, type: "AGENCY" },
    select: {
      _count: {
        select: {
          users: true,
          memberships: true,
          projects: true,
          practices: true,
          workingGroupMembers: true,
          facilitatedPairings: true,
          cohorts: true,
        },
      },
    },
  });
  if (!agency) throw new OutOfScopeError("agency not in region");
  if (Object.values(agency._count).some((n) => n > 0)) throw new AgencyInUseError();
  await prisma.organisation.delete({ where: { id: agencyId } });
}

export async function saveGroup(
  grants: Grant[],
  code: string,
  input: { groupId?: string; name: string; topic?: string },
) {
  await regionInScope(grants, code);
  await ensureUniqueName("workingGroup", code, input.name, input.groupId);
  const data = { name: input.name, topic: input.topic?.trim() || null };
  if (input.groupId) {
    const { count } = await mapUnique(
      prisma.workingGroup.updateMany({ where: { id: input.groupId, regionCode: code }, data }),
    );
    if (count === 0) throw new OutOfScopeError("group not in region");
    return;
  }
  await mapUnique(prisma.workingGroup.create({ data: { ...data, regionCode: code } }));
}

export async function deleteGroup(grants: Grant[], code: string, groupId: string) {
  await regionInScope(grants, code);
  const { count } = await prisma.workingGroup.deleteMany({ where: { id: groupId, regionCode: code } });
  if (count === 0) throw new OutOfScopeError("group not in region");
}

export async function addGroupMember(
  grants: Grant[],
  code: string,
  input: {
    groupId: string;
    email?: string;
    name?: string;
    position?: string;
    organisationId?: string;
    isLead: boolean;
  },
) {
  await regionInScope(grants, code);
  const group = await prisma.workingGroup.findFirst({
    where: { id: input.groupId, regionCode: code },
    select: { id: true },
  });
  if (!group) throw new OutOfScopeError("group not in region");
  let data: Prisma.WorkingGroupMemberUncheckedCreateInput;
  if (input.email) {
    const user = await prisma.user.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" }, deactivatedAt: null },
      select: { id: true, name: true, position: true, organisationId: true },
    });
    if (!user) throw new NoAccountError();
    data = {
      workingGroupId: group.id,
      userId: user.id,
      name: user.name,
      position: input.position || user.position,
      organisationId: user.organisationId,
      isLead: input.isLead,
    };
  } else {
    // an agency for someone without an account must be one of this region's
    const organisationId = input.organisationId
      ? ((
          await prisma.organisation.findFirst({
            where: { id: input.organisationId, regionCode: code },
            select: { id: true },
          })
        )?.id ?? null)
      : null;
    if (input.organisationId && !organisationId) throw new OutOfScopeError("agency not in region");
    data = {
      workingGroupId: group.id,
      name: input.name ?? "",
      position: input.position || null,
      organisationId,
      isLead: input.isLead,
    };
  }
  await prisma.$transaction(async (tx) => {
    if (data.isLead)
      await tx.workingGroupMember.updateMany({
        where: { workingGroupId: group.id },
        data: { isLead: false },
      });
    await tx.workingGroupMember.create({ data });
  });
}

async function memberInRegion(code: string, memberId: string) {
  const member = await prisma.workingGroupMember.findFirst({
    where: { id: memberId, workingGroup: { regionCode: code } },
    select: { id: true, workingGroupId: true },
  });
  if (!member) throw new OutOfScopeError("member not in region");
  return member;
}

export async function removeGroupMember(grants: Grant[], code: string, memberId: string) {
  await regionInScope(grants, code);
  const member = await memberInRegion(code, memberId);
  await prisma.workingGroupMember.delete({ where: { id: member.id } });
}

/** Makes one member the group's lead (the only one). */
export async function setGroupLead(grants: Grant[], code: string, memberId: string) {
  await regionInScope(grants, code);
  const member = await memberInRegion(code, memberId);
  await prisma.$transaction([
    prisma.workingGroupMember.updateMany({
      where: { workingGroupId: member.workingGroupId },
      data: { isLead: false },
    }),
    prisma.workingGroupMember.update({ where: { id: member.id }, data: { isLead: true } }),
  ]);
}
