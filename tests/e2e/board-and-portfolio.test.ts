// The project board shows every status column, "Diluncurkan" included, without scrolling sideways
// at 1280 px and on a 390 px phone; the Lahat dashboard's portfolio timeline draws the launched
// projects' milestones, filters to the late ones with a plain GET form, and prints without the form.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

const FACILITATOR = "fasilitator@lintas.test";

/** Each column heading's right edge and the board's sideways overflow. */
async function boardFit(page: Page) {
  return page.evaluate(() => {
    const board = document.querySelector(".board")!;
    return {
      width: document.documentElement.clientWidth,
      overflow: board.scrollWidth - board.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      headings: [...board.querySelectorAll(".board-column h2")].map((h) => ({
        text: h.textContent ?? "",
        right: h.getBoundingClientRect().right,
      })),
    };
  });
}

describe("the project board", () => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    test(`shows every status column at ${size.width} px`, async () => {
      const page = await newPage({ viewport: size });
      await signIn(page, FACILITATOR);
      await openPage(page, "/proyek?tampilan=papan");
      const fit = await boardFit(page);
      expect(fit.headings).toHaveLength(8);
      expect(fit.headings.map((h) => h.text).join(" ")).toContain(text("id", "projects.status.LAUNCHED"));
      for (const heading of fit.headings) expect(heading.right).toBeLessThanOrEqual(fit.width);
      expect(fit.overflow).toBeLessThanOrEqual(0);
      expect(fit.pageOverflow).toBeLessThanOrEqual(0);
    });
});

describe("the portfolio timeline", () => {
  test("on the Lahat dashboard: drawn, filtered to the late ones by a plain GET form, printable", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "bupati.lahat@lintas.test");
    await openPage(page, "/dasbor/wilayah/16.04");
    const section = page.locator("section.portfolio-timeline");
    await section.getByRole("heading", { name: text("id", "portfolio.title") }).waitFor({ timeout: 15_000 });
    expect(await section.locator("svg g.portfolio-lane").count()).toBeGreaterThan(0);
    const rows = section.locator("table.portfolio-table tbody tr:not(:first-child)");
    const allMilestones = await rows.count();
    expect(allMilestones).toBeGreaterThan(0);

    await section.locator("select[name=tonggak]").selectOption("late", { timeout: 10_000 });
    await Promise.all([
      page.waitForURL(/tonggak=late/, { timeout: 15_000 }),
      section.getByRole("button", { name: text("id", "portfolio.apply") }).click({ timeout: 10_000 }),
    ]);
    await section.getByRole("heading", { name: text("id", "portfolio.title") }).waitFor({ timeout: 15_000 });
    const late = await rows.count();
    expect(late).toBeLessThan(allMilestones);
    expect(await section.locator("tr.is-late").count()).toBe(late);
    await expectNoSeriousA11yViolations(page);

    await page.emulateMedia({ media: "print" });
    expect(await section.locator("form.portfolio-filter").isVisible()).toBe(false);
    expect(await section.locator("svg").first().isVisible()).toBe(true);
  });
});
