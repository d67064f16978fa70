// The app shell end to end on the server: language detection, the root loader's cookie, whole
// documents rendered through entry.server (status, <html lang>, text, nonce, headers), the
// Express middleware for static files, and the home page's model on this file's database.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@remix-run/node";
import express from "express";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { errorKindForStatus } from "~/components/ui/error-page";
import { getLanguage, languageCookie, rememberLanguageChoice } from "~/i18n/i18n.server";
import { fixedT } from "~/i18n/translate";
import { listRecentPublicItems } from "~/modules/dashboards/home.server";
import { loader as rootLoader } from "~/root";
import { loader as notFoundLoader } from "~/routes/not-found";
import { loader as homeLoader } from "~/routes/home";
import { invariantResponse } from "~/utils/invariant";
import {
  contentSecurityPolicy,
  securityHeaders,
  securityHeadersMiddleware,
} from "~/utils/security-headers.server";
import { loadAppBuild } from "../fixtures/app-build";

const args = (url: string, headers: Record<string, string> = {}) => ({
  request: new Request(url, { headers }),
  params: {},
  context: {},
});

describe("language detection", () => {
  it("is Indonesian by default, whatever the browser prefers", async () => {
    expect(await getLanguage(new Request("http://lintas.test/"))).toBe("id");
    expect(
      await getLanguage(new Request("http://lintas.test/", { headers: { "Accept-Language": "en-US,en" } })),
    ).toBe("id");
  });

  it("follows ?lng=en and ?lng=id, and ignores a language Lintas does not have", async () => {
    expect(await getLanguage(new Request("http://lintas.test/proyek?lng=en"))).toBe("en");
    expect(await getLanguage(new Request("http://lintas.test/?lng=id"))).toBe("id");
    expect(await getLanguage(new Request("http://lintas.test/?lng=fr"))).toBe("id");
  });

  it("remembers the choice in the lng cookie, and ?lng wins over the cookie", async () => {
    const cookie = await rememberLanguageChoice(new Request("http://lintas.test/?lng=en"));
    expect(cookie).toMatch(/^lng=.+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    const pair = cookie!.split(";")[0];
    expect(await getLanguage(new Request("http://lintas.test/katalog", { headers: { Cookie: pair } }))).toBe(
      "en",
    );
    expect(
      await getLanguage(new Request("http://lintas.test/katalog?lng=id", { headers: { Cookie: pair } })),
    ).toBe("id");
    // the same choice again sets nothing new; no choice sets nothing
    expect(
      await rememberLanguageChoice(new Request("http://lintas.test/?lng=en", { headers: { Cookie: pair } })),
    ).toBeUndefined();
    expect(await rememberLanguageChoice(new Request("http://lintas.test/?lng=fr"))).toBeUndefined();
  });

  it("is what the root loader returns, with the cookie header when the reader chose", async () => {
    const chosen = await rootLoader(args("http://lintas.test/?lng=en"));
    expect(chosen.data).toEqual({ locale: "en", user: null });
    const setCookie = new Headers(chosen.init?.headers).get("Set-Cookie");
    expect(await languageCookie.parse(setCookie)).toBe("en");

    const plain = await rootLoader(args("http://lintas.test/"));
    expect(plain.data.locale).toBe("id");
    expect(new Headers(plain.init?.headers).get("Set-Cookie")).toBeNull();
  });
});

describe("not found, forbidden and invariantResponse", () => {
  it.each([
    [404, "Halaman tidak ditemukan", "Page not found"],
    [403, "Akses ditolak", "Access denied"],
    [401, "Akses ditolak", "Access denied"],
    [400, "Permintaan tidak dapat diproses", "The request could not be processed"],
    [500, "Terjadi kesalahan pada server", "Something went wrong on the server"],
  ])("titles a %i page in both languages", (status, indonesian, english) => {
    const key = `errorPage.${errorKindForStatus(status)}.title`;
    expect(fixedT("id")(key)).toBe(indonesian);
    expect(fixedT("en")(key)).toBe(english);
  });

  it("invariantResponse throws the response with its status when the condition fails", () => {
    const thrown = (() => {
      try {
        invariantResponse(null, "Forbidden", { status: 403 });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(() => invariantResponse({ id: "p1" }, "Not found", { status: 404 })).not.toThrow();
  });

  it("throws a 404 response for an address no route knows", async () => {
    const thrown = await notFoundLoader().catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});

describe("security headers", () => {
  it("allow Remix's inline scripts only by nonce, and no framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", nodeEnv: "production", appUrl: "http://x" });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("set nosniff, the referrer policy, camera and microphone for this origin", () => {
    const headers = securityHeaders({ nodeEnv: "production", appUrl: "http://localhost:3000" });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=(self)");
    expect(headers["Permissions-Policy"]).toContain("microphone=(self)");
  });

  it("send HSTS only in production over https", () => {
    const hsts = (nodeEnv: "production" | "development", appUrl: string) =>
      securityHeaders({ nodeEnv, appUrl })["Strict-Transport-Security"];
    expect(hsts("production", "https://lintas.example.id")).toBe("max-age=31536000; includeSubDomains");
    expect(hsts("production", "http://localhost:3000")).toBeUndefined();
    expect(hsts("development", "https://lintas.example.id")).toBeUndefined();
  });

  it("let the conference room reach the LiveKit server, and Vite's socket in development", () => {
    const live = contentSecurityPolicy({
      nodeEnv: "production",
      appUrl: "https://lintas.example.id",
      livekitUrl: "https://livekit.example.id",
    });
    expect(live).toContain("connect-src 'self' wss://livekit.example.id https://livekit.example.id");
    expect(live).toContain("upgrade-insecure-requests");
    const dev = contentSecurityPolicy({ nodeEnv: "development", appUrl: "http://localhost:3000" });
    expect(dev).toContain("connect-src 'self' ws:");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).not.toContain("upgrade-insecure-requests");
  });

  it("reach static files and resource routes through the Express middleware, keeping a page's own", async () => {
    const app = express();
    app.use(securityHeadersMiddleware());
    app.get("/robots.txt", (_request, response) => void response.type("text/plain").send("User-agent: *"));
    app.get("/page", (_request, response) => {
      response.setHeader("Content-Security-Policy", "script-src 'self' 'nonce-page'");
      response.send("<p>page</p>");
    });
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const file = await fetch(`${base}/robots.txt`);
      expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(file.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
      expect(file.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      const page = await fetch(`${base}/page`);
      expect(page.headers.get("Content-Security-Policy")).toBe("script-src 'self' 'nonce-page'");
      expect(page.headers.get("X-Frame-Options")).toBe("DENY");
    } finally {
      server.close();
    }
  });
});

// Whole documents, rendered by the app's own entry.server through Remix's request handler.
describe("documents", () => {
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const started = await loadAppBuild();
    const build = started.build;
    const handler = createRequestHandler(build, "production");
    handle = (request) => handler(request);
  }, 60_000);

  const get = (path: string, headers: Record<string, string> = {}) =>
    handle(new Request(`http://lintas.test${path}`, { headers }));

  it("serves the home page in Indonesian, with the empty state on an empty database", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("<title>Lintas · Pembelajaran antardaerah</title>");
    expect(html).toContain("Belajar lintas daerah, lintas instansi");
    expect(html).toContain("Belum ada praktik yang diterbitkan.");
    expect(html).toContain("Belum ada pelajaran yang diterbitkan.");
    expect(html).toContain('href="/masuk"');
    expect(html).toContain("idn-area-data</a> (ODbL)");
    expect(html).toContain("cahyadsn/wilayah_boundaries</a> (MIT)");
  });

  it("serves it in English with ?lng=en and sets the cookie, which keeps English afterwards", async () => {
    const response = await get("/?lng=en");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Lintas · Learning between regions</title>");
    expect(html).toContain("No practices have been published yet.");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0];
    const later = await (await get("/", { Cookie: cookie })).text();
    expect(later).toContain('<html lang="en">');
    expect(later).toContain('href="/?lng=id"');
  });

  it("puts the per-request nonce on every inline script and in the policy", async () => {
    const response = await get("/");
    const policy = response.headers.get("Content-Security-Policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    const again = (await get("/")).headers.get("Content-Security-Policy");
    expect(again).not.toBe(policy);
  });

  it("answers an unknown address with the translated 404 page and status 404", async () => {
    const response = await get("/tidak-ada/sama-sekali");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("<title>Halaman tidak ditemukan · Lintas</title>");
    expect(html).toContain("<h1>Halaman tidak ditemukan</h1>");
    expect(html).toContain("Kode galat: 404");
    // no stack trace, no technical details
    expect(html).not.toMatch(/\bat \S+ \(.+:\d+:\d+\)/);
    expect(html).not.toContain("<details>");
    const english = await get("/tidak-ada?lng=en");
    expect(english.status).toBe(404);
    expect(await english.text()).toContain("<h1>Page not found</h1>");
  });

  it("adds the headers to data requests of client-side navigation", async () => {
    const response = await get("/_root.data");
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });
});

describe("recent public practices and lessons", () => {
  it("are empty on an empty database", async () => {
    expect(await listRecentPublicItems()).toEqual({ practices: [], lessons: [] });
  });

  it("list only published rows, newest first, with their region names", async () => {
    await prisma.region.createMany({
      data: [
        { code: "74", name: "Sulawesi Tenggara", kind: "PROVINCE", timeZone: "Asia/Makassar" },
        { code: "35", name: "Jawa Timur", kind: "PROVINCE", timeZone: "Asia/Jakarta" },
      ],
    });
    await prisma.region.createMany({
      data: [
        { code: "74.71", name: "Kota Kendari", kind: "CITY", provinceCode: "74", timeZone: "Asia/Makassar" },
        { code: "35.72", name: "Kota Blitar", kind: "CITY", provinceCode: "35", timeZone: "Asia/Jakarta" },
      ],
    });
    await prisma.practice.create({
      data: {
        slug: "l2t2-kendari",
        name: "Layanan Lumpur Tinja Terjadwal (L2T2)",
        summary: "Penyedotan lumpur tinja terjadwal sejak 2016.",
        status: "PUBLISHED",
        publishedAt: new Date("2020-03-01T02:00:00Z"),
        regionCode: "74.71",
      },
    });
    await prisma.practice.create({
      data: { slug: "draft", name: "Masih draf", status: "DRAFT", regionCode: "35.72" },
    });
    await prisma.lesson.createMany({
      data: [
        {
          slug: "advokasi-kepala-daerah",
          title: "Advokasi untuk komitmen kepala daerah",
          content: {},
          status: "PUBLISHED",
          publishedAt: new Date("2020-01-28T03:00:00Z"),
          regionCode: "35.72",
        },
        {
          slug: "percontohan-asn",
          title: "Mulai percontohan dari ASN",
          content: {},
          status: "PUBLISHED",
          publishedAt: new Date("2020-02-10T03:00:00Z"),
        },
        { slug: "belum", title: "Dalam tinjauan", content: {}, status: "IN_REVIEW" },
      ],
    });

    const { practices, lessons } = await listRecentPublicItems();
    expect(practices.map((p) => [p.title, p.regionName])).toEqual([
      ["Layanan Lumpur Tinja Terjadwal (L2T2)", "Kota Kendari"],
    ]);
    expect(lessons.map((l) => [l.title, l.regionName])).toEqual([
      ["Mulai percontohan dari ASN", null],
      ["Advokasi untuk komitmen kepala daerah", "Kota Blitar"],
    ]);
    expect(practices[0].timeZone).toBe("Asia/Makassar");
    expect((await listRecentPublicItems({ limit: 1 })).lessons).toHaveLength(1);
  });

  it("are what the home loader returns", async () => {
    const data = await homeLoader(args("http://lintas.test/?keluar=1"));
    expect(data.signedOut).toBe(true);
    expect(data.practices.map((p) => p.slug)).toEqual(["l2t2-kendari"]);
    expect(data.lessons.map((l) => l.slug)).toEqual(["percontohan-asn", "advokasi-kepala-daerah"]);
  });
});
