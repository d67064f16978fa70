// A pairing's statuses: the moves between them and who may make each, the statuses still open, and
// the error a pairing rule refuses a write with.
import { RuleError } from "~/errors";
import type { Action } from "~/auth/permissions";
import type { PairingStatus } from "~/generated/prisma/enums";

export const PAIRING_TRANSITIONS: Record<PairingStatus, { to: PairingStatus; action: Action }[]> = {
  PROPOSED: [{ to: "AGREED", action: "pairing:create" }],
  AGREED: [{ to: "ACTIVE", action: "pairing:create" }],
  ACTIVE: [{ to: "COMPLETED", action: "pairing:create" }],
  COMPLETED: [{ to: "REPLICATING", action: "pairing:update" }],
  REPLICATING: [{ to: "REPLICATED", action: "pairing:update" }],
  REPLICATED: [],
  CANCELLED: [],
};
for (const status of ["PROPOSED", "AGREED", "ACTIVE", "COMPLETED", "REPLICATING"] as const)
  PAIRING_TRANSITIONS[status].push({ to: "CANCELLED", action: "pairing:create" });

/** Statuses in which a pairing still occupies its topic (no second one on the same topic). */
export const OPEN_STATUSES: PairingStatus[] = ["PROPOSED", "AGREED", "ACTIVE", "REPLICATING"];

/** A pairing rule refused the write; `key` is the message shown next to the form. */
export class PairingRuleError extends RuleError {}
