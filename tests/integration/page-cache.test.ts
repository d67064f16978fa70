// The page cache (app/utils/page-cache.server.ts) for anonymous visitors of the catalogue, in front
// of a small Express app that answers like a Remix document (a fresh CSP nonce in the header and
// in the inline scripts, written in chunks), and with the real CatalogState stamp of this file's
// database: a catalogue change moves the stamp in its own transaction, anything else leaves it.
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Request, type Response } from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { database, prisma } from "~/db.server";
import { CATALOG_PAGE_PATHS, catalogStamp } from "~/modules/catalogue/catalog-state.server";
import { type PageCacheOptions, createPageCache, isAnonymous } from "~/utils/page-cache.server";
import { createNonce } from "~/utils/security-headers.server";
import { cookieFor, createPerson, ensureRegions } from "../fixtures/people";

type TestApp = {
  url: string;
  /** the requests that reached the page handler, as "METHOD /path?query" */
  calls: string[];
  cache: ReturnType<typeof createPageCache>;
};

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** The page handler: a document like Remix's, or a special answer for a few paths. */
function renderPage(calls: string[]) {
  return (req: Request, res: Response) => {
    calls.push(`${req.method} ${req.originalUrl}`);
    const nonce = createNonce();
    if (req.path === "/katalog/sets-cookie") res.setHeader("Set-Cookie", "lng=en; Path=/");
    if (req.path === "/katalog/tidak-ada") res.status(404);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}'`);
    if (req.path === "/katalog/besar") {
      res.end(`<!DOCTYPE html><p>${"x".repeat(2_000)}</p>`);
      return;
    }
    // Remix streams Uint8Array chunks, then ends without one
    res.write(new TextEncoder().encode(`<!DOCTYPE html><html><body><p>call ${calls.length}</p>`));
    res.write(`<script nonce="${nonce}">window.__first = 1</script>`);
    res.write(
      `<p>cookie: ${req.headers.cookie ?? "-"}</p><script nonce="${nonce}">window.__second = 2</script>`,
    );
    res.end("</body></html>");
  };
}

async function startApp(options: Partial<PageCacheOptions> = {}): Promise<TestApp> {
  const calls: string[] = [];
  const cache = createPageCache({ paths: CATALOG_PAGE_PATHS, stamp: async () => "stamp-1", ...options });
  const app = express();
  app.use((req, res, next) => void cache.middleware(req, res, next));
  app.all("*", renderPage(calls));
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, cache };
}

async function get(app: TestApp, path: string, init: RequestInit = {}) {
  const response = await fetch(`${app.url}${path}`, init);
  return { response, body: await response.text(), cache: response.headers.get("x-lintas-cache") };
}

function headerNonce(response: globalThis.Response) {
  return /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
}

function bodyNonces(body: string) {
  return [...body.matchAll(/<script nonce="([^"]+)">/g)].map((match) => match[1]);
}

describe("who is served from the cache", () => {
  it("counts as anonymous only without Authorization and without any cookie but lng", () => {
    expect(isAnonymous(undefined, undefined)).toBe(true);
    expect(isAnonymous("", undefined)).toBe(true);
    expect(isAnonymous("lng=en", undefined)).toBe(true);
    expect(isAnonymous("lng=ImVuIg%3D%3D;", undefined)).toBe(true);
    expect(isAnonymous(" lng=id ; ", "")).toBe(true);

    expect(isAnonymous("__session=abc", undefined)).toBe(false);
    expect(isAnonymous("lng=en; __session=abc", undefined)).toBe(false);
    expect(isAnonymous("__session=abc; lng=en", undefined)).toBe(false);
    expect(isAnonymous("lngx=en", undefined)).toBe(false);
    expect(isAnonymous("lng", undefined)).toBe(false);
    expect(isAnonymous(undefined, "Bearer token")).toBe(false);
    expect(isAnonymous("lng=en", "Basic dXNlcjpwdw==")).toBe(false);
  });

  it("keeps the public catalogue's pages, not the forms, the management pages or the exports", () => {
    for (const path of [
      "/katalog",
      "/katalog/",
      "/katalog/some-slug",
      "/katalog/some-slug/",
      "/katalog/baruan",
      "/katalog/feed.atom",
    ])
      expect(CATALOG_PAGE_PATHS.test(path), path).toBe(true);
    for (const path of [
      "/katalog/baru",
      "/katalog/baru/",
      "/katalog/baru.data",
      "/katalog/kelola",
      "/katalog/kelola.data",
      "/katalog/kelola/",
      "/katalog/kelola/x",
      "/katalog/some-slug/data.json",
      "/katalog.json",
      "/katalog.csv",
      "/katalogx",
      "/pelajaran/x",
      "/",
    ])
      expect(CATALOG_PAGE_PATHS.test(path), path).toBe(false);
  });
});

describe("the page cache", () => {
  it("serves the second anonymous GET from the cache, with a fresh nonce in header and body", async () => {
    const app = await startApp();
    const first = await get(app, "/katalog?q=sampah");
    expect(first.response.status).toBe(200);
    expect(first.cache).toBe("miss");
    const firstNonce = headerNonce(first.response);
    expect(bodyNonces(first.body)).toEqual([firstNonce, firstNonce]);

    const second = await get(app, "/katalog?q=sampah");
    const third = await get(app, "/katalog?q=sampah");
    expect(app.calls).toEqual(["GET /katalog?q=sampah"]);
    for (const hit of [second, third]) {
      expect(hit.cache).toBe("hit");
      expect(hit.response.status).toBe(200);
      expect(hit.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(hit.body).toContain("<p>call 1</p>");
      const nonce = headerNonce(hit.response);
      expect(nonce).toBeTruthy();
      expect(nonce).not.toBe(firstNonce);
      expect(bodyNonces(hit.body)).toEqual([nonce, nonce]);
      expect(hit.body).not.toContain(firstNonce);
      // the same page otherwise
      expect(hit.body.replaceAll(nonce!, "N")).toBe(first.body.replaceAll(firstNonce!, "N"));
    }
    expect(headerNonce(second.response)).not.toBe(headerNonce(third.response));
    expect(app.cache.stats).toEqual({ hits: 2, misses: 1, stored: 1 });

    // another query string is another page
    expect((await get(app, "/katalog?q=tinja")).cache).toBe("miss");
    expect(app.calls).toHaveLength(2);
  });

  it("lets signed-in visitors (any cookie but lng) and Authorization through to the page", async () => {
    await ensureRegions();
    const person = await createPerson({ regionCode: "74.71" });
    const session = await cookieFor(person.id);
    const app = await startApp();
    await get(app, "/katalog/l2t2-kendari");
    expect((await get(app, "/katalog/l2t2-kendari")).cache).toBe("hit");

    const visitors: Record<string, string>[] = [
      { Cookie: session },
      { Cookie: `lng=en; ${session}` },
      { Cookie: "theme=dark" },
      { Authorization: "Bearer abc" },
    ];
    for (const headers of visitors) {
      const before = app.calls.length;
      const answer = await get(app, "/katalog/l2t2-kendari", { headers });
      expect(app.calls.length, JSON.stringify(headers)).toBe(before + 1);
      expect(answer.cache).toBeNull();
      expect(answer.body).toContain(`<p>call ${before + 1}</p>`);
    }
    // nor did they leave a page for the next anonymous visitor
    expect(app.cache.size()).toBe(1);
    expect((await get(app, "/katalog/l2t2-kendari")).body).toContain("<p>call 1</p>");
  });

  it("keeps each language's page apart", async () => {
    const app = await startApp();
    const english = await get(app, "/katalog", { headers: { Cookie: "lng=en" } });
    const indonesian = await get(app, "/katalog", { headers: { Cookie: "lng=id" } });
    const none = await get(app, "/katalog");
    expect([english.cache, indonesian.cache, none.cache]).toEqual(["miss", "miss", "miss"]);
    expect(app.calls).toHaveLength(3);

    const again = {
      en: await get(app, "/katalog", { headers: { Cookie: "lng=en" } }),
      id: await get(app, "/katalog", { headers: { Cookie: "lng=id" } }),
      none: await get(app, "/katalog"),
    };
    expect(app.calls).toHaveLength(3);
    expect(again.en.cache).toBe("hit");
    expect(again.en.body).toContain("cookie: lng=en");
    expect(again.id.body).toContain("cookie: lng=id");
    expect(again.none.body).toContain("cookie: -");
  });

  it("never keeps other paths or writes", async () => {
    const app = await startApp();
    for (const path of ["/katalog/baru", "/katalog/kelola/x", "/katalog.json", "/pelajaran/x"]) {
      await get(app, path);
      const answer = await get(app, path);
      expect(answer.cache, path).toBeNull();
    }
    expect(app.calls).toHaveLength(8);

    await get(app, "/katalog/l2t2-kendari", { method: "POST", body: "message=hello" });
    const posted = await get(app, "/katalog/l2t2-kendari", { method: "POST", body: "message=hello" });
    expect(posted.cache).toBeNull();
    expect(app.calls).toHaveLength(10);
    expect(app.cache.size()).toBe(0);
    expect((await get(app, "/katalog/l2t2-kendari")).cache).toBe("miss");
  });

  it("does not store answers that set a cookie, fail, or are too large", async () => {
    const app = await startApp({ maxBytes: 1_000 });
    for (const path of ["/katalog/sets-cookie", "/katalog/tidak-ada", "/katalog/besar"]) {
      const first = await get(app, path);
      const second = await get(app, path);
      expect([first.cache, second.cache], path).toEqual(["miss", "miss"]);
    }
    expect((await get(app, "/katalog/tidak-ada")).response.status).toBe(404);
    expect(app.calls).toHaveLength(7);
    expect(app.cache.size()).toBe(0);
    expect(app.cache.stats.stored).toBe(0);
  });

  it("drops the least recently used page beyond maxEntries", async () => {
    const app = await startApp({ maxEntries: 2 });
    await get(app, "/katalog/a");
    await get(app, "/katalog/b");
    expect((await get(app, "/katalog/a")).cache).toBe("hit"); // a is now the most recently used
    await get(app, "/katalog/c"); // drops b
    expect(app.cache.size()).toBe(2);
    expect((await get(app, "/katalog/a")).cache).toBe("hit");
    expect((await get(app, "/katalog/c")).cache).toBe("hit");
    expect((await get(app, "/katalog/b")).cache).toBe("miss"); // back, and drops a
    expect((await get(app, "/katalog/c")).cache).toBe("hit");
    expect((await get(app, "/katalog/a")).cache).toBe("miss");
    expect(app.cache.size()).toBe(2);
  });

  it("serves a page for at most maxAgeMs", async () => {
    let clock = 1_000_000;
    const app = await startApp({ maxAgeMs: 60_000, now: () => clock });
    await get(app, "/katalog");
    clock += 59_999;
    expect((await get(app, "/katalog")).cache).toBe("hit");
    clock += 1;
    expect((await get(app, "/katalog")).cache).toBe("miss");
    expect((await get(app, "/katalog")).cache).toBe("hit");
    expect(app.calls).toHaveLength(2);
  });

  it("serves a page only under the stamp it was rendered under", async () => {
    let stamp = "one";
    const app = await startApp({ stamp: async () => stamp });
    await get(app, "/katalog");
    expect((await get(app, "/katalog")).cache).toBe("hit");
    stamp = "two";
    expect((await get(app, "/katalog")).cache).toBe("miss");
    expect((await get(app, "/katalog")).cache).toBe("hit");
    expect(app.calls).toHaveLength(2);
  });

  it("renders as usual when the stamp cannot be read", async () => {
    const app = await startApp({ stamp: () => Promise.reject(new Error("database down")) });
    const first = await get(app, "/katalog");
    const second = await get(app, "/katalog");
    expect([first.cache, second.cache]).toEqual([null, null]);
    expect(second.response.status).toBe(200);
    expect(app.calls).toHaveLength(2);
  });

  it("answers HEAD from a kept page without a body, and does not keep a HEAD answer", async () => {
    const app = await startApp();
    const headFirst = await get(app, "/katalog", { method: "HEAD" });
    expect(headFirst.cache).toBe("miss");
    expect(app.cache.size()).toBe(0);

    await get(app, "/katalog");
    const head = await get(app, "/katalog", { method: "HEAD" });
    expect(head.cache).toBe("hit");
    expect(head.response.status).toBe(200);
    expect(head.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(headerNonce(head.response)).toBeTruthy();
    expect(head.body).toBe("");
    expect(app.calls).toEqual(["HEAD /katalog", "GET /katalog"]);
  });
});

describe("many visitors at once", () => {
  it("renders a page once when many ask for it at the same moment, and serves them all", async () => {
    const calls: string[] = [];
    const cache = createPageCache({ paths: CATALOG_PAGE_PATHS, stamp: async () => "stamp-1" });
    const page = renderPage(calls);
    const app = express();
    app.use((req, res, next) => void cache.middleware(req, res, next));
    // a page that takes a while to render, as under load
    app.all("*", (req, res) => void setTimeout(() => page(req, res), 100));
    const server = createServer(app);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const testApp = { url: `http://127.0.0.1:${port}`, calls, cache };

    const answers = await Promise.all(Array.from({ length: 12 }, () => get(testApp, "/katalog?q=lumpur")));
    expect(calls).toEqual(["GET /katalog?q=lumpur"]);
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((answer) => answer.cache === "miss")).toHaveLength(1);
    for (const answer of answers) expect(answer.body).toContain("<p>call 1</p>");
    expect(cache.stats).toEqual({ hits: 11, misses: 1, stored: 1 });
  });

  it("lets the waiting requests render for themselves when the page was not kept", async () => {
    const app = await startApp();
    const answers = await Promise.all(Array.from({ length: 4 }, () => get(app, "/katalog/tidak-ada")));
    expect(answers.map((answer) => answer.response.status)).toEqual([404, 404, 404, 404]);
    expect(app.calls).toHaveLength(4);
  });
});

describe("the page cache with the catalogue's stamp", () => {
  let practiceId: string;
  let indicatorId: string;
  let app: TestApp;

  beforeAll(async () => {
    await ensureRegions();
    const practice = await prisma.practice.create({
      data: {
        slug: "bank-sampah-kendari",
        name: "Bank sampah kelurahan",
        regionCode: "74.71",
        status: "PUBLISHED",
        publishedAt: new Date("2024-01-01"),
        tags: [],
      },
    });
    practiceId = practice.id;
    const indicator = await prisma.indicator.create({
      data: { name: "Sampah terpilah", unit: "ton", regionCode: "74.71" },
    });
    indicatorId = indicator.id;
  });

  afterAll(async () => {
    await prisma.practice.deleteMany({ where: { id: practiceId } });
  });

  const stamp = () => catalogStamp(database.sql);

  /** a page kept under the current stamp: the first request renders it, the second is a hit */
  async function keptPage() {
    app = await startApp({ stamp });
    await get(app, "/katalog/bank-sampah-kendari");
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("hit");
  }

  it("renders again after a practice changes", async () => {
    await keptPage();
    const before = await stamp();
    await prisma.practice.update({ where: { id: practiceId }, data: { summary: "Tabungan dari sampah." } });
    expect(await stamp()).not.toBe(before);
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("miss");
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("hit");
    expect(app.calls).toHaveLength(2);
  });

  it("renders again after a measurement or a replication is added", async () => {
    await keptPage();
    await prisma.measurement.create({
      data: { indicatorId, value: 12.5, measuredAt: new Date("2024-06-30") },
    });
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("miss");
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("hit");

    await prisma.replication.create({ data: { practiceId, regionCode: "74.05", status: "ADOPTED" } });
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("miss");
    expect(app.calls).toHaveLength(3);
  });

  it("renders again after a change the clock gives the same time as the one before", async () => {
    // PGlite's clock counts milliseconds: two changes in one millisecond get the same "changedAt"
    await keptPage();
    const [{ changedAt }] = await database.sql.query<{ changedAt: string }>(
      `SELECT "changedAt"::text AS "changedAt" FROM "CatalogState" WHERE id = 1`,
    );
    const before = await stamp();
    await database.sql.transaction(async (tx) => {
      await tx.query(`UPDATE "Practice" SET name = 'Bank sampah RW 3' WHERE id = $1`, [practiceId]);
      await tx.query(`UPDATE "CatalogState" SET "changedAt" = $1::timestamptz WHERE id = 1`, [changedAt]);
    });
    expect(await stamp()).not.toBe(before);
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("miss");
  });

  it("keeps serving after a write the catalogue does not show", async () => {
    await keptPage();
    const before = await stamp();
    const person = await createPerson({});
    await prisma.notification.create({ data: { userId: person.id, kind: "test", title: "Halo" } });
    await prisma.activityLog.create({
      data: { actorId: person.id, action: "test.done", subjectType: "Practice", subjectId: practiceId },
    });
    expect(await stamp()).toBe(before);
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("hit");
    expect(app.calls).toHaveLength(1);
  });

  it("keeps serving after a catalogue change that rolled back", async () => {
    await keptPage();
    const before = await stamp();
    const { name } = await prisma.practice.findUniqueOrThrow({ where: { id: practiceId } });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.practice.update({ where: { id: practiceId }, data: { name: "Nama yang batal" } });
        await tx.measurement.create({ data: { indicatorId, value: 1, measuredAt: new Date("2024-07-31") } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await stamp()).toBe(before);
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: practiceId } })).name).toBe(name);
    expect((await get(app, "/katalog/bank-sampah-kendari")).cache).toBe("hit");
    expect(app.calls).toHaveLength(1);
  });
});
