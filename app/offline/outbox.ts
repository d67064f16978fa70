// What the page script and the service worker agree on (docs/decisions/0063-offline.md): which
// writes may be recorded offline, how the answer to a replayed write is read, and the messages
// between them. Pure: bundled into both, tested beside them.

export const PAGES_CACHE = "lintas-pages";
/** covers and evidence photos of the pages kept */
export const IMAGES_CACHE = "lintas-images";

/** The forms a participant or officer may fill in offline, by their intent. */
export const OFFLINE_INTENTS = ["check-in", "comment", "milestone-update", "measurement"] as const;

/** A project's page, its milestones or its indicators: where those forms post. */
const OFFLINE_WRITE_PATH =
  /^\/proyek\/(?!baru(?:[/.?]|$)|pembaruan-massal)[^/.]+(?:\/(?:tonggak|indikator))?\/?$/;

export function isOfflineWrite(url: URL): boolean {
  return OFFLINE_WRITE_PATH.test(url.pathname);
}

export type ReplayReason = "conflict" | "invalid" | "forbidden" | "otherPerson" | "expired" | "other";

/** Sent with every write kept offline: who recorded it (checked by app/db/idempotency.server.ts). */
export const RECORDED_BY_HEADER = "X-Lintas-Recorded-By";
/** On the server's 409 for a write recorded by someone other than the person signed in. */
export const REFUSED_HEADER = "X-Lintas-Refused";
export const REFUSED_RECORDED_BY = "recorded-by";

/**
 * A write waits at most this long: the server remembers a key 30 days, so a write older than that
 * could be saved twice if its first answer was lost. It is not sent on its own then, but moved to
 * "not sent" with its content, for the person to send again or discard.
 */
export const KEEP_WRITE_MS = 30 * 24 * 3600 * 1000;

/**
 * What to do with a replayed write, from its answer. The routes answer a form post like any other:
 * 200 (or a redirect) when done, 400 with the errors next to the fields, 409 when someone changed
 * the record since the form was read; a lapsed session leads to /masuk.
 * - "saved": done (or already done: the server answering the same idempotency key again);
 * - "signIn": the session lapsed: not a failure, it waits and goes after the person signs in again;
 * - "later": the server failed (5xx): it waits and is tried again, less and less often;
 * - a reason: the content was refused, kept in "not sent" with everything the person wrote.
 */
export function outcomeOfReplay(
  status: number,
  redirectedTo: string,
  refused: string | null = null,
): "saved" | "signIn" | "later" | Exclude<ReplayReason, "expired"> {
  if (redirectedTo === "/masuk" || status === 401) return "signIn";
  if (status >= 200 && status < 400) return "saved";
  if (status >= 500 || status === 408 || status === 429) return "later";
  if (status === 409) return refused === REFUSED_RECORDED_BY ? "otherPerson" : "conflict";
  if (status === 400 || status === 413 || status === 422) return "invalid";
  if (status === 403 || status === 404) return "forbidden";
  return "other";
}

/** The wait before the next try after `attempts` server failures: 10 s, 20 s, 40 s… up to 15 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(attempts - 1, 0), 15 * 60_000);
}

/** What the person wrote, as the list shows it: the visible fields' values and the photo's name. */
export type WrittenField = { name: string; value: string; file?: boolean };

/** Hidden fields of the four forms: not what the person wrote. */
const HIDDEN_FIELDS = new Set(["intent", "milestoneId", "version", "indicatorId"]);

export function writtenFields(entries: Iterable<[string, FormDataEntryValue]>): WrittenField[] {
  const fields: WrittenField[] = [];
  for (const [name, value] of entries) {
    if (HIDDEN_FIELDS.has(name)) continue;
    if (typeof value === "string") {
      if (value.trim()) fields.push({ name, value: value.slice(0, 2000) });
    } else if (value.size > 0) fields.push({ name, value: value.name, file: true });
  }
  return fields;
}

export type PendingWrite = {
  key: string;
  label: string;
  page: string;
  at: number;
  /** the person who recorded it (their user id), when the page knew it */
  recordedBy?: string;
  /** "signIn": the session had lapsed when it was sent; it goes after the person signs in again */
  waiting?: "signIn" | "server";
  /** recorded by someone else on this browser: listed without its content, kept for its author */
  otherAuthor?: boolean;
  attempts?: number;
  retryAt?: number;
};
/** Not sent, with the reason and the whole request (the photo too): sent again or discarded. */
export type FailedWrite = PendingWrite & {
  status: number;
  reason: ReplayReason;
  errors: string[];
  fields: WrittenField[];
  request: { url: string; headers: [string, string][]; body: ArrayBuffer };
};
/** A failed write as the page sees it: its photo as a Blob to show, not the raw request. */
export type FailedWriteView = Omit<FailedWrite, "request"> & { photo?: Blob };

export type OfflineRequest =
  | { type: "list"; user?: string }
  | { type: "replay"; user?: string }
  | { type: "retry"; key: string }
  | { type: "dismiss"; key: string }
  | { type: "clear" };

export type OfflineReply = { pending: PendingWrite[]; failed: FailedWriteView[]; sent?: number };
