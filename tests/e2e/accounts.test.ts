// Accounts in the browser: an admin invites a region officer of Kota Blitar, the invitation waits
// in the outbox (no SMTP in the journeys), the invited person sets a password, lands signed in,
// sees only Kota Blitar's projects, and signs out. And signing in with the keyboard alone, with a
// visible focus ring on every stop.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

/** The page's one level-1 heading, once rendered. */
async function expectHeading(page: Page, heading: string) {
  await expect
    .poll(async () => (await page.getByRole("heading", { level: 1 }).textContent())?.trim())
    .toBe(heading);
}

async function expectVisible(locator: Locator) {
  await locator.waitFor({ state: "visible", timeout: 10_000 });
}

/** Whether the focused element is drawn with an outline (the focus ring), as the browser computes it. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      name: element.getAttribute("name") ?? element.textContent?.trim().slice(0, 40) ?? "",
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });
}

describe("accounts", () => {
  test("an invited region officer of Kota Blitar accepts, sees only Blitar's projects and signs out", async () => {
    const invitee = { email: "sri.wahyuni@blitarkota.contoh.test", name: "Sri Wahyuni" };
    const password = "pokja-sanitasi-blitar";

    // the admin invites
    const admin = await newPage();
    await signIn(admin, "admin@lintas.test");
    await openPage(admin, "/admin/undang");
    await expectHeading(admin, text("id", "admin.invite"));
    await expectNoSeriousA11yViolations(admin);
    await admin.getByLabel(text("id", "auth.email"), { exact: true }).fill(invitee.email);
    await admin.getByLabel(text("id", "auth.fullName"), { exact: true }).fill(invitee.name);
    await admin
      .getByLabel(text("id", "admin.role"), { exact: true })
      .selectOption({ label: text("id", "roles.REGION_OFFICER") });
    await admin.getByLabel(text("id", "admin.regionCode"), { exact: true }).fill("35.72");
    await admin.getByRole("button", { name: text("id", "admin.sendInvitation") }).click();
    const sent = admin.getByRole("status").filter({ hasText: invitee.email });
    await expectVisible(sent);
    expect(await sent.textContent()).toBe(
      text("id", "admin.invitationSent").replace("{{email}}", invitee.email),
    );

    // without SMTP the message waits in the outbox, with its link
    await openPage(admin, "/admin/outbox");
    await expectHeading(admin, text("id", "admin.outbox"));
    await expectVisible(admin.getByText(text("id", "admin.outboxNoSmtp")));
    await expectNoSeriousA11yViolations(admin);
    const message = admin
      .locator("article")
      .filter({ hasText: `${text("id", "admin.to")}: ${invitee.email}` });
    expect(await message.count()).toBe(1);
    const body = (await message.locator("pre").textContent()) ?? "";
    const link = body.match(/https?:\/\/\S+\/undangan\/[\w-]+/)?.[0];
    expect(link, body).toBeDefined();
    const invitationPath = new URL(link!).pathname;

    // the invited person, in a browser of their own, sets a password
    // Chromium logs the 404 of another region's project, opened on purpose below
    const person = await newPage({ expectedConsoleErrors: [/status of 404/] });
    await openPage(person, invitationPath);
    await expectHeading(person, text("id", "auth.invitationTitle"));
    expect(await person.locator("main").textContent()).toContain(invitee.email);
    await expectNoSeriousA11yViolations(person);
    const nameField = person.getByLabel(text("id", "auth.fullName"), { exact: true });
    expect(await nameField.inputValue()).toBe(invitee.name);
    await person.getByLabel(text("id", "auth.newPassword"), { exact: true }).fill(password);
    await person.getByLabel(text("id", "auth.confirmPassword"), { exact: true }).fill(password);
    await person.getByRole("button", { name: text("id", "auth.acceptInvitation") }).click();

    // … and lands signed in
    await person.waitForURL((url) => url.pathname === "/dasbor");
    await person.waitForLoadState("networkidle");
    // the focus starts on the new page's <main>, without a ring after a click
    await expect.poll(async () => (await focusRing(person))?.tag).toBe("main");
    expect((await focusRing(person))?.outlineStyle).toBe("none");
    const navigation = person.getByRole("navigation", { name: text("id", "nav.label") });
    await expectVisible(navigation.getByRole("link", { name: invitee.name }));
    await expectVisible(navigation.getByRole("button", { name: text("id", "nav.signOut") }));
    await expectNoSeriousA11yViolations(person);

    // only Kota Blitar's projects
    await openPage(person, "/proyek");
    await expectHeading(person, text("id", "projects.title"));
    await expectNoSeriousA11yViolations(person);
    const cards = person.locator("main .card-list > li");
    await expectVisible(cards.first());
    await expectVisible(
      person.getByRole("link", { name: /Replikasi Layanan Lumpur Tinja Terjadwal di Kota Blitar/ }),
    );
    for (const other of [
      /Lumpur Tinja Terjadwal \(L2T2\) Kota Kendari/,
      /SIAP/,
      /PERJAKA/,
      /Lampung Barat/,
    ]) {
      expect(await person.getByRole("link", { name: other }).count(), String(other)).toBe(0);
    }
    const places = await cards.locator("p.muted").allTextContents();
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place).toMatch(/Kota Blitar$/);

    // nor by its address: Lampung Barat's project (piloting, so not public) is "not found"
    const elsewhere = await openPage(person, "/proyek/demo-project-sanitasi-lampung-barat");
    expect(elsewhere?.status()).toBe(404);
    await expectHeading(person, text("id", "errorPage.notFound.title"));
    await expectNoSeriousA11yViolations(person);

    // sign out with the header's button
    await navigation.getByRole("button", { name: text("id", "nav.signOut") }).click();
    await person.waitForURL((url) => url.pathname === "/");
    await person.waitForLoadState("networkidle");
    await expectVisible(navigation.getByRole("link", { name: text("id", "nav.signIn"), exact: true }));
    expect(await navigation.getByRole("link", { name: invitee.name }).count()).toBe(0);
    await expectNoSeriousA11yViolations(person);

    // signed-in pages now lead to the sign-in form
    await openPage(person, "/proyek");
    expect(new URL(person.url()).pathname).toBe("/masuk");
    expect(new URL(person.url()).searchParams.get("redirectTo")).toBe("/proyek");
    await expectHeading(person, text("id", "auth.signInTitle"));
    await expectNoSeriousA11yViolations(person);

    // the invitation works once: the link now says it is no longer valid
    await openPage(person, invitationPath);
    await expectVisible(person.getByRole("alert").filter({ hasText: text("id", "auth.invitationInvalid") }));
    await expectNoSeriousA11yViolations(person);
  });

  test("signs in with the keyboard alone, and every focused element shows its focus ring", async () => {
    const page = await newPage();
    await openPage(page, "/masuk");
    await expectHeading(page, text("id", "auth.signInTitle"));
    await expectNoSeriousA11yViolations(page);

    // Tab from the top of the page until the email field has the focus, checking every stop
    const stops: string[] = [];
    for (let step = 0; step < 40; step += 1) {
      await page.keyboard.press("Tab");
      const focused = await focusRing(page);
      expect(focused, `focus lost after ${stops.join(" → ")}`).not.toBeNull();
      stops.push(`${focused!.tag}:${focused!.name}`);
      expect(focused!.outlineStyle, `no focus ring on ${stops.at(-1)}`).not.toBe("none");
      expect(parseFloat(focused!.outlineWidth), `no focus ring on ${stops.at(-1)}`).toBeGreaterThan(0);
      if (focused!.tag === "input" && focused!.name === "email") break;
    }
    expect(stops.at(-1), stops.join(" → ")).toBe("input:email");
    // the first stop is the skip link
    expect(stops[0]).toBe(`a:${text("id", "app.skipToContent")}`);

    await page.keyboard.type("peserta@lintas.test");
    await page.keyboard.press("Tab");
    const password = await focusRing(page);
    expect(password).toMatchObject({ tag: "input", name: "password" });
    expect(password!.outlineStyle).not.toBe("none");
    await page.keyboard.type("lintas-demo-2024");
    await page.keyboard.press("Enter");

    await page.waitForURL((url) => url.pathname === "/dasbor");
    await page.waitForLoadState("networkidle");
    // the focus starts on the dashboard's <main>, ringed: the keyboard led there
    await expect.poll(async () => (await focusRing(page))?.tag).toBe("main");
    expect((await focusRing(page))?.outlineStyle).not.toBe("none");
    const navigation = page.getByRole("navigation", { name: text("id", "nav.label") });
    await expectVisible(navigation.getByRole("link", { name: "Hendra Gunawan" }));
    await expectNoSeriousA11yViolations(page);
  });
});
