// The portfolio timeline and a project's milestone timeline, rendered to a string as the server
// sends them: a lane per project, late milestones marked "!" and named (not colour alone), the
// filter as a plain GET form, and a table with the same milestones.
import { Window } from "happy-dom";
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { MilestoneTimeline } from "~/components/milestone-timeline";
import { PortfolioTimeline, type PortfolioView } from "~/components/portfolio-timeline";
import { i18nConfig } from "~/i18n/config";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

function render(element: ReactNode) {
  const html = renderToString(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const portfolio: PortfolioView = {
  filter: { status: "late" },
  now: new Date().toISOString(),
  projectCount: 2,
  milestoneCount: 3,
  lateCount: 2,
  projects: [
    {
      id: "p1",
      title: "Sistem Informasi Antrean Pelayanan",
      acronym: "SIAP",
      milestones: [
        { id: "m1", title: "SK tim", horizon: "SHORT", status: "DONE", dueDate: ago(100), late: false },
        {
          id: "m2",
          title: "Uji coba",
          horizon: "MEDIUM",
          status: "IN_PROGRESS",
          dueDate: ago(10),
          late: true,
        },
      ],
    },
    {
      id: "p2",
      title: "PERJAKA",
      acronym: null,
      milestones: [
        { id: "m3", title: "Sosialisasi", horizon: "SHORT", status: "LATE", dueDate: null, late: true },
      ],
    },
  ],
};

describe("PortfolioTimeline", () => {
  it("draws a lane per project with its dated milestones, late ones marked", () => {
    const document = render(<PortfolioTimeline portfolio={portfolio} />);
    const svg = document.querySelector("svg[role=img]")!;
    expect(svg.getAttribute("aria-label")).toContain("Linimasa portofolio");
    const lanes = [...svg.querySelectorAll("g.portfolio-lane")];
    expect(lanes.map((lane) => lane.querySelector("text")?.textContent)).toEqual([
      "SIAP: Sistem Informasi Antrean Pelayanan",
      "PERJAKA",
    ]);
    // a milestone without a due date is not drawn, it is in the table
    expect(lanes[1].querySelectorAll("g.ms")).toHaveLength(0);
    const late = [...svg.querySelectorAll("g.ms-late")];
    expect(late).toHaveLength(1);
    expect(late[0].querySelector(".ms-mark")?.textContent).toBe("!");
    expect(late[0].querySelector("title")?.textContent).toContain("terlambat");
    expect(svg.querySelector("g.ms-done .ms-mark")?.textContent).toBe("✓");
    expect(svg.querySelectorAll(".visx-axis-tick").length).toBeGreaterThan(1);
  });

  it("keeps the filter in a GET form and lists every milestone in the table, grouped by project", () => {
    const document = render(<PortfolioTimeline portfolio={portfolio} />);
    const form = document.querySelector("form.portfolio-filter")!;
    expect(form.getAttribute("method")).toBe("get");
    expect((form.querySelector("select[name=tonggak]") as unknown as HTMLSelectElement).value).toBe("late");
    const groups = [...document.querySelectorAll("table.portfolio-table tbody")];
    expect(groups.map((g) => g.querySelector("th[scope=rowgroup]")?.textContent)).toEqual([
      "SIAP: Sistem Informasi Antrean Pelayanan",
      "PERJAKA",
    ]);
    const lateRows = [...document.querySelectorAll("tr.is-late")].map((row) => row.textContent);
    expect(lateRows).toEqual([expect.stringContaining("Uji coba"), expect.stringContaining("Sosialisasi")]);
    expect(lateRows[0]).toContain("(terlambat)");
    expect(document.querySelector(".portfolio-summary")?.textContent).toBe(
      "3 tonggak dari 2 proyek, 2 terlambat.",
    );
  });

  it("says so when nothing matches", () => {
    const document = render(
      <PortfolioTimeline portfolio={{ ...portfolio, projects: [], projectCount: 0 }} />,
    );
    expect(document.querySelector("svg")).toBeNull();
    expect(document.body.textContent).toContain("Tidak ada tonggak yang cocok");
  });
});

describe("MilestoneTimeline (the project's timeline tab)", () => {
  it("marks a milestone past its due date and not done as late, and names it", () => {
    const document = render(
      <MilestoneTimeline
        milestones={[
          { id: "a", title: "Rapat tim", horizon: "SHORT", status: "DONE", dueDate: ago(60) },
          { id: "b", title: "Uji coba", horizon: "MEDIUM", status: "IN_PROGRESS", dueDate: ago(20) },
          { id: "c", title: "Perda", horizon: "LONG", status: "NOT_STARTED", dueDate: ago(-90) },
        ]}
      />,
    );
    const late = [...document.querySelectorAll("g.ms-late")];
    expect(late.map((g) => g.querySelector("title")?.textContent)).toEqual([
      expect.stringContaining("Uji coba"),
    ]);
    expect(late[0].querySelector(".ms-mark")?.textContent).toBe("!");
    expect(document.querySelector(".late-summary")?.textContent).toBe("1 tonggak terlambat: Uji coba");
  });
});
