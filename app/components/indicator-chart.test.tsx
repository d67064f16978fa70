// The indicator chart states progress toward the target in the indicator's good direction, from
// the same calculation as everywhere else (app/modules/projects/indicator-progress.ts).
import { Window } from "happy-dom";
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { IndicatorChart } from "~/components/indicator-chart";
import { i18nConfig } from "~/i18n/config";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

function caption(indicator: Parameters<typeof IndicatorChart>[0]["indicator"]) {
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <IndicatorChart indicator={indicator} />
    </I18nextProvider>,
  );
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.querySelector("figcaption")?.textContent ?? "";
}

const base = { id: "i", unit: "%", baselineYear: 2023, targetYear: 2025 };
const measured = (...values: (number | string)[]) =>
  values.map((value, i) => ({ value, measuredAt: `202${4 + i}-06-30`, periodLabel: null }));
const progress = (percent: string) => i18n.t("indicators.progress", { percent });

describe("IndicatorChart progress", () => {
  it.each([
    ["higher is better, rising", "UP", 1.22, 5, measured(2, "3.11"), "50"],
    ["higher is better, falling", "UP", 1.22, 5, measured("0.46"), "-20"],
    ["lower is better, falling", "DOWN", 20, 10, measured(18, 15), "50"],
    ["lower is better, rising", "DOWN", 20, 10, measured(25), "-50"],
  ] as const)("%s", (name, direction, baseline, target, measurements, percent) => {
    expect(
      caption({ ...base, name, direction, baseline, target, measurements: [...measurements] }),
    ).toContain(progress(percent));
  });

  it("says nothing about progress without a target", () => {
    const text = caption({
      ...base,
      name: "x",
      direction: "UP",
      baseline: 1,
      target: null,
      measurements: measured(2),
    });
    expect(text).not.toContain("menuju target");
  });
});
