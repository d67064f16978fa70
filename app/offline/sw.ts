/// <reference lib="webworker" />
// The service worker, served as /sw.js (scope /) and built by app/offline/vite-plugin.ts with
// Workbox (docs/decisions/0063-offline.md): the person's recent pages network-first with the copy
// kept for when the network is gone, a friendly offline page otherwise, static files from the
// cache, and the four field writes (check-in, comment, milestone status with its photo, indicator
// measurement) kept in IndexedDB while offline and sent later through the same routes.
import { Queue } from "workbox-background-sync";
import { ExpirationPlugin } from "workbox-expiration";
import { matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from "workbox-strategies";
import {
  type FailedWrite,
  type FailedWriteView,
  KEEP_WRITE_MS,
  type OfflineReply,
  type OfflineRequest,
  IMAGES_CACHE,
  PAGES_CACHE,
  type PendingWrite,
  RECORDED_BY_HEADER,
  REFUSED_HEADER,
  type ReplayReason,
  isOfflineWrite,
  outcomeOfReplay,
  retryDelayMs,
  writtenFields,
} from "./outbox";

declare const __LINTAS_PRECACHE__: { url: string; revision: string }[];
const sw = self as unknown as ServiceWorkerGlobalScope;

sw.addEventListener("install", () => void sw.skipWaiting());
sw.addEventListener("activate", (event) => event.waitUntil(sw.clients.claim()));

// the offline page, the manifest, its icons and the page script (a few KB)
precacheAndRoute(__LINTAS_PRECACHE__);

/** Only pages (HTML) are kept: downloads (PDF, DOCX, CSV) are not pages to read offline. */
const htmlOnly = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.status === 200 && /^text\/html/.test(response.headers.get("Content-Type") ?? "")
      ? response
      : null,
};

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  plugins: [htmlOnly, new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 14 * 24 * 3600 })],
});
registerRoute(
  ({ request }) => request.mode === "navigate",
  async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      return (await matchPrecache("/offline.html")) ?? Response.error();
    }
  },
);
// Remix's route discovery on the hydrated tabs: offline, "reload the document" (204 with
// X-Remix-Reload-Document), so the next link is followed as a page, from the pages kept
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname === "/__manifest",
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return new Response(null, { status: 204, headers: { "X-Remix-Reload-Document": "yes" } });
    }
  },
);
// Remix's own data requests (`….data`) go to the network untouched: a hydrated tab offline
// follows its next link as a whole page (above), read from the pages kept

// hashed build files never change: from the cache once fetched
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/assets/"),
  new CacheFirst({
    cacheName: "lintas-assets",
    plugins: [new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 60 * 24 * 3600 })],
  }),
);
// covers and evidence photos on the pages read offline
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.destination === "image",
  new StaleWhileRevalidate({
    cacheName: IMAGES_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 14 * 24 * 3600 })],
  }),
);

// ---------------------------------------------------------------------------------------------
// Writes recorded offline

const outbox = new Queue("lintas-outbox", {
  // never dropped by Workbox (it drops silently): a write older than KEEP_WRITE_MS (30 days) is
  // moved to "not sent" with its content by replay() instead
  maxRetentionTime: 10 * 365 * 24 * 60,
  // Background Sync: the open pages are told, to read themselves again
  onSync: async () => {
    const sent = await replay("sync");
    if (sent > 0)
      for (const client of await sw.clients.matchAll({ type: "window" }))
        client.postMessage({ type: "sent", sent });
    // the browser tries a failed sync again later, with its own backoff
    if (await waitingForServer()) throw new Error("the server failed: tried again later");
  },
});

/**
 * Not sent, with the reason and the whole request (the photo too): kept until the person sends it
 * again or discards it (never silently dropped); and who is signed in, as the pages last said.
 */
const OFFLINE_DB = "lintas-offline";
function offlineStore<T>(
  name: "failed" | "meta",
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
) {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(OFFLINE_DB, 2);
    open.onupgradeneeded = () => {
      for (const store of ["failed", "meta"])
        if (!open.result.objectStoreNames.contains(store))
          open.result.createObjectStore(store, { keyPath: "key" });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = work(open.result.transaction(name, mode).objectStore(name));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.transaction?.addEventListener("complete", () => open.result.close());
    };
  });
}

/**
 * The person signed in on the pages (data-user of the layout), for forms posted without the script.
 * When someone else signs in on this browser (the last person's session lapsed without a
 * sign-out), the pages and photos kept for reading offline were the last person's: they go.
 */
async function rememberUser(user: string | undefined) {
  if (user === undefined) return;
  const last = await offlineStore<{ value: string } | undefined>("meta", "readonly", (store) =>
    store.get("lastUser"),
  ).catch(() => undefined);
  if (user && last?.value && last.value !== user) {
    await caches.delete(PAGES_CACHE);
    await caches.delete(IMAGES_CACHE);
  }
  await offlineStore("meta", "readwrite", (store) => {
    if (user) store.put({ key: "lastUser", value: user });
    return store.put({ key: "user", value: user });
  });
}
async function rememberedUser(): Promise<string> {
  const row = await offlineStore<{ value: string } | undefined>("meta", "readonly", (store) =>
    store.get("user"),
  ).catch(() => undefined);
  return row?.value ?? "";
}

async function keep(request: Request, label: string, recordedBy: string): Promise<PendingWrite> {
  const metadata: PendingWrite = {
    key: crypto.randomUUID(),
    label: label.slice(0, 200),
    page: request.referrer || request.url,
    at: Date.now(),
    ...(recordedBy ? { recordedBy } : {}),
  };
  const headers = new Headers(request.headers);
  headers.delete("X-Lintas-Offline-Label");
  // checked by the server: a write that arrives twice is saved once, and only as the person who
  // recorded it (app/db/idempotency.server.ts)
  headers.set("Idempotency-Key", metadata.key);
  if (recordedBy) headers.set(RECORDED_BY_HEADER, recordedBy);
  else headers.delete(RECORDED_BY_HEADER);
  const body = await request.arrayBuffer();
  await outbox.pushRequest({
    request: new Request(request.url, { method: "POST", headers, body, credentials: "same-origin" }),
    metadata,
  });
  return metadata;
}

type Entry = { request: Request; metadata?: object; timestamp?: number };

/** Moved to "not sent" with everything the person wrote: the fields, the photo, the request. */
async function fail(entry: Entry, status: number, reason: ReplayReason, errors: string[]) {
  const { waiting: _waiting, retryAt: _retryAt, ...metadata } = entry.metadata as PendingWrite;
  const fields = await entry.request
    .clone()
    .formData()
    .then((form) => writtenFields(form.entries()))
    .catch(() => []);
  const failed: FailedWrite = {
    ...metadata,
    status,
    reason,
    errors,
    fields,
    request: {
      url: entry.request.url,
      headers: [...entry.request.headers.entries()],
      body: await entry.request.clone().arrayBuffer(),
    },
  };
  await offlineStore("failed", "readwrite", (store) => store.put(failed));
}

let replaying: Promise<number> | undefined;
/**
 * Sends what waits, oldest first; returns how many were sent or answered. A lapsed session is not
 * a failure: the write waits for the person to sign in again (tried once on each page they open,
 * not by Background Sync). A server failure (5xx): it waits and is tried again after 10 s, 20 s,
 * 40 s… up to 15 minutes. Only a refusal of the content (400, 409, 403…) or an age past 30 days
 * moves it to "not sent", with its content. A write that goes back into the queue stays at its
 * head and ends the round: putting it back asks for a Background Sync, which must find nothing due
 * (else the two would call each other without end).
 */
function replay(trigger: "page" | "sync" = "page"): Promise<number> {
  replaying ??= (async () => {
    let handled = 0;
    for (;;) {
      const [head] = await outbox.getAll();
      if (!head) break;
      const waiting = head.metadata as PendingWrite;
      if (waiting.retryAt && waiting.retryAt > Date.now()) break;
      if (waiting.waiting === "signIn" && trigger === "sync") break;
      const entry = await outbox.shiftRequest();
      if (!entry) break;
      const metadata = entry.metadata as PendingWrite;
      if (Date.now() - (entry.timestamp ?? metadata.at) > KEEP_WRITE_MS) {
        await fail(entry, 0, "expired", []);
        handled += 1;
        continue;
      }
      let response: Response;
      try {
        response = await fetch(entry.request.clone());
      } catch (error) {
        // still no network: back in front of the queue, tried again on the next sync or visit
        await outbox.unshiftRequest(entry);
        throw error;
      }
      const outcome = outcomeOfReplay(
        response.status,
        response.redirected ? new URL(response.url).pathname : "",
        response.headers.get(REFUSED_HEADER),
      );
      if (outcome === "saved") {
        handled += 1;
      } else if (outcome === "signIn") {
        // the others would meet the same lapsed session: all wait for the sign-in
        await outbox.unshiftRequest({ ...entry, metadata: { ...metadata, waiting: "signIn" } });
        break;
      } else if (outcome === "later") {
        const attempts = (metadata.attempts ?? 0) + 1;
        const retryAt = Date.now() + retryDelayMs(attempts);
        await outbox.unshiftRequest({
          ...entry,
          metadata: { ...metadata, waiting: "server", attempts, retryAt },
        });
        break;
      } else {
        handled += 1;
        await fail(entry, response.status, outcome, fieldErrorsOf(await response.text()));
      }
    }
    return handled;
  })().finally(() => {
    replaying = undefined;
  });
  return replaying;
}

/** True while the first write waits for the server to work again (Background Sync tries later). */
async function waitingForServer() {
  const [head] = await outbox.getAll();
  return (head?.metadata as PendingWrite | undefined)?.waiting === "server";
}

/** A write not sent, queued again by the person ("Coba lagi") with a fresh key, then sent. */
async function retry(key: string) {
  const failed = await offlineStore<FailedWrite | undefined>("failed", "readonly", (store) => store.get(key));
  if (!failed?.request) return 0;
  const metadata: PendingWrite = {
    key: crypto.randomUUID(),
    label: failed.label,
    page: failed.page,
    at: Date.now(),
    ...(failed.recordedBy ? { recordedBy: failed.recordedBy } : {}),
  };
  const headers = new Headers(failed.request.headers);
  // the refused try wrote nothing: a new key, so the server does not answer the old refusal again
  headers.set("Idempotency-Key", metadata.key);
  await outbox.pushRequest({
    request: new Request(failed.request.url, {
      method: "POST",
      headers,
      body: failed.request.body,
      credentials: "same-origin",
    }),
    metadata,
  });
  await offlineStore("failed", "readwrite", (store) => store.delete(key));
  return replay();
}

/** The messages shown next to the fields on the refused page (`.field-errors`, `.form-errors`). */
function fieldErrorsOf(html: string): string[] {
  const found = [...html.matchAll(/<(?:p|div) class="(?:field|form)-errors"[^>]*>([\s\S]*?)<\/(?:p|div)>/g)];
  return found
    .map((match) =>
      match[1]
        .replace(/<[^>]+>/g, " ")
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean)
    .slice(0, 5);
}

/** The photo of a write not sent, to show it: read back from the kept request. */
async function photoOf(failed: FailedWrite): Promise<Blob | undefined> {
  const file = failed.fields?.find((field) => field.file);
  if (!file || !failed.request) return undefined;
  const form = await new Request(failed.request.url, {
    method: "POST",
    headers: failed.request.headers,
    body: failed.request.body,
  })
    .formData()
    .catch(() => undefined);
  const photo = form?.get(file.name);
  return photo instanceof Blob && photo.type.startsWith("image/") ? photo : undefined;
}

/**
 * What waits and what was not sent, for the page of the person signed in now. A write someone
 * else recorded on this browser (their session lapsed, another person signed in) is listed without
 * what it says and without a retry: it is kept for its author, who sees it whole when they sign in
 * again.
 */
async function list(): Promise<OfflineReply> {
  const viewer = await rememberedUser();
  // a waiting write shows only its label, to its author or on the sign-in page (where its author
  // lands when their session lapsed); what a write says shows only to its author, signed in
  const someoneElses = (write: { recordedBy?: string }) => !!write.recordedBy && write.recordedBy !== viewer;
  const pending = (await outbox.getAll()).map((entry) => {
    const write = entry.metadata as PendingWrite;
    return viewer && someoneElses(write) ? { ...write, label: "", page: "/", otherAuthor: true } : write;
  });
  const kept = await offlineStore<FailedWrite[]>(
    "failed",
    "readonly",
    (store) => store.getAll() as IDBRequest<FailedWrite[]>,
  );
  const failed: FailedWriteView[] = await Promise.all(
    kept
      .sort((a, b) => a.at - b.at)
      .map(async (stored) => {
        const { request: _request, ...write } = stored;
        if (someoneElses(write))
          return { ...write, fields: [], errors: [], label: "", page: "/", otherAuthor: true };
        return { ...write, fields: write.fields ?? [], photo: await photoOf(stored) };
      }),
  );
  return { pending, failed };
}

async function clearEverything() {
  while (await outbox.shiftRequest());
  await offlineStore("failed", "readwrite", (store) => store.clear());
  await offlineStore("meta", "readwrite", (store) => store.clear());
  for (const name of await caches.keys()) if (!name.includes("precache")) await caches.delete(name);
}

// a field write posted by the page script while offline: kept, answered 202 at once
sw.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "POST" || !isOfflineWrite(new URL(request.url))) return;
  const label = request.headers.get("X-Lintas-Offline-Label");
  if (label !== null) {
    event.respondWith(
      keep(request, decodeURIComponent(label), request.headers.get(RECORDED_BY_HEADER) ?? "").then(
        (metadata) => Response.json(metadata, { status: 202, headers: { "X-Lintas-Queued": "1" } }),
      ),
    );
    return;
  }
  // a form posted without the script (or with the network gone mid-way): tried, else kept, and
  // the person is led back to the page, where the script lists it as waiting
  if (request.mode === "navigate") {
    const kept = request.clone();
    event.respondWith(
      fetch(request).catch(async () => {
        const metadata = await keep(kept, "", await rememberedUser());
        return Response.redirect(metadata.page, 303);
      }),
    );
  }
});

sw.addEventListener("message", (event) => {
  const message = event.data as OfflineRequest;
  const port = event.ports[0];
  const answer = (work: Promise<unknown>) =>
    event.waitUntil(
      work
        .catch(() => undefined)
        .then(async (sent) =>
          port?.postMessage({ ...(await list()), sent: typeof sent === "number" ? sent : 0 }),
        ),
    );
  if (message?.type === "list") answer(rememberUser(message.user).then(() => 0));
  else if (message?.type === "replay") answer(rememberUser(message.user).then(() => replay()));
  else if (message?.type === "retry") answer(retry(message.key));
  else if (message?.type === "dismiss")
    answer(offlineStore("failed", "readwrite", (store) => store.delete(message.key)));
  else if (message?.type === "clear") answer(clearEverything());
});
