// Issue #22 item 7, in Chromium: the facilitator opens a time poll for the Kendari → Blitar demo
// pairing; Blitar's officer answers on WIB clocks (in a browser without JavaScript) and Kendari's
// officer on WITA clocks, each seeing the other side's clock beside theirs; the facilitator sees
// the counts and picks a slot; both officers then have the invitation in the app and by email
// (the outbox), each in their own local time, the calendar file on the right instant.
import ICAL from "ical.js";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, reloadPage, signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
const PAIRING = "/pasangan/demo-pairing-kendari-blitar-2020";
const POLL = `${PAIRING}/pilih-waktu`;
const TITLE = "Sesi lanjutan L2T2 2027";

/** Submits a form by its button and waits for the page (or the fetch) to settle; the POST's status. */
async function submit(page: Page, button: Locator) {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await button.click();
  const status = (await response).status();
  await page.waitForLoadState("networkidle");
  return status;
}

async function answer(page: Page, choices: [RegExp, string][]) {
  for (const [slot, choice] of choices)
    await page
      .getByRole("group", { name: slot })
      .getByLabel(t(`timePoll.choice.${choice}`), { exact: true })
      .check();
  expect(await submit(page, page.getByRole("button", { name: t("timePoll.send"), exact: true }))).toBe(200);
  await page.getByText(t("timePoll.saved"), { exact: true }).waitFor();
}

describe("a time everyone can make", () => {
  test("poll, answers in WIB and WITA, the pick, and invitations in each local time", async () => {
    const facilitator = await newPage();
    await signIn(facilitator, "fasilitator@lintas.test", { redirectTo: POLL });
    const form = facilitator.locator("form#open-poll");
    // a bad form first: one slot is not a choice (400, next to the slots, the title kept)
    await form.getByLabel(t("sessions.seriesTitle"), { exact: true }).fill(TITLE);
    await form.getByLabel(t("timePoll.zoneEntered"), { exact: true }).selectOption("Asia/Makassar");
    await form
      .getByLabel(t("timePoll.slotLabel").replace("{{number}}", "1"), { exact: true })
      .fill("2027-02-02T09:00");
    await form.getByRole("button", { name: t("timePoll.open"), exact: true }).click();
    await form.getByText(t("timePoll.errors.twoSlots"), { exact: true }).waitFor();
    expect(await form.getByLabel(t("sessions.seriesTitle"), { exact: true }).inputValue()).toBe(TITLE);
    // Tuesday 09.00 WITA and Wednesday 14.00 WITA
    await form
      .getByLabel(t("timePoll.slotLabel").replace("{{number}}", "2"), { exact: true })
      .fill("2027-02-03T14:00");
    await submit(facilitator, form.getByRole("button", { name: t("timePoll.open"), exact: true }));
    await facilitator
      .getByRole("heading", { name: t("timePoll.gridHeading").replace("{{title}}", TITLE) })
      .waitFor();
    // the poll shared in the pairing's WhatsApp group: its title and the poll page
    const share = facilitator.getByRole("link", { name: t("whatsapp.share"), exact: true });
    const message = new URL((await share.getAttribute("href"))!).searchParams.get("text") ?? "";
    expect(message.split("\n")[0]).toBe(`*${TITLE}*`);
    expect(message).toContain(t("whatsapp.pollIntroGroup"));
    expect(message).toMatch(new RegExp(`${t("whatsapp.poll")}: https?://\\S+${POLL}$`));
    await expectNoSeriousA11yViolations(facilitator);

    // Blitar, without JavaScript, from the notification: the slots on WIB clocks, WITA beside them
    const blitar = await newPage({ javaScriptEnabled: false });
    await signIn(blitar, "blitar@lintas.test", { redirectTo: "/notifikasi" });
    await blitar
      .getByRole("link", { name: t("timePoll.openedNotification").replace("{{title}}", TITLE) })
      .first()
      .click();
    await blitar.waitForURL((url) => url.pathname === POLL);
    const blitarFirst = /^Selasa, 2 Februari 2027 08\.00 WIB · 09\.00 WITA/;
    const blitarSecond = /^Rabu, 3 Februari 2027 13\.00 WIB · 14\.00 WITA/;
    await blitar.getByRole("group", { name: blitarFirst }).waitFor();
    await answer(blitar, [
      [blitarFirst, "YES"],
      [blitarSecond, "NO"],
    ]);

    // Kendari, with JavaScript: the same slots on WITA clocks, WIB beside them
    const kendari = await newPage();
    await signIn(kendari, "kendari@lintas.test", { redirectTo: POLL });
    const kendariFirst = /^Selasa, 2 Februari 2027 09\.00 WITA · 08\.00 WIB/;
    const kendariSecond = /^Rabu, 3 Februari 2027 14\.00 WITA · 13\.00 WIB/;
    await answer(kendari, [
      [kendariFirst, "YES"],
      [kendariSecond, "IF_NEED_BE"],
    ]);
    await expectNoSeriousA11yViolations(kendari);

    // the facilitator's grid counts both answers; she picks Tuesday
    await reloadPage(facilitator);
    const tuesday = facilitator.getByRole("row", { name: /2 Februari 2027/ });
    await tuesday.getByText("Ya 2 · Jika perlu 0 · Tidak 0").waitFor();
    await facilitator
      .getByRole("row", { name: /3 Februari 2027/ })
      .getByText("Ya 0 · Jika perlu 1 · Tidak 1")
      .waitFor();
    await submit(facilitator, tuesday.getByRole("button", { name: t("timePoll.pickThis"), exact: true }));
    await facilitator.getByText(t("timePoll.decided")).waitFor();

    // both officers are invited, each on their own clock
    for (const [page, when] of [
      [blitar, "Selasa, 2 Februari 2027 08.00 WIB"],
      [kendari, "Selasa, 2 Februari 2027 09.00 WITA"],
    ] as const) {
      await openPage(page, "/notifikasi");
      const invited = t("sessionChange.invitedNotification")
        .replace("{{title}}", TITLE)
        .replace("{{when}}", when);
      await page.getByText(invited).first().waitFor();
    }

    // and by email: each officer's invitation in the outbox, on their own clock, with the
    // calendar file (an iTIP REQUEST) attached (tests/integration/session-invitations.test.ts
    // checks that file's ORGANIZER and ATTENDEEs)
    const admin = await newPage();
    await signIn(admin, "admin@lintas.test", { redirectTo: "/admin/outbox" });
    await admin.getByRole("heading", { level: 1, name: text("id", "admin.outbox") }).waitFor();
    const sessionLinks = new Set<string>();
    for (const [email, when, other] of [
      ["blitar@lintas.test", "Selasa, 2 Februari 2027 08.00 WIB", "WITA"],
      ["kendari@lintas.test", "Selasa, 2 Februari 2027 09.00 WITA", "WIB"],
    ] as const) {
      const mail = admin
        .locator("article")
        .filter({ hasText: `${text("id", "admin.to")}: ${email}` })
        .filter({
          has: admin.getByRole("heading", {
            name: t("sessionChange.invitedSubject").replace("{{title}}", TITLE),
            exact: true,
          }),
        });
      expect(await mail.count(), email).toBe(1);
      const body = (await mail.locator("pre").textContent()) ?? "";
      expect(body).toContain(`"${TITLE}" pada ${when}.`);
      expect(body).not.toContain(other);
      expect(await mail.locator(".badge").textContent()).toBe(t("admin.outboxCalendar.REQUEST"));
      sessionLinks.add(new URL(body.match(/https?:\/\/\S+\/sesi\/[\w-]+/)![0]).pathname);
    }
    // one session for both, whose calendar file starts at 01.00 UTC and names the facilitator
    expect(sessionLinks.size).toBe(1);
    const [sessionPath] = sessionLinks;
    const file = await blitar.request.get(`${sessionPath}/kalender.ics`);
    expect(file.status()).toBe(200);
    const vevent = new ICAL.Component(ICAL.parse(await file.text())).getFirstSubcomponent("vevent")!;
    expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe("2027-02-02T01:00:00.000Z");
    expect(vevent.getFirstProperty("organizer")?.getParameter("cn")).toBe("Rina Wulandari");
    // the poll is closed to further answers
    await openPage(blitar, POLL);
    await blitar.getByText(t("timePoll.closed")).waitFor();
  });
});
