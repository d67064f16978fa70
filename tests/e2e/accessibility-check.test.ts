// The journeys' accessibility check itself (tests/e2e/helpers.ts): it must still fail on serious
// and critical violations while it skips the rules that can only report minor or moderate ones.
import { describe, expect, test } from "vitest";
import { RULES_BELOW_SERIOUS } from "./axe-rules";
import { expectNoSeriousA11yViolations, newPage } from "./helpers";

describe("the journeys' axe check", () => {
  test("skips only rules that cannot report a serious or critical violation", () => {
    // moderate or minor by their own impact (axe-core 4.11)
    expect(RULES_BELOW_SERIOUS).toEqual(
      expect.arrayContaining(["region", "heading-order", "landmark-one-main"]),
    );
    // serious or critical
    for (const rule of [
      "color-contrast",
      "label",
      "button-name",
      "image-alt",
      "link-name",
      "html-has-lang",
    ]) {
      expect(RULES_BELOW_SERIOUS).not.toContain(rule);
    }
  });

  test("fails on an unlabelled field, a nameless button and text too faint to read", async () => {
    const page = await newPage();
    await page.setContent(
      `<!doctype html><html lang="id"><head><title>uji</title></head><body><main><h1>Uji</h1>` +
        `<input type="text"><button></button><p style="color:#bbb;background:#fff">teks pucat</p>` +
        `</main></body></html>`,
    );
    const failure = await expectNoSeriousA11yViolations(page).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/\[critical\] label:/);
    expect(failure).toMatch(/\[critical\] button-name:/);
    expect(failure).toMatch(/\[serious\] color-contrast:/);
  });

  test("passes a page whose only problems are moderate: no landmarks, a skipped heading level", async () => {
    const page = await newPage();
    await page.setContent(
      `<!doctype html><html lang="id"><head><title>uji</title></head><body>` +
        `<h1>Uji</h1><h4>Lompat</h4><p>Teks tanpa landmark.</p></body></html>`,
    );
    await expectNoSeriousA11yViolations(page);
  });
});
