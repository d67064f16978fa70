// The private calendar feed as a person sets it up on their profile page in Chromium: create the
// address, read it from the field (what they paste into Google Calendar or Outlook), fetch it as a
// calendar app would, issue a new one (the old one stops working) and turn it off.
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
/** Kota Kendari's officer, invited to the demo Kendari–Blitar sessions (prisma/seed-demo.ts) */
const OFFICER = "kendari@lintas.test";

async function press(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForLoadState("networkidle");
}

const address = (page: Page) => page.getByLabel(t("calendarFeed.address"), { exact: true });

/** What a calendar app gets from the address (fetched without the person's cookie). */
async function fetchAsCalendarApp(page: Page, url: string) {
  const response = await fetch(new URL(new URL(url).pathname, page.url()));
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("the private calendar feed", () => {
  test("is created, copied, renewed and turned off from the profile page", async () => {
    const page = await newPage();
    await signIn(page, OFFICER, { redirectTo: "/profil" });
    const section = page.getByRole("region", { name: t("calendarFeed.title") });
    await section.waitFor({ state: "visible" });
    expect(await address(page).count()).toBe(0);

    await press(page, t("calendarFeed.create"));
    await address(page).waitFor({ state: "visible" });
    const first = await address(page).inputValue();
    expect(first).toMatch(/\/kalender\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(await address(page).getAttribute("readonly")).not.toBeNull();
    const webcal = await page.getByRole("link", { name: t("calendarFeed.openInApp") }).getAttribute("href");
    expect(webcal).toBe(first.replace(/^https?:/, "webcal:"));
    for (const key of ["calendarFeed.howGoogle", "calendarFeed.howOutlook"])
      expect(await section.getByText(t(key)).count(), key).toBe(1);
    await expectNoSeriousA11yViolations(page);

    const feed = await fetchAsCalendarApp(page, first);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents("vevent");
    expect(events.length).toBeGreaterThan(0);

    await press(page, t("calendarFeed.replace"));
    await page
      .getByRole("status")
      .filter({ hasText: t("calendarFeed.replaced") })
      .waitFor();
    // the page shows the new address once its data is reloaded after the change
    await expect.poll(() => address(page).inputValue()).not.toBe(first);
    const second = await address(page).inputValue();
    expect((await fetchAsCalendarApp(page, first)).status).toBe(404);
    expect((await fetchAsCalendarApp(page, second)).status).toBe(200);

    await press(page, t("calendarFeed.revoke"));
    await page
      .getByRole("status")
      .filter({ hasText: t("calendarFeed.revoked") })
      .waitFor();
    await expect.poll(() => address(page).count()).toBe(0);
    expect((await fetchAsCalendarApp(page, second)).status).toBe(404);
    await page.getByRole("button", { name: t("calendarFeed.create"), exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
