// Turns permission grants into Prisma filters, so models query only what a person may see.
import type { Grant } from "~/auth/permissions";
import type { Prisma } from "~/generated/prisma/client";

export function projectWhere(userId: string, grants: Grant[]): Prisma.ChangeProjectWhereInput {
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
        or.push({ leaderId: userId }, { members: { some: { userId } } });
        break;
      case "assigned":
        or.push({ coachId: userId }, { mentorId: userId });
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
      default:
        or.push({ invitees: { some: { userId } } });
    }
  }
  // everyone sees the sessions they are invited to
  or.push({ invitees: { some: { userId } } });
  return { OR: or };
}
