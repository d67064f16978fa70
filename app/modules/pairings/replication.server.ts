// A pairing's replication record: what the mentee adopted, adapted or dropped of the practice and
// why, and the mentee's indicators before and after. Written from ACTIVE on by the people
// replicationWhere (app/auth/scope.server.ts) names; this is what a PMU reports on.
import { grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { replicationWhere } from "~/auth/scope.server";
import { prisma } from "~/db.server";
import type { AdoptionKind, Direction, PairingStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import { PairingRuleError } from "~/modules/pairings/pairing-status";
import { OutOfScopeError } from "~/errors";
import type { CurrentUser } from "~/modules/accounts/user.server";

type Actor = Pick<Scope, "user">;

/** A replication record is written once the pairing runs (and after). */
export const REPLICATION_STATUSES: PairingStatus[] = ["ACTIVE", "COMPLETED", "REPLICATING", "REPLICATED"];

export async function mayRecordReplication(user: CurrentUser, pairingId: string) {
  const where = replicationWhere(user.id, grantsFor(user.memberships, "pairing:replicate"));
  return (await prisma.pairing.count({ where: { AND: [{ id: pairingId }, where] } })) > 0;
}

async function guard(user: CurrentUser, pairingId: string) {
  if (!(await mayRecordReplication(user, pairingId))) throw new OutOfScopeError("not allowed");
  const { status } = await prisma.pairing.findUniqueOrThrow({
    where: { id: pairingId },
    select: { status: true },
  });
  if (!REPLICATION_STATUSES.includes(status)) throw new PairingRuleError("replication.errors.notYet");
}

/**
 * The change from before to after, signed so that a positive number is an improvement in the
 * indicator's good direction (UP: higher is better; DOWN: lower is better).
 */
export function changeInGoodDirection(result: {
  direction: Direction;
  before: number;
  after: number | null;
}) {
  if (result.after === null) return null;
  const change = result.after - result.before;
  const better = result.direction === "UP" ? change : -change;
  return {
    change: Math.round(change * 10_000) / 10_000,
    improvement: Math.round(better * 10_000) / 10_000,
    outcome: better > 0 ? ("better" as const) : better < 0 ? ("worse" as const) : ("same" as const),
  };
}

/** The record as the pairing page and the report show it (numbers as plain numbers). */
export async function getReplicationRecord(pairingId: string) {
  const [pairing, items, results] = await Promise.all([
    prisma.pairing.findUniqueOrThrow({
      where: { id: pairingId },
      select: { replicationSummary: true, replicatedAt: true },
    }),
    prisma.replicationItem.findMany({
      where: { pairingId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, kind: true, what: true, why: true },
    }),
    prisma.replicationResult.findMany({ where: { pairingId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    summary: pairing.replicationSummary,
    replicatedAt: pairing.replicatedAt,
    items,
    results: results.map((r) => {
      const plain = {
        id: r.id,
        indicator: r.indicator,
        unit: r.unit,
        direction: r.direction,
        before: r.before.toNumber(),
        beforeYear: r.beforeYear,
        after: r.after === null ? null : r.after.toNumber(),
        afterYear: r.afterYear,
        source: r.source,
      };
      return { ...plain, change: changeInGoodDirection(plain) };
    }),
  };
}

export async function addReplicationItem(
  { user }: Actor,
  pairingId: string,
  input: { kind: AdoptionKind; what: string; why?: string },
) {
  await guard(user, pairingId);
  return prisma.$transaction(async (tx) => {
    const last = await tx.replicationItem.aggregate({ where: { pairingId }, _max: { position: true } });
    const item = await tx.replicationItem.create({
      data: {
        pairingId,
        kind: input.kind,
        what: input.what,
        why: input.why || null,
        position: (last._max.position ?? -1) + 1,
        createdById: user.id,
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.replication_item_added",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { kind: input.kind, what: input.what },
      },
      tx,
    );
    return item;
  });
}

export async function removeReplicationItem({ user }: Actor, pairingId: string, itemId: string) {
  await guard(user, pairingId);
  const { count } = await prisma.replicationItem.deleteMany({ where: { id: itemId, pairingId } });
  if (count !== 1) throw new OutOfScopeError("no such item");
  await logActivity({
    actorId: user.id,
    action: "pairing.replication_item_removed",
    subjectType: "Pairing",
    subjectId: pairingId,
  });
}

export type ReplicationResultInput = {
  indicator: string;
  unit: string;
  direction: Direction;
  before: number;
  beforeYear: number;
  after?: number;
  afterYear?: number;
  source?: string;
};

export async function addReplicationResult(
  { user }: Actor,
  pairingId: string,
  input: ReplicationResultInput,
) {
  await guard(user, pairingId);
  return prisma.$transaction(async (tx) => {
    const result = await tx.replicationResult.create({
      data: {
        pairingId,
        indicator: input.indicator,
        unit: input.unit,
        direction: input.direction,
        before: input.before,
        beforeYear: input.beforeYear,
        after: input.after ?? null,
        afterYear: input.afterYear ?? null,
        source: input.source || null,
      },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.replication_result_added",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { indicator: input.indicator },
      },
      tx,
    );
    return result;
  });
}

export async function removeReplicationResult({ user }: Actor, pairingId: string, resultId: string) {
  await guard(user, pairingId);
  const { count } = await prisma.replicationResult.deleteMany({ where: { id: resultId, pairingId } });
  if (count !== 1) throw new OutOfScopeError("no such result");
  await logActivity({
    actorId: user.id,
    action: "pairing.replication_result_removed",
    subjectType: "Pairing",
    subjectId: pairingId,
  });
}

export async function setReplicationSummary(
  { user }: Actor,
  pairingId: string,
  input: { summary?: string; replicatedAt?: Date },
) {
  await guard(user, pairingId);
  await prisma.$transaction(async (tx) => {
    await tx.pairing.update({
      where: { id: pairingId },
      data: { replicationSummary: input.summary || null, replicatedAt: input.replicatedAt ?? null },
    });
    await logActivity(
      {
        actorId: user.id,
        action: "pairing.replication_summary",
        subjectType: "Pairing",
        subjectId: pairingId,
      },
      tx,
    );
  });
}
