// A pairing's status changes, and what follows them: a replicated pairing counts in the catalogue,
// a cancelled request tells the person who asked.
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { PairingStatus } from "~/generated/prisma/enums";
import { env } from "~/env.server";
import { fixedT } from "~/i18n/translate";
import { logActivity } from "~/modules/accounts/activity.server";
import { queueEmail } from "~/modules/notifications/outbox.server";
import { OutOfScopeError } from "~/errors";
import { formatNumber } from "~/utils/numbers";
import { PAIRING_TRANSITIONS, PairingRuleError } from "~/modules/pairings/pairing-status";
import { mayOnPairing, scopeFor } from "~/modules/pairings/queries.server";

type Actor = Pick<Scope, "user">;

export async function transitionPairing(
  { user }: Actor,
  pairingId: string,
  to: PairingStatus,
  cancelReason?: string,
) {
  const pairing = await prisma.pairing.findFirst({
    where: { AND: [{ id: pairingId }, scopeFor(user, "pairing:read")] },
  });
  if (!pairing) throw new OutOfScopeError("not allowed");
  const move = PAIRING_TRANSITIONS[pairing.status].find((m) => m.to === to);
  if (!move) throw new PairingRuleError("pairings.errors.notAMove");
  if (!(await mayOnPairing(user, pairingId, move.action))) throw new OutOfScopeError("not allowed");
  if (to === "CANCELLED" && !cancelReason?.trim()) throw new PairingRuleError("pairings.errors.cancelReason");
  await prisma.$transaction(async (tx) => {
    await tx.pairing.update({
      where: { id: pairingId },
      data: {
        status: to,
        cancelReason: to === "CANCELLED" ? cancelReason!.trim() : null,
        ...(to === "REPLICATED" && !pairing.replicatedAt ? { replicatedAt: new Date() } : {}),
      },
    });
    if (to === "REPLICATED") await recordCatalogueReplication(tx, pairingId);
    if (to === "CANCELLED") await tellRequesterOfDecline(tx, pairing, cancelReason!.trim(), user.id);
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.status_changed",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { from: pairing.status, to },
      },
      tx,
    );
  });
}

/**
 * A pairing that began as a request from the catalogue ("I want to learn this") is cancelled: the
 * person who asked hears why, in the app when they asked signed in, by email (through the outbox)
 * when they asked as a visitor without an account. Their request is found in the activity log.
 */
async function tellRequesterOfDecline(
  tx: Prisma.TransactionClient,
  pairing: { id: string; topic: string },
  reason: string,
  actorId: string,
) {
  const request = await tx.activityLog.findFirst({
    where: {
      subjectType: "Pairing",
      subjectId: pairing.id,
      action: { in: ["pairing.requested", "pairing.requested_by_visitor"] },
    },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, data: true },
  });
  if (!request) return;
  const values = { topic: pairing.topic, reason };
  if (request.action === "pairing.requested") {
    if (!request.actorId || request.actorId === actorId) return;
    const requester = await tx.user.findUnique({ where: { id: request.actorId }, select: { locale: true } });
    if (!requester) return;
    await tx.notification.create({
      data: {
        userId: request.actorId,
        kind: "pairing-request-declined",
        title: fixedT(requester.locale)("pairings.declinedNotification", values),
        link: `/pasangan/${pairing.id}`,
      },
    });
    return;
  }
  const data = request.data as { email?: unknown } | null;
  const email = typeof data?.email === "string" ? data.email : null;
  if (!email) return;
  // a visitor has no language setting: the message comes in Indonesian and in English
  const [id, en] = [fixedT("id"), fixedT("en")];
  const link = `${env.APP_URL}/katalog`;
  await queueEmail(
    {
      to: email,
      subject: `${id("pairings.declinedSubject", values)} / ${en("pairings.declinedSubject", values)}`,
      text: `${id("pairings.declinedBody", { ...values, link })}\n\n—\n\n${en("pairings.declinedBody", { ...values, link })}`,
    },
    tx,
  );
}

/**
 * The catalogue's "replicated by N regions": a replicated pairing of a catalogue practice upserts
 * the practice's Replication row for the mentee region (one per practice and region, however
 * often it runs), with the mentee's results as text. Runs inside the status change's transaction.
 */
export async function recordCatalogueReplication(tx: Prisma.TransactionClient, pairingId: string) {
  const pairing = await tx.pairing.findUniqueOrThrow({
    where: { id: pairingId },
    select: {
      practiceId: true,
      menteeRegionCode: true,
      replicationResults: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!pairing.practiceId) return null;
  const results =
    pairing.replicationResults
      .map((r) => {
        const value = (n: { toNumber(): number }, year: number) =>
          `${formatNumber(n.toNumber(), "id")} ${r.unit} (${year})`;
        return `${r.indicator}: ${value(r.before, r.beforeYear)}${
          r.after !== null && r.afterYear !== null ? ` → ${value(r.after, r.afterYear)}` : ""
        }`;
      })
      .join("; ") || null;
  return tx.replication.upsert({
    where: {
      practiceId_regionCode: { practiceId: pairing.practiceId, regionCode: pairing.menteeRegionCode },
    },
    create: {
      practiceId: pairing.practiceId,
      regionCode: pairing.menteeRegionCode,
      status: "REPLICATED",
      results,
    },
    // a later pairing without numbers keeps the results an earlier one recorded
    update: { status: "REPLICATED", ...(results ? { results } : {}) },
  });
}
