// The people of a pairing, on either side.
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { PairingSide } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { OutOfScopeError } from "~/errors";
import { mayOnPairing } from "~/modules/pairings/queries.server";

type Actor = Pick<Scope, "user">;

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
