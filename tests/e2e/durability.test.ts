// Kill -9 in the middle of a burst of writes: every write the server acknowledged is there after a
// restart, nothing half-written is (no orphan rows), and the restarted server serves normally.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { databaseFromPglite, openPglite } from "~/db/database.server";
import { startE2eServer } from "../setup/e2e-global";
import { orphanRows } from "../fixtures/consistency";
import { baseUrl } from "./helpers";

const PROJECT = "demo-project-sanitasi-lampung-barat";
const WRITES = 400;
const CONCURRENCY = 8;
const KILL_AFTER_ACKNOWLEDGED = 60;

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, password: "lintas-demo-2024", redirectTo: "/dasbor" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

test("every acknowledged write survives SIGKILL and the database stays consistent", async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lintas-sigkill-"));
  const first = await startE2eServer({}, { dir });
  const cookie = await signIn(first.baseUrl, "peserta@lintas.test");
  // single fetch's address for the project page's own action (its index route), as the browser posts it
  const url = `${first.baseUrl}/proyek/${PROJECT}.data?index`;

  const acknowledged: string[] = [];
  const attempted: string[] = [];
  let killed: Promise<void> | undefined;
  let next = 0;
  const worker = async () => {
    while (next < WRITES) {
      const body = `durability-${String(next++).padStart(4, "0")}`;
      attempted.push(body);
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            origin: first.baseUrl,
            cookie,
          },
          body: new URLSearchParams({ intent: "comment", body }),
        });
        if (response.ok) acknowledged.push(body);
        else throw new Error(`write refused: ${response.status} ${await response.text()}`);
      } catch (error) {
        if (!killed) throw error;
        return; // the server is gone: the write was not acknowledged
      }
      if (acknowledged.length === KILL_AFTER_ACKNOWLEDGED) killed = first.kill("SIGKILL");
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killed;
  expect(killed, "the server was killed during the burst").toBeDefined();
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
  expect(acknowledged.length).toBeLessThan(WRITES);

  // restart on the same data directory: it must come up and serve
  const second = await startE2eServer({}, { dir });
  const page = await fetch(`${second.baseUrl}/katalog`);
  expect(page.status).toBe(200);
  await second.stop();

  const database = databaseFromPglite(await openPglite(path.join(dir, "pg")));
  try {
    const rows = await database.sql.query<{ body: string }>(
      `SELECT body FROM "Comment" WHERE "projectId" = $1 AND body LIKE 'durability-%'`,
      [PROJECT],
    );
    const stored = new Set(rows.map((row) => row.body));
    const lost = acknowledged.filter((body) => !stored.has(body));
    console.log(
      `SIGKILL after ${acknowledged.length} acknowledged of ${attempted.length} attempted writes: ` +
        `${stored.size} stored, ${lost.length} acknowledged writes lost`,
    );
    expect(lost).toEqual([]);
    // nothing stored that was never sent, and no write stored twice
    expect(rows.every((row) => attempted.includes(row.body))).toBe(true);
    expect(rows.length).toBe(stored.size);
    expect(await orphanRows(database.sql)).toEqual([]);
  } finally {
    await database.close();
  }
}, 300_000);

test("a 10 MB form is refused with 413 before anything reads it, and the server keeps serving", async () => {
  const response = await fetch(`${baseUrl}/masuk`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: `email=${"a".repeat(10 * 1024 * 1024)}&password=x`,
  });
  expect(response.status).toBe(413);
  expect(await response.text()).toContain("Kiriman terlalu besar");
  expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
});
