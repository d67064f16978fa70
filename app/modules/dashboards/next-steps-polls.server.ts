// The time polls under "Yang perlu Anda lakukan": the open polls a facilitator runs, with how many
// of those asked have answered, and the polls waiting for the signed-in person's own answer. Both
// link to the poll's page (/pasangan/:id/pilih-waktu), which shows its manager the grid and anyone
// asked their answer sheet. A decided poll is done and shows in neither. Decision 0049.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import {
  type Ctx,
  NEXT_STEPS_SHOWN,
  type NextStepList,
  list,
  step,
} from "~/modules/dashboards/next-steps-items";

const pollPage = (pairingId: string) => `/pasangan/${pairingId}/pilih-waktu`;

/** The earliest slot not begun yet (the poll should be decided by then), or a note that all have passed. */
function firstSlotAhead(slots: { startsAt: Date }[]) {
  const ahead = slots[0];
  return ahead
    ? { startsAt: ahead.startsAt, startsLabel: "nextSteps.pollFirstSlot" }
    : { notes: [{ key: "nextSteps.pollSlotsPassed" }] };
}

const slotsAhead = (ctx: Ctx) =>
  ({
    where: { startsAt: { gt: ctx.now } },
    orderBy: { startsAt: "asc" },
    take: 1,
    select: { startsAt: true },
  }) as const;

/**
 * Open polls the person runs, within the pairings they may manage polls of (`pairing`, from the
 * grants of "poll:manage"): those they opened, and those whose opener is gone (account removed or
 * deactivated), so that no open poll is left without someone to pick its time. Not every open poll
 * of the programme: a facilitator's "all" would list everyone's polls as waiting for them.
 */
export async function pollsWaiting(ctx: Ctx, pairing: Prisma.PairingWhereInput): Promise<NextStepList> {
  const where: Prisma.TimePollWhereInput = {
    AND: [
      { status: "OPEN", pairing },
      {
        OR: [
          { createdById: ctx.user.id },
          { createdById: null },
          { createdBy: { deactivatedAt: { not: null } } },
        ],
      },
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.timePoll.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        id: true,
        title: true,
        pairing: { select: { id: true, topic: true } },
        slots: slotsAhead(ctx),
        invitees: { select: { _count: { select: { answers: true } } } },
      },
    }),
    prisma.timePoll.count({ where }),
  ]);
  const items = rows.map((poll) => {
    const asked = poll.invitees.length;
    const answered = poll.invitees.filter((i) => i._count.answers > 0).length;
    const slot = firstSlotAhead(poll.slots);
    return step({
      id: poll.id,
      href: pollPage(poll.pairing.id),
      title: poll.title,
      context: poll.pairing.topic,
      ...slot,
      notes: [
        { key: "nextSteps.pollAnswered", values: { answered, asked } },
        ...(answered === asked ? [{ key: "nextSteps.pollAllAnswered" }] : []),
        ...(slot.notes ?? []),
      ],
    });
  });
  return list("pollsWaiting", items, total);
}

/**
 * Open polls that asked the person (by their account) and that they have not answered yet. A
 * pairing whose polls they manage (`managed`, null when they manage none) is left out: its page
 * shows them the grid, not an answer sheet, and pollsWaiting lists it.
 */
export async function pollsToAnswer(
  ctx: Ctx,
  managed: Prisma.PairingWhereInput | null,
): Promise<NextStepList> {
  const where: Prisma.TimePollInviteeWhereInput = {
    userId: ctx.user.id,
    answers: { none: {} },
    poll: { status: "OPEN", ...(managed ? { pairing: { NOT: managed } } : {}) },
  };
  const [rows, total] = await Promise.all([
    prisma.timePollInvitee.findMany({
      where,
      orderBy: [{ poll: { createdAt: "asc" } }, { id: "asc" }],
      take: NEXT_STEPS_SHOWN,
      select: {
        poll: {
          select: {
            id: true,
            title: true,
            pairing: { select: { id: true, topic: true } },
            slots: slotsAhead(ctx),
          },
        },
      },
    }),
    prisma.timePollInvitee.count({ where }),
  ]);
  const items = rows.map(({ poll }) =>
    step({
      id: poll.id,
      href: pollPage(poll.pairing.id),
      title: poll.title,
      context: poll.pairing.topic,
      ...firstSlotAhead(poll.slots),
    }),
  );
  return list("pollsToAnswer", items, total);
}
