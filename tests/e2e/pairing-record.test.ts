// The record a PMU reports on, on the demo Kendari → Blitar pairing: Blitar's officer writes what
// was adapted and an indicator before → after (in a browser without JavaScript), the pairing's
// printable report for a period, and a facilitator editing a later session's agenda and invitees
// (and the accessibility of the pages, checked with JavaScript: axe runs in the page).
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

const PAIRING = "/pasangan/demo-pairing-kendari-blitar-2020";
const SESSION = "/sesi/demo-session-kendari-blitar-3";

async function open(page: Page, url: string) {
  const response = await openPage(page, url);
  expect(response?.status(), url).toBe(200);
}

/** Submits a form by its button (a full page load without JavaScript); the POST's status. */
async function submit(page: Page, button: Locator) {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await button.click();
  const status = (await response).status();
  await page.waitForLoadState();
  return status;
}

async function textsOf(locator: Locator) {
  return (await locator.allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
}

describe("the replication record and the report", () => {
  test("Blitar's officer records an adaptation and an indicator without JavaScript, and the report shows them", async () => {
    // the server answers a bad form with a 400 page, which Chromium logs
    const page = await newPage({ javaScriptEnabled: false, expectedConsoleErrors: [/status of 400/] });
    await signIn(page, "blitar@lintas.test", { redirectTo: PAIRING });
    const section = page.getByRole("region", { name: text("id", "replication.title") });
    await section.getByText(text("id", "replication.noItems"), { exact: true }).waitFor();

    const item = page.locator("form#replication-item");
    await item.getByLabel(text("id", "replication.kind"), { exact: true }).selectOption("ADAPTED");
    await item
      .getByLabel(text("id", "replication.what"), { exact: true })
      .fill("Penyedotan terjadwal bagi ASN");
    await item
      .getByLabel(text("id", "replication.why"), { exact: true })
      .fill("Dimulai dengan surat edaran, sebelum instruksi wali kota");
    await submit(page, item.getByRole("button", { name: text("id", "replication.addItem"), exact: true }));
    await section.getByRole("heading", { name: text("id", "replication.kinds.ADAPTED") }).waitFor();

    // a bad number comes back next to its field, the rest of the input kept
    const result = page.locator("form#replication-result");
    const fill = async (before: string) => {
      await result
        .getByLabel(text("id", "replication.indicator"), { exact: true })
        .fill("Rumah tangga ASN terlayani penyedotan terjadwal");
      await result.getByLabel(text("id", "replication.unit"), { exact: true }).fill("%");
      await result.getByLabel(text("id", "replication.before"), { exact: true }).fill(before);
      await result.getByLabel(text("id", "replication.beforeYear"), { exact: true }).fill("2019");
      await result.getByLabel(text("id", "replication.after"), { exact: true }).fill("12,5");
      await result.getByLabel(text("id", "replication.afterYear"), { exact: true }).fill("2020");
      return submit(
        page,
        result.getByRole("button", { name: text("id", "replication.addResult"), exact: true }),
      );
    };
    expect(await fill("sedikit")).toBe(400);
    const form = page.locator("form#replication-result");
    await form.getByText(text("id", "errors.decimal"), { exact: true }).waitFor();
    expect(await form.getByLabel(text("id", "replication.indicator"), { exact: true }).inputValue()).toBe(
      "Rumah tangga ASN terlayani penyedotan terjadwal",
    );
    expect(await fill("0")).toBe(200);

    const row = section.getByRole("row").filter({ hasText: "Rumah tangga ASN" });
    await row.waitFor();
    expect((await textsOf(row.getByRole("cell"))).slice(1, 4)).toEqual([
      "0 % (2019)",
      "12,5 % (2020)",
      `+12,5 % (${text("id", "replication.outcome.better")})`,
    ]);

    // the report for January 2020: only the first session (27 January) falls in it, whatever other
    // journeys on the shared database do with the later sessions (the facilitator's publishes one)
    await open(page, `${PAIRING}/laporan?from=2020-01-01&to=2020-01-31`);
    const figures = page.getByRole("region", { name: text("id", "pairingReport.figures") });
    const figure = (label: string) =>
      figures.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
    expect(await textsOf(figure(text("id", "pairingReport.sessionsHeld")).getByRole("cell"))).toEqual([
      "1 / 6",
    ]);
    const report = page.getByRole("region", { name: text("id", "replication.title") });
    await report.getByText("Penyedotan terjadwal bagi ASN", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: text("id", "pairingReport.csv") }).getAttribute("href")).toBe(
      `${PAIRING}/laporan.csv?from=2020-01-01&to=2020-01-31`,
    );
  }, 120_000);
});

describe("a later session's agenda and invitees", () => {
  test("a facilitator adds and reorders agenda items, invites both Pokja teams, and sees recording is not available", async () => {
    const page = await newPage();
    await signIn(page, "fasilitator@lintas.test", { redirectTo: SESSION });
    const agenda = page.getByRole("region", { name: text("id", "sessions.agenda") });
    const add = page.locator("form#agenda-add");
    for (const [title, presenter] of [
      ["Paparan uji coba ASN", "Pokja Sanitasi Kota Kendari"],
      ["Rencana uji coba Kota Blitar", "Pokja Sanitasi Kota Blitar"],
    ]) {
      await add.getByLabel(text("id", "agenda.itemTitle"), { exact: true }).fill(title);
      await add.getByLabel(text("id", "agenda.presenter"), { exact: true }).fill(presenter);
      await add.getByRole("button", { name: text("id", "agenda.add"), exact: true }).click();
      await agenda.getByRole("listitem").filter({ hasText: title }).waitFor();
      await page.waitForLoadState("networkidle");
    }
    await agenda
      .getByRole("button", {
        name: text("id", "agenda.moveUp").replace("{{title}}", "Rencana uji coba Kota Blitar"),
      })
      .click();
    await expect
      .poll(async () => (await textsOf(agenda.locator("ol > li"))).map((t) => t.split(" · ")[0]))
      .toEqual(["Rencana uji coba Kota Blitar", "Paparan uji coba ASN"]);
    await expectNoSeriousA11yViolations(page);

    // Blitar's officer (a Pokja member with an account) taken off the invitation, then both Pokja
    // teams invited in one click: she is back, once
    const invitees = page.getByRole("region", { name: text("id", "agenda.invitees") });
    const names = () => textsOf(invitees.locator("ul.invitee-list > li"));
    const before = await names();
    expect(before.filter((n) => n.startsWith("Dewi Lestari"))).toHaveLength(1);
    await invitees
      .getByRole("button", { name: text("id", "agenda.uninvite").replace("{{name}}", "Dewi Lestari") })
      .click();
    await expect.poll(names).toHaveLength(before.length - 1);
    await page.waitForLoadState("networkidle");
    const pokja = invitees.getByRole("group", { name: text("id", "agenda.pokja") });
    expect(await pokja.getByRole("checkbox", { checked: true }).count()).toBe(2);
    await invitees.getByRole("button", { name: text("id", "agenda.invite"), exact: true }).click();
    await invitees
      .getByRole("status")
      .filter({ hasText: text("id", "agenda.invitedCount").replace("{{count}}", "1") })
      .waitFor();
    await expect.poll(names).toHaveLength(before.length);
    await page.waitForLoadState("networkidle");

    const recording = page.getByRole("region", { name: text("id", "recording.title") });
    await recording.getByText(text("id", "recording.notAvailable"), { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // the pairing page with its replication record, and the report, read with JavaScript
    await open(page, PAIRING);
    await page.getByRole("region", { name: text("id", "replication.title") }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await open(page, `${PAIRING}/laporan?from=2020-01-01&to=2020-03-31`);
    await expectNoSeriousA11yViolations(page);
  }, 120_000);
});
