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
  type OfflineReply,
  type OfflineRequest,
  PAGES_CACHE,
  type PendingWrite,
  isOfflineWrite,
  reasonForReplay,
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
    cacheName: "lintas-images",
    plugins: [new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 14 * 24 * 3600 })],
  }),
);

// ---------------------------------------------------------------------------------------------
// Writes recorded offline

const outbox = new Queue("lintas-outbox", {
  // a week: a person in the field may be offline for days
  maxRetentionTime: 7 * 24 * 60,
  // Background Sync: the open pages are told, to read themselves again
  onSync: async () => {
    const sent = await replay();
    if (sent === 0) return;
    for (const client of await sw.clients.matchAll({ type: "window" }))
      client.postMessage({ type: "sent", sent });
  },
});

/** Not sent, with the reason: kept until the person removes it (never silently dropped). */
const FAILED_DB = "lintas-offline";
function failedStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(FAILED_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore("failed", { keyPath: "key" });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = work(open.result.transaction("failed", mode).objectStore("failed"));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    };
  });
}

async function keep(request: Request, label: string): Promise<PendingWrite> {
  const metadata: PendingWrite = {
    key: crypto.randomUUID(),
    label: label.slice(0, 200),
    page: request.referrer || request.url,
    at: Date.now(),
  };
  const headers = new Headers(request.headers);
  headers.delete("X-Lintas-Offline-Label");
  // checked by the server: a write that arrives twice is saved once (app/db/idempotency.server.ts)
  headers.set("Idempotency-Key", metadata.key);
  const body = await request.arrayBuffer();
  await outbox.pushRequest({
    request: new Request(request.url, { method: "POST", headers, body, credentials: "same-origin" }),
    metadata,
  });
  return metadata;
}

let replaying: Promise<number> | undefined;
/** Sends what waits, oldest first; returns how many were sent or answered. */
function replay(): Promise<number> {
  replaying ??= (async () => {
    let handled = 0;
    let entry;
    while ((entry = await outbox.shiftRequest())) {
      const metadata = entry.metadata as PendingWrite;
      let response: Response;
      try {
        response = await fetch(entry.request.clone());
      } catch (error) {
        // still no network: back in front of the queue, tried again on the next sync or visit
        await outbox.unshiftRequest(entry);
        throw error;
      }
      handled += 1;
      const reason = reasonForReplay(
        response.status,
        response.redirected ? new URL(response.url).pathname : "",
      );
      if (reason) {
        const html = await response.text();
        await failedStore("readwrite", (store) =>
          store.put({
            ...metadata,
            status: response.status,
            reason,
            errors: fieldErrorsOf(html),
          } satisfies FailedWrite),
        );
      }
    }
    return handled;
  })().finally(() => {
    replaying = undefined;
  });
  return replaying;
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

async function list(): Promise<OfflineReply> {
  const pending = (await outbox.getAll()).map((entry) => entry.metadata as PendingWrite);
  const failed = await failedStore<FailedWrite[]>(
    "readonly",
    (store) => store.getAll() as IDBRequest<FailedWrite[]>,
  );
  return { pending, failed: failed.sort((a, b) => a.at - b.at) };
}

async function clearEverything() {
  while (await outbox.shiftRequest());
  await failedStore("readwrite", (store) => store.clear());
  for (const name of await caches.keys()) if (!name.includes("precache")) await caches.delete(name);
}

// a field write posted by the page script while offline: kept, answered 202 at once
sw.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "POST" || !isOfflineWrite(new URL(request.url))) return;
  const label = request.headers.get("X-Lintas-Offline-Label");
  if (label !== null) {
    event.respondWith(
      keep(request, decodeURIComponent(label)).then((metadata) =>
        Response.json(metadata, { status: 202, headers: { "X-Lintas-Queued": "1" } }),
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
        const metadata = await keep(kept, "");
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
  if (message?.type === "list") answer(Promise.resolve(0));
  else if (message?.type === "replay") answer(replay());
  else if (message?.type === "dismiss")
    answer(failedStore("readwrite", (store) => store.delete(message.key)));
  else if (message?.type === "clear") answer(clearEverything());
});
