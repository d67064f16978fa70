// Issue #24, item 3 (docs/decisions/0063-offline.md): a participant in the field with no signal.
// The project page and its milestones, read once online, stay readable offline; a check-in and a
// milestone's status with a photo recorded offline wait as "menunggu dikirim", survive a reload,
// and are saved exactly once when the connection returns, through the same routes and checks.
// Sign-out clears what the browser kept. The app is installable (manifest, icons, service worker).
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { newPage, signInThroughForm as signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
const PARTICIPANT = "peserta@lintas.test";
const PROJECT = "/proyek/demo-project-sanitasi-lampung-barat";
const MILESTONES = `${PROJECT}/tonggak`;

/** Waits until the service worker controls the page (it claims it on its first visit). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
}

const outbox = (page: Page) => page.locator("#offline-outbox li");

describe("installable and working offline", () => {
  test("a check-in and a milestone's photo recorded offline are sent once when back online", async () => {
    const page = await newPage();
    const context = page.context();
    await signIn(page, PARTICIPANT);

    // installable: the manifest in Indonesian with its icons, the worker at /sw.js for the whole site
    await page.goto(PROJECT, { waitUntil: "networkidle" });
    const manifest = await (await page.request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ short_name: "Lintas", lang: "id", start_url: "/dasbor" });
    expect((await page.request.get("/icons/icon-512.png")).headers()["content-type"]).toBe("image/png");
    await controlled(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toMatch(/\/$/);
    // read once online: the milestones tab (and its scripts) too
    await page.goto(MILESTONES, { waitUntil: "networkidle" });
    await page.goto(PROJECT, { waitUntil: "networkidle" });

    await context.setOffline(true);
    const note = `Pendataan 40 rumah tangga selesai tanpa sinyal ${Date.now()}`;
    await page.getByLabel(t("projects.checkInStatusLabel"), { exact: true }).selectOption("AT_RISK");
    await page.getByLabel(t("projects.checkInNote"), { exact: true }).fill(note);
    await page.getByRole("button", { name: t("projects.addCheckIn"), exact: true }).click();
    await expect.poll(() => outbox(page).count()).toBe(1);
    await expect.poll(() => outbox(page).first().textContent()).toContain(t("offline.pending"));

    // the milestones tab, opened offline from what was kept, with a photo as evidence
    await page.goto(MILESTONES);
    const card = page
      .locator("li.card")
      .filter({ has: page.locator("select[name=status]") })
      .first();
    const title = (await card.locator("h3").textContent()) ?? "";
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 110, b: 60 } },
    })
      .jpeg()
      .toBuffer();
    await card.locator("select[name=status]").selectOption("DONE");
    await card.locator("input[name=evidenceFile]").setInputFiles({
      name: "iplt-bahway.jpg",
      mimeType: "image/jpeg",
      buffer: photo,
    });
    await card.getByRole("button", { name: t("common.save"), exact: true }).click();
    await expect.poll(() => outbox(page).count()).toBe(2);
    for (const item of await outbox(page).all())
      expect(await item.textContent()).toContain(t("offline.pending"));

    // a reload offline: the page is still there, and so is what waits
    await page.reload();
    await expect(page.locator("h3", { hasText: title }).first().isVisible()).resolves.toBe(true);
    await expect.poll(() => outbox(page).count()).toBe(2);
    // a page never read on this device says so, in both languages
    await page.goto("/pasangan");
    await expect(page.getByRole("heading", { name: t("offline.page.title") }).isVisible()).resolves.toBe(
      true,
    );
    await page.goto(MILESTONES);
    await expect.poll(() => outbox(page).count()).toBe(2);

    // back online: both sent (on `online`, by Background Sync, or at the next page at the latest),
    // the page read again, nothing waits and nothing failed
    await context.setOffline(false);
    const noteCount = async () => {
      // the page may be reading itself again just then: a navigation it interrupts is tried again
      await page.goto(PROJECT, { waitUntil: "networkidle" }).catch(() => undefined);
      return page.getByText(note).count();
    };
    await expect.poll(noteCount, { timeout: 30_000, interval: 1000 }).toBe(1);
    await expect.poll(() => outbox(page).count()).toBe(0);
    await page.goto(MILESTONES, { waitUntil: "networkidle" });
    const saved = page.locator("li.card").filter({ has: page.locator("h3", { hasText: title }) });
    await expect(saved.locator("p.muted").first().textContent()).resolves.toContain(
      t("projects.workStatus.DONE"),
    );
    await expect(
      saved.getByRole("link", { name: t("projects.evidenceFile"), exact: true }).count(),
    ).resolves.toBe(1);
    await page.goto(PROJECT, { waitUntil: "networkidle" });
    await expect(page.getByText(note).count()).resolves.toBe(1);

    // sent again (an answer lost on the way back): the server answers the first time's status, once
    const replayed = await page.evaluate(async (url) => {
      const body = new FormData();
      body.set("intent", "check-in");
      body.set("status", "ON_TRACK");
      body.set("note", "dua kali");
      const key = crypto.randomUUID();
      const send = () => fetch(url, { method: "POST", body, headers: { "Idempotency-Key": key } });
      const first = await send();
      const second = await send();
      return [first.status, second.status, second.headers.get("X-Lintas-Replayed")];
    }, `${PROJECT}?index`);
    expect(replayed).toEqual([200, 200, "1"]);
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByText("dua kali", { exact: false }).count()).resolves.toBe(1);

    // sign-out: the pages and writes kept for this person are gone from the browser
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
    await page.getByRole("button", { name: t("nav.signOut"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has("keluar"));
    await expect
      .poll(() =>
        page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("lintas-"))),
      )
      .toEqual([]);
  });

  test("a milestone changed by someone else meanwhile is shown as not sent, with the reason, and kept as theirs", async () => {
    const page = await newPage();
    const context = page.context();
    await signIn(page, PARTICIPANT);
    await page.goto(MILESTONES, { waitUntil: "networkidle" });
    await controlled(page);
    await page.goto(MILESTONES, { waitUntil: "networkidle" });
    const card = page
      .locator("li.card")
      .filter({ has: page.locator("select[name=status]") })
      .nth(1);
    const title = (await card.locator("h3").textContent()) ?? "";
    const milestoneId = await card.locator("input[name=milestoneId]").inputValue();
    const version = await card.locator("input[name=version]").inputValue();
    const before = await card.locator("select[name=status]").inputValue();

    await context.setOffline(true);
    await card.locator("select[name=status]").selectOption("DROPPED");
    await card.getByRole("button", { name: t("common.save"), exact: true }).click();
    await expect.poll(() => outbox(page).count()).toBe(1);

    // meanwhile, the same milestone changed from another device (same form, same version, online)
    const other = await page.request.post(MILESTONES, {
      headers: { Origin: new URL(page.url()).origin },
      multipart: { intent: "milestone-update", milestoneId, version, status: "LATE" },
    });
    expect(other.status()).toBe(200);

    await context.setOffline(false);
    const item = outbox(page).first();
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).toContain(t("offline.failed"));
    expect(await item.textContent()).toContain(t("offline.reason.conflict"));
    expect(await item.getByRole("link", { name: t("offline.openForm") }).getAttribute("href")).toMatch(
      /\/tonggak$/,
    );
    // still listed after a reload, until the person removes it; the other change stands
    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => outbox(page).count()).toBe(1);
    const saved = page.locator("li.card").filter({ has: page.locator("h3", { hasText: title }) });
    await expect(saved.locator("p.muted").first().textContent()).resolves.toContain(
      t("projects.workStatus.LATE"),
    );
    await outbox(page)
      .first()
      .getByRole("button", { name: t("offline.dismiss") })
      .click();
    await expect.poll(() => outbox(page).count()).toBe(0);

    // the demo milestone as it was: other journeys on this server read the participant's dashboard
    const current = await saved.locator("input[name=version]").inputValue();
    const restored = await page.request.post(MILESTONES, {
      headers: { Origin: new URL(page.url()).origin },
      multipart: { intent: "milestone-update", milestoneId, version: current, status: before },
    });
    expect(restored.status()).toBe(200);
  });
});
