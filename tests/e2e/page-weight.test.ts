// The weight budget of issue #24 (docs/decisions/0062-light-on-a-weak-link.md), checked cheaply on
// every journey run: a project page opened afresh brings no JavaScript (≤ 60 KB budget) and paints
// without it; the notes page fetches the editor as a chunk of its own after the page is up, and
// only its own language's translations. scripts/page-weight.ts measures all pages on slow 3G.
import type { Page, Response } from "playwright-core";
import { describe, expect, test } from "vitest";
import { newPage, signIn } from "./helpers";
import { text } from "./i18n";

const KB = 1024;
const PROJECT = "/proyek/demo-project-l2t2-kendari";
const NOTES = "/sesi/demo-session-kendari-blitar-4/catatan";
const FACILITATOR = "fasilitator@lintas.test";

/** The JavaScript files a fresh load of `path` fetches, with their bytes on the wire. */
async function scriptsOf(page: Page, path: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
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
  await cdp.detach();
  return [...scripts.values()];
}

const total = (scripts: { bytes: number }[]) => scripts.reduce((sum, s) => sum + s.bytes, 0);

describe("page weight", () => {
  test("a project page opened afresh brings no app JavaScript, only the offline script (< 5 KB)", async () => {
    const page = await newPage();
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

  test("the notes page fetches the editor on its own, after the page, and one language", async () => {
    const page = await newPage();
    await signIn(page, FACILITATOR);
    const scripts = await scriptsOf(page, NOTES);
    await page
      .getByRole("textbox", { name: text("id", "notes.editorLabel"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    const names = scripts.map((s) => new URL(s.url).pathname.split("/").pop() ?? "");
    const editor = scripts.filter((s) => /\/notes-editor-[\w-]+\.js$/.test(s.url));
    expect(editor).toHaveLength(1);
    // without the editor the page itself stays small: the React runtime, one language, the route
    expect(total(scripts) - total(editor)).toBeLessThanOrEqual(170 * KB);
    expect(names.filter((name) => /^(id|en)-[\w-]+\.js$/.test(name))).toEqual([
      expect.stringMatching(/^id-/),
    ]);
  });
});
