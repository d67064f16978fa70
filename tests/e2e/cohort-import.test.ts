// A facilitator imports a small cohort from a CSV in Chromium: the preview names the bad row and
// saves nothing; the corrected file previews clean, is confirmed, and its draft projects appear on
// the cohort page and on the board by status; the same file again says "already imported".
// Also: the notifications page and the board pass axe.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signIn } from "./helpers";
import { text } from "./i18n";

const FACILITATOR = "fasilitator@lintas.test";
const t = (key: string) => text("id", key);
const say = (key: string, values: Record<string, string | number>) =>
  t(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

const HEADER = "email,nama,jabatan,kode wilayah,instansi,judul proyek,akronim,sektor";
const GOOD = [
  HEADER,
  "e2e.rahmat@kendari.go.id,Rahmat E2E,Kabid,74.71,Dinas PUPR,Sedot Tinja Terjadwal E2E,SETIA,Sanitasi",
  "e2e.nur@kendari.go.id,Nur E2E,Kasi,74.71,Dinas Kesehatan,Posyandu Daring E2E,,Kesehatan",
].join("\n");
const BAD = GOOD.replace("74.71,Dinas Kesehatan", "99.99,Dinas Kesehatan");

async function fillCohort(page: Page) {
  await page.getByLabel(t("cohortImport.programme"), { exact: true }).selectOption("PKA");
  await page.getByLabel(t("cohortImport.batch"), { exact: true }).fill("E2E");
  await page.getByLabel(t("cohortImport.year"), { exact: true }).fill("2026");
  await page.getByLabel(t("cohortImport.organiser"), { exact: true }).fill("LAN");
}

async function upload(page: Page, csv: string) {
  await fillCohort(page);
  await page
    .getByLabel(t("cohortImport.file"), { exact: true })
    .setInputFiles({ name: "angkatan.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: t("cohortImport.preview"), exact: true }).click();
  await page.getByRole("heading", { name: t("cohortImport.step2") }).waitFor();
  await page.waitForLoadState("networkidle");
}

describe("cohort import", () => {
  test("a bad row is named and nothing is saved; the fixed file is imported once", async () => {
    const page = await newPage();
    await signIn(page, FACILITATOR);
    await openPage(page, "/proyek");
    await page.getByRole("link", { name: t("cohortImport.title"), exact: true }).click();
    await page.waitForURL("**/angkatan/impor");
    await page.waitForLoadState("networkidle");
    await expectNoSeriousA11yViolations(page);

    await upload(page, BAD);
    const alert = page.getByRole("alert").filter({ hasText: say("cohortImport.rowLabel", { line: 3 }) });
    await expect
      .poll(async () => await alert.textContent())
      .toContain(t("cohortImport.problems.regionUnknown"));
    expect(await page.getByRole("button", { name: say("cohortImport.confirm", { total: 2 }) }).count()).toBe(
      0,
    );
    await expectNoSeriousA11yViolations(page);

    await upload(page, GOOD);
    await expect
      .poll(async () => await page.getByRole("status").first().textContent())
      .toContain(say("cohortImport.allGood", { total: 2 }));
    await page.getByRole("button", { name: say("cohortImport.confirm", { total: 2 }), exact: true }).click();
    const done = page.getByRole("status").filter({ hasText: t("cohortImport.openCohort") });
    await expect
      .poll(async () => await done.textContent())
      .toContain(say("cohortImport.done", { projects: 2, invited: 2, skipped: 0 }));

    await done.getByRole("link", { name: t("cohortImport.openCohort") }).click();
    await page.waitForURL(/\/angkatan\/(?!impor)/);
    await page.waitForLoadState("networkidle");
    const table = page.getByRole("table");
    await expect.poll(async () => await table.textContent()).toContain("SETIA: Sedot Tinja Terjadwal E2E");
    expect(await table.textContent()).toContain("Posyandu Daring E2E");

    // the same file again: recognised, nothing created
    await openPage(page, "/angkatan/impor");
    await upload(page, GOOD);
    await expect
      .poll(async () => await page.getByRole("status").first().textContent())
      .toContain(t("cohortImport.already"));
    expect(await page.getByRole("button", { name: say("cohortImport.confirm", { total: 2 }) }).count()).toBe(
      0,
    );
  });

  test("the board shows the imported drafts in the draft column, and passes axe", async () => {
    const page = await newPage();
    await signIn(page, FACILITATOR);
    await openPage(page, "/proyek?tampilan=papan&q=E2E");
    const draft = page.getByRole("region", { name: new RegExp(`^${t("projects.status.DRAFT")}`) });
    await expect.poll(async () => await draft.getByRole("listitem").count()).toBe(2);
    expect(await draft.getByRole("heading", { level: 2 }).textContent()).toContain("(2)");
    await expectNoSeriousA11yViolations(page);

    await openPage(page, "/notifikasi");
    await page.getByRole("heading", { level: 1, name: t("notifications.title") }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
