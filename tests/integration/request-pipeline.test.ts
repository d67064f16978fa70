// The request pipeline of server/start.ts without a production build: its body limit and private
// caching in front of a stand-in for Remix that reads the body the way an action does
// (docs/decisions/0039). tests/e2e/production-server.test.ts checks the same against the real server.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitBytes, isBodyTooLarge, sendTooLarge } from "~/utils/body-limit.server";
import { privateCacheMiddleware } from "~/utils/security-headers.server";
import { type RemixHandler, createRemixHandler } from "../../server/remix-handler";

const UPLOAD_MAX_MB = 5;
const MB = 1024 * 1024;
/** what the stand-in's actions were given, by path */
const formsRead: { path: string; bytes: number }[] = [];
let baseUrl = "";
let closeServer: () => Promise<void>;

const handle: RemixHandler = async (request) => {
  const url = new URL(request.url);
  if (request.method === "POST") {
    const form = await request.formData();
    const bytes = [...form.values()].reduce((sum, v) => sum + (typeof v === "string" ? v.length : v.size), 0);
    formsRead.push({ path: url.pathname, bytes });
    return new Response(`read ${bytes}`);
  }
  const headers = new Headers({ "Content-Type": "text/html" });
  const caching = url.searchParams.get("cache");
  if (caching) headers.set("Cache-Control", caching);
  if (url.searchParams.has("set-cookie")) headers.append("Set-Cookie", "lng=en; Path=/");
  return new Response(`<p>${url.pathname}</p>`, { headers });
};

beforeAll(async () => {
  // the same order as server/start.ts
  const app = express();
  app.use(compression());
  app.use(privateCacheMiddleware());
  const bodyLimit = (req: express.Request) =>
    bodyLimitBytes(req.headers["content-type"], UPLOAD_MAX_MB, req.path, req.headers.cookie);
  app.use((req, res, next) => {
    const tooLarge = isBodyTooLarge({
      contentType: req.headers["content-type"],
      contentLength: req.headers["content-length"],
      uploadMaxMb: UPLOAD_MAX_MB,
      path: req.path,
      cookie: req.headers.cookie,
    });
    if (tooLarge) sendTooLarge(req, res);
    else next();
  });
  app.all("*", createRemixHandler({ handle, bodyLimit }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});
afterAll(() => closeServer());

/** A body sent with Transfer-Encoding: chunked (no Content-Length), made as it is sent. */
function chunkedBody(totalBytes: number, prefix = "email=") {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, "a");
  return {
    sent: () => sent,
    stream: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= totalBytes) return controller.close();
        const piece = sent === 0 ? Buffer.concat([Buffer.from(prefix), chunk]) : chunk;
        sent += piece.length;
        controller.enqueue(piece);
      },
    }),
  };
}

function post(path: string, body: ReadableStream<Uint8Array>, contentType: string, cookie?: string) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) },
  } as RequestInit);
}

const MULTIPART = "multipart/form-data; boundary=X";
const SIGNED_IN = "lng=id; __lintas_session=signed.value";

/** One file of `size` bytes as a chunked multipart body. */
function framed(size: number) {
  const head = '--X\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n';
  const content = Buffer.concat([Buffer.from(head), Buffer.alloc(size, "b"), Buffer.from("\r\n--X--\r\n")]);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < content.length; at += 64 * 1024)
        controller.enqueue(content.subarray(at, at + 64 * 1024));
      controller.close();
    },
  });
}

describe("request bodies without Content-Length", () => {
  it("refuses a 20 MB chunked anonymous form with the 413 page and a closed connection, reads none of it into an action, and memory stays flat", async () => {
    // this thread's own memory (its V8 heap and the buffers it holds): the process's RSS is shared
    // with the other test file running in the next worker thread, which may be loading a database
    const own = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
    const before = own();
    const body = chunkedBody(20 * MB);
    const response = await post("/lupa-sandi?index", body.stream, "application/x-www-form-urlencoded");
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    const page = await response.text();
    expect(page).toContain("Kiriman terlalu besar");
    expect(page).toContain("Request too large");
    expect(formsRead.filter((form) => form.path === "/lupa-sandi")).toEqual([]);
    // the client stopped well before sending it all
    expect(body.sent()).toBeLessThan(20 * MB);
    const grownMb = (own() - before) / MB;
    expect(grownMb, `the thread's memory grew by ${grownMb.toFixed(1)} MB`).toBeLessThan(20);
  });

  it("counts every route: a 3 MB chunked multipart body is an upload only on an upload page", async () => {
    const upload = await post("/proyek/p1/tonggak.data", framed(3 * MB), MULTIPART, SIGNED_IN);
    expect(upload.status).toBe(200);
    expect(await upload.text()).toBe(`read ${3 * MB}`);

    const elsewhere = await post("/masuk", framed(3 * MB), MULTIPART, SIGNED_IN);
    expect(elsewhere.status).toBe(413);
    expect(formsRead.map((form) => form.path)).toEqual(["/proyek/p1/tonggak.data"]);
  });

  it("gives the upload limit only to a request with the sign-in cookie: anonymous multipart gets the form limit", async () => {
    const before = formsRead.length;
    for (const path of ["/proyek/apa-saja", "/proyek/apa-saja/tonggak.data", "/angkatan/impor"]) {
      for (const cookie of [undefined, "lng=id", "__lintas_session=; lng=id"]) {
        const chunked = await post(path, framed(3 * MB), MULTIPART, cookie);
        expect(chunked.status, `${path} ${cookie}`).toBe(413);
        const declared = await fetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: { "content-type": MULTIPART, ...(cookie ? { cookie } : {}) },
          body: new Uint8Array(3 * MB),
        });
        expect(declared.status, `${path} ${cookie} with Content-Length`).toBe(413);
      }
    }
    expect(formsRead.length).toBe(before);
    // the cookie Lintas signs people in with is the one the limit looks for
    const { authSessionStorage } = await import("~/auth/session.server");
    const setCookie = await authSessionStorage.commitSession(await authSessionStorage.getSession());
    const upload = await post("/proyek/apa-saja", framed(3 * MB), MULTIPART, setCookie.split(";")[0]);
    expect(upload.status).toBe(200);
    expect(formsRead.at(-1)).toEqual({ path: "/proyek/apa-saja", bytes: 3 * MB });
  });

  it("passes a chunked form under the limit through whole", async () => {
    const response = await post("/masuk", chunkedBody(MB).stream, "application/x-www-form-urlencoded");
    expect(response.status).toBe(200);
    expect(formsRead.at(-1)).toEqual({ path: "/masuk", bytes: MB });
  });

  it("still refuses a declared Content-Length over the limit before reading", async () => {
    const response = await fetch(`${baseUrl}/undangan/abc`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a".repeat(3 * MB),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Kiriman terlalu besar");
  });
});

describe("private caching", () => {
  const signedIn = { cookie: "lng=id; __lintas_session=signed.value" };

  it("marks a signed-in page and its .data answer private, no-store, varying on Cookie", async () => {
    for (const path of ["/dasbor", "/dasbor.data", "/proyek.csv?cache=public,max-age=600"]) {
      const response = await fetch(`${baseUrl}${path}`, { headers: signedIn });
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
      expect(response.headers.get("vary"), path).toMatch(/\bCookie\b/);
      // compression's own Vary is kept
      expect(response.headers.get("vary"), path).toMatch(/Accept-Encoding/);
    }
  });

  it("keeps a route's own no-store and marks any answer that sets a cookie", async () => {
    const strict = await fetch(`${baseUrl}/keluar?cache=no-store,max-age=0`, { headers: signedIn });
    expect(strict.headers.get("cache-control")).toBe("no-store,max-age=0");
    expect(strict.headers.get("vary")).toMatch(/\bCookie\b/);

    const setsCookie = await fetch(`${baseUrl}/?set-cookie`);
    expect(setsCookie.headers.get("cache-control")).toBe("private, no-store");
    expect(setsCookie.headers.get("vary")).toMatch(/\bCookie\b/);
  });

  it("leaves the anonymous public catalogue cacheable", async () => {
    const response = await fetch(`${baseUrl}/katalog?cache=public,max-age=60`, {
      headers: { cookie: "lng=en" },
    });
    expect(response.headers.get("cache-control")).toBe("public,max-age=60");
    expect(response.headers.get("vary") ?? "").not.toMatch(/\bCookie\b/);
  });
});
