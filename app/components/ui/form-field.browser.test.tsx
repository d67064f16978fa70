// @vitest-environment happy-dom
// A form's fields through conform in the browser, as patched for #20 (form-field.test.tsx): a
// field still shows its message when it goes wrong and drops it when it is right again, so the
// fields a render reads are still the ones it is told about.
import { createInstance } from "i18next";
import { act } from "react";
import { type Root, createRoot } from "react-dom/client";
import { initReactI18next } from "react-i18next";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n/config";
import { TitleForm, withI18n } from "../../../tests/fixtures/title-form";

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

describe("form fields through conform, in the browser", () => {
  let root: Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = "";
  });

  it("show a field's message when it goes wrong and drop it when it is right", async () => {
    const container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root!.render(withI18n(i18n, <TitleForm title="" />)));
    const input = container.querySelector<HTMLInputElement>("#t-title")!;
    const type = async (value: string) =>
      act(async () => {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
    await type("judul yang terlalu panjang");
    // not validated before the field is left
    expect(input.getAttribute("aria-invalid")).toBeNull();
    await act(async () => input.dispatchEvent(new FocusEvent("focusout", { bubbles: true })));
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(container.textContent).toContain(i18n.t("errors.tooLong"));
    await type("pendek");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(container.textContent).not.toContain(i18n.t("errors.tooLong"));
  });
});
