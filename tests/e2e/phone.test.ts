// A phone pass (issue #24, item 2): the main pages opened on a 390 × 844 touch screen at three
// device pixels per CSS pixel, each by the person who uses it. Every page must fit the screen's
// width (no sideways scrolling of the page: a wide table scrolls inside its own box), pass axe,
// and give every control in its main content a target of at least 44 × 44 CSS pixels, except a
// link inside running text (WCAG 2.5.8's inline exception) and the map's region shapes, whose
// links the table under the map offers again (its equivalent exception). A session's agenda
// controls sit in one row. docs/decisions/0050-phone-first.md
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import {
  type PageOptions,
  expectNoSeriousA11yViolations,
  keptPage,
  newPage,
  openPage,
  signIn,
} from "./helpers";
import { text } from "./i18n";

const WIDTH = 390;
const MIN_TARGET = 44;

const FACILITATOR = "fasilitator@lintas.test";
const PARTICIPANT = "peserta@lintas.test";
const REGION_OFFICER = "kendari@lintas.test";
const HEAD_OF_REGION = "bupati.lahat@lintas.test";
const PROVINCE_VIEWER = "sultra@lintas.test";

const PROJECT = "/proyek/demo-project-sanitasi-lampung-barat";
const PAIRING = "/pasangan/demo-pairing-kendari-blitar-2020";
/** the pairing's first session, held, with four agenda items */
const SESSION = "/sesi/demo-session-kendari-blitar-1";

type PhonePage = { name: string; url: string; who?: string };

const PAGES: PhonePage[] = [
  { name: "home", url: "/" },
  { name: "catalogue", url: "/katalog" },
  { name: "a practice", url: "/katalog/layanan-lumpur-tinja-terjadwal-kota-kendari" },
  { name: "the map of regions", url: "/wilayah" },
  { name: "a region", url: "/wilayah/74.71" },
  { name: "a lesson", url: "/pelajaran/kendari-blitar-2020-sesi-1-advokasi-pilot-asn-instruksi-wali-kota" },
  { name: "the participant's dashboard", url: "/dasbor", who: PARTICIPANT },
  { name: "the facilitator's dashboard", url: "/dasbor", who: FACILITATOR },
  { name: "the project list", url: "/proyek", who: FACILITATOR },
  { name: "the project board", url: "/proyek?tampilan=papan", who: FACILITATOR },
  { name: "a project page", url: PROJECT, who: PARTICIPANT },
  { name: "a project's milestones", url: `${PROJECT}/tonggak`, who: PARTICIPANT },
  { name: "a project's indicators", url: `${PROJECT}/indikator`, who: PARTICIPANT },
  { name: "a project's timeline", url: `${PROJECT}/linimasa`, who: PARTICIPANT },
  { name: "a project's team", url: `${PROJECT}/tim`, who: PARTICIPANT },
  { name: "a project's sessions", url: `${PROJECT}/sesi`, who: PARTICIPANT },
  { name: "the pairings list", url: "/pasangan", who: FACILITATOR },
  { name: "a pairing page", url: PAIRING, who: FACILITATOR },
  { name: "a session page", url: SESSION, who: FACILITATOR },
  { name: "a session still to come", url: "/sesi/demo-session-kendari-blitar-3", who: FACILITATOR },
  { name: "the notes page", url: "/sesi/demo-session-kendari-blitar-4/catatan", who: FACILITATOR },
  { name: "the review queue", url: "/tinjauan", who: FACILITATOR },
  { name: "the notifications", url: "/notifikasi", who: FACILITATOR },
  { name: "sign-in", url: "/masuk" },
  { name: "the profile", url: "/profil", who: PARTICIPANT },
  { name: "the region officer's dashboard", url: "/dasbor", who: REGION_OFFICER },
  { name: "the head of region's dashboard", url: "/dasbor", who: HEAD_OF_REGION },
  { name: "a region's dashboard", url: "/dasbor/wilayah/74.71", who: REGION_OFFICER },
  { name: "the head of region's region dashboard", url: "/dasbor/wilayah/16.04", who: HEAD_OF_REGION },
  { name: "the province viewer's dashboard", url: "/dasbor", who: PROVINCE_VIEWER },
  { name: "a province's dashboard", url: "/dasbor/provinsi/74", who: PROVINCE_VIEWER },
  { name: "a cohort's dashboard", url: "/dasbor/angkatan/demo-cohort-pkn2-xx-2023", who: FACILITATOR },
  { name: "a session's lesson workspace", url: `${SESSION}/pelajaran`, who: FACILITATOR },
  // the default journey server has no LiveKit: the room says so (room.test.ts has the pre-join)
  { name: "a session's room", url: "/sesi/demo-session-kendari-blitar-2/ruang", who: FACILITATOR },
  { name: "a new project", url: "/proyek/baru", who: PARTICIPANT },
  { name: "a new pairing", url: "/pasangan/baru", who: FACILITATOR },
  { name: "a launch event", url: "/peluncuran/demo-launch-lahat-2023-10-10" },
  // before a poll is opened: the form (the grid and an invitee's sheet: the time-poll test below)
  { name: "a pairing's time poll", url: `${PAIRING}/pilih-waktu`, who: FACILITATOR },
];

type Measure = {
  /** the address and the level-1 heading the page shows */
  where: string;
  scrollWidth: number;
  /** elements that reach past the screen's right edge where their parent does not: where the overflow starts */
  overflowing: string[];
  /** controls in <main> smaller than the minimum, with their size */
  smallTargets: string[];
};

// A string, not a function: the page runs it as written (no helpers a bundler might add).
const MEASURE = `(() => {
  const width = ${WIDTH};
  const min = ${MIN_TARGET};
  const describe = (el) => {
    const tag = el.tagName.toLowerCase();
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const words = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "")
      .replace(/\\s+/g, " ").trim().slice(0, 40);
    return tag + id + cls + (words ? ' "' + words + '"' : "");
  };
  // inside a box that scrolls or clips sideways, an element may be wider than the screen; an
  // absolutely positioned one only inside a box from its containing block outwards
  const clippedSideways = (el) => {
    const position = getComputedStyle(el).position;
    if (position === "fixed") return false;
    let free = position === "absolute";
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      const o = style.overflowX;
      const clips = o === "auto" || o === "scroll" || o === "hidden" || o === "clip";
      if (clips && !free) return true;
      if (free && style.position !== "static") {
        free = false;
        if (clips) return true;
      }
    }
    return false;
  };
  const overflowing = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5 || clippedSideways(el)) continue;
    const p = el.parentElement && el.parentElement.getBoundingClientRect();
    if (p && p.right > width + 0.5 && el.parentElement !== document.body) continue;
    overflowing.push(describe(el) + " " + Math.round(r.left) + "→" + Math.round(r.right) + " px");
  }
  // WCAG 2.5.8's inline exception: an inline target among other words of its line or paragraph
  const inRunningText = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block) return false;
    let others = "";
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest("a, button, summary, label, select")) others += n.textContent;
    }
    return others.replace(/[\\s·|(),.:;–—-]+/g, "").length > 0;
  };
  const smallTargets = [];
  // the whole page: the header's menu, the footer's links and the offline list too
  const controls = document.body.querySelectorAll("a[href], button, input:not([type=hidden]), select, summary");
  for (const el of controls) {
    if (el.closest(".region-map")) continue; // the table under the map has the same links
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    let r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1) continue; // not shown, or visually hidden
    if (el.matches("input[type=checkbox], input[type=radio]")) {
      // the label next to a box is part of its target: a tap on it ticks the box
      let left = r.left, top = r.top, right = r.right, bottom = r.bottom;
      for (const label of el.labels || []) {
        const l = label.getBoundingClientRect();
        left = Math.min(left, l.left); top = Math.min(top, l.top);
        right = Math.max(right, l.right); bottom = Math.max(bottom, l.bottom);
      }
      r = { width: right - left, height: bottom - top };
    }
    if (r.width >= min - 0.5 && r.height >= min - 0.5) continue;
    if (el.matches("a") && inRunningText(el)) continue;
    smallTargets.push(describe(el) + " " + Math.round(r.width) + "×" + Math.round(r.height));
  }
  const heading = document.querySelector("h1");
  return {
    where: location.pathname + location.search + ' "' + (heading ? heading.textContent.trim().slice(0, 40) : "") + '"',
    scrollWidth: document.documentElement.scrollWidth, overflowing, smallTargets };
})()`;

async function measure(page: Page): Promise<Measure> {
  return (await page.evaluate(MEASURE)) as Measure;
}

const PHONE: PageOptions = { viewport: { width: WIDTH, height: 844 }, phone: { deviceScaleFactor: 3 } };
/** the people signed in on their phone in this file */
const signedIn = new Set<string>();

/**
 * The phone of `who` (a visitor's without): each person's browser stays open through the file and
 * they sign in once, then go from page to page (keptPage).
 */
async function phonePage(who?: string): Promise<Page> {
  const page = await keptPage(`phone of ${who ?? "a visitor"}`, PHONE);
  if (who && !signedIn.has(who)) {
    // through the form's post, as the browser sends it (tests/e2e/sign-in journeys cover the form)
    const response = await page.request.post("/masuk", {
      form: { email: who, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status(), `signing in as ${who}`).toBeGreaterThanOrEqual(300);
    expect(response.status(), `signing in as ${who}`).toBeLessThan(400);
    signedIn.add(who);
  }
  return page;
}

async function openOnPhone({ url, who }: PhonePage): Promise<Page> {
  const page = await phonePage(who);
  const response = await openPage(page, url);
  expect(response?.status(), url).toBe(200);
  return page;
}

/** Fails, naming each problem, when the page as it is scrolls sideways or has small targets. */
async function expectFitsPhone(page: Page, name: string): Promise<void> {
  const { where, scrollWidth, overflowing, smallTargets } = await measure(page);
  const problems: string[] = [];
  if (scrollWidth > WIDTH) {
    problems.push(
      `the page is ${scrollWidth} px wide; it spills over from:\n    ${overflowing.slice(0, 8).join("\n    ")}`,
    );
  }
  if (smallTargets.length > 0) {
    problems.push(
      `${smallTargets.length} target(s) under ${MIN_TARGET}×${MIN_TARGET} px:\n    ${smallTargets.slice(0, 12).join("\n    ")}`,
    );
  }
  expect(problems, `${name} (${where}) on a phone:\n  ${problems.join("\n  ")}`).toEqual([]);
  await expectNoSeriousA11yViolations(page);
}

describe("on a phone (390 × 844, touch)", () => {
  test.each(PAGES)("$name ($url) fits the screen, with targets big enough", async (phonePage) => {
    await expectFitsPhone(await openOnPhone(phonePage), phonePage.name);
  });

  test("a time poll: the facilitator's form and grid, and an invitee's personal link", async () => {
    // a pairing of its own, with one person who has no account, so the poll asks them by email
    // and the demo pairing keeps no open poll (time-poll.test.ts opens one there)
    const facilitator = await phonePage(FACILITATOR);
    const created = await facilitator.request.post("/pasangan/baru", {
      form: {
        intent: "create",
        mentorRegionCode: "81.71",
        menteeRegionCode: "82.71",
        topic: "Uji ponsel: jadwal bersama",
        method: "PRIVATE_TELECONFERENCE",
      },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(302);
    const pairing = created.headers().location!;
    expect(pairing).toMatch(/^\/pasangan\/(?!baru)[\w-]+$/);
    const added = await facilitator.request.post(pairing, {
      form: { intent: "participant", side: "MENTEE", name: "Tamu Ponsel", agency: "Bappeda" },
    });
    expect(added.status()).toBeLessThan(400);

    const poll = `${pairing}/pilih-waktu`;
    expect((await openPage(facilitator, poll))?.status()).toBe(200);
    await expectFitsPhone(facilitator, "a time poll with a guest to ask");
    const form = facilitator.locator("form#open-poll");
    await form.getByLabel(text("id", "sessions.seriesTitle"), { exact: true }).fill("Uji ponsel");
    for (const [number, when] of [
      ["1", "2030-02-05T09:00"],
      ["2", "2030-02-06T14:00"],
    ])
      await form
        .getByLabel(text("id", "timePoll.slotLabel").replace("{{number}}", number), { exact: true })
        .fill(when);
    const guest = "tamu.ponsel@contoh.test";
    await form.locator("input[type=email]").fill(guest);
    await form.getByRole("button", { name: text("id", "timePoll.open"), exact: true }).click();
    await facilitator.getByRole("heading", { name: /Uji ponsel/ }).waitFor();
    await facilitator.waitForLoadState("networkidle");
    await expectFitsPhone(facilitator, "a time poll's grid");

    // the guest's personal link, from the email in the outbox
    const admin = await newPage();
    await signIn(admin, "admin@lintas.test", { redirectTo: "/admin/outbox" });
    const body = await admin
      .locator("article")
      .filter({ hasText: guest })
      .locator("pre")
      .first()
      .textContent();
    const link = body?.match(/\/pilih-waktu\/[\w-]+/)?.[0];
    expect(link, "the guest's email has a personal link").toBeDefined();
    await expectFitsPhone(await openOnPhone({ name: "an invitee's poll", url: link! }), "an invitee's poll");
  });

  test("a session's agenda controls sit in one row", async () => {
    const page = await openOnPhone({ name: "a session page", url: SESSION, who: FACILITATOR });
    const items = page.locator(".agenda-list > li");
    const count = await items.count();
    expect(count, "the demo session has agenda items").toBeGreaterThan(1);
    for (let index = 0; index < count; index++) {
      const buttons = items.nth(index).getByRole("button");
      const tops = new Set<number>();
      for (const box of await Promise.all((await buttons.all()).map((button) => button.boundingBox()))) {
        if (box) tops.add(Math.round(box.y));
      }
      expect(tops.size, `agenda item ${index + 1}: its buttons stand in ${tops.size} rows`).toBe(1);
    }
  });
});
