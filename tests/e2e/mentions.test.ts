// The comment form's @mention picker on the project page: opened directly the page has no React
// on the client (decision 0062) and the page script makes the list follow what is typed; reached
// by a client-side navigation React does it. Either way a click puts the handle in the text and
// the comment says who was notified.
import { expect, test } from "vitest";
import { expectNoSeriousA11yViolations, newPage, openPage, signInThroughForm as signIn } from "./helpers";
import { text } from "./i18n";

const t = (key: string) => text("id", key);
const PROJECT = "/proyek/demo-project-sanitasi-lampung-barat";
const COACH = "Dr. Siti Rahmawati";

test.each([
  ["opened directly, no React: the page script", true, "sebelum Jumat."],
  ["reached from the sign-in page: React", false, "sebelum Senin."],
])(
  "a participant types @Sit, picks Dr. Siti Rahmawati, and the comment notifies her (%s)",
  async (_, direct, said) => {
    const page = await newPage();
    await signIn(page, "peserta@lintas.test", { redirectTo: PROJECT });
    if (direct) await openPage(page, PROJECT);
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(!direct);
    // (the check-in form has a "Komentar" field too)
    const field = page.locator("form#comment").getByLabel(t("projects.commentLabel"), { exact: true });
    const picker = page.locator(".mention-picker");
    // the project's edit form holds its dates as a date field reads them
    for (const name of ["startDate", "endDate"])
      expect(await page.locator(`input[name=${name}]`).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // everyone who can be mentioned, before anything is typed
    await expect.poll(() => picker.getByRole("button").count()).toBeGreaterThan(1);
    const everyone = await picker.getByRole("button").count();

    await field.click();
    await field.pressSequentially("Mohon ditinjau @Sit");
    const shown = picker.getByRole("button");
    await expect.poll(() => shown.count()).toBe(1);
    await expect.poll(() => shown.first().textContent()).toContain(COACH);
    await expectNoSeriousA11yViolations(page);

    await shown.first().click();
    const value = await field.inputValue();
    expect(value).toMatch(/^Mohon ditinjau @\S+ $/);
    expect(value).not.toContain("@Sit ");
    // the list is whole again once the mention is in
    await expect.poll(() => picker.getByRole("button").count()).toBe(everyone);

    await field.pressSequentially(said);
    await page.getByRole("button", { name: t("projects.addComment"), exact: true }).click();
    const comment = page.locator(".comments li", { hasText: said });
    await comment.waitFor();
    await expect
      .poll(() => comment.textContent())
      .toContain(text("id", "projects.notified").replace("{{names}}", COACH));
  },
);
