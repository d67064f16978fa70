// The stakeholder map names its four quadrants, in the picture and in the table, and no name runs
// off the picture: a long one is shortened (the full name in its tooltip and the table) and one
// on the right half is written to the left of its dot.
import { Window } from "happy-dom";
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { StakeholderGrid } from "~/components/stakeholder-grid";
import { i18nConfig } from "~/i18n/config";
import { quadrantOf } from "~/modules/projects/stakeholder-quadrant";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

const stakeholders = [
  { id: "a", name: "Bupati Lahat", influence: 5, interest: 5, internal: true },
  {
    id: "b",
    name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    influence: 4,
    interest: 1,
    internal: true,
  },
  { id: "c", name: "Warga", influence: 1, interest: 4, internal: false },
];

function render() {
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <StakeholderGrid stakeholders={stakeholders} />
    </I18nextProvider>,
  );
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

describe("StakeholderGrid", () => {
  it("names the four quadrants", () => {
    const document = render();
    expect([...document.querySelectorAll("text.quadrant-name")].map((n) => n.textContent)).toEqual([
      "Jaga kepuasan",
      "Kelola dengan dekat",
      "Pantau",
      "Beri informasi",
    ]);
    const rows = [...document.querySelectorAll("tbody tr")].map((r) =>
      [...r.querySelectorAll("td")].map((c) => c.textContent),
    );
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ["Bupati Lahat", "Kelola dengan dekat"],
      ["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Jaga kepuasan"],
      ["Warga", "Beri informasi"],
    ]);
    expect(quadrantOf({ influence: 2, interest: 2 })).toBe("monitor");
  });

  it("keeps every label inside the picture", () => {
    const document = render();
    const labels = [...document.querySelectorAll("g > text")];
    expect(labels.map((l) => l.textContent)).toEqual(["1. Bupati Lahat", "2. Dinas Penanaman…", "3. Warga"]);
    // the right-hand dots (interest 5 and 4) write their labels towards the middle
    expect(labels[0].getAttribute("text-anchor")).toBe("end");
    expect(labels[2].getAttribute("text-anchor")).toBe("end");
    expect(labels[1].getAttribute("text-anchor")).toBe("start");
    expect(document.querySelectorAll("g > title")[1].textContent).toBe(
      "2. Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    );
  });
});
