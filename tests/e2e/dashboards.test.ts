// The dashboards with the demo data: the PMU's, a region's, a cohort's and a province's, each with
// its charts, data tables and CSV downloads and without serious accessibility problems; a region
// officer keeps the region's agencies. With SCREENSHOTS=1 each page is saved to docs/screenshots/.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS === "1")
    await page.screenshot({ path: path.resolve(`docs/screenshots/${name}.png`), fullPage: true });
}

/** Waits until the page's level-1 heading reads `name` (a client navigation renders a moment after the URL changes). */
async function waitForHeading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: 15_000 });
}

/** Every chart on the page offers its data as a table and a CSV file. */
async function expectChartsWithData(page: Page, atLeast: number) {
  const charts = page.locator("figure.dash-chart");
  expect(await charts.count()).toBeGreaterThanOrEqual(atLeast);
  for (const chart of await charts.all()) {
    expect(await chart.locator("table").count()).toBe(1);
    const href = await chart.locator("a[download]").getAttribute("href");
    expect(href).toMatch(/^data:text\/csv/);
  }
}

describe("dashboards with the demo data", () => {
  test("the PMU facilitator sees the programme: pairings over time, sessions, attendance, follow-ups", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "fasilitator@lintas.test");
    await page.getByRole("heading", { name: text("id", "dashboards.pmuHeading") }).waitFor();
    await expectChartsWithData(page, 5);
    // the CSV of a chart downloads without JavaScript or another request
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: new RegExp(text("id", "dashboards.attendanceByRegion")) }).click();
    expect((await download).suggestedFilename()).toBe("lintas-kehadiran-per-wilayah.csv");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "dashboard-pmu");
  });

  test("a participant's dashboard first lists what is due next, each a link to where it is done", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "peserta@lintas.test");
    const main = page.locator("main");
    // "Yang perlu Anda lakukan" comes first, before the counts and the charts
    expect(await main.locator("h2").first().textContent()).toBe(text("id", "nextSteps.heading"));
    const steps = page.getByRole("region", { name: text("id", "nextSteps.heading") });
    const due = steps.getByRole("region", { name: /^Tonggak yang segera jatuh tempo/ });
    // the demo project's milestones of 2024 are late by now: the earliest open one comes first
    await expect
      .poll(() => due.getByRole("listitem").first().textContent())
      .toMatch(/^Sosialisasi di seluruh kecamatan.*terlambat sejak 31 Agu 2024/);
    expect(
      await main.evaluate((m) => {
        const list = m.querySelector(".next-steps");
        const chart = m.querySelector("figure, .stat-list");
        return (
          !!list && !!chart && !!(list.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING)
        );
      }),
    ).toBe(true);
    // before launch: the piloting project is told what comes next
    await steps.getByText(text("id", "nextSteps.launch.PILOTING")).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "dashboard-participant");

    await due.getByRole("link", { name: "Sosialisasi di seluruh kecamatan" }).click();
    await page.waitForURL(/\/proyek\/demo-project-sanitasi-lampung-barat\/tonggak$/);
  });

  test("a head of region sees Kab. Lahat's projects as a funnel, indicators and the printable report", async () => {
    const page = await newPage({
      viewport: { width: 1280, height: 900 },
      expectedConsoleErrors: [/status of 403/],
    });
    await signIn(page, "bupati.lahat@lintas.test");
    await openPage(page, "/dasbor/wilayah/16.04");
    await waitForHeading(page, /Lahat/);
    await expectChartsWithData(page, 1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "dashboard-region");

    await page.getByRole("link", { name: text("id", "reports.regionLink") }).click();
    await page.waitForURL(/\/dasbor\/wilayah\/16\.04\/laporan/);
    await page.getByLabel(text("id", "reports.from")).fill("2023-01-01");
    await page.getByLabel(text("id", "reports.to")).fill("2024-12-31");
    await page.getByRole("button", { name: text("id", "reports.show") }).click();
    await page.waitForURL(/from=2023-01-01/);
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "report-region");

    // another region's dashboard is refused
    const response = await page.goto("/dasbor/wilayah/74.71");
    expect(response?.status()).toBe(403);
  });

  test("the facilitator follows a cohort's projects a year after launch", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "fasilitator@lintas.test", { redirectTo: "/angkatan/demo-cohort-pkn2-xx-2023" });
    await page.getByRole("link", { name: text("id", "dashboards.cohortLink") }).click();
    await page.waitForURL(/\/dasbor\/angkatan\//);
    await waitForHeading(page, /^Dasbor .*Angkatan XX/);
    await expectChartsWithData(page, 2);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "dashboard-cohort");
  });

  test("the Sulawesi Tenggara coordinator puts the 17 kabupaten/kota side by side on an SPM indicator", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "sultra@lintas.test", { redirectTo: "/dasbor/provinsi/74" });
    await waitForHeading(
      page,
      text("id", "dashboards.provinceHeading").replace("{{name}}", "Sulawesi Tenggara"),
    );
    const select = page.getByLabel(text("id", "dashboards.chooseIndicator"));
    const options = await select.locator("option").allTextContents();
    const limbah = options.find((o) => /air limbah/i.test(o));
    expect(limbah).toBeTruthy();
    await select.selectOption({ label: limbah! });
    await page.getByRole("button", { name: text("id", "dashboards.show") }).click();
    await page.waitForURL(/indikator=/);
    await page.locator("#province-indicator-title", { hasText: limbah! }).waitFor();
    await page.waitForLoadState("networkidle");
    const indicator = page.locator('figure[aria-labelledby="province-indicator-title"]');
    expect(await indicator.locator("tbody tr").count()).toBe(17);
    // Indonesian numbers: a decimal comma and a space before the percent sign
    expect(await indicator.locator("svg.dash-svg").textContent()).toMatch(/\d+,\d+\u00a0%/);
    await expectChartsWithData(page, 2);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "dashboard-province");
  });

  test("a region officer adds an agency to Kota Kendari; a duplicate name is refused next to the field", async () => {
    // the refused duplicate answers 400, which Chromium logs
    const page = await newPage({ expectedConsoleErrors: [/status of 400/] });
    await signIn(page, "kendari@lintas.test", { redirectTo: "/wilayah/74.71/opd" });
    const add = page.locator("form#agency-new");
    await add.getByLabel(text("id", "agencies.name")).fill("Dinas Lingkungan Hidup Kota Kendari");
    await add.getByLabel(text("id", "agencies.kind")).fill("DLH");
    await add.getByRole("button", { name: text("id", "agencies.addAgency") }).click();
    await page
      .getByRole("listitem")
      .filter({ has: page.locator('input[value="Dinas Lingkungan Hidup Kota Kendari"]') })
      .waitFor();
    await add.getByLabel(text("id", "agencies.name")).fill("Dinas Lingkungan Hidup Kota Kendari");
    await add.getByRole("button", { name: text("id", "agencies.addAgency") }).click();
    await page.getByText(text("id", "agencies.duplicateName")).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "agencies");
  });
});
