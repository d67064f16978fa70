// "I want to learn this": a signed-in officer or a visitor without an account asks to learn a
// published practice. Either request becomes one proposed pairing in the facilitators' queue (the
// visitor's for the region they name, with their contact in the request), and every facilitator
// hears of it.
import { OutOfScopeError } from "~/errors";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import type { VisitorRequest } from "~/modules/catalogue/practice-schemas";
import { OPEN_STATUSES, PairingRuleError } from "~/modules/pairings/pairing-status";

type Actor = Pick<Scope, "user">;

/** Every facilitator hears in the app of a new request to learn a practice (a proposed pairing). */
async function notifyFacilitatorsOfRequest(tx: Prisma.TransactionClient, pairingId: string, title: string) {
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
    where: { practiceId: practice.id, menteeRegionCode: region.code, status: { in: OPEN_STATUSES } },
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
