// A cache of whole pages for anonymous visitors of the public catalogue (docs/decisions/0031; the
// signed-in pages' cache of 0032 is gone, see 0066: every commit anywhere emptied it).
//
// Who it serves: GET/HEAD requests to the paths it is given, from visitors without any cookie but
// the language one and without an Authorization header. What it keeps: 200 answers that set no cookie,
// up to `maxEntries` (least recently used go first) of at most `maxBytes` each. When it serves:
// only while the catalogue's change stamp (CatalogState, moved by database triggers in the same
// transaction as every change a catalogue page shows) is the one the page was rendered under, and
// for at most `maxAgeMs`. So a withdrawn practice leaves every process's cache with the commit that
// withdrew it, and several app processes stay correct without talking to each other.
//
// Each answer carries a fresh CSP nonce (the stored one is replaced in the header and the body),
// and `X-Lintas-Cache: hit` or `miss`.
import type { NextFunction, Request, Response } from "express";
import { createNonce } from "~/utils/security-headers.server";

type Entry = {
  stamp: string;
  storedAt: number;
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  nonce: string | null;
};

export type PageCacheOptions = {
  /** paths (without the query) whose pages may be kept */
  paths: RegExp;
  /** the current change stamp; pages rendered under another stamp are not served */
  stamp: () => Promise<string>;
  maxEntries?: number;
  maxBytes?: number;
  maxAgeMs?: number;
  now?: () => number;
};

const SKIPPED_HEADERS = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

/** Only the language cookie (or none): anything else may be a signed-in or in-progress visitor. */
export function isAnonymous(cookieHeader: string | undefined, authorization: string | undefined) {
  if (authorization) return false;
  if (!cookieHeader) return true;
  return cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .every((part) => part.startsWith("lng="));
}

function languageOf(cookieHeader: string | undefined) {
  return /(?:^|;\s*)lng=([^;]*)/.exec(cookieHeader ?? "")?.[1] ?? "";
}

function nonceOf(csp: unknown) {
  return typeof csp === "string" ? (/'nonce-([^']+)'/.exec(csp)?.[1] ?? null) : null;
}

export function createPageCache({
  paths,
  stamp,
  maxEntries = 200,
  maxBytes = 256 * 1024,
  maxAgeMs = 5 * 60_000,
  now = Date.now,
}: PageCacheOptions) {
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0, stored: 0 };
  /** the pages being rendered now, by key */
  const rendering = new Map<string, Promise<void>>();
  // requests that arrive while the stamp is being read share that read: under load one query
  // answers many requests, and a change committed during that read is seen by the next one
  let reading: Promise<string> | null = null;
  const currentStamp = () => {
    if (!reading) reading = stamp().finally(() => (reading = null));
    return reading;
  };

  function serve(res: Response, entry: Entry, head: boolean) {
    const fresh = entry.nonce ? createNonce() : null;
    res.status(entry.status);
    for (const [name, value] of entry.headers) {
      if (fresh && entry.nonce && name === "content-security-policy" && typeof value === "string")
        res.setHeader(name, value.replaceAll(entry.nonce, fresh));
      else res.setHeader(name, value);
    }
    res.setHeader("X-Lintas-Cache", "hit");
    const body =
      fresh && entry.nonce
        ? Buffer.from(entry.body.toString("utf8").replaceAll(`nonce="${entry.nonce}"`, `nonce="${fresh}"`))
        : entry.body;
    res.end(head ? undefined : body);
  }

  async function middleware(req: Request, res: Response, next: NextFunction) {
    if ((req.method !== "GET" && req.method !== "HEAD") || !paths.test(req.path)) return next();
    if (!isAnonymous(req.headers.cookie, req.headers.authorization)) return next();
    let current: string;
    try {
      current = await currentStamp();
    } catch {
      return next(); // without the stamp, no cache: the page renders as usual
    }
    const key = `${req.originalUrl}\u0000${languageOf(req.headers.cookie)}`;
    const entry = entries.get(key);
    if (entry && entry.stamp === current && now() - entry.storedAt < maxAgeMs) {
      stats.hits += 1;
      entries.delete(key); // most recently used goes last
      entries.set(key, entry);
      return serve(res, entry, req.method === "HEAD");
    }
    if (entry) entries.delete(key);
    // one render per page: requests that miss while it renders wait for it and take what it keeps
    const pending = rendering.get(key);
    if (pending) {
      await pending;
      const rendered = entries.get(key);
      if (rendered && rendered.stamp === current) {
        stats.hits += 1;
        return serve(res, rendered, req.method === "HEAD");
      }
    }
    stats.misses += 1;
    res.setHeader("X-Lintas-Cache", "miss");
    if (req.method === "HEAD") return next();
    let rendered!: () => void;
    const render = new Promise<void>((resolve) => (rendered = resolve));
    rendering.set(key, render);
    res.once("close", () => {
      if (rendering.get(key) === render) rendering.delete(key);
      rendered();
    });

    // keep what the page writes, then store it if it is a whole 200 without cookies
    const chunks: Buffer[] = [];
    let size = 0;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      size += buffer.length;
      if (size <= maxBytes) chunks.push(buffer);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      if (res.statusCode === 200 && size <= maxBytes && !res.getHeader("set-cookie")) {
        const headers = Object.entries(res.getHeaders())
          .filter(([name, value]) => value !== undefined && !SKIPPED_HEADERS.has(name))
          .filter(([name]) => name !== "x-lintas-cache" && name !== "content-encoding" && name !== "vary")
          .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]) as Entry["headers"];
        entries.set(key, {
          stamp: current,
          storedAt: now(),
          status: 200,
          headers,
          body: Buffer.concat(chunks),
          nonce: nonceOf(res.getHeader("content-security-policy")),
        });
        stats.stored += 1;
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return end(chunk, ...rest);
    }) as Response["end"];
    next();
  }

  return { middleware, stats, size: () => entries.size, clear: () => entries.clear() };
}
