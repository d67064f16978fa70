// A change project from idea to launch, as its people do it in Chromium: the participant
// (project leader) creates it, names the coach, forms the team, schedules a team meeting, sets
// milestones in the three horizons and an indicator with a measurement, and proposes it; the
// coach approves a milestone and the project; the participant starts the pilot; the launch is
// recorded with its event; the timeline shows every step, and the launched project has a public
// page.
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import id from "../../app/i18n/id.json";
import { expectNoSeriousA11yViolations, newPage, openPage, reloadPage, signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
/** Activity names are flat keys with dots ("project.created") inside the activity section. */
const activity = (action: keyof typeof id.activity) => id.activity[action];

const PARTICIPANT = { email: "peserta@lintas.test", name: "Hendra Gunawan" };
const COACH = { email: "coach@lintas.test", name: "Dr. Siti Rahmawati" };
// No demo account is Lampung Barat's head of region: the admin records the Bupati's launch.
const LAUNCHER = { email: "admin@lintas.test", name: "Admin Lintas" };

const PROJECT = {
  title: "Gerakan Lampung Barat Bebas Buang Air Besar Sembarangan lewat Layanan Sedot Tinja Terjadwal",
  acronym: "SALAM TINJA",
  organisation: "Dinas PUPR Kabupaten Lampung Barat",
  sector: "Sanitasi",
  problem:
    "Akses sanitasi aman baru 1,22 % (2023): tangki septik tidak pernah disedot dan IPLT Bahway belum beroperasi.",
  evidence: "Capaian SPM bidang PUPR 2023: sanitasi layak 95,46 %, sanitasi aman 1,22 %.",
  objectives: "Layanan sedot tinja terjadwal bagi rumah tangga di Kecamatan Balik Bukit.",
  benefits: "Lumpur tinja diolah, air tanah lebih bersih, stunting berkurang.",
  locus: "Kecamatan Balik Bukit, Kabupaten Lampung Barat",
};
const MEMBER = { name: "Rahmat Hidayat", role: "Kepala Seksi Air Limbah" };
const MILESTONES = [
  { horizon: "SHORT", title: "Pendataan rumah tangga sasaran di Balik Bukit", dueInDays: 30 },
  { horizon: "MEDIUM", title: "Uji coba penyedotan terjadwal di dua kelurahan", dueInDays: 180 },
  { horizon: "LONG", title: "Peraturan bupati tentang layanan lumpur tinja terjadwal", dueInDays: 400 },
] as const;
const INDICATOR = {
  name: "Rumah tangga dengan akses sanitasi aman",
  unit: "%",
  baseline: "1,22",
  baselineYear: "2023",
  target: "10",
  targetYear: "2026",
};
const MEASUREMENT = { value: "3,5", shown: "3,5 %", period: "Semester I 2024", source: "Dinas PUPR" };
const LAUNCH = { place: "Gedung Sekretariat Daerah, Liwa", by: "Bupati Lampung Barat" };

/** yyyy-mm-dd, `days` from today */
function isoDay(days = 0) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function expectVisible(locator: Locator) {
  await locator.waitFor({ state: "visible", timeout: 10_000 });
}

async function expectHeading(page: Page, heading: string) {
  await expect
    .poll(async () => (await page.getByRole("heading", { level: 1 }).textContent())?.trim())
    .toBe(heading);
}

/** The current step of the launch path on the overview (text and aria-current, not colour). */
async function expectStatus(page: Page, status: string) {
  const steps = page.getByRole("list", { name: t("projects.statusPath") });
  await expect
    .poll(async () => (await steps.locator('[aria-current="step"]').textContent())?.trim())
    .toBe(t(`projects.status.${status}`));
}

function label(page: Page | Locator, key: string) {
  return page.getByLabel(t(key), { exact: true });
}

let projectPath = "";

async function openProject(page: Page, tab?: "team" | "milestones" | "indicators" | "timeline") {
  await openPage(page, projectPath);
  if (!tab) return;
  const tabs = page.getByRole("navigation", { name: t("projects.tabs") });
  await tabs.getByRole("link", { name: t(`projects.tab.${tab}`), exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith(`${projectPath}/`));
  await page.waitForLoadState("networkidle");
}

// The steps run in order on one project (projectPath): run the file, not a single test.
describe("a participant's change project, from idea to launch", () => {
  test("the new-project form keeps what was typed and names the empty required field", async () => {
    const page = await newPage();
    // the sign-in form and the dashboard it leads to are checked here once for the whole journey
    await openPage(page, "/masuk");
    await expectNoSeriousA11yViolations(page);
    await signIn(page, PARTICIPANT.email);
    await expectNoSeriousA11yViolations(page);
    await openPage(page, "/proyek/baru");
    await expectHeading(page, t("projects.newTitle"));
    await label(page, "projects.fields.acronym").fill(PROJECT.acronym);
    await label(page, "projects.fields.problem").fill(PROJECT.problem);
    await page.getByRole("button", { name: t("projects.create") }).click();

    const title = label(page, "projects.fields.title");
    await expect.poll(() => title.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await title.getAttribute("aria-describedby"))?.split(" ").find((id) => /error/.test(id));
    expect(errorId).toBeDefined();
    const message = page.locator(`[id="${errorId}"]`);
    await expectVisible(message);
    expect((await message.textContent())?.trim()).toBe(t("errors.required"));
    // right under the field, inside the same field group
    expect(await title.locator("xpath=..").locator(`[id="${errorId}"]`).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/proyek/baru");
    expect(await label(page, "projects.fields.acronym").inputValue()).toBe(PROJECT.acronym);
    expect(await label(page, "projects.fields.problem").inputValue()).toBe(PROJECT.problem);
    await expectNoSeriousA11yViolations(page);

    // the message goes as soon as the field is filled, not only when it loses the focus
    await title.fill(PROJECT.title);
    await expect.poll(() => message.count()).toBe(0);
    expect(await title.getAttribute("aria-invalid")).toBeNull();
  });

  test("without JavaScript the server answers the same way, keeping the input", async () => {
    // the server's answer to the invalid form is a 400 page, which Chromium logs
    const page = await newPage({ javaScriptEnabled: false, expectedConsoleErrors: [/status of 400/] });
    await signIn(page, PARTICIPANT.email);
    await page.goto("/proyek/baru");
    await label(page, "projects.fields.acronym").fill(PROJECT.acronym);
    await label(page, "projects.fields.locus").fill(PROJECT.locus);
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: t("projects.create") }).click();
    expect((await response).status()).toBe(400);
    await page.waitForLoadState();

    const title = label(page, "projects.fields.title");
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    const field = title.locator("xpath=..");
    expect((await field.getByRole("alert").textContent())?.trim()).toBe(t("errors.required"));
    expect(await label(page, "projects.fields.acronym").inputValue()).toBe(PROJECT.acronym);
    expect(await label(page, "projects.fields.locus").inputValue()).toBe(PROJECT.locus);
    expect(await page.getByText(PROJECT.title).count()).toBe(0);
  });

  test("the participant creates the project and names the coach", async () => {
    // refused moves and unknown coaches are answered with 400, which Chromium logs
    const page = await newPage({ expectedConsoleErrors: [/status of 400/] });
    await signIn(page, PARTICIPANT.email);
    await openPage(page, "/proyek");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: t("projects.new"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/proyek/baru");
    await page.waitForLoadState("networkidle");
    await expectNoSeriousA11yViolations(page);

    await label(page, "projects.fields.title").fill(PROJECT.title);
    await label(page, "projects.fields.acronym").fill(PROJECT.acronym);
    await label(page, "projects.fields.kind").selectOption({
      label: t("projects.kind.TRAINING_CHANGE_PROJECT"),
    });
    // the region picker: a text field with a list of suggestions; the code is enough
    const region = label(page, "projects.fields.region");
    expect(await region.getAttribute("list")).toBeTruthy();
    await region.fill("18.04");
    await label(page, "projects.fields.organisation").fill(PROJECT.organisation);
    await label(page, "projects.fields.sector").fill(PROJECT.sector);
    await label(page, "projects.fields.spmField").selectOption({ label: t("spm.PUBLIC_WORKS") });
    await label(page, "projects.fields.problem").fill(PROJECT.problem);
    await label(page, "projects.fields.evidence").fill(PROJECT.evidence);
    await label(page, "projects.fields.objectives").fill(PROJECT.objectives);
    await label(page, "projects.fields.benefits").fill(PROJECT.benefits);
    await label(page, "projects.fields.locus").fill(PROJECT.locus);
    await label(page, "projects.fields.startDate").fill(isoDay());
    await label(page, "projects.fields.endDate").fill(isoDay(500));
    await page.getByRole("button", { name: t("projects.create") }).click();

    await page.waitForURL(/\/proyek\/(?!baru)[^/]+$/);
    await page.waitForLoadState("networkidle");
    projectPath = new URL(page.url()).pathname;
    await expectHeading(page, `${PROJECT.acronym}: ${PROJECT.title}`);
    expect(await page.locator("main").textContent()).toContain(`${PROJECT.organisation}, `);
    expect(await page.locator("main").textContent()).toContain("Lampung Barat");
    await expectStatus(page, "DRAFT");
    const about = page.getByRole("region", { name: t("projects.about") });
    expect(await about.textContent()).toContain(PROJECT.problem);
    await expectNoSeriousA11yViolations(page);

    // a guarded move is refused with what is missing
    await page.getByRole("button", { name: t("status.moveTo.PROPOSED"), exact: true }).click();
    const refusal = page.getByRole("alert").filter({ hasText: t("status.cannotMove") });
    await expectVisible(refusal);
    expect(await refusal.textContent()).toContain(t("status.missing.milestone"));
    await expectStatus(page, "DRAFT");
    await expectNoSeriousA11yViolations(page);

    // the coach is named by the email of their account
    await page.getByText(t("projects.edit"), { exact: true }).click();
    const edit = page.locator("form").filter({ has: label(page, "projects.fields.coachEmail") });
    await label(edit, "projects.fields.coachEmail").fill("bukan.coach@lintas.test");
    await edit.getByRole("button", { name: t("common.save") }).click();
    const unknown = edit.getByRole("alert").filter({ hasText: t("errors.coachUnknown") });
    await expectVisible(unknown);
    expect(await label(edit, "projects.fields.coachEmail").inputValue()).toBe("bukan.coach@lintas.test");
    await label(edit, "projects.fields.coachEmail").fill(COACH.email);
    await edit.getByRole("button", { name: t("common.save") }).click();
    await expect
      .poll(async () => (await about.getByRole("definition").allTextContents()).includes(COACH.name))
      .toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant forms the team", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openProject(page, "team");
    const team = page.getByRole("region", { name: t("projects.team") });
    // the leader is on the team from the start
    await expectVisible(team.getByRole("cell", { name: PARTICIPANT.name, exact: true }));
    await expectNoSeriousA11yViolations(page);

    await label(team, "auth.fullName").fill(MEMBER.name);
    await label(team, "projects.roleInTeam").fill(MEMBER.role);
    await team.getByRole("button", { name: t("projects.addMember") }).click();
    const row = team.getByRole("row").filter({ hasText: MEMBER.name });
    await expectVisible(row);
    expect(await row.getByRole("cell").allTextContents()).toEqual([MEMBER.name, MEMBER.role]);
    // the form is empty again for the next person
    expect(await label(team, "auth.fullName").inputValue()).toBe("");
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant schedules a team meeting from the project's Sessions tab", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openPage(page, `${projectPath}/sesi`);
    await page.getByRole("link", { name: t("hostedSessions.schedule"), exact: true }).click();
    await page.waitForURL(`**${projectPath}/sesi-baru`);
    await expectHeading(page, t("hostedSessions.newForProject"));
    await label(page, "sessions.seriesTitle").fill("Rapat tim SALAM TINJA");
    await label(page, "sessions.firstSession").fill(`${isoDay(7)}T09:00`);
    await label(page, "sessions.count").fill("1");
    await page.getByRole("button", { name: t("sessions.preview"), exact: true }).click();
    await page.waitForURL(/[?&]firstLocal=/);
    await page.waitForLoadState("networkidle");
    // the project's people with accounts are ticked: here the coach
    const invitees = page.getByRole("group", { name: t("hostedSessions.invitees") });
    await expectVisible(invitees.getByRole("checkbox", { name: new RegExp(COACH.name), checked: true }));
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: t("sessions.createSeries"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `${projectPath}/sesi`);
    await expectVisible(page.getByRole("link", { name: "Rapat tim SALAM TINJA", exact: true }));
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant sets milestones in the short, medium and long term", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openProject(page, "milestones");
    await expectNoSeriousA11yViolations(page);
    const form = page.getByRole("region", { name: t("projects.addMilestone") });
    for (const milestone of MILESTONES) {
      await label(form, "projects.milestoneTitle").fill(milestone.title);
      await label(form, "projects.horizonLabel").selectOption({
        label: t(`projects.horizon.${milestone.horizon}`),
      });
      await label(form, "projects.dueDate").fill(isoDay(milestone.dueInDays));
      await form.getByRole("button", { name: t("projects.addMilestone") }).click();
      const horizon = page.getByRole("region", { name: t(`projects.horizon.${milestone.horizon}`) });
      await expectVisible(horizon.getByRole("heading", { name: milestone.title }));
      await expect.poll(() => label(form, "projects.milestoneTitle").inputValue()).toBe("");
    }
    for (const milestone of MILESTONES) {
      const card = page
        .getByRole("region", { name: t(`projects.horizon.${milestone.horizon}`) })
        .getByRole("listitem")
        .filter({ hasText: milestone.title });
      expect(await card.textContent()).toContain(t("projects.workStatus.NOT_STARTED"));
      expect(await card.textContent()).toContain(t("projects.notApproved"));
    }
    // the short-term milestone gets under way: only then is there something for the coach to approve
    const first = page
      .getByRole("region", { name: t("projects.horizon.SHORT") })
      .getByRole("listitem")
      .filter({ hasText: MILESTONES[0].title });
    await first.getByLabel(t("admin.status"), { exact: true }).selectOption("IN_PROGRESS");
    const saved = page.waitForResponse((r) => r.request().method() === "POST");
    await first.getByRole("button", { name: t("common.save"), exact: true }).click();
    expect((await saved).status()).toBe(200);
    await reloadPage(page);
    expect(await first.getByLabel(t("admin.status"), { exact: true }).inputValue()).toBe("IN_PROGRESS");
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant adds an indicator and records a measurement", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openProject(page, "indicators");
    await expectVisible(page.getByText(t("indicators.none"), { exact: true }));
    await expectNoSeriousA11yViolations(page);

    const add = page.getByRole("region", { name: t("indicators.add") });
    await label(add, "indicators.name").fill(INDICATOR.name);
    await label(add, "indicators.unit").fill(INDICATOR.unit);
    await label(add, "indicators.direction").selectOption({ label: t("indicators.higherBetter") });
    await label(add, "indicators.baseline").fill(INDICATOR.baseline);
    await label(add, "indicators.baselineYear").fill(INDICATOR.baselineYear);
    // "1.339" could be a thousand or one and a third: the form says how it reads it before saving
    await label(add, "indicators.target").pressSequentially("1.339");
    await expectVisible(add.getByText(t("numbers.readAsThousands").replace("{{value}}", "1.339")));
    await label(add, "indicators.target").fill(INDICATOR.target);
    await label(add, "indicators.targetYear").fill(INDICATOR.targetYear);
    await add.getByRole("button", { name: t("indicators.add") }).click();
    const values = page.getByRole("table", {
      name: t("indicators.tableCaption").replace("{{name}}", INDICATOR.name),
    });
    await expectVisible(values);
    expect(await values.getByRole("row").filter({ hasText: "2023" }).textContent()).toContain("1,22 %");

    const record = page.getByRole("region", { name: t("indicators.addMeasurement") });
    await label(record, "indicators.indicator").selectOption({ label: INDICATOR.name });
    await label(record, "indicators.value").fill(MEASUREMENT.value);
    await label(record, "indicators.measuredAt").fill(isoDay(-1));
    await label(record, "indicators.period").fill(MEASUREMENT.period);
    await label(record, "indicators.source").fill(MEASUREMENT.source);
    await record.getByRole("button", { name: t("indicators.addMeasurement") }).click();
    const row = values.getByRole("row").filter({ hasText: MEASUREMENT.period });
    await expectVisible(row);
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      MEASUREMENT.period,
      MEASUREMENT.shown,
      MEASUREMENT.source,
    ]);
    // (3.5 − 1.22) / (10 − 1.22) of the way, rising as it should
    const figure = page.locator("figure").filter({ hasText: INDICATOR.name });
    expect(await figure.locator("figcaption").textContent()).toContain(
      t("indicators.progress").replace("{{percent}}", "26"),
    );
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant proposes the project, and is not offered the coach's approval", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openProject(page);
    await page.getByRole("button", { name: t("status.moveTo.PROPOSED"), exact: true }).click();
    await expectStatus(page, "PROPOSED");
    expect(await page.getByRole("button", { name: t("status.moveTo.APPROVED"), exact: true }).count()).toBe(
      0,
    );
    await expectNoSeriousA11yViolations(page);
  });

  test("the coach approves a milestone and then the project", async () => {
    const page = await newPage();
    await signIn(page, COACH.email);
    // the coach finds the project in their list
    await openPage(page, "/proyek");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: `${PROJECT.acronym}: ${PROJECT.title}` }).click();
    await page.waitForURL((url) => url.pathname === projectPath);
    await page.waitForLoadState("networkidle");
    await expectStatus(page, "PROPOSED");
    // a reviewer does not edit the project
    expect(await page.getByText(t("projects.edit"), { exact: true }).count()).toBe(0);

    await openProject(page, "milestones");
    const short = page
      .getByRole("region", { name: t("projects.horizon.SHORT") })
      .getByRole("listitem")
      .filter({ hasText: MILESTONES[0].title });
    await short.getByRole("button", { name: t("projects.approve") }).click();
    const approved = t("projects.approvedBy").replace("{{name}}", COACH.name);
    await expect.poll(async () => (await short.textContent())?.includes(approved)).toBe(true);
    expect(await short.getByRole("button", { name: t("projects.approve") }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await openProject(page);
    await page.getByRole("button", { name: t("status.moveTo.APPROVED"), exact: true }).click();
    await expectStatus(page, "APPROVED");
    await expectNoSeriousA11yViolations(page);
  });

  test("the participant starts the pilot, and cannot launch it alone", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openProject(page);
    await expectStatus(page, "APPROVED");
    await page.getByRole("button", { name: t("status.moveTo.PILOTING"), exact: true }).click();
    await expectStatus(page, "PILOTING");
    expect(await page.getByRole("button", { name: t("status.moveTo.LAUNCHED"), exact: true }).count()).toBe(
      0,
    );
    await expectNoSeriousA11yViolations(page);
  });

  test("the launch is recorded with its event", async () => {
    const page = await newPage();
    await signIn(page, LAUNCHER.email);
    await openProject(page);
    await expectStatus(page, "PILOTING");
    const event = page.getByRole("group", { name: t("projects.launchEvent") });
    await expectVisible(event);
    await expectNoSeriousA11yViolations(page);
    expect(await label(event, "projects.launchTitle").inputValue()).toBe(`Launching ${PROJECT.acronym}`);
    await label(event, "projects.launchDate").fill(isoDay());
    await label(event, "projects.launchPlace").fill(LAUNCH.place);
    await label(event, "projects.launchedByField").fill(LAUNCH.by);
    await page.getByRole("button", { name: t("status.moveTo.LAUNCHED"), exact: true }).click();
    await expectStatus(page, "LAUNCHED");
    const status = page.getByRole("region", { name: t("projects.launchStatus") });
    // "Diluncurkan <date> oleh <who> di <place>.": the part after the date, in the viewer's zone
    const launched = t("projects.launchedBy")
      .split("{{date}}")[1]
      .replace("{{who}}", LAUNCH.by)
      .replace("{{place}}", LAUNCH.place);
    await expect.poll(async () => await status.textContent()).toContain(launched);
    await expectNoSeriousA11yViolations(page);

    // launched: anyone can follow it on its public page, without signing in
    const visitor = await newPage();
    await openPage(visitor, projectPath);
    await expectHeading(visitor, `${PROJECT.acronym}: ${PROJECT.title}`);
    const body = (await visitor.locator("main").textContent()) ?? "";
    for (const milestone of MILESTONES) expect(body).toContain(milestone.title);
    expect(body).toContain(INDICATOR.name);
    expect(body).toContain(LAUNCH.by);
    // no internal parts: tabs, comments, the coach
    expect(await visitor.getByRole("navigation", { name: t("projects.tabs") }).count()).toBe(0);
    expect(body).not.toContain(COACH.name);
    await expectNoSeriousA11yViolations(visitor);
  });

  test("the timeline shows each step, who took it and in order", async () => {
    const page = await newPage();
    await signIn(page, PARTICIPANT.email);
    await openProject(page, "timeline");
    await expectVisible(page.getByRole("heading", { name: t("projects.activity") }));
    const entries = await page.locator("ol.timeline > li").allTextContents();
    const status = (s: string) => `${activity("project.status_changed")} → ${t(`projects.status.${s}`)}`;
    const expected: [string, string][] = [
      [PARTICIPANT.name, `${activity("project.created")}: ${PROJECT.title}`],
      [PARTICIPANT.name, `${activity("project.coach_assigned")}: ${COACH.name}`],
      [PARTICIPANT.name, `${activity("project.member_added")}: ${MEMBER.name}`],
      ...MILESTONES.map((m): [string, string] => [
        PARTICIPANT.name,
        `${activity("project.milestone_added")}: ${m.title}`,
      ]),
      [PARTICIPANT.name, `${activity("project.indicator_added")}: ${INDICATOR.name}`],
      [PARTICIPANT.name, activity("project.measurement_added")],
      [PARTICIPANT.name, status("PROPOSED")],
      [COACH.name, activity("project.milestone_approved")],
      [COACH.name, status("APPROVED")],
      [PARTICIPANT.name, status("PILOTING")],
      [LAUNCHER.name, status("LAUNCHED")],
    ];
    // each expected step appears, in this order (other entries, e.g. "edited", may sit between)
    let from = 0;
    for (const [who, what] of expected) {
      const index = entries.findIndex((entry, i) => i >= from && entry.includes(`${who} ${what}`));
      expect(index, `"${who} ${what}" after entry ${from} in:\n${entries.join("\n")}`).toBeGreaterThanOrEqual(
        from,
      );
      from = index + 1;
    }
    await expectNoSeriousA11yViolations(page);
  });
});
