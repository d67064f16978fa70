// What the page script and the service worker agree on (docs/decisions/0063-offline.md): which
// writes may be recorded offline, how the answer to a replayed write is read, and the messages
// between them. Pure: bundled into both, tested beside them.

export const PAGES_CACHE = "lintas-pages";

/** The forms a participant or officer may fill in offline, by their intent. */
export const OFFLINE_INTENTS = ["check-in", "comment", "milestone-update", "measurement"] as const;

/** A project's page, its milestones or its indicators: where those forms post. */
const OFFLINE_WRITE_PATH =
  /^\/proyek\/(?!baru(?:[/.?]|$)|pembaruan-massal)[^/.]+(?:\/(?:tonggak|indikator))?\/?$/;

export function isOfflineWrite(url: URL): boolean {
  return OFFLINE_WRITE_PATH.test(url.pathname);
}

export type ReplayReason = "conflict" | "invalid" | "forbidden" | "signedOut" | "other";

/**
 * How the answer to a replayed write reads: null when it was saved (or had already been saved,
 * the server answering the same idempotency key again), else why not. The routes answer a form
 * post like any other: 200 (or a redirect) when done, 400 with the errors next to the fields, 409
 * when someone changed the record since the form was read; a lapsed session leads to /masuk.
 */
export function reasonForReplay(status: number, redirectedTo: string): ReplayReason | null {
  if (redirectedTo === "/masuk") return "signedOut";
  if (status >= 200 && status < 400) return null;
  if (status === 409) return "conflict";
  if (status === 400 || status === 413 || status === 422) return "invalid";
  if (status === 401) return "signedOut";
  if (status === 403 || status === 404) return "forbidden";
  return "other";
}

export type PendingWrite = { key: string; label: string; page: string; at: number };
export type FailedWrite = PendingWrite & { status: number; reason: ReplayReason; errors: string[] };

export type OfflineRequest =
  | { type: "list" }
  | { type: "replay" }
  | { type: "dismiss"; key: string }
  | { type: "clear" };

export type OfflineReply = { pending: PendingWrite[]; failed: FailedWrite[]; sent?: number };
