// A person's own and assigned projects looked up by id before a list filters by them. "Led OR on
// the team" as one filter is an EXISTS inside an OR: PostgreSQL cannot read it through an index,
// estimates thousands of matches and scans every project (and, in a join, every milestone): at
// 10k projects a participant's /dasbor spent ~450 ms of database time on it. Looked up first, the
// filter is an `id IN (…)` read through the primary key (decision 0069).
import type { Grant } from "~/auth/permissions";
import { type PersonProjectIds, projectWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { createInFlight } from "~/utils/memo.server";

// /dasbor's figures and its "Yang perlu Anda lakukan" ask at the same moment: they share one lookup
// (two queries fewer a participant's dashboard). Only while it is in flight, as getUser's sign-in
// lookup: nothing is served from memory once it has answered.
const lookups = createInFlight<PersonProjectIds>();

/** The projects the person leads or is on the team of (own), and coaches or mentors (assigned). */
export function personProjectIds(userId: string): Promise<PersonProjectIds> {
  return lookups(userId, () => lookUpPersonProjectIds(userId));
}

async function lookUpPersonProjectIds(userId: string): Promise<PersonProjectIds> {
  const [projects, teams] = await Promise.all([
    // three indexes, one bitmap OR
    prisma.changeProject.findMany({
      where: { OR: [{ leaderId: userId }, { coachId: userId }, { mentorId: userId }] },
      select: { id: true, leaderId: true, coachId: true, mentorId: true },
    }),
    prisma.projectMember.findMany({ where: { userId }, select: { projectId: true } }),
  ]);
  return {
    own: [
      ...new Set([
        ...projects.filter((p) => p.leaderId === userId).map((p) => p.id),
        ...teams.map((m) => m.projectId),
      ]),
    ],
    assigned: projects.filter((p) => p.coachId === userId || p.mentorId === userId).map((p) => p.id),
  };
}

/**
 * `projectWhere` for the grants, with the person's own and assigned projects as ids (looked up
 * here, only when a grant needs them): the same projects, through indexes.
 */
export async function indexedProjectWhere(
  userId: string,
  grants: Grant[],
): Promise<Prisma.ChangeProjectWhereInput> {
  const needsIds =
    !grants.some((g) => g.scope === "all") && grants.some((g) => g.scope === "own" || g.scope === "assigned");
  return projectWhere(userId, grants, needsIds ? await personProjectIds(userId) : undefined);
}
