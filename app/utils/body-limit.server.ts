// Request body limits (server/start.ts, docs/decisions/0039): forms and JSON are small; the four
// forms that carry a file (evidence, a project cover, a cohort spreadsheet, a progress update sheet) may send one file of
// UPLOAD_MAX_MB. A declared Content-Length over the limit is refused before anything is read; a
// body without one (Transfer-Encoding: chunked) is counted as it is read and refused at the limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Readable, Transform } from "node:stream";
import { carriesSessionCookie } from "~/utils/session-cookie";

const FORM_LIMIT_BYTES = 2 * 1024 * 1024;

/** Pages whose forms upload a file, and their single-fetch `.data` addresses. */
const UPLOAD_PATHS = [
  /^\/proyek\/[^/]+(\/tonggak)?(\.data|\/)?$/,
  /^\/angkatan\/impor(\.data|\/)?$/,
  // the spreadsheet progress update (docs/decisions/0060); the project pattern above also matches it
  /^\/proyek\/pembaruan-massal(\.data|\/)?$/,
];

/**
 * The most a request body may carry: the upload limit (plus room for the multipart framing and
 * the other fields) for a multipart body to an upload page from someone signed in (`cookie`, the
 * Cookie header, carries the sign-in cookie: only signed-in people upload, and the request guard
 * reads a form whole before the action asks who sends it), 2 MB for anything else. Without a
 * path, any multipart body counts as an upload.
 */
export function bodyLimitBytes(
  contentType: string | undefined,
  uploadMaxMb: number,
  path?: string,
  cookie?: string,
): number {
  const multipart = /^multipart\/form-data/i.test(contentType ?? "");
  const upload =
    path === undefined ||
    (UPLOAD_PATHS.some((pattern) => pattern.test(path)) && carriesSessionCookie(cookie));
  return multipart && upload ? Math.ceil((uploadMaxMb + 1) * 1024 * 1024) : FORM_LIMIT_BYTES;
}

/** True when the declared body is larger than allowed (413 without reading it). */
export function isBodyTooLarge({
  contentType,
  contentLength,
  uploadMaxMb,
  path,
  cookie,
}: {
  contentType: string | undefined;
  contentLength: string | undefined;
  uploadMaxMb: number;
  path?: string;
  /** the Cookie header */
  cookie?: string;
}): boolean {
  if (!contentLength) return false;
  const length = Number(contentLength);
  return !Number.isFinite(length) || length > bodyLimitBytes(contentType, uploadMaxMb, path, cookie);
}

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`Request body over the limit of ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body of `source`, counted as it is read: past `limit` bytes, `onTooLarge` runs (before
 * anything else hears of it) and the stream fails with a BodyTooLargeError, so whoever reads it
 * gets an error, never a body cut short.
 */
export function countedBody(source: Readable, limit: number, onTooLarge: () => void): Readable {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received <= limit) return callback(null, chunk);
      source.unpipe(counter);
      onTooLarge();
      callback(new BodyTooLargeError(limit));
    },
  });
  source.on("error", (error) => counter.destroy(error));
  // a client that goes away mid-body: the reader must not wait for an end that never comes
  source.on("aborted", () => counter.destroy(new Error("Request aborted")));
  return source.pipe(counter);
}

/**
 * How long a refused client may still send before its connection is cut: long enough for a
 * browser's 10 MB form on a slow link or a busy machine to be read and dropped (so it sees the
 * answer instead of a broken pipe), short enough that a client cannot hold the socket.
 */
const LINGER_MS = 10_000;

/**
 * Answers 413 with the friendly page and closes the connection. What the client still sends is
 * read and dropped for a moment (so it sees the answer instead of a reset), then the socket goes.
 */
export function sendTooLarge(request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket;
  if (!response.headersSent) {
    response.writeHead(413, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": Buffer.byteLength(TOO_LARGE_PAGE),
      Connection: "close",
    });
    response.end(TOO_LARGE_PAGE);
  }
  request.unpipe();
  request.resume();
  // Node closes a "Connection: close" socket as soon as the answer is written (destroySoon): what
  // the client still sends would then meet a reset, and a client that writes before it reads (a
  // browser, fetch) would see a broken pipe instead of this page. So the socket only stops
  // writing here; it closes when the body has been read and dropped, or after LINGER_MS.
  const destroySoon = socket.destroySoon.bind(socket);
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
  };
  const cut = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  // the whole body arrived and was dropped: close now
  request.once("end", () => {
    clearTimeout(cut);
    destroySoon();
  });
}

export const TOO_LARGE_PAGE = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Terlalu besar / Too large</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Kiriman terlalu besar</h1><p>Data yang dikirim melebihi batas. Kembali, perkecil berkas atau teksnya, lalu coba lagi.</p>
<h2 lang="en">Request too large</h2><p lang="en">What was sent is over the limit. Go back, make the file or text smaller and try again.</p>
</body></html>`;
