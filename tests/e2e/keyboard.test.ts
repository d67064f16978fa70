// The main journeys with the keyboard alone (issue #12): an anonymous visitor searches the
// catalogue, narrows it with a facet and opens Kendari's practice; the participant signs in and
// records a milestone's status and a check-in on their project; the facilitator adds a follow-up
// to the Kendari → Blitar pairing; Kendari's region officer finds the city on /wilayah. The page is
// moved through with Tab and Shift+Tab, text is typed and Enter, Space and the arrow keys act:
// locators only say what must have the focus and what the page must show. Every stop the focus
// makes must be drawn with a visible focus indicator. A link or a redirect to another page puts
// the focus on the new page's <main>; a search or a save that stays on its page leaves it alone.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { expectNoSeriousA11yViolations, newPage, openPage } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);

const PROJECT_TITLE = "Percepatan Kinerja Sanitasi sesuai SPM Bidang PUPR di Kabupaten Lampung Barat";
const PAIRING_PATH = "/pasangan/demo-pairing-kendari-blitar-2020";
const KENDARI_PRACTICE = "Layanan Lumpur Tinja Terjadwal (L2T2) Kota Kendari";

type FocusStop = {
  /** tag, id or name, and the first words it shows, for the failure messages */
  label: string;
  /** how the browser draws the focus: outline and box-shadow as computed */
  outline: string;
  boxShadow: string;
  visibleIndicator: boolean;
  /** the element has a size on screen (a skip link moved on screen when focused, not a hidden one) */
  onScreen: boolean;
};

/** The focused element as the browser draws it, or null when nothing (the body) has the focus. */
function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const outlineWidth = parseFloat(style.outlineWidth) || 0;
    const outline =
      style.outlineStyle !== "none" &&
      outlineWidth > 0 &&
      !/rgba\(.*,\s*0\)$|transparent/.test(style.outlineColor);
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const rect = element.getBoundingClientRect();
    const inside = rect.right > 0 && rect.bottom > 0 && rect.width > 0 && rect.height > 0;
    const words = (element.getAttribute("aria-label") ?? element.textContent ?? "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 40);
    const name = element.id
      ? `#${element.id}`
      : element.getAttribute("name")
        ? `[${element.getAttribute("name")}]`
        : "";
    return {
      label: `${element.tagName.toLowerCase()}${name}${words ? ` "${words}"` : ""}`,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visibleIndicator: outline || shadow,
      onScreen: inside,
    };
  });
}

/** Fails unless the focused element is on screen and drawn with an outline or a box-shadow. */
async function expectVisibleFocus(page: Page): Promise<FocusStop> {
  const stop = await focusStop(page);
  if (!stop) throw new Error(`nothing has the focus on ${page.url()}`);
  expectIndicator(stop);
  return stop;
}

function expectIndicator(stop: FocusStop) {
  expect(
    stop.visibleIndicator,
    `no visible focus indicator on ${stop.label} (outline: ${stop.outline}; box-shadow: ${stop.boxShadow})`,
  ).toBe(true);
  expect(stop.onScreen, `${stop.label} has the focus but is not on screen`).toBe(true);
}

/** Whether the element the locator finds is the focused one. */
async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((elements) => elements.some((element) => element === document.activeElement));
}

/**
 * Presses Tab (or Shift+Tab) up to `max` times until the target has the focus, checking the focus
 * indicator at every stop on the way; fails with the stops it made when the target never gets it.
 */
async function tabTo(
  page: Page,
  target: Locator,
  { max = 60, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  const stops: string[] = [];
  for (let step = 0; step < max; step += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const stop = await focusStop(page);
    stops.push(stop?.label ?? "(nothing)");
    if (stop) expectIndicator(stop);
    if (await hasFocus(target)) return;
  }
  throw new Error(
    `${target} never had the focus after ${max} presses of ${backwards ? "Shift+Tab" : "Tab"} on ${page.url()}:\n  ${stops.join("\n  ")}`,
  );
}

/**
 * Chooses `value` in the focused select with ArrowDown/ArrowUp (a closed select changes its choice
 * with the arrows, without opening its list).
 */
async function chooseWithArrows(page: Page, select: Locator, value: string): Promise<void> {
  expect(await hasFocus(select), `${select} must have the focus`).toBe(true);
  const { values, current } = await select.evaluate((element) => {
    const options = [...(element as HTMLSelectElement).options];
    return { values: options.map((o) => o.value), current: (element as HTMLSelectElement).selectedIndex };
  });
  const wanted = values.indexOf(value);
  expect(wanted, `${select} offers ${value} among ${values.join(", ")}`).toBeGreaterThanOrEqual(0);
  for (let i = current; i !== wanted; i += wanted > current ? 1 : -1) {
    await page.keyboard.press(wanted > current ? "ArrowDown" : "ArrowUp");
  }
  expect(await select.inputValue()).toBe(value);
}

/** Waits for the address, then for the page's data and hydration. */
async function waitForPath(page: Page, path: string | RegExp) {
  const matches = (url: URL) => (typeof path === "string" ? url.pathname === path : path.test(url.pathname));
  await page.waitForURL(matches, { timeout: 15_000 });
  await page.waitForLoadState("networkidle");
}

/**
 * After a link followed to another page, the focus is on the new page's <main>, ringed, and the
 * next Tab goes to the first stop inside it (not back in the header by the link left behind).
 */
async function expectFocusOnMain(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
  await expectVisibleFocus(page);
  // and a screen reader hears the new page's title
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("[aria-live]")].some((live) => live.textContent === document.title),
      ),
    )
    .toBe(true);
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page);
  expect(
    await page.evaluate(() => document.activeElement?.closest("main") !== null),
    "the Tab after a navigation stays inside <main>",
  ).toBe(true);
}

async function expectHeading(page: Page, heading: string) {
  await expect
    .poll(async () => (await page.getByRole("heading", { level: 1 }).textContent())?.trim())
    .toBe(heading);
}

async function expectVisible(locator: Locator) {
  await locator.waitFor({ state: "visible", timeout: 10_000 });
}

function navigation(page: Page) {
  return page.getByRole("navigation", { name: t("nav.label") });
}

/** From the top of the home page: the skip link first, then through the header to the sign-in form. */
async function signInWithKeyboard(page: Page, { email, name }: { email: string; name: string }) {
  await openPage(page, "/");
  await tabTo(page, navigation(page).getByRole("link", { name: t("nav.signIn"), exact: true }));
  await page.keyboard.press("Enter");
  await waitForPath(page, "/masuk");
  await expectHeading(page, t("auth.signInTitle"));
  await tabTo(page, page.getByLabel(t("auth.email"), { exact: true }));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel(t("auth.password"), { exact: true }), { max: 1 });
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await waitForPath(page, "/dasbor");
  await expectHeading(page, t("dashboard.greeting").replace("{{name}}", name));
  // the sign-in form's redirect is a navigation too: the focus starts on the dashboard's <main>
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
  await expectVisibleFocus(page);
}

describe("keyboard only", () => {
  test("skip links: the first stop passes the header, another passes the map's region links", async () => {
    const page = await newPage();
    await openPage(page, "/katalog");
    const skip = page.getByRole("link", { name: t("app.skipToContent"), exact: true });
    await tabTo(page, skip, { max: 1 });
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0, "the skip link is on screen when focused").toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("konten");
    // the next Tab goes into the page, past the header
    await tabTo(page, page.getByRole("searchbox", { name: t("catalog.searchLabel") }), { max: 1 });

    // the national map is one link per region: a link after the search form passes all of them
    await openPage(page, "/wilayah");
    const regionLinks = await page.locator(".region-map a").count();
    expect(regionLinks).toBeGreaterThan(500);
    await tabTo(page, page.getByRole("link", { name: t("regions.skipMap"), exact: true }), { max: 20 });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expectVisibleFocus(page);
    expect(
      await page.evaluate(() => document.activeElement?.closest("#peta-tabel") !== null),
      "after the skip link, Tab goes to the map's tables",
    ).toBe(true);
  });

  test("a visitor searches the catalogue, chooses a facet and opens Kendari's practice", async () => {
    const page = await newPage();
    await openPage(page, "/");
    await tabTo(page, navigation(page).getByRole("link", { name: t("nav.catalog"), exact: true }));
    await page.keyboard.press("Enter");
    await waitForPath(page, "/katalog");
    await expectHeading(page, t("catalog.title"));
    await expectFocusOnMain(page);

    const search = page.getByRole("searchbox", { name: t("catalog.searchLabel") });
    await tabTo(page, search);
    await page.keyboard.type("lumpur tinja");
    await page.keyboard.press("Enter");
    await page.waitForURL(/[?&]q=lumpur\+tinja/);
    await page.waitForLoadState("networkidle");
    // the same page with other results: the focus stays where it was
    expect(await hasFocus(search), "the search field keeps the focus").toBe(true);
    // the words found are marked in the result (only a search marks them)
    const practices = page.getByRole("region", { name: t("catalog.practices") });
    await expectVisible(practices.getByRole("link", { name: KENDARI_PRACTICE }).locator("mark").first());

    // open the facets (a <details>) with Enter, choose the public-works SPM field with the arrows
    const facets = page.getByText(t("catalog.facets.title"), { exact: true });
    await tabTo(page, facets);
    await page.keyboard.press("Enter");
    const spm = page.getByLabel(t("catalog.facets.spm"), { exact: true });
    await tabTo(page, spm);
    await chooseWithArrows(page, spm, "PUBLIC_WORKS");
    await tabTo(page, page.getByRole("button", { name: t("catalog.facets.apply"), exact: true }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/[?&]spm=PUBLIC_WORKS/);
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).searchParams.get("q")).toBe("lumpur tinja");

    const kendari = page
      .getByRole("region", { name: t("catalog.practices") })
      .getByRole("link", { name: KENDARI_PRACTICE });
    await tabTo(page, kendari);
    await page.keyboard.press("Enter");
    await waitForPath(page, "/katalog/layanan-lumpur-tinja-terjadwal-kota-kendari");
    await expectHeading(page, KENDARI_PRACTICE);
    // and back up the page with Shift+Tab, every stop ringed, to the skip link at the top
    await tabTo(page, page.getByRole("link", { name: t("app.skipToContent"), exact: true }), {
      backwards: true,
    });
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant signs in, sets a milestone's status and records a check-in", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, { email: "peserta@lintas.test", name: "Hendra Gunawan" });
    await expectVisible(navigation(page).getByRole("link", { name: "Hendra Gunawan" }));

    // the focus is on the dashboard's <main>: the header's links are behind it
    await tabTo(page, navigation(page).getByRole("link", { name: t("nav.projects"), exact: true }), {
      backwards: true,
    });
    await page.keyboard.press("Enter");
    await waitForPath(page, "/proyek");
    await expectHeading(page, t("projects.title"));
    await tabTo(page, page.getByRole("link", { name: PROJECT_TITLE }));
    await page.keyboard.press("Enter");
    await waitForPath(page, /^\/proyek\/[^/]+$/);
    await expectHeading(page, PROJECT_TITLE);
    const projectPath = new URL(page.url()).pathname;

    // the milestones tab; the IPLT assessment goes from "not started" to "in progress"
    const tabs = page.getByRole("navigation", { name: t("projects.tabs") });
    await tabTo(page, tabs.getByRole("link", { name: t("projects.tab.milestones"), exact: true }));
    await page.keyboard.press("Enter");
    await waitForPath(page, `${projectPath}/tonggak`);
    await expectVisible(page.getByRole("heading", { level: 2, name: t("projects.addMilestone") }));
    const milestone = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Hasil penilaian IPLT Bahway", exact: false }) });
    const status = milestone.getByLabel(t("admin.status"), { exact: true });
    await tabTo(page, status);
    // "not started" in the demo data; another status when the journey runs again on the same data
    const target = (await status.inputValue()) === "IN_PROGRESS" ? "DONE" : "IN_PROGRESS";
    await chooseWithArrows(page, status, target);
    // past the milestone's other fields (owner, evidence link and file) to its Save button
    await tabTo(page, milestone.getByRole("button", { name: t("common.save"), exact: true }), { max: 8 });
    const saved = page.waitForResponse((r) => r.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await saved).status()).toBe(200);
    await expect
      .poll(async () => milestone.locator("p.muted").first().textContent())
      .toContain(t(`projects.workStatus.${target}`));
    await expectNoSeriousA11yViolations(page);

    // back to the overview with Shift+Tab, and a check-in there
    await tabTo(page, tabs.getByRole("link", { name: t("projects.tab.overview"), exact: true }), {
      backwards: true,
    });
    await page.keyboard.press("Enter");
    await waitForPath(page, projectPath);
    await expectVisible(page.getByRole("heading", { level: 2, name: t("projects.checkIns") }));
    const checkIns = page.getByRole("region", { name: t("projects.checkIns") });
    const state = checkIns.getByLabel(t("projects.checkInStatusLabel"), { exact: true });
    await tabTo(page, state);
    await chooseWithArrows(page, state, "AT_RISK");
    await tabTo(page, checkIns.getByLabel(t("projects.checkInNote"), { exact: true }), { max: 1 });
    const note = "Truk tinja belum tiba; jadwal sosialisasi di Balik Bukit bergeser dua minggu.";
    await page.keyboard.type(note);
    await tabTo(page, checkIns.getByRole("button", { name: t("projects.addCheckIn"), exact: true }), {
      max: 1,
    });
    await page.keyboard.press("Space");
    const entry = checkIns.getByRole("listitem").filter({ hasText: note });
    await expectVisible(entry);
    expect(await entry.textContent()).toContain(t("projects.checkInStatus.AT_RISK"));
    await expectNoSeriousA11yViolations(page);
  });

  test("the facilitator opens the Kendari → Blitar pairing and adds a follow-up", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, { email: "fasilitator@lintas.test", name: "Rina Wulandari" });

    await tabTo(page, navigation(page).getByRole("link", { name: t("nav.pairings"), exact: true }), {
      backwards: true,
    });
    await page.keyboard.press("Enter");
    await waitForPath(page, "/pasangan");
    await expectHeading(page, t("pairings.title"));
    await tabTo(page, page.locator(`main a[href="${PAIRING_PATH}"]`).first(), { max: 80 });
    await page.keyboard.press("Enter");
    await waitForPath(page, PAIRING_PATH);
    await expectVisible(page.getByRole("region", { name: t("pairings.commitments") }));

    const commitments = page.getByRole("region", { name: t("pairings.commitments") });
    const follow = "Kota Kendari mengirim salinan instruksi wali kota tentang L2T2 ke Pokja Blitar";
    await tabTo(page, commitments.getByLabel(t("pairings.commitment"), { exact: true }), { max: 120 });
    await page.keyboard.type(follow);
    // the side: the mentor (Kendari)
    const side = commitments.getByLabel(t("pairings.sideLabel"), { exact: true });
    await tabTo(page, side, { max: 1 });
    await chooseWithArrows(page, side, "MENTOR");
    await tabTo(page, commitments.getByLabel(t("projects.owner"), { exact: true }), { max: 1 });
    await page.keyboard.type("Bappeda Kota Kendari");
    // the due date typed into the date field's parts (day, month, year in Chromium's order)
    const due = commitments.getByLabel(t("projects.dueDate"), { exact: true });
    await tabTo(page, due, { max: 1 });
    await page.keyboard.type(await dateKeys(page, "2020-02-28"));
    expect(await due.inputValue()).toBe("2020-02-28");
    // the date field's parts are stops of their own: Tab until the button
    await tabTo(page, commitments.getByRole("button", { name: t("pairings.addCommitment"), exact: true }), {
      max: 4,
    });
    await page.keyboard.press("Enter");

    const row = commitments.getByRole("row").filter({ hasText: follow });
    await expectVisible(row);
    expect(await row.textContent()).toContain(t("pairings.side.MENTOR"));
    await expectNoSeriousA11yViolations(page);
  });

  test("Kendari's region officer finds the city on /wilayah by typing, and opens its dashboard", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, { email: "kendari@lintas.test", name: "Andi Saputra" });
    await openPage(page, "/wilayah");
    await expectHeading(page, t("regions.title"));

    const search = page.getByRole("searchbox", { name: t("regions.searchLabel") });
    await tabTo(page, search);
    await page.keyboard.type("kendari");
    await page.keyboard.press("Enter");
    await page.waitForURL(/[?&]q=kendari/);
    await page.waitForLoadState("networkidle");
    const results = page.getByRole("heading", {
      level: 2,
      name: t("regions.results").replace("{{count}}", "1").replace("{{q}}", "kendari"),
    });
    await expectVisible(results);

    // the results come before the map's 500 region links: the first stops after the form
    await tabTo(page, page.locator('main section a[href="/wilayah/74.71"]'), { max: 20 });
    await page.keyboard.press("Enter");
    await waitForPath(page, "/wilayah/74.71");
    await expectHeading(page, "Kota Kendari");

    await tabTo(page, page.getByRole("link", { name: t("dashboards.regionLink"), exact: true }));
    await page.keyboard.press("Enter");
    await waitForPath(page, "/dasbor/wilayah/74.71");
    await expectHeading(page, t("dashboards.regionHeading").replace("{{name}}", "Kota Kendari"));

    // a chart's data table opens with Space
    const table = page.locator("figure.dash-chart details").first();
    await tabTo(page, table.locator("summary"));
    await page.keyboard.press("Space");
    await expect.poll(() => table.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await expectVisible(table.getByRole("table"));
    await expectNoSeriousA11yViolations(page);
  });
});

/** The keys that type an ISO date into Chromium's date field, in the field's own order of parts. */
async function dateKeys(page: Page, iso: string): Promise<string> {
  const [year, month, day] = iso.split("-");
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2020, 1, 28))
      .filter((part) => part.type !== "literal")
      .map((part) => part.type),
  );
  return order.map((part) => (part === "year" ? year : part === "month" ? month : day)).join("");
}
