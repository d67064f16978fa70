// A form's fields through conform, as patched for #20 (patches/@conform-to+react+*.patch: one
// metadata object per field and state, the fields a render reads recorded in place): the server
// renders each field's value and a returned message beside its field. In the browser:
// form-field.browser.test.tsx.
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n/config";
import { TitleForm, withI18n } from "../../../tests/fixtures/title-form";

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });
});

describe("form fields through conform", () => {
  it("are rendered on the server with their values, and a returned error beside its field", () => {
    const html = renderToString(withI18n(i18n, <TitleForm title="Sanitasi" />));
    expect(html).toMatch(/<input[^>]*id="t-title"[^>]*name="title"[^>]*value="Sanitasi"/);
    expect(html).toMatch(/<textarea[^>]*name="note"[^>]*>catatan<\/textarea>/);
    expect(html).not.toContain('aria-invalid="true"');
    const failed = renderToString(withI18n(i18n, <TitleForm failed />));
    expect(failed).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(failed).toContain(i18n.t("errors.required"));
  });
});
