// Turns permission grants into Prisma filters, so models query only what a person may see.
import type { Grant } from "~/auth/permissions";
import type { Prisma } from "~/generated/prisma/client";

/**
 * The person's own projects (led, or on the team) and assigned ones (coached or mentored), when
 * already looked up by id (app/modules/projects/person-projects.server.ts): then the filter is an
 * `id IN (…)` the planner reads through the primary key, where "led OR on the team" (an EXISTS in
 * an OR) makes it scan every project, and every milestone of a join, at 10k projects (0069).
 */
export type PersonProjectIds = { own: string[]; assigned: string[] };

export function projectWhere(
  userId: string,
  grants: Grant[],
  ids?: PersonProjectIds,
): Prisma.ChangeProjectWhereInput {
  const or: Prisma.ChangeProjectWhereInput[] = [];
  for (const grant of grants) {
    switch (grant.scope) {
      case "all":
        return {};
      case "province":
        if (grant.regionCode)
          or.push({ OR: [{ regionCode: grant.regionCode }, { region: { provinceCode: grant.regionCode } }] });
        break;
      case "region":
        if (grant.regionCode) or.push({ regionCode: grant.regionCode });
        break;
      case "agency":
        if (grant.organisationId) or.push({ organisationId: grant.organisationId });
        break;
      case "own":
        if (ids) or.push({ id: { in: ids.own } });
        else or.push({ leaderId: userId }, { members: { some: { userId } } });
        break;
      case "assigned":
        if (ids) or.push({ id: { in: ids.assigned } });
        else or.push({ coachId: userId }, { mentorId: userId });
        break;
    }
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

export function pairingWhere(userId: string, grants: Grant[]): Prisma.PairingWhereInput {
  const or: Prisma.PairingWhereInput[] = [];
  for (const grant of grants) {
    switch (grant.scope) {
      case "all":
        return {};
      case "province":
        if (grant.regionCode)
          or.push(
            { mentorRegionCode: grant.regionCode },
            { menteeRegionCode: grant.regionCode },
            { mentorRegion: { provinceCode: grant.regionCode } },
            { menteeRegion: { provinceCode: grant.regionCode } },
          );
        break;
      case "region":
        if (grant.regionCode)
          or.push({ mentorRegionCode: grant.regionCode }, { menteeRegionCode: grant.regionCode });
        break;
      case "own":
      case "assigned":
      case "agency":
        or.push({ participants: { some: { userId } } });
        break;
    }
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

/**
 * Pairings whose replication record the person may write ("pairing:replicate"): facilitators all;
 * a region officer those whose mentee is their region (or in their province); anyone the pairings
 * they lead (a lead participant of either side, linked to their account).
 */
export function replicationWhere(userId: string, grants: Grant[]): Prisma.PairingWhereInput {
  const or: Prisma.PairingWhereInput[] = [];
  for (const grant of grants) {
    switch (grant.scope) {
      case "all":
        return {};
      case "province":
        if (grant.regionCode)
          or.push(
            { menteeRegionCode: grant.regionCode },
            { menteeRegion: { provinceCode: grant.regionCode } },
          );
        break;
      case "region":
        if (grant.regionCode) or.push({ menteeRegionCode: grant.regionCode });
        break;
      default:
        break;
    }
  }
  if (grants.length > 0) or.push({ participants: { some: { userId, isLead: true } } });
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

/**
 * Pairings whose commitments the person may write ("pairing:commit"): facilitators all; a region
 * officer those of their region on either side (or of their province); a participant those whose
 * side they lead. `menteeOnly` narrows to what turns a commitment into a milestone of the mentee's
 * change project: the mentee region's officers and the mentee side's lead.
 */
export function commitmentWhere(
  userId: string,
  grants: Grant[],
  { menteeOnly = false }: { menteeOnly?: boolean } = {},
): Prisma.PairingWhereInput {
  const or: Prisma.PairingWhereInput[] = [];
  for (const grant of grants) {
    switch (grant.scope) {
      case "all":
        return {};
      case "province":
        if (grant.regionCode) {
          or.push(
            { menteeRegionCode: grant.regionCode },
            { menteeRegion: { provinceCode: grant.regionCode } },
          );
          if (!menteeOnly)
            or.push(
              { mentorRegionCode: grant.regionCode },
              { mentorRegion: { provinceCode: grant.regionCode } },
            );
        }
        break;
      case "region":
        if (grant.regionCode) {
          or.push({ menteeRegionCode: grant.regionCode });
          if (!menteeOnly) or.push({ mentorRegionCode: grant.regionCode });
        }
        break;
      default:
        or.push({
          participants: {
            some: { userId, isLead: true, ...(menteeOnly ? { side: "MENTEE" as const } : {}) },
          },
        });
        break;
    }
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

export function sessionWhere(userId: string, grants: Grant[]): Prisma.SessionWhereInput {
  const or: Prisma.SessionWhereInput[] = [];
  for (const grant of grants) {
    switch (grant.scope) {
      case "all":
        return {};
      case "province":
      case "region":
        if (grant.regionCode) {
          const pairing = pairingWhere(userId, [grant]);
          or.push(
            { pairing },
            { hostRegionCode: grant.regionCode },
            { project: { regionCode: grant.regionCode } },
          );
          if (grant.scope === "province") or.push({ hostRegion: { provinceCode: grant.regionCode } });
        }
        break;
      case "own":
        // a change project's team sees its stand-alone sessions
        or.push({ project: { OR: [{ leaderId: userId }, { members: { some: { userId } } }] } });
        break;
      default:
        or.push({ invitees: { some: { userId } } });
    }
  }
  // everyone sees the sessions they are invited to
  or.push({ invitees: { some: { userId } } });
  return { OR: or };
}

/**
 * Stand-alone sessions (no pairing) a person may schedule and manage ("session:host"): those of the
 * projects the grant covers, and a province's coordination meetings for its officers (a
 * kabupaten/kota grant does not reach its province's meetings).
 */
export function hostedSessionWhere(userId: string, grants: Grant[]): Prisma.SessionWhereInput {
  const or: Prisma.SessionWhereInput[] = [];
  for (const grant of grants) {
    if (grant.scope === "all") return { pairingId: null };
    const project = projectWhere(userId, [grant]);
    or.push({ projectId: { not: null }, project });
    if (grant.regionCode && (grant.scope === "province" || grant.scope === "region"))
      or.push({ projectId: null, hostRegionCode: grant.regionCode });
  }
  return or.length > 0 ? { pairingId: null, OR: or } : { id: { in: [] } };
}

/**
 * What is public OR what the scope allows. A scope of everything is the empty filter, and an empty
 * filter inside OR matches nothing in Prisma 7: then there is no filter at all.
 */
export function publicOrScoped<Where extends object>(publicWhere: Where, scoped: Where | undefined): Where {
  if (!scoped) return publicWhere;
  if (Object.keys(scoped).length === 0) return {} as Where;
  return { OR: [publicWhere, scoped] } as Where;
}
