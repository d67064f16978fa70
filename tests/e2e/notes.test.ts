// Live session notes, as the people of a session use them: the PMU facilitator and Kota Blitar's
// officer open the same notes in two browsers, see each other there, type at the same time and
// each sees the other's text; a person is @-mentioned; a version is compared with the notes
// now; then the facilitator drafts a lesson from the notes, submits it for review and publishes
// it, and a visitor who is not signed in reads it.
import type { Locator, Page, WebSocketRoute } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  expectNoSeriousA11yViolations,
  newPage,
  openPage,
  reloadPage,
  signInThroughForm as signIn,
} from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
// the seeded Kendari → Blitar pairing's fourth session (prisma/seed-demo.ts)
const NOTES = "/sesi/demo-session-kendari-blitar-4/catatan";
const FACILITATOR = { email: "fasilitator@lintas.test", name: "Rina Wulandari" };
const BLITAR = { email: "blitar@lintas.test", name: "Dewi Lestari" };

async function openNotes(page: Page, who: { email: string }) {
  await signIn(page, who.email, { redirectTo: NOTES });
  const editor = page.getByRole("textbox", { name: t("notes.editorLabel"), exact: true });
  await editor.waitFor({ state: "visible", timeout: 15_000 });
  return editor;
}

/** The caret at the very end of the notes, then typing goes on there. */
async function typeAtEnd(page: Page, editor: Locator, lines: string[], delay = 15) {
  await editor.click();
  await page.keyboard.press("Control+End");
  for (const line of lines) {
    await page.keyboard.press("Enter");
    await page.keyboard.type(line, { delay });
  }
}

/** A line typed at the very start of the notes, above what is there. */
async function typeAtStart(page: Page, editor: Locator, line: string, delay = 15) {
  await editor.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type(line, { delay });
  await page.keyboard.press("Enter");
}

const presence = (page: Page) => page.getByRole("region", { name: t("collab.presence"), exact: true });
const status = (page: Page) => page.locator(".notes-editor").getByRole("status");

describe("live session notes", () => {
  test("two people write the same notes at once, then the lesson is published and read", async () => {
    const facilitator = await newPage();
    const blitar = await newPage();
    const [facilitatorEditor, blitarEditor] = await Promise.all([
      openNotes(facilitator, FACILITATOR),
      openNotes(blitar, BLITAR),
    ]);

    // each sees the other in the notes (name and region), not a form
    await presence(facilitator).getByText(BLITAR.name).waitFor({ timeout: 10_000 });
    await presence(blitar).getByText(FACILITATOR.name).waitFor({ timeout: 10_000 });
    expect(await presence(facilitator).textContent()).toContain("Kota Blitar");
    expect(await facilitator.getByText(t("collab.fallback")).count()).toBe(0);
    await expectNoSeriousA11yViolations(facilitator);

    // both type at the same time
    const fromFacilitator = "Kendari: instruksi wali kota 2018 mewajibkan ASN menyedot tangki septik.";
    const fromBlitar = "Blitar: draf instruksi wali kota disiapkan Bappeda bulan depan.";
    const bothTexts = async () =>
      `facilitator sees: ${await facilitatorEditor.innerText()}\nBlitar sees: ${await blitarEditor.innerText()}`;
    const watchTyping = presence(facilitator).getByText(t("collab.typing")).waitFor({ timeout: 10_000 });
    // Blitar starts once the facilitator's new line has reached it, while the facilitator is
    // still typing, and writes at the top: a paragraph split exactly where the other person's
    // caret stands can carry that caret along in y-prosemirror (their next letters land in the
    // new line), which is not what two people writing in a session do
    await Promise.all([
      typeAtEnd(facilitator, facilitatorEditor, [fromFacilitator], 40),
      blitarEditor
        .getByText(fromFacilitator.slice(0, 12))
        .waitFor({ timeout: 10_000 })
        .then(() => typeAtStart(blitar, blitarEditor, fromBlitar)),
    ]);
    expect(await facilitatorEditor.getByText(fromFacilitator).count(), await bothTexts()).toBe(1);
    // the facilitator saw Blitar typing while it happened
    await watchTyping;

    // each sees the other's text, and both see the same notes
    await facilitatorEditor
      .getByText(fromBlitar)
      .waitFor({ timeout: 10_000 })
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\n${await bothTexts()}`);
      });
    await blitarEditor.getByText(fromFacilitator).waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await facilitatorEditor.innerHTML()) === (await blitarEditor.innerHTML()), {
        timeout: 10_000,
      })
      .toBe(true);
    for (const page of [facilitator, blitar])
      await expect
        .poll(async () => (await status(page).textContent())?.trim(), { timeout: 10_000 })
        .toBe(t("notes.state.saved"));

    // a person of the session, @-mentioned from the suggestions
    await blitarEditor.click();
    await blitar.keyboard.press("Control+End");
    await blitar.keyboard.press("Enter");
    await blitar.keyboard.type("Tanya @Rina", { delay: 30 });
    const suggestions = blitar.getByRole("listbox", { name: t("collab.mentionList") });
    await suggestions.getByRole("option", { name: new RegExp(FACILITATOR.name) }).waitFor();
    await blitar.keyboard.press("Enter");
    await facilitatorEditor.locator('[data-type="mention"]', { hasText: `@${FACILITATOR.name}` }).waitFor();

    // after a reload the notes come back from the server, with nothing left in the browser
    await reloadPage(facilitator);
    await facilitatorEditor.getByText(fromBlitar).waitFor({ timeout: 10_000 });
    await facilitatorEditor.getByText(fromFacilitator).waitFor();

    // a version compared with the notes now: Blitar's line shows as added, named, not only coloured
    // (versions are written a moment after typing stops, while the notes page shows its load)
    const versions = facilitator
      .locator("summary")
      .filter({ hasText: t("notes.versions").replace("{{count}} ", "") });
    await expect
      .poll(
        async () => {
          if ((await versions.count()) === 0) await reloadPage(facilitator);
          return versions.count();
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toBe(1);
    await versions.click();
    const compare = facilitator.getByRole("region", { name: t("collab.diffHeading"), exact: true });
    await compare.getByLabel(t("collab.diffVersion"), { exact: true }).selectOption({ index: 0 });
    await compare.getByRole("button", { name: t("collab.diffShow"), exact: true }).click();
    await facilitator.waitForURL(/versi=/);
    const diff = compare.getByRole("region");
    await diff.waitFor();
    expect(
      (await diff.locator("ins, del").count()) + (await diff.getByText(t("collab.noChanges")).count()),
    ).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(facilitator);

    // the facilitator drafts a lesson from the notes, which lands in the lesson workspace: it is
    // published only after review (draft → in review → published)
    await openPage(facilitator, NOTES);
    const title = "Instruksi wali kota dan sanksi: catatan bersama Kendari–Blitar";
    const draft = facilitator.getByRole("region", { name: t("notes.draftHeading") });
    await draft.getByLabel(t("notes.lessonTitle"), { exact: true }).fill(title);
    await draft.getByRole("button", { name: t("notes.draftLesson"), exact: true }).click();
    await facilitator.waitForURL(/\/pelajaran\?selesai=drafted$/, { timeout: 15_000 });
    await facilitator.waitForLoadState("networkidle");
    const publishButton = facilitator.getByRole("button", { name: t("lessonReview.publish"), exact: true });
    expect(await publishButton.count()).toBe(0);
    await facilitator.getByRole("button", { name: t("lessonReview.submitForReview"), exact: true }).click();
    await facilitator.waitForURL(/selesai=review$/);
    await publishButton.click();
    await facilitator.waitForURL(/\/pelajaran\/[^/?]+$/, { timeout: 15_000 });
    const lessonPath = new URL(facilitator.url()).pathname;

    // a visitor who is not signed in reads it, with both cities' lines
    const visitor = await newPage();
    const response = await openPage(visitor, lessonPath);
    expect(response?.status()).toBe(200);
    await visitor.getByRole("heading", { level: 1, name: title }).waitFor();
    await visitor.getByText(fromFacilitator).waitFor();
    await visitor.getByText(fromBlitar).waitFor();
    await expectNoSeriousA11yViolations(visitor);
  }, 180_000);

  test("when the live socket cannot connect, the notes still save through the form", async () => {
    const page = await newPage();
    // a network that refuses the socket (a proxy without WebSocket, say)
    await page.routeWebSocket(/\/kolaborasi/, (socket) => socket.close({ code: 1011, reason: "refused" }));
    const notes = "/sesi/demo-session-kendari-blitar-5/catatan";
    await signIn(page, BLITAR.email, { redirectTo: notes });
    await page.getByText(t("collab.fallback")).waitFor({ timeout: 15_000 });
    const editor = page.getByRole("textbox", { name: t("notes.editorLabel"), exact: true });
    const line = "Armada Blitar: dua truk tinja, tarif disusun bersama PDAM.";
    const saved = page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().includes("/catatan"),
    );
    await typeAtEnd(page, editor, [line]);
    expect((await saved).status()).toBe(200);
    await expect
      .poll(async () => (await status(page).textContent())?.trim(), { timeout: 10_000 })
      .toBe(t("notes.state.saved"));
    await reloadPage(page);
    await page.getByText(t("collab.fallback")).waitFor({ timeout: 15_000 });
    await editor.getByText(line).waitFor();
    await expectNoSeriousA11yViolations(page);
  }, 120_000);

  test("a lost connection loses nothing: typed offline, kept in the browser, stored when back", async () => {
    // a request that happens to go out while offline fails, as it would in a browser off the network
    const page = await newPage({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });
    // the app's socket through a switch: "offline" drops the open sockets and refuses new ones
    let offline = false;
    const open: WebSocketRoute[] = [];
    await page.context().routeWebSocket(/\/kolaborasi/, (socket) => {
      if (offline) return socket.close({ code: 1001, reason: "offline" });
      const server = socket.connectToServer();
      open.push(socket);
      socket.onClose(() => server.close());
    });
    const notes = "/sesi/demo-session-kendari-blitar-5/catatan";
    await signIn(page, BLITAR.email, { redirectTo: notes });
    const editor = page.getByRole("textbox", { name: t("notes.editorLabel"), exact: true });
    await editor.waitFor({ state: "visible", timeout: 15_000 });
    await presence(page).waitFor();
    const online = "Sebelum putus: tarif penyedotan dibahas dengan DPRD.";
    await typeAtEnd(page, editor, [online]);
    await expect
      .poll(async () => (await status(page).textContent())?.trim(), { timeout: 10_000 })
      .toBe(t("notes.state.saved"));

    // the connection drops (the network goes away and the socket with it)
    offline = true;
    await page.context().setOffline(true);
    for (const socket of open.splice(0)) await socket.close({ code: 1001, reason: "offline" });
    await expect
      .poll(async () => (await status(page).textContent())?.trim(), { timeout: 10_000 })
      .toBe(t("notes.state.offline"));
    const offlineLine = "Saat offline: Blitar menyiapkan dua truk dan jadwal tiga tahun.";
    await typeAtEnd(page, editor, [offlineLine]);
    await editor.getByText(offlineLine).waitFor();
    expect((await status(page).textContent())?.trim()).toBe(t("notes.state.offline"));
    // kept in this browser until the server has it
    const draftKey = "lintas-notes-demo-session-kendari-blitar-5-yjs";
    expect(await page.evaluate((key) => localStorage.getItem(key), draftKey)).toBeTruthy();

    // back online: the text goes to the server and the browser's copy is let go
    offline = false;
    await page.context().setOffline(false);
    await expect
      .poll(async () => (await status(page).textContent())?.trim(), { timeout: 30_000 })
      .toBe(t("notes.state.saved"));
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key), draftKey), { timeout: 10_000 })
      .toBeNull();

    // the database has it: the page without JavaScript shows the stored notes as text
    const reader = await newPage({ javaScriptEnabled: false });
    await signIn(reader, FACILITATOR.email, { redirectTo: notes });
    const stored = reader.getByLabel(t("notes.plainLabel"), { exact: true });
    await expect
      .poll(
        async () => {
          const value = await stored.inputValue();
          if (!value.includes(offlineLine)) await reloadPage(reader);
          return value;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toContain(offlineLine);
    expect(await stored.inputValue()).toContain(online);
  }, 150_000);
});
