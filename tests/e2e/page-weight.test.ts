// The weight budget of issue #24 (docs/decisions/0062-light-on-a-weak-link.md), checked cheaply on
// every journey run: a project page opened afresh brings no JavaScript (≤ 60 KB budget) and paints
// without it, within 2 s on slow 3G; the notes page fetches the editor as a chunk of its own after
// the page is up, and only its own language's translations. scripts/page-weight.ts measures all
// pages on slow 3G.
import type { Page, Response } from "playwright-core";
import { describe, expect, test } from "vitest";
import { newPage, signIn } from "./helpers";
import { text } from "./i18n";
import { SLOW_3G, firstContentfulPaint } from "./page-timing";

const KB = 1024;
const PROJECT = "/proyek/demo-project-l2t2-kendari";
const NOTES = "/sesi/demo-session-kendari-blitar-4/catatan";
const FACILITATOR = "fasilitator@lintas.test";

/** The JavaScript files a fresh load of `path` fetches (and then `then` does), with their bytes on the wire. */
async function scriptsOf(
  page: Page,
  path: string,
  { slow = false, then }: { slow?: boolean; then?: () => Promise<void> } = {},
) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (slow) await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  const scripts = new Map<string, { url: string; bytes: number }>();
  cdp.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scripts.set(event.requestId, { url: event.response.url, bytes: 0 });
  });
  cdp.on("Network.loadingFinished", (event) => {
    const script = scripts.get(event.requestId);
    if (script) script.bytes = event.encodedDataLength;
  });
  const response: Response | null = await page.goto(path, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  await then?.();
  await cdp.detach();
  return [...scripts.values()];
}

const total = (scripts: { bytes: number }[]) => scripts.reduce((sum, s) => sum + s.bytes, 0);

describe("page weight", () => {
  test("a project page opened afresh brings no app JavaScript, only the offline script (< 5 KB)", async () => {
    const page = await newPage({ serviceWorkers: "block" });
    await signIn(page, FACILITATOR);
    const scripts = await scriptsOf(page, PROJECT);
    expect(total(scripts)).toBeLessThanOrEqual(60 * KB);
    // no React: only /offline.js, the service worker's registration and outbox (decision 0063)
    expect(scripts.map((s) => new URL(s.url).pathname)).toEqual(["/offline.js"]);
    expect(total(scripts)).toBeLessThan(5 * KB);
    // the page is whole without it: the title and the tabs to the rest of the project
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("navigation", { name: text("id", "projects.tabs") }).waitFor();
  });

  test("on a slow link a project page paints within 2 s", async () => {
    const page = await newPage({ serviceWorkers: "block" });
    await signIn(page, FACILITATOR);
    await scriptsOf(page, PROJECT, { slow: true });
    // the first contentful paint of this load, from the browser's own paint timing
    const firstPaint = await firstContentfulPaint(page);
    expect(firstPaint, "the page painted").not.toBeNull();
    expect(firstPaint).toBeLessThanOrEqual(2000);
  });

  test("the notes page fetches the editor on its own, after the page, and one language", async () => {
    const page = await newPage({ serviceWorkers: "block" });
    await signIn(page, FACILITATOR);
    const scripts = await scriptsOf(page, NOTES);
    await page
      .getByRole("textbox", { name: text("id", "notes.editorLabel"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    const names = scripts.map((s) => new URL(s.url).pathname.split("/").pop() ?? "");
    const editor = scripts.filter((s) => /\/notes-editor-[\w-]+\.js$/.test(s.url));
    expect(editor).toHaveLength(1);
    // without the editor the page itself stays small: the React runtime, one language, the route
    expect(total(scripts) - total(editor)).toBeLessThanOrEqual(150 * KB);
    expect(names.filter((name) => /^(id|en)-[\w-]+\.js$/.test(name))).toEqual([
      expect.stringMatching(/^id-/),
    ]);
  });

  test("on a slow link the notes page stays under 150 KB of JavaScript and brings the editor when asked", async () => {
    const page = await newPage({ serviceWorkers: "block" });
    await signIn(page, FACILITATOR);
    const editorLabel = { name: text("id", "notes.editorLabel"), exact: true };
    const open = page.getByRole("button", { name: text("id", "notes.openEditor") });
    let effectiveType: string | undefined;
    const before = await scriptsOf(page, NOTES, {
      slow: true,
      then: async () => {
        effectiveType = await page.evaluate(
          () => (navigator as { connection?: { effectiveType: string } }).connection?.effectiveType,
        );
      },
    });
    // the browser says "3g": no editor yet, the plain form and a button to ask for it
    expect(effectiveType).toBe("3g");
    expect(before.filter((s) => /\/notes-editor-[\w-]+\.js$/.test(s.url))).toEqual([]);
    expect(total(before)).toBeLessThanOrEqual(150 * KB);
    await page.getByRole("textbox", { name: text("id", "notes.plainLabel") }).waitFor();
    // text typed in the plain form is saved before the editor takes its place
    await open.waitFor();
    await page.getByRole("textbox", { name: text("id", "notes.plainLabel") }).press("End");
    await page.keyboard.type(" x");
    expect(await open.isDisabled()).toBe(true);
    await page.getByText(text("id", "notes.saveBeforeEditor")).waitFor();
    const after = await scriptsOf(page, NOTES, {
      slow: true,
      then: async () => {
        await open.click();
        await page.getByRole("textbox", editorLabel).waitFor({ state: "visible", timeout: 60_000 });
      },
    });
    expect(after.filter((s) => /\/notes-editor-[\w-]+\.js$/.test(s.url))).toHaveLength(1);
    await expect(page.getByRole("textbox", { name: text("id", "notes.plainLabel") }).count()).resolves.toBe(
      0,
    );
  });
});
