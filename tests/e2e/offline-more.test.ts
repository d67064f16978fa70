// Issue #24, item 3 (docs/decisions/0063-offline.md), what tests/e2e/offline.test.ts does not
// cover: an indicator measurement and a comment recorded offline, saved once; a write that waited
// past 30 days kept with its content as "not sent" and sent again on "Coba lagi"; a lapsed sign-in
// that keeps the write waiting until the person signs in again; a write recorded by one person
// refused while another is signed in, shown and not saved as theirs; sign-out empties the queue
// and the list of writes not sent.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { PAGES_CACHE } from "../../app/offline/outbox";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { newPage, signInThroughForm as signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
const PARTICIPANT = "peserta@lintas.test";
const MENTOR = "mentor@lintas.test";
const PROJECT = "/proyek/demo-project-sanitasi-lampung-barat";
const INDICATORS = `${PROJECT}/indikator`;

async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
}

const outbox = (page: Page) => page.locator("#offline-outbox li");

/**
 * Opens `path` once the page is done with what it started: after a sign-in the page script sends
 * what waits and reads the page again, which aborts a navigation made at that moment.
 */
async function openSettled(page: Page, path: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(path, { waitUntil: "networkidle" });
      return;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("ERR_ABORTED")) throw error;
      await page.waitForLoadState("networkidle");
    }
  }
}

/** How often the page itself (not the offline list, in its shadow root) shows the text. */
async function shown(page: Page, path: string, words: string) {
  // the page may be reading itself again just then: a navigation it interrupts is tried again
  await page.goto(path, { waitUntil: "networkidle" }).catch(() => undefined);
  return page.evaluate((words) => document.body.innerText.split(words).length - 1, words);
}

/** Entries in the service worker's queue and in its list of writes not sent (0 when gone). */
function kept(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name);
    const count = (name: string, store: string) =>
      new Promise<number>((resolve) => {
        if (!names.includes(name)) return resolve(0);
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            return resolve(0);
          }
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
        };
      });
    return {
      queued: await count("workbox-background-sync", "requests"),
      failed: await count("lintas-offline", "failed"),
    };
  });
}

/** The queued write most recently recorded, made to look `days` old. */
function age(page: Page, days: number) {
  return page.evaluate(
    (days) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("workbox-background-sync");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction("requests", "readwrite");
          const cursor = transaction.objectStore("requests").openCursor(null, "prev");
          cursor.onsuccess = () => {
            const entry = cursor.result!.value as { timestamp: number };
            cursor.result!.update({ ...entry, timestamp: Date.now() - days * 24 * 3600 * 1000 });
          };
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    days,
  );
}

/** The sign-in lapses: the browser still sends a cookie, but it no longer signs anyone in. */
/** The addresses of the pages the service worker keeps for reading offline. */
async function keptPages(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  }, PAGES_CACHE);
}

async function lapse(page: Page) {
  await page
    .context()
    .addCookies([{ name: "__lintas_session", value: "lapsed", url: new URL(page.url()).origin }]);
}

async function signInAgain(page: Page, email: string) {
  await page.getByLabel(t("auth.email"), { exact: true }).fill(email);
  await page.getByLabel(t("auth.password"), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: t("auth.signIn"), exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"), { timeout: 15_000 });
}

describe("offline writes are never lost nor saved as someone else's", () => {
  test("a measurement and a comment are saved once; a write 31 days old is kept with its content and sent again", async () => {
    const page = await newPage();
    const context = page.context();
    await signIn(page, PARTICIPANT);
    await page.goto(INDICATORS, { waitUntil: "networkidle" });
    await controlled(page);
    await page.goto(PROJECT, { waitUntil: "networkidle" });
    await page.goto(INDICATORS, { waitUntil: "networkidle" });

    await context.setOffline(true);
    const period = `Triwulan luring ${Date.now()}`;
    const measurement = page.locator("form").filter({ has: page.locator("input[name=periodLabel]") });
    await measurement.getByLabel(t("indicators.value"), { exact: true }).fill("42");
    await measurement.getByLabel(t("indicators.measuredAt"), { exact: true }).fill("2026-01-15");
    await measurement.getByLabel(t("indicators.period"), { exact: true }).fill(period);
    await measurement.getByRole("button", { name: t("indicators.addMeasurement"), exact: true }).click();
    await expect.poll(() => outbox(page).count()).toBe(1);

    await page.goto(PROJECT);
    const comment = `Warga Bahway minta jadwal sedot ulang ${Date.now()}`;
    await page.getByRole("textbox", { name: t("projects.commentLabel"), exact: true }).fill(comment);
    await page.getByRole("button", { name: t("projects.addComment"), exact: true }).click();
    await expect.poll(() => outbox(page).count()).toBe(2);
    const old = `Catatan lama tanpa sinyal ${Date.now()}`;
    await page.getByLabel(t("projects.checkInStatusLabel"), { exact: true }).selectOption("ON_TRACK");
    await page.getByLabel(t("projects.checkInNote"), { exact: true }).fill(old);
    await page.getByRole("button", { name: t("projects.addCheckIn"), exact: true }).click();
    await expect.poll(() => outbox(page).count()).toBe(3);
    await age(page, 31);

    // back online: the two are saved once; the old one is not sent on its own but kept, with its note
    await context.setOffline(false);
    await expect.poll(() => shown(page, PROJECT, comment), { timeout: 30_000, interval: 1000 }).toBe(1);
    expect(await shown(page, INDICATORS, period)).toBe(1);
    await page.goto(PROJECT, { waitUntil: "networkidle" });
    await expect.poll(() => outbox(page).count()).toBe(1);
    const item = outbox(page).first();
    expect(await item.textContent()).toContain(t("offline.failed"));
    expect(await item.textContent()).toContain(t("offline.reason.expired"));
    expect(await item.textContent()).toContain(old);
    expect(await shown(page, PROJECT, old)).toBe(0);

    // "Coba lagi": sent, once
    await outbox(page)
      .first()
      .getByRole("button", { name: t("offline.retry"), exact: true })
      .click();
    await expect.poll(() => shown(page, PROJECT, old), { timeout: 15_000, interval: 1000 }).toBe(1);
    await expect.poll(() => outbox(page).count()).toBe(0);
    expect(await shown(page, PROJECT, comment)).toBe(1);
  });

  test("a lapsed sign-in keeps the write waiting; another person's sign-in refuses it; sign-out empties what was kept", async () => {
    const page = await newPage();
    const context = page.context();
    await signIn(page, PARTICIPANT);
    await page.goto(PROJECT, { waitUntil: "networkidle" });
    await controlled(page);
    await page.goto(PROJECT, { waitUntil: "networkidle" });

    const record = async (words: string) => {
      await context.setOffline(true);
      await page.getByRole("textbox", { name: t("projects.commentLabel"), exact: true }).fill(words);
      await page.getByRole("button", { name: t("projects.addComment"), exact: true }).click();
      await expect.poll(() => outbox(page).count()).toBe(1);
    };

    // the session lapses while the comment waits: it waits for the sign-in, not "not sent"
    const first = `Dicatat Hendra sebelum sesinya habis ${Date.now()}`;
    await record(first);
    await lapse(page);
    await context.setOffline(false);
    await page.goto(PROJECT, { waitUntil: "networkidle" });
    expect(new URL(page.url()).pathname).toBe("/masuk");
    await expect.poll(() => outbox(page).first().textContent()).toContain(t("offline.waitingSignIn"));
    await signInAgain(page, PARTICIPANT);
    await expect.poll(() => shown(page, PROJECT, first), { timeout: 30_000, interval: 1000 }).toBe(1);
    await expect.poll(() => shown(page, PROJECT, first), { timeout: 30_000, interval: 1000 }).toBe(1);
    await expect.poll(() => outbox(page).count()).toBe(0);

    // recorded by Hendra, then the mentor signs in on the same browser: refused, shown, not theirs
    const second = `Dicatat Hendra, bukan oleh mentornya ${Date.now()}`;
    await record(second);
    await lapse(page);
    await context.setOffline(false);
    await page.goto("/masuk", { waitUntil: "networkidle" });
    // Hendra's pages are kept for reading offline…
    expect(await keptPages(page)).toContain(PROJECT);
    await signInAgain(page, MENTOR);
    // …until someone else signs in on the browser: the mentor cannot read them offline
    await expect.poll(() => keptPages(page), { timeout: 15_000 }).not.toContain(PROJECT);
    await openSettled(page, PROJECT);
    // the mentor sees that something of someone else's is kept, not what it says, and cannot send it
    await expect
      .poll(() => outbox(page).first().textContent(), { timeout: 20_000 })
      .toContain(t("offline.reason.otherAuthor"));
    expect(await outbox(page).first().textContent()).not.toContain(second);
    expect(await outbox(page).first().getByRole("button").count()).toBe(0);
    expect(await shown(page, PROJECT, second)).toBe(0);
    expect(await kept(page)).toEqual({ queued: 0, failed: 1 });

    // Hendra signs in again on that browser: his words are there, with why they were not saved
    await lapse(page);
    await page.goto("/masuk", { waitUntil: "networkidle" });
    await signInAgain(page, PARTICIPANT);
    await openSettled(page, PROJECT);
    await expect
      .poll(() => outbox(page).first().textContent(), { timeout: 20_000 })
      .toContain(t("offline.reason.otherPerson"));
    expect(await outbox(page).first().textContent()).toContain(second);

    // sign-out: the queue and the list of writes not sent are gone from the browser
    await page.getByRole("button", { name: t("nav.signOut"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has("keluar"));
    await expect.poll(() => kept(page)).toEqual({ queued: 0, failed: 0 });
  });
});
