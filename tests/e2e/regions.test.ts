// The national map and a region page, as a visitor sees them in Chromium.
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage } from "./helpers";

describe("regions and the map", () => {
  test("draws the Kendari → Blitar pairing as an arc, links regions, and stays under 200 KB", async () => {
    const page = await newPage();
    const transferred: number[] = [];
    page.on("response", async (response) => {
      const length = Number(response.headers()["content-length"] ?? 0);
      transferred.push(length || (await response.body().catch(() => Buffer.alloc(0))).length);
    });
    const response = await openPage(page, "/wilayah");
    expect(response?.status()).toBe(200);
    expect(await page.locator(".map-regions path").count()).toBeGreaterThan(500);
    expect(await page.locator(".map-arcs path").count()).toBeGreaterThanOrEqual(1);
    // the same facts in a table for screen readers
    const row = page
      .getByRole("row")
      .filter({ hasText: "Kota Kendari" })
      .filter({ hasText: "Kota Blitar" })
      .first();
    await row.waitFor({ state: "visible" });
    const kendari = page.locator('a[href="/wilayah/74.71"]').first();
    expect(await kendari.getAttribute("aria-label")).toBe("Kota Kendari");
    // gzip on the wire: the HTML with the map plus its stylesheet
    const wire = await page.evaluate(() =>
      performance
        .getEntriesByType("navigation")
        .concat(performance.getEntriesByType("resource"))
        .reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0),
    );
    expect(wire).toBeGreaterThan(0);
    expect(wire).toBeLessThan(200 * 1024);
    await expectNoSeriousA11yViolations(page);
  });

  test("opens Kota Kendari from the map's table and shows its clock, pairing and practice", async () => {
    const page = await newPage();
    await openPage(page, "/wilayah");
    await page.locator('.map-tables a[href="/wilayah/74.71"]').first().click();
    await page.waitForURL("**/wilayah/74.71");
    await expect
      .poll(async () => (await page.getByRole("heading", { level: 1 }).textContent())?.trim())
      .toBe("Kota Kendari");
    const body = await page.locator("main").textContent();
    expect(body).toContain("WITA");
    expect(body).toContain("Kota Blitar");
    // the SPM indicators' values are written as Indonesians write them: "79,36 %", never "79.36 %"
    expect(body).toMatch(/\d+,\d{1,2}\u00a0?\s?%/);
    expect(body).not.toMatch(/\d+\.\d{1,2}\s?%/);
    await expectNoSeriousA11yViolations(page);
  });

  test("finds Blitar as both the city and the regency with the search form", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/wilayah?q=blitar");
    await page.locator('main a[href="/wilayah/35.72"]').first().waitFor();
    expect(await page.locator('main a[href="/wilayah/35.05"]').count()).toBeGreaterThan(0);
  });
});
