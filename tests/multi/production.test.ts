// Issue 13: two Lintas production processes on one PostgreSQL (and one Redis), started by
// scripts/multi-process-test.sh. Nothing that matters may live in one process's memory.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { type Database, isPostgresUrl, openDatabase } from "~/db/database.server";
import { signWebhook, startLiveKitStandIn, webhookBody } from "../fixtures/livekit";
import { type AppProcess, eventually, startApp } from "./processes";

const adminUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!isPostgresUrl(adminUrl) || !redisUrl)
  throw new Error("Run through scripts/multi-process-test.sh (needs DATABASE_URL and REDIS_URL)");

const PASSWORD = "kata-sandi-uji-123";
let database: Database;
let prisma: Database["prisma"];
let admin: pg.Pool;
let dbName: string;
let dir: string;
let a: AppProcess;
let b: AppProcess;
let livekit: Awaited<ReturnType<typeof startLiveKitStandIn>>;
let smtp: SMTPServer;
const mails: { to: string; subject: string }[] = [];

function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function person(name: string, regionCode = "74.71") {
  const { hashPassword } = await import("~/auth/password.server");
  return prisma.user.create({
    data: {
      email: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}@uji.test`,
      name,
      regionCode,
      password: { create: { hash: await hashPassword(PASSWORD) } },
      memberships: { create: { role: "REGION_OFFICER", regionCode } },
    },
  });
}

/** Signs in through the real form on `app`; returns the cookie. */
async function signIn(app: AppProcess, email: string) {
  const response = await fetch(`${app.baseUrl}/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/profil" }),
    headers: { Origin: app.baseUrl },
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  expect(cookie).toBeTruthy();
  return cookie!;
}

/** A notes editor's connection (Hocuspocus over a socket carrying the sign-in cookie). */
function notesClient(app: AppProcess, sessionId: string, cookie: string) {
  class CookieSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: { Cookie: cookie } });
    }
  }
  const document = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${app.baseUrl.replace("http", "ws")}/kolaborasi`,
    WebSocketPolyfill: CookieSocket,
  });
  const provider = new HocuspocusProvider({ websocketProvider, name: `session-note:${sessionId}`, document });
  // a socket passed in is not opened by the provider itself
  provider.attach();
  return { provider, websocketProvider, document };
}

/** Types a paragraph at the top, as the editor's Yjs binding writes it. */
function typeParagraph(document: Y.Doc, text: string) {
  document.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    document.getXmlFragment("default").insert(0, [paragraph]);
  });
}

/** A form post sent in two parts: the headers and half the body now, the rest on finish(). */
function slowPost(url: string, body: string, headers: Record<string, string>) {
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  let headersSent!: () => void;
  const sent = new Promise<void>((resolve) => (headersSent = resolve));
  const status = new Promise<number>((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: {
        ...headers,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
      },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.write(body.slice(0, half), () => setTimeout(headersSent, 300));
    finish = () => request.end(body.slice(half));
  });
  return { headersSent: sent, finish: () => finish(), status };
}

beforeAll(async () => {
  dbName = `lintas_multi_${randomBytes(4).toString("hex")}`;
  admin = new pg.Pool({ connectionString: adminUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDatabase(adminUrl, dbName);
  dir = await mkdtemp(path.join(os.tmpdir(), "lintas-multi-"));
  livekit = await startLiveKitStandIn();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(body)?.[1] ?? "";
        for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, subject });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  const env = {
    DATABASE_URL: url,
    REDIS_URL: redisUrl,
    SESSION_SECRET: randomBytes(24).toString("hex"),
    APP_URL: "http://lintas.test",
    SEED_ON_EMPTY: "false",
    UPLOAD_DIR: path.join(dir, "uploads"),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
    LIVEKIT_URL: livekit.config.url,
    LIVEKIT_API_KEY: livekit.config.apiKey,
    LIVEKIT_API_SECRET: livekit.config.apiSecret,
  };
  // both at once: one migrates while the other waits on the start-up lock
  [a, b] = await Promise.all([startApp("process A", env), startApp("process B", env)]);
  database = await openDatabase(url, "");
  globalThis.__lintasDatabase = database;
  prisma = database.prisma;
  const { ensureRegions } = await import("../fixtures/people");
  await ensureRegions();
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.close();
  await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin?.end();
  await livekit?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("two production processes on one PostgreSQL", () => {
  it("both came up on the same database, migrated once", async () => {
    const [{ count }] = await database.sql.query<{ count: string }>(
      `SELECT count(*) FROM "_prisma_migrations"`,
    );
    const migrations = (await import("node:fs")).readdirSync("prisma/migrations", { withFileTypes: true });
    expect(Number(count)).toBe(migrations.filter((e) => e.isDirectory()).length);
    for (const app of [a, b])
      expect(await (await fetch(`${app.baseUrl}/healthz`)).json()).toEqual({
        status: "ok",
        database: "postgres",
      });
  });

  it("signs a person in on one process and they are signed in on the other, and out on both", async () => {
    const dewi = await person("Dewi Lestari");
    const cookie = await signIn(a, dewi.email);
    const profile = await fetch(`${b.baseUrl}/profil`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain("Dewi Lestari");

    // as the browser's sign-out form posts it: an empty form (a body that is not a form is refused)
    const out = await fetch(`${b.baseUrl}/keluar`, {
      method: "POST",
      body: new URLSearchParams(),
      headers: { Cookie: cookie, Origin: b.baseUrl },
      redirect: "manual",
    });
    expect(out.status).toBe(302);
    const after = await fetch(`${a.baseUrl}/profil`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/masuk/);
  });

  it("records one attendance row when LiveKit's webhook reaches both processes", async () => {
    const andi = await person("Andi Kendari");
    const session = await prisma.session.create({
      data: { title: "Sesi webhook", startsAt: new Date(), timeZone: "Asia/Makassar" },
    });
    const body = webhookBody("participant_joined", session.roomName, {
      participant: { identity: andi.id, name: "Andi Kendari", sid: "PA_1" },
    });
    const authorization = await signWebhook(livekit.config, body);
    const responses = await Promise.all(
      [a, b].map((app) =>
        fetch(`${app.baseUrl}/api/livekit/webhook`, {
          method: "POST",
          body,
          headers: { Authorization: authorization, "Content-Type": "application/webhook+json" },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const outcomes = (await Promise.all(responses.map((r) => r.json()))).map(
      (o: { outcome: string }) => o.outcome,
    );
    expect(outcomes.sort()).toEqual(["applied", "duplicate"]);
    const rows = await prisma.attendance.findMany({ where: { sessionId: session.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: andi.id, regionCode: "74.71" });
  });

  it("sends a scheduled reminder once, not twice, by email and in the app", async () => {
    const [sari, budi] = [await person("Sari Blitar", "35.72"), await person("Budi Kendari")];
    const session = await prisma.session.create({
      data: {
        title: "Sesi pengingat ganda",
        startsAt: new Date(Date.now() + 3 * 3_600_000),
        timeZone: "Asia/Jakarta",
        invitees: { create: [{ userId: sari.id }, { userId: budi.id }] },
      },
    });
    // both processes' schedulers run now instead of at the next minute (and mail goes at once)
    await prisma.job.createMany({
      data: [
        { kind: "reminders.schedule", key: "test:schedule:a" },
        { kind: "reminders.schedule", key: "test:schedule:b" },
      ],
    });
    const link = `/sesi/${session.id}`;
    await eventually(
      async () => (await prisma.notification.count({ where: { link } })) >= 2,
      30_000,
      "the reminder notifications",
    );
    await prisma.job.createMany({
      data: [
        { kind: "outbox.deliver", key: "test:outbox:a" },
        { kind: "outbox.deliver", key: "test:outbox:b" },
      ],
    });
    // "besok" or "hari ini" as the invitee's calendar has the session, three hours from now
    const reminder = (m: { subject: string }) =>
      /^Pengingat: Sesi pengingat ganda (besok|hari ini)$/.test(m.subject);
    await eventually(async () => mails.filter(reminder).length >= 2, 30_000, "the mails");
    // a few more worker rounds on both processes change nothing
    await prisma.job.createMany({
      data: [
        { kind: "reminders.schedule", key: "test:schedule:c" },
        { kind: "outbox.deliver", key: "test:outbox:c" },
      ],
    });
    await eventually(
      async () => (await prisma.job.count({ where: { key: { startsWith: "test:" }, doneAt: null } })) === 0,
      30_000,
      "the extra rounds",
    );
    expect(
      mails
        .filter(reminder)
        .map((m) => m.to)
        .sort(),
    ).toEqual([sari.email, budi.email].sort());
    expect(await prisma.notification.count({ where: { link } })).toBe(2);
    const jobs = await prisma.job.findMany({ where: { key: { startsWith: `reminder:day:${session.id}:` } } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].doneAt).not.toBeNull();
  });

  it("keeps live notes in step when two people's sockets land on different processes", async () => {
    const [one, two] = [await person("Penulis Kendari"), await person("Penulis Blitar", "35.72")];
    const session = await prisma.session.create({
      data: {
        title: "Sesi catatan bersama",
        startsAt: new Date(),
        timeZone: "Asia/Makassar",
        invitees: { create: [{ userId: one.id }, { userId: two.id }] },
      },
    });
    const onA = notesClient(a, session.id, await signIn(a, one.email));
    const onB = notesClient(b, session.id, await signIn(b, two.email));
    try {
      await eventually(
        async () => onA.provider.isSynced && onB.provider.isSynced,
        20_000,
        "both clients synced",
      );
      typeParagraph(onA.document, "Ditulis lewat proses A");
      typeParagraph(onB.document, "Ditulis lewat proses B");
      const text = (document: Y.Doc) => document.getXmlFragment("default").toString();
      await eventually(
        async () =>
          text(onA.document) === text(onB.document) &&
          text(onA.document).includes("proses A") &&
          text(onA.document).includes("proses B"),
        20_000,
        "the two documents to converge",
      );
    } finally {
      for (const client of [onA, onB]) {
        client.provider.destroy();
        client.websocketProvider.destroy();
      }
    }
  });

  it("loses no acknowledged write when one process gets SIGTERM during a burst, and the other keeps serving", async () => {
    const leader = await person("Rina Pemimpin");
    const project = await prisma.changeProject.create({
      data: { title: "Proyek beban", kind: "REGIONAL_INNOVATION", regionCode: "74.71", leaderId: leader.id },
    });
    const cookieA = await signIn(a, leader.email);
    const results: { body: string; status?: number; error?: string }[] = [];
    let sent = 0;
    // writers go on until the stopping process has exited and refused at least one write (a fast
    // server could otherwise finish a fixed burst before the signal lands); TOTAL only bounds it
    const TOTAL = 3000;
    let exited = false;
    void a.exited.then(() => (exited = true));
    async function writer() {
      while (sent < TOTAL && !(exited && results.some((r) => r.error))) {
        const body = `burst-${sent++}`;
        try {
          const response = await fetch(`${a.baseUrl}/proyek/${project.id}?index`, {
            method: "POST",
            body: new URLSearchParams({ intent: "comment", body }),
            headers: { Cookie: cookieA, Origin: a.baseUrl },
            redirect: "manual",
          });
          await response.arrayBuffer();
          results.push({ body, status: response.status });
        } catch (error) {
          results.push({ body, error: String((error as Error).cause ?? error) });
        }
      }
    }
    const health: number[] = [];
    let healthDone = false;
    const healthLoop = (async () => {
      while (!healthDone) {
        health.push(
          await fetch(`${b.baseUrl}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const writers = Promise.all(Array.from({ length: 6 }, writer));
    let slowStatus: number | string = 0;
    try {
      await eventually(async () => results.length >= 12, 30_000, "the first writes");
      // a request whose body is still arriving when the signal comes must be finished, not dropped
      const slow = slowPost(`${a.baseUrl}/proyek/${project.id}?index`, "intent=comment&body=slow-in-flight", {
        Cookie: cookieA,
        Origin: a.baseUrl,
      });
      await slow.headersSent;
      a.child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 300));
      slow.finish();
      slowStatus = await slow.status.catch((error: unknown) => String(error));
      await writers;
    } finally {
      healthDone = true;
      await healthLoop;
    }
    const exit = await a.exited;

    const acknowledged = results.filter((r) => r.status !== undefined && r.status < 400).map((r) => r.body);
    const stored = new Set(
      (await prisma.comment.findMany({ where: { projectId: project.id }, select: { body: true } })).map(
        (c) => c.body,
      ),
    );
    expect(results.filter((r) => r.status !== undefined && r.status >= 500)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
    // the stopping process refused the writes that came after the signal
    expect(results.filter((r) => r.error).length).toBeGreaterThan(0);
    expect(slowStatus).toBe(200);
    expect(stored.has("slow-in-flight")).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(a.output()).toContain("SIGTERM: no new connections");
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);

    // process B takes the writes now
    const cookieB = await signIn(b, leader.email);
    const response = await fetch(`${b.baseUrl}/proyek/${project.id}?index`, {
      method: "POST",
      body: new URLSearchParams({ intent: "comment", body: "after-the-restart" }),
      headers: { Cookie: cookieB, Origin: b.baseUrl },
      redirect: "manual",
    });
    expect(response.status).toBeLessThan(400);
    expect(await prisma.comment.count({ where: { projectId: project.id, body: "after-the-restart" } })).toBe(
      1,
    );
  });
});
