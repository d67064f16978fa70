// An anonymous visitor: the Indonesian home page, the switch to English that is remembered, the
// public catalogue, the health check and the translated 404 page, each without serious
// accessibility problems.
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { expectNoSeriousA11yViolations, newPage, openPage } from "./helpers";
import { text } from "./i18n";

/** Opens a page and waits until the browser has loaded (and hydrated) everything it asked for. */
async function open(page: Page, url: string) {
  const response = await openPage(page, url);
  if (!response) throw new Error(`no response for ${url}`);
  return response;
}

/** Fails unless the locator matches exactly one visible element (waiting briefly for it). */
async function expectVisible(locator: Locator) {
  await locator.waitFor({ state: "visible", timeout: 10_000 });
}

/** The document's language, once the page has rendered (a client-side navigation re-renders it). */
async function expectLanguage(page: Page, language: "id" | "en") {
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(language);
}

/** The page's one level-1 heading, once rendered. */
async function expectHeading(page: Page, heading: string | undefined) {
  await expect
    .poll(async () => (await page.getByRole("heading", { level: 1 }).textContent())?.trim())
    .toBe(heading);
}

describe("an anonymous visitor", () => {
  test("sees the home page in Indonesian, with the product name and the navigation", async () => {
    const page = await newPage();
    const response = await open(page, "/");

    expect(response.status()).toBe(200);
    await expectLanguage(page, "id");
    await expectVisible(page.getByRole("link", { name: /Lintas/ }).first());
    expect(await page.title()).toMatch(/Lintas/);
    const navigation = page.getByRole("navigation", { name: text("id", "nav.label") });
    await expectVisible(navigation);
    await expectVisible(navigation.getByRole("link", { name: text("id", "nav.home"), exact: true }));
    await expectVisible(navigation.getByRole("link", { name: text("id", "nav.signIn"), exact: true }));
    await expectHeading(page, text("id", "home.heading"));

    // a first start seeds the demo data: the home page lists published practices and lessons
    for (const key of ["home.recentPractices", "home.recentLessons"]) {
      const section = page.getByRole("region", { name: text("id", key) });
      expect(await section.getByRole("link").count(), key).toBeGreaterThan(0);
    }

    await expectNoSeriousA11yViolations(page);

    if (process.env.SCREENSHOTS === "1") {
      await page.screenshot({ path: path.resolve("docs/screenshots/home.png") });
    }
  });

  test("switches to English, and the choice is remembered on the next visit", async () => {
    const page = await newPage();
    await open(page, "/");

    await page.getByRole("link", { name: "English", exact: true }).click();
    await page.waitForURL(/[?&]lng=en/);
    await page.waitForLoadState("networkidle");

    await expectLanguage(page, "en");
    await expectHeading(page, text("en", "home.heading"));
    await expectVisible(page.getByRole("navigation", { name: text("en", "nav.label") }));
    await expectNoSeriousA11yViolations(page);

    // the choice is kept in a cookie that scripts cannot read
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === "lng")).toMatchObject({ httpOnly: true, path: "/" });

    // a new page load without ?lng: the cookie keeps English
    await open(page, "/");
    expect(new URL(page.url()).searchParams.has("lng")).toBe(false);
    await expectLanguage(page, "en");
    await expectVisible(page.getByRole("navigation", { name: text("en", "nav.label") }));

    // and back to Indonesian the same way
    await page.getByRole("link", { name: "Bahasa Indonesia", exact: true }).click();
    await page.waitForURL(/[?&]lng=id/);
    await open(page, "/");
    await expectLanguage(page, "id");
  });

  test("can switch the language without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/");
    await page.getByRole("link", { name: "English", exact: true }).click();
    await page.waitForURL(/[?&]lng=en/);
    await expectLanguage(page, "en");
    await page.goto("/");
    await expectLanguage(page, "en");
    await expectVisible(page.getByRole("navigation", { name: text("en", "nav.label") }));
  });

  test("finds scheduled desludging in the public catalogue and reads the practice", async () => {
    const page = await newPage();
    await open(page, "/katalog");
    await expectHeading(page, text("id", "catalog.title"));
    await expectNoSeriousA11yViolations(page);

    await page
      .getByRole("searchbox", { name: text("id", "catalog.searchLabel") })
      .fill("lumpur tinja terjadwal");
    await page.getByRole("button", { name: text("id", "common.search") }).click();
    await page.waitForURL(/[?&]q=lumpur/);
    // a visitor's catalogue brings no JavaScript at all (issue #23): no script element
    expect(await page.locator("script").count()).toBe(0);

    const practices = page.getByRole("region", { name: text("id", "catalog.practices") });
    const practice = practices.getByRole("link", { name: /lumpur tinja/i }).first();
    await expectVisible(practice);
    const name = (await practice.textContent())?.trim();
    await practice.click();
    await page.waitForURL(/\/katalog\/[^/?]+$/);
    await page.waitForLoadState("networkidle");
    // nor does the practice page: its only script element is data (schema.org JSON-LD)
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await expectHeading(page, name);
    await expectNoSeriousA11yViolations(page);
  });

  test("from another city: searches 'lumpur tinja', reads Kendari's numbers, signs in and asks to learn", async () => {
    const page = await newPage();
    await open(page, "/katalog");
    await page.getByRole("searchbox", { name: text("id", "catalog.searchLabel") }).fill("lumpur tinja");
    await page.getByRole("button", { name: text("id", "common.search"), exact: true }).click();
    await page.waitForURL(/[?&]q=lumpur/);
    const practices = page.getByRole("region", { name: text("id", "catalog.practices") });
    const kendari = practices.getByRole("link", { name: /Kota Kendari/ }).first();
    await expectVisible(kendari);
    // the words found are marked in the result
    expect(await practices.locator("mark").first().textContent()).toMatch(/lumpur|tinja/i);
    await expectNoSeriousA11yViolations(page);
    await kendari.click();
    await page.waitForURL(/\/katalog\/layanan-lumpur-tinja-terjadwal-kota-kendari$/);
    await page.waitForLoadState("networkidle");
    await expectHeading(page, "Layanan Lumpur Tinja Terjadwal (L2T2) Kota Kendari");

    // its numbers: running since 2016, compulsory for civil servants from 2018, one region still
    // replicating it (Kota Blitar), said in words and not yet counted as "direplikasi"
    const facts = page.getByRole("main");
    await expectVisible(
      facts.getByText(text("id", "catalog.since").replace("{{year}}", "2016"), { exact: false }).first(),
    );
    await expectVisible(
      facts
        .getByRole("listitem")
        .filter({ hasText: `Kota Blitar: ${text("id", "catalog.replicationStatus.IN_PROGRESS")}` }),
    );
    expect(await facts.textContent()).not.toContain(
      text("id", "catalog.replicatedBy").replace("{{count}}", "1"),
    );
    expect(await facts.textContent()).not.toContain("IN_PROGRESS");
    await expectVisible(
      page.getByRole("heading", { level: 2, name: text("id", "catalog.fields.results"), exact: true }),
    );
    expect(await facts.textContent()).toContain("2018");
    await expectNoSeriousA11yViolations(page);

    // sign in from the practice and come back to it
    await page.getByRole("link", { name: text("id", "catalog.signInToAsk"), exact: true }).click();
    await page.waitForURL(/\/masuk\?redirectTo=/);
    await page.getByLabel(text("id", "auth.email"), { exact: true }).fill("peserta@lintas.test");
    await page.getByLabel(text("id", "auth.password"), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: text("id", "auth.signIn"), exact: true }).click();
    await page.waitForURL(/\/katalog\/layanan-lumpur-tinja-terjadwal-kota-kendari$/);
    await page.waitForLoadState("networkidle");

    const ask = page.getByRole("region", { name: text("id", "catalog.askToLearn") });
    await ask
      .getByLabel(text("id", "catalog.askMessage"), { exact: true })
      .fill("Lampung Barat ingin menjadwalkan penyedotan lumpur tinja untuk rumah tangga di Liwa.");
    await ask.getByRole("button", { name: text("id", "catalog.sendRequest"), exact: true }).click();
    await expectVisible(page.getByRole("status").filter({ hasText: text("id", "catalog.requestSent") }));
    await expectNoSeriousA11yViolations(page);
  });

  test("finds the practice despite a typo, and is told what was searched for", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/katalog?q=sedot+tinj");
    await expectVisible(page.getByRole("status").filter({ hasText: text("id", "catalog.didYouMean") }));
    await expectVisible(page.getByRole("link", { name: "sedot tinja", exact: true }));
    const practices = page.getByRole("region", { name: text("id", "catalog.practices") });
    await expectVisible(practices.getByRole("link", { name: /Kota Kendari/ }).first());
  });

  test("filters the catalogue by facets without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/katalog");
    await page.getByText(text("id", "catalog.facets.title"), { exact: true }).click();
    await page.getByLabel(text("id", "catalog.facets.spm"), { exact: true }).selectOption("PUBLIC_WORKS");
    await page.getByRole("button", { name: text("id", "catalog.facets.apply"), exact: true }).click();
    await page.waitForURL(/[?&]spm=PUBLIC_WORKS/);
    const practices = page.getByRole("region", { name: text("id", "catalog.practices") });
    await expectVisible(practices.getByRole("link", { name: /Kota Kendari/ }).first());
  });

  test("follows the Lahat launch from a project's public page: four projects and their follow-up", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, "/proyek/demo-project-siap-bpkad-lahat");
    // the public page answers "did it stop halfway?" before the details
    const followUp = page.getByRole("region", { name: text("id", "launchEvents.followUpHeading") });
    await expectVisible(followUp.getByText(text("id", "launchEvents.verdict.noReport")));
    await page.getByRole("link", { name: /^Acara peluncuran: Launching serentak/ }).click();
    await page.waitForURL(/\/peluncuran\/demo-launch-lahat-2023-10-10$/);
    await expectHeading(page, "Launching serentak empat proyek perubahan PKN II Angkatan XX Kabupaten Lahat");
    await expectVisible(page.getByText("10 Okt 2023, 09.00 WIB"));
    for (const acronym of ["SIAP BPKAD", "PERJAKA", "SIP BENAR", "e-Agenda"]) {
      const project = page.getByRole("region", { name: new RegExp(`^${acronym}:`) });
      await expectVisible(project.getByText(text("id", "launchEvents.implemented")));
      await expectVisible(project.getByText("12 bulan: tidak ada"));
    }
    await expectNoSeriousA11yViolations(page);
    if (process.env.SCREENSHOTS === "1")
      await page.screenshot({ path: path.resolve("docs/screenshots/launch-event.png"), fullPage: true });
  });

  test("can ask /healthz whether the server and its database answer", async () => {
    const page = await newPage();
    const response = await page.request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "pglite" });
  });

  test("gets the translated 404 page with status 404 for an unknown address", async () => {
    // Chromium logs the 404 document response itself as a console error
    const expectedConsoleErrors = [/status of 404/];
    const page = await newPage({ expectedConsoleErrors });
    const response = await open(page, "/tidak-ada-halaman-ini");

    expect(response.status()).toBe(404);
    await expectLanguage(page, "id");
    await expectHeading(page, text("id", "errorPage.notFound.title"));
    await expectVisible(page.getByRole("navigation", { name: text("id", "nav.label") }));
    await expectNoSeriousA11yViolations(page);

    const english = await newPage({ expectedConsoleErrors });
    const englishResponse = await open(english, "/tidak-ada-halaman-ini?lng=en");
    expect(englishResponse.status()).toBe(404);
    await expectLanguage(english, "en");
    await expectHeading(english, text("en", "errorPage.notFound.title"));
    await expectNoSeriousA11yViolations(english);
  });
});
