// A catalogue Replication's status (a plain string in the database): "REPLICATED" once a pairing
// replicating the practice is done (transitions.server.ts), "IN_PROGRESS" while one runs. Only a
// done one counts as "direplikasi" (decision 0061).
export const REPLICATION_STATUSES = ["IN_PROGRESS", "REPLICATED"] as const;
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number];

export const COMPLETED_REPLICATION: ReplicationStatus = "REPLICATED";

/** The i18n key under catalog.replicationStatus for a stored status; "OTHER" for one not known. */
export function replicationStatusKey(status: string): ReplicationStatus | "OTHER" {
  return (REPLICATION_STATUSES as readonly string[]).includes(status)
    ? (status as ReplicationStatus)
    : "OTHER";
}
