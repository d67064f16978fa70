// Mentor–mentee pairings of regions as people see them: the list, the map, the filters and one
// pairing, through the person's scope.
import { type Action, grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { pairingWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { PairingStatus } from "~/generated/prisma/enums";
import { PAIRING_PAGE_SIZE } from "~/modules/pairings/pairing-schemas";
import type { CurrentUser } from "~/modules/accounts/user.server";

export function scopeFor(user: CurrentUser, action: Action): Prisma.PairingWhereInput {
  return pairingWhere(user.id, grantsFor(user.memberships, action));
}

export async function mayOnPairing(user: CurrentUser, pairingId: string, action: Action) {
  // no grant for the action at all: no need to ask the database (as mayOnProject; a quarter of
  // the permission counts in the realistic mix were `WHERE 1=0`, decision 0071)
  if (grantsFor(user.memberships, action).length === 0) return false;
  return (await prisma.pairing.count({ where: { AND: [{ id: pairingId }, scopeFor(user, action)] } })) > 0;
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
    select: { id: true, topic: true, status: true, mentorRegion: end, menteeRegion: end },
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
