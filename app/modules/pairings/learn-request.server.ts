// A visitor without an account asks to learn a practice: like a signed-in officer's request
// (pairing.server.ts requestToLearn), it becomes one proposed pairing in the facilitators' queue,
// for the region the visitor names, with their contact in the request.
import { prisma } from "~/db.server";
import { logActivity } from "~/modules/accounts/activity.server";
import { PairingRuleError, notifyFacilitatorsOfRequest } from "~/modules/pairings/pairing.server";
import type { VisitorRequest } from "~/modules/catalogue/practice-schemas";
import { OutOfScopeError } from "~/modules/projects/project.server";

/** Statuses in which an earlier request still stands (as in pairing.server.ts). */
const OPEN_STATUSES = ["PROPOSED", "AGREED", "ACTIVE", "REPLICATING"] as const;

export async function requestToLearnAsVisitor(practiceSlug: string, request: VisitorRequest) {
  const practice = await prisma.practice.findFirst({
    where: { slug: practiceSlug, status: "PUBLISHED" },
    select: { id: true, name: true, regionCode: true, sector: true },
  });
  if (!practice) throw new OutOfScopeError("no such practice");
  const region = await prisma.region.findUnique({
    where: { code: request.regionCode },
    select: { code: true, kind: true },
  });
  if (!region) throw new PairingRuleError("errors.regionUnknown");
  if (region.code === practice.regionCode) throw new PairingRuleError("pairings.errors.sameRegion");
  const open = await prisma.pairing.findFirst({
    where: { practiceId: practice.id, menteeRegionCode: region.code, status: { in: [...OPEN_STATUSES] } },
    select: { id: true },
  });
  if (open) throw new PairingRuleError("pairings.errors.alreadyRequested");
  const email = request.email.toLowerCase();
  return prisma.$transaction(async (tx) => {
    const pairing = await tx.pairing.create({
      data: {
        mentorRegionCode: practice.regionCode,
        menteeRegionCode: region.code,
        topic: practice.name,
        sector: practice.sector,
        practiceId: practice.id,
        goals: `${request.need}\n\n— ${request.name} <${email}>`,
        status: "PROPOSED",
        participants: {
          create: { side: "MENTEE", name: request.name, regionCode: region.code, isLead: true },
        },
      },
    });
    await logActivity(
      {
        actorId: null,
        action: "pairing.requested_by_visitor",
        subjectType: "Pairing",
        subjectId: pairing.id,
        data: { practice: practice.name, email },
      },
      tx,
    );
    await notifyFacilitatorsOfRequest(tx, pairing.id, `${request.name} (${email}): ${practice.name}`);
    return pairing;
  });
}
