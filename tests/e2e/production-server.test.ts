// The production server as `npm start` runs it (server/start.ts with NODE_ENV and SESSION_SECRET
// unset, on a fresh embedded database): bodies without Content-Length are limited, personal
// answers are not cacheable, errors show no internals, and the generated session secret survives
// a restart (issue 25, docs/decisions/0039).
import { request as httpRequest } from "node:http";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { startE2eServer } from "../setup/e2e-global";

const MB = 1024 * 1024;
const root = path.resolve(import.meta.dirname, "../..");
/** `npm start`'s environment: no NODE_ENV, no SESSION_SECRET (empty is unset) */
const NPM_START_ENV = { NODE_ENV: "", SESSION_SECRET: "" };

let server: Awaited<ReturnType<typeof startE2eServer>>;
let dir = "";
let cookie = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lintas-production-server-"));
  server = await startE2eServer(NPM_START_ENV, { dir });
  cookie = await signIn(server.baseUrl);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(baseUrl: string) {
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({
      email: "peserta@lintas.test",
      password: DEMO_PASSWORD,
      redirectTo: "/dasbor",
    }),
  });
  const value = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !value) throw new Error(`sign-in failed: ${response.status}`);
  // the answer that sets the cookie is personal too
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return value;
}

/** the server process's resident memory, in MB */
async function serverRssMb(): Promise<number> {
  const status = await readFile(`/proc/${server.pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

describe("request bodies", () => {
  it("answers a 20 MB chunked anonymous form with the 413 page, and the server's memory stays flat", async () => {
    const url = `${server.baseUrl}/lupa-sandi?index`;
    // the route's code is loaded and the heap settled before measuring
    for (let i = 0; i < 3; i++) await (await fetch(url)).text();
    const before = await serverRssMb();

    // node:http, not fetch: the server answers 413 and closes while the body is still being
    // sent, and fetch reports the write that fails then (EPIPE) instead of the answer it got
    const chunk = Buffer.alloc(64 * 1024, "a");
    const { status, connection, text, sent } = await new Promise<{
      status: number;
      connection: string | undefined;
      text: string;
      sent: number;
    }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = httpRequest(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
      });
      request.on("response", (response) => {
        answered = true;
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (piece: string) => (text += piece));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, text, sent }),
        );
        response.on("error", reject);
      });
      // a write that fails after the answer came is the server closing, as it should
      request.on("error", (error) => {
        if (!answered) reject(error);
      });
      const write = () => {
        while (!answered && sent < 20 * MB) {
          const piece = sent === 0 ? Buffer.concat([Buffer.from("email="), chunk]) : chunk;
          sent += piece.length;
          if (!request.write(piece)) return void request.once("drain", write);
        }
        if (!answered) request.end();
      };
      write();
    });
    expect(status).toBe(413);
    expect(connection).toBe("close");
    expect(text).toContain("Kiriman terlalu besar");
    expect(sent).toBeLessThan(20 * MB);

    const grown = (await serverRssMb()) - before;
    expect(grown, `server RSS grew by ${grown.toFixed(0)} MB`).toBeLessThan(60);
    // and it still serves
    expect((await fetch(`${server.baseUrl}/katalog`)).status).toBe(200);
  });
});

describe("caching of personal answers", () => {
  it("marks a signed-in page and its .data answer private, no-store, varying on Cookie", async () => {
    for (const address of ["/dasbor", "/dasbor.data"]) {
      // twice: the second may come from the signed-in page cache, which replays stored headers
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${server.baseUrl}${address}`, {
          headers: { cookie },
          redirect: "manual",
        });
        expect(response.status, address).toBe(200);
        expect(response.headers.get("cache-control"), address).toBe("private, no-store");
        expect(response.headers.get("vary"), address).toMatch(/\bCookie\b/);
        await response.arrayBuffer();
      }
    }
  });

  it("leaves the anonymous catalogue free of private caching", async () => {
    const response = await fetch(`${server.baseUrl}/katalog`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control") ?? "").not.toContain("private");
    expect(response.headers.get("vary") ?? "").not.toMatch(/\bCookie\b/);
  });
});

/** The raw answer to a GET (no decoding), as a browser's network sees it. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The build's biggest script loaded by every hydrated page's routes (the React runtime's chunk). */
async function largestScript(dir: string, names: string[]) {
  const scripts = names.filter((name) => name.endsWith(".js") && !/notes-editor|conference-room/.test(name));
  const sizes = await Promise.all(
    scripts.map(async (name) => ({ name, size: (await stat(path.join(dir, name))).size })),
  );
  const [largest] = sizes.sort((a, b) => b.size - a.size);
  expect(largest, "a built script").toBeDefined();
  return largest.name;
}

describe("the browser's files", () => {
  it("sends the Brotli or gzip file made at build time, whichever the browser reads, and the plain one otherwise", async () => {
    const assets = path.join(root, "build/client/assets");
    const names = await readdir(assets);
    const script = await largestScript(assets, names);
    const url = `${server.baseUrl}/assets/${script}`;
    const plain = await readFile(path.join(assets, script!));

    const brotli = await rawGet(url, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(brotli.status).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotli.headers["cache-control"]).toMatch(/immutable/);
    expect(brotli.body.equals(await readFile(path.join(assets, `${script}.br`)))).toBe(true);
    expect(brotliDecompressSync(brotli.body).equals(plain)).toBe(true);
    // built at the strongest setting: smaller than compressing on the fly would make it
    expect(brotli.body.length).toBeLessThan(plain.length * 0.3);

    const gzip = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(plain)).toBe(true);

    const identity = await rawGet(url, { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it("sends a content-named script only the headers a script uses; the service worker keeps its policy", async () => {
    const assets = path.join(root, "build/client/assets");
    const scripts = (await readdir(assets)).filter((name) => name.endsWith(".js"));
    const script = await largestScript(assets, scripts);
    const response = await rawGet(`${server.baseUrl}/assets/${script}`, { "accept-encoding": "br" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-type"]).toMatch(/javascript/);
    // immutable and named by content: nothing to revalidate
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers["last-modified"]).toBeUndefined();
    // a document's policies do nothing on a script, unless it runs as a worker: none of them does
    expect(response.headers["content-security-policy"]).toBeUndefined();
    for (const name of scripts) {
      const code = await readFile(path.join(assets, name), "utf8");
      expect(code, name).not.toMatch(
        /new (Shared)?Worker\(|audioWorklet\.addModule\(|serviceWorker\.register\(/,
      );
    }
    const worker = await rawGet(`${server.baseUrl}/sw.js`, {});
    expect(worker.status).toBe(200);
    expect(worker.headers["content-security-policy"]).toContain("default-src 'self'");
    // an address under /assets that is no file gets the full headers with its 404
    const missing = await rawGet(`${server.baseUrl}/assets/nothing-here.js`, {});
    expect(missing.status).toBe(404);
    expect(missing.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("still compresses, on the fly, a file built after the others (the offline script)", async () => {
    const response = await rawGet(`${server.baseUrl}/offline.js`, { "accept-encoding": "gzip, br" });
    expect(response.status).toBe(200);
    expect(["br", "gzip"]).toContain(response.headers["content-encoding"]);
  });
});

describe("production mode by default", () => {
  it("shows no stack trace, path or database code on a failing request", async () => {
    for (const address of ["/proyek?q=%00", "/proyek.data?q=%00", "/katalog?q=%00"]) {
      const response = await fetch(`${server.baseUrl}${address}`, { headers: { cookie } });
      expect(response.status, address).toBe(400);
      const text = await response.text();
      expect(text, address).not.toMatch(/\bat .+:\d+:\d+/);
      expect(text, address).not.toContain(root);
      expect(text, address).not.toMatch(/prisma|invalid byte sequence/i);
    }
  });

  it("sends the strict Content-Security-Policy: no inline styles, no hot-reload socket", async () => {
    const response = await fetch(`${server.baseUrl}/katalog`);
    const policy = response.headers.get("content-security-policy") ?? "";
    const directive = (name: string) => policy.split(/;\s*/).find((part) => part.startsWith(`${name} `));
    expect(directive("style-src")).toBe("style-src 'self'");
    expect(directive("connect-src")).not.toMatch(/\bws:/);
  });
});

// issue 25 item 8, against the server `npm start` runs: each a 4xx with the friendly page, no internals
describe("hostile requests", () => {
  const form = "application/x-www-form-urlencoded";
  const requests: [string, string, RequestInit][] = [
    ["NUL in q on /proyek", "/proyek?q=a%00b", {}],
    ["NUL in q on /proyek.csv", "/proyek.csv?q=%00", {}],
    ["NUL in q on /pasangan", "/pasangan?q=%00", {}],
    ["NUL as a project id", "/proyek/%00", {}],
    ["NUL as a practice slug", "/katalog/%00", {}],
    [
      "NUL in a comment",
      "/proyek/demo-project-sanitasi-lampung-barat?index",
      { method: "POST", headers: { "content-type": form }, body: "intent=comment&body=a%00b" },
    ],
    [
      "a JSON body",
      "/proyek/baru",
      { method: "POST", headers: { "content-type": "application/json" }, body: '{"title":"x"}' },
    ],
    [
      "an XML body",
      "/proyek/baru",
      { method: "POST", headers: { "content-type": "application/xml" }, body: "<x/>" },
    ],
    ["no Content-Type", "/proyek/baru", { method: "POST", body: new Uint8Array([1, 2, 3]) }],
    [
      "multipart without a boundary",
      "/proyek/baru",
      { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "x" },
    ],
    [
      "truncated multipart",
      "/proyek/baru",
      {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=b" },
        body: '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx',
      },
    ],
  ];

  it.each(requests)("answers %s with a 4xx and no internals", async (_label, address, init) => {
    const response = await fetch(`${server.baseUrl}${address}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie, origin: server.baseUrl },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    expect(text).not.toContain(root);
  });

  it("refuses TRACE with 405", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.baseUrl}/`, { method: "TRACE" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(405);
  });

  it.each([
    "%2F%09%2Fevil.example%2Fdasbor",
    "%2F%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example",
    "%2F%0D%0ASet-Cookie%3Ax",
  ])("keeps the sign-in redirect %s on the site", async (target) => {
    const response = await fetch(`${server.baseUrl}/masuk?redirectTo=${target}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": form, origin: server.baseUrl },
      body: new URLSearchParams({
        email: "coach@lintas.test",
        password: DEMO_PASSWORD,
        redirectTo: decodeURIComponent(target),
      }),
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "", server.baseUrl);
    expect(location.origin).toBe(server.baseUrl);
  });
});

describe("the generated session secret", () => {
  it("is kept beside the embedded database, readable by its owner only, and sign-ins survive a restart", async () => {
    const file = path.join(dir, "session-secret");
    const secret = await readFile(file, "utf8");
    expect(secret.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    await server.stop();
    server = await startE2eServer(NPM_START_ENV, { dir });
    expect(await readFile(file, "utf8")).toBe(secret);
    const page = await fetch(`${server.baseUrl}/dasbor`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
  }, 240_000);
});
