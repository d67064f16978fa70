// Lessons-learned pages: an anonymous visitor reads the seed's Kendari → Blitar lesson with its
// template (three key success factors); the facilitator adds a block of the session's notes to a
// field of the lesson ("tambahkan ke pelajaran sebagai…"), publishes the update, and the public
// page shows version 2 with version 1 kept. Every page is checked with axe.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

const LESSON = "/pelajaran/kendari-blitar-2020-sesi-1-advokasi-pilot-asn-instruksi-wali-kota";
const SESSION = "demo-session-kendari-blitar-1";

async function open(page: Page, url: string) {
  const response = await openPage(page, url);
  expect(response?.status(), url).toBe(200);
}

describe("lessons learned", () => {
  test("an anonymous visitor reads the Kendari → Blitar lesson with its template", async () => {
    const page = await newPage();
    await open(page, LESSON);
    await page
      .getByRole("heading", { level: 2, name: `${text("id", "lessonTemplate.fields.successFactors")} (3)` })
      .waitFor();
    const factors = page.getByRole("region", {
      name: `${text("id", "lessonTemplate.fields.successFactors")} (3)`,
    });
    expect(await factors.getByRole("listitem").count()).toBe(3);
    await page
      .getByRole("heading", { level: 2, name: text("id", "lessonTemplate.fields.mentorSteps") })
      .waitFor();
    expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("article");
    await expectNoSeriousA11yViolations(page);
  });

  test("the facilitator adds a block of the notes to the lesson and publishes the update", async () => {
    const page = await newPage();
    await signIn(page, "fasilitator@lintas.test", { redirectTo: `/sesi/${SESSION}/pelajaran` });
    await page.getByRole("heading", { level: 1, name: text("id", "lessonTemplate.title") }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const block = page.locator(".note-block").first();
    await block
      .getByLabel(text("id", "lessonTemplate.addAs"))
      .selectOption({ label: text("id", "lessonTemplate.fields.contacts") });
    await block.getByRole("button", { name: text("id", "lessonTemplate.add"), exact: true }).click();
    await page.waitForURL(/selesai=append-contacts/);
    await page.waitForLoadState("networkidle");
    await page
      .getByRole("status")
      .filter({ hasText: text("id", "lessonTemplate.fields.contacts") })
      .waitFor();
    const added = (await block.locator(".rich-text").innerText()).trim().split("\n")[0];
    const contacts = page.getByLabel(text("id", "lessonTemplate.fields.contacts"), { exact: true });
    await expect.poll(() => contacts.inputValue(), { timeout: 10_000 }).toContain(added);
    await page.getByRole("button", { name: /^Terbitkan pembaruan/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/pelajaran/"));
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".lesson-meta").innerText()).toContain("Versi 2, diperbarui");
    await page
      .getByRole("link", { name: text("id", "lessonReview.versionN").replace("{{version}}", "1") })
      .click();
    await page.waitForURL(/versi=1/);
    await page.getByRole("note").waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
