// Issue #22, "What it must show", in Chromium on the demo Kendari → Blitar pairing:
// - the facilitator records a past session (Sesi 2, 3 February 2020, held on Zoom) as held, by
//   hand, with who attended, after a refused first try (not held without a reason);
// - Blitar's officer submits a lesson for review: the facilitator is notified, finds it in the
//   review queue (/tinjauan) and sends it back, and the author is told why.
// Session 2 is the one no other journey on the default server touches (room.test.ts opens it on a
// server of its own); the January report of pairing-record.test.ts does not include it.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
const PAIRING = "/pasangan/demo-pairing-kendari-blitar-2020";
const SESSION_ID = "demo-session-kendari-blitar-2";
const SESSION_TITLE = "Sesi 2: Advokasi dan komitmen kepala daerah";
const FACILITATOR = { email: "fasilitator@lintas.test", name: "Rina Wulandari" };
const BLITAR = { email: "blitar@lintas.test", name: "Dewi Lestari" };
const KENDARI = { email: "kendari@lintas.test", name: "Andi Saputra" };

/** Clicks a submit button and waits for the POST and the page that follows; the POST's status. */
async function submit(page: Page, button: Locator) {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await button.click();
  const status = (await response).status();
  await page.waitForLoadState("networkidle");
  return status;
}

async function texts(locator: Locator) {
  return (await locator.allTextContents()).map((s) => s.replace(/\s+/g, " ").trim());
}

describe("a past session recorded by hand", () => {
  test("the facilitator records Sesi 2 as held on Zoom, with who attended, from the pairing's list", async () => {
    const page = await newPage();
    await signIn(page, FACILITATOR.email, { redirectTo: PAIRING });

    // the pairing lists the past session still "Terjadwal" as waiting for a record
    const needing = page.getByRole("list", { name: t("sessionRecord.needingHeading") });
    const recordLink = needing.getByRole("link", {
      name: t("sessionRecord.recordLink").replace("{{title}}", SESSION_TITLE),
      exact: true,
    });
    await recordLink.waitFor();
    await expectNoSeriousA11yViolations(page);
    await recordLink.click();
    await page.waitForURL((url) => url.pathname === `/sesi/${SESSION_ID}`);
    await page.waitForLoadState("networkidle");
    const form = page.getByRole("region", { name: t("sessionRecord.title") });
    await form.waitFor();
    expect(await page.locator("p.session-clock .badge").first().textContent()).toBe(
      t("sessions.status.SCHEDULED"),
    );
    await expectNoSeriousA11yViolations(page);

    // "not held" without a reason: refused next to the reason, the guest typed is kept, nothing saved
    const outcome = (key: string) =>
      form.getByRole("radio", { name: t(`sessionRecord.outcomes.${key}`), exact: true });
    const guests = form.getByLabel(t("sessionRecord.guests"), { exact: true });
    await outcome("NOT_HELD").check();
    await guests.fill("Ibu Sari (Bappenas)");
    await form.getByRole("button", { name: t("sessionRecord.save"), exact: true }).click();
    await form.getByText(t("sessionRecord.errors.reasonRequired"), { exact: true }).waitFor();
    expect(
      await form.getByLabel(t("sessionRecord.reason"), { exact: true }).getAttribute("aria-invalid"),
    ).toBe("true");
    expect(await guests.inputValue()).toBe("Ibu Sari (Bappenas)");
    expect(await page.locator("p.session-clock .badge").first().textContent()).toBe(
      t("sessions.status.SCHEDULED"),
    );

    // held: both officers ticked from the invitees, a guest by name
    await outcome("HELD").check();
    for (const person of [BLITAR, KENDARI])
      await form.getByRole("checkbox", { name: new RegExp(`^${person.name}`) }).check();
    expect(await submit(page, form.getByRole("button", { name: t("sessionRecord.save"), exact: true }))).toBe(
      200,
    );

    // the session says held, who recorded it, and who attended with the source beside each
    await expect
      .poll(() => page.locator("p.session-clock .badge").first().textContent())
      .toBe(t("sessions.status.HELD"));
    expect(await page.locator("p.session-clock .muted").textContent()).toContain(
      t("sessionRecord.recordedBy").split("{{time}}")[0].replace("{{name}}", FACILITATOR.name),
    );
    const attendance = page.getByRole("region", { name: t("sessions.attendance") });
    const manualBy = t("sessionRecord.sourceManualBy").replace("{{name}}", FACILITATOR.name);
    const rows = await Promise.all(
      (await attendance.locator("tbody tr").all()).map(async (row) => {
        const cells = await texts(row.getByRole("cell"));
        return [cells[0], cells[cells.length - 1]];
      }),
    );
    expect(rows.sort()).toEqual(
      [
        [KENDARI.name, manualBy],
        [BLITAR.name, manualBy],
        ["Ibu Sari (Bappenas)", manualBy],
      ].sort(),
    );
    await expectNoSeriousA11yViolations(page);

    // back on the pairing: no longer waiting for a record, listed among the past sessions as held
    await openPage(page, PAIRING);
    await page.getByRole("heading", { name: t("pairings.pastSessions") }).waitFor();
    expect(await recordLink.count()).toBe(0);
    const sessions = page.getByRole("region", { name: t("pairings.sessions") });
    const line = sessions.getByRole("listitem").filter({ hasText: SESSION_TITLE }).last();
    expect(await line.textContent()).toContain(t("sessions.status.HELD"));
  });
});

describe("a lesson that reaches review", () => {
  test("Blitar's officer submits a lesson; the facilitator is notified, finds it in /tinjauan and sends it back", async () => {
    const title = "Advokasi L2T2 kepada Wali Kota Blitar";
    const reason = "Tambahkan data rumah tangga ASN Blitar di bagian konteks.";

    // Blitar's officer drafts the lesson of session 2 and submits it for review
    const blitar = await newPage();
    await signIn(blitar, BLITAR.email, { redirectTo: `/sesi/${SESSION_ID}/pelajaran` });
    await blitar.getByLabel(t("lessonTemplate.fields.title"), { exact: true }).fill(title);
    await blitar
      .getByLabel(t("lessonTemplate.fields.summary"), { exact: true })
      .fill("Bahan advokasi disiapkan Pokja sebelum meminta keputusan wali kota.");
    await submit(blitar, blitar.getByRole("button", { name: t("lessonTemplate.save"), exact: true }));
    await blitar.waitForURL(/selesai=save$/);
    await submit(
      blitar,
      blitar.getByRole("button", { name: t("lessonReview.submitForReview"), exact: true }),
    );
    await blitar.waitForURL(/selesai=review$/);
    await blitar.getByText(t("lessonReview.done.review"), { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(blitar);

    // the facilitator is told in the app, and the notice leads to the lesson under review
    const facilitator = await newPage();
    await signIn(facilitator, FACILITATOR.email, { redirectTo: "/notifikasi" });
    const notice = t("reviewQueue.notice.requested")
      .replace("{{title}}", title)
      .replace("{{regions}}", "Kota Kendari → Kota Blitar");
    const noticeLink = facilitator.getByRole("link", { name: notice, exact: true });
    await noticeLink.waitFor();
    expect(await noticeLink.count()).toBe(1);
    await expectNoSeriousA11yViolations(facilitator);
    await noticeLink.click();
    await facilitator.waitForURL((url) => url.pathname === `/sesi/${SESSION_ID}/pelajaran`);
    await facilitator.waitForLoadState("networkidle");
    await facilitator.getByText(t("lessonReview.status.IN_REVIEW"), { exact: true }).first().waitFor();

    // the review queue, from the header: the lesson with its pairing, author and waiting time
    await facilitator
      .getByRole("navigation", { name: t("nav.label") })
      .getByRole("link", { name: t("nav.review"), exact: true })
      .click();
    await facilitator.waitForURL((url) => url.pathname === "/tinjauan");
    await facilitator.waitForLoadState("networkidle");
    await facilitator.getByRole("heading", { level: 1, name: t("reviewQueue.title") }).waitFor();
    const card = facilitator.locator(".review-queue > li").filter({ hasText: title });
    expect(await card.count()).toBe(1);
    const cardText = (await card.textContent())?.replace(/\s+/g, " ") ?? "";
    expect(cardText).toContain("Kota Kendari → Kota Blitar");
    expect(cardText).toContain(`${t("reviewQueue.session").split(":")[0]}: ${SESSION_TITLE}`);
    expect(cardText).toContain(t("reviewQueue.author").replace("{{name}}", BLITAR.name));
    expect(cardText).toContain(t("reviewQueue.waitingToday"));
    const review = card.getByRole("link", { name: `${t("reviewQueue.review")}: ${title}`, exact: true });
    expect(await review.getAttribute("href")).toBe(`/sesi/${SESSION_ID}/pelajaran`);
    await expectNoSeriousA11yViolations(facilitator);

    // she sends it back with a reason; it leaves the queue and the author is told why
    await review.click();
    await facilitator.waitForURL((url) => url.pathname === `/sesi/${SESSION_ID}/pelajaran`);
    await facilitator.waitForLoadState("networkidle");
    await facilitator.getByText(t("lessonReview.sendBack"), { exact: true }).click();
    await facilitator.getByLabel(t("lessonReview.sendBackReason"), { exact: true }).fill(reason);
    await submit(
      facilitator,
      facilitator.getByRole("button", { name: t("lessonReview.sendBackConfirm"), exact: true }),
    );
    await facilitator.getByText(t("lessonReview.done.sendBack"), { exact: true }).waitFor();
    await openPage(facilitator, "/tinjauan");
    expect(await facilitator.locator(".review-queue > li").filter({ hasText: title }).count()).toBe(0);

    await openPage(blitar, "/notifikasi");
    const back = t("reviewQueue.notice.sent-back-reason")
      .replace("{{title}}", title)
      .replace("{{reason}}", reason);
    await blitar.getByRole("link", { name: back, exact: true }).waitFor();
    expect(await blitar.getByRole("link", { name: back, exact: true }).count()).toBe(1);
  });
});
