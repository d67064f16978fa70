// The charts rendered to a string, as the server sends them: the SVG with its bars, lines and
// patterns is in the HTML (no JavaScript needed), carries an accessible label pointing to the data
// table, and the table and CSV hold the same numbers, written the Indonesian way.
import { Window } from "happy-dom";
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { BarChart } from "~/components/bar-chart";
import { HBarChart, StackedColumnChart, toCsvText } from "~/components/dashboard-chart";
import { IndicatorChart } from "~/components/indicator-chart";
import { i18nConfig } from "~/i18n/config";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

/** Server-renders `element` in Indonesian and parses the HTML back into a document. */
function render(element: ReactNode) {
  const html = renderToString(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
  const window = new Window();
  window.document.body.innerHTML = html;
  return { html, document: window.document };
}

const chartAlt = (title: string) => i18n.t("dashboards.chartAlt", { title });

describe("HBarChart", () => {
  const chart = (
    <HBarChart
      id="sessions"
      title="Sesi per pasangan"
      csvName="lintas-sesi"
      series={["Terlaksana", "Direncanakan"]}
      extraColumns={["Topik"]}
      rows={[
        { label: "Kendari – Blitar", values: [1234, 2000], extra: ["=SUM(A1)"] },
        { label: "Lahat – Konawe Selatan", values: [3, null], extra: ["Sampah"] },
      ]}
    />
  );

  it("draws a bar per row and series, filled with a pattern and a colour, values at their ends", () => {
    const { html, document } = render(chart);
    expect(html).toContain("<svg");
    const svg = document.querySelector("svg.dash-svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(chartAlt("Sesi per pasangan"));
    expect(svg.getAttribute("aria-label")).toContain(i18n.t("dashboards.dataTable").toLowerCase());

    // the second series is hatched: a pattern in the SVG, used by its bars and its legend swatch
    expect(svg.querySelector("pattern#sessions-p1 path")).not.toBeNull();
    const bars = [...svg.querySelectorAll("rect.visx-bar")];
    expect(bars.map((b) => b.getAttribute("fill"))).toEqual([
      "#0b5394",
      "url(#sessions-p1)",
      "#0b5394",
      "url(#sessions-p1)",
    ]);
    expect(bars.every((b) => b.getAttribute("stroke"))).toBe(true);
    // the missing value has no bar; the smallest still shows
    expect(Number(bars[3].getAttribute("width"))).toBe(0);
    expect(Number(bars[2].getAttribute("width"))).toBeGreaterThanOrEqual(2);
    expect(Number(bars[1].getAttribute("width"))).toBeGreaterThan(Number(bars[0].getAttribute("width")));

    const labels = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(["Kendari – Blitar", "Lahat – Konawe Selatan", "1.234", "2.000", "3", "—"]);

    const legend = [...document.querySelectorAll(".chart-legend li")];
    expect(legend.map((li) => li.textContent?.trim())).toEqual(["Terlaksana", "Direncanakan"]);
    expect(legend[1].querySelector("rect")?.getAttribute("fill")).toBe("url(#sessions-p1)");
  });

  it("offers the numbers as a table and as a CSV download", () => {
    const { document } = render(chart);
    const table = document.querySelector("figure.dash-chart details table")!;
    expect(table.querySelector("caption")?.textContent).toBe("Sesi per pasangan");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      i18n.t("dashboards.item"),
      "Terlaksana",
      "Direncanakan",
      "Topik",
    ]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.textContent)).toEqual([
      "Kendari – Blitar1.2342.000=SUM(A1)",
      "Lahat – Konawe Selatan3—Sampah",
    ]);
    const link = document.querySelector("figure.dash-chart a[download]")!;
    expect(link.getAttribute("download")).toBe("lintas-sesi.csv");
    const href = link.getAttribute("href")!;
    expect(href).toMatch(/^data:text\/csv;charset=utf-8,/);
    expect(decodeURIComponent(href.slice(href.indexOf(",") + 1))).toBe(
      "\uFEFFButir,Terlaksana,Direncanakan,Topik\r\nKendari – Blitar,1234,2000,'=SUM(A1)\r\nLahat – Konawe Selatan,3,,Sampah\r\n",
    );
  });

  it("centres a funnel's bars and writes values in the given format", () => {
    const { document } = render(
      <HBarChart
        id="funnel"
        title="Corong"
        csvName="corong"
        series={["Proyek"]}
        funnel
        format={(v) => `${v} %`}
        rows={[
          { label: "Direncanakan", values: [10] },
          { label: "Berjalan", values: [5] },
        ]}
      />,
    );
    const [wide, narrow] = [...document.querySelectorAll("rect.visx-bar")].map((b) => ({
      x: Number(b.getAttribute("x")),
      width: Number(b.getAttribute("width")),
    }));
    expect(narrow.x + narrow.width / 2).toBeCloseTo(wide.x + wide.width / 2);
    expect(narrow.x).toBeGreaterThan(wide.x);
    expect(document.querySelector("svg")?.textContent).toContain("5 %");
    // one series: no legend
    expect(document.querySelector(".chart-legend")).toBeNull();
  });

  it("says there is no data instead of an empty picture", () => {
    const { document } = render(
      <HBarChart id="empty" title="Kosong" csvName="kosong" series={["A", "B"]} rows={[]} />,
    );
    expect(document.querySelector("svg")).toBeNull();
    expect(document.body.textContent).toContain(i18n.t("dashboards.noData"));
    expect(document.querySelector("table")).not.toBeNull();
  });
});

describe("StackedColumnChart", () => {
  const series = ["Usulan", "Aktif", "Selesai"];
  const categories = [
    { label: "Jan 2024", values: [2, 1, 0] },
    { label: "Feb 2024", values: [0, 0, 0] },
    { label: "Mar 2024", values: [1200, 3, 1] },
  ];

  it("stacks each month's series in one column, the total above it and the month below", () => {
    const { html, document } = render(
      <StackedColumnChart
        id="months"
        title="Pasangan per bulan"
        csvName="pasangan"
        series={series}
        categories={categories}
      />,
    );
    expect(html).toContain("<svg");
    const svg = document.querySelector("svg.dash-svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(chartAlt("Pasangan per bulan"));
    expect(svg.querySelector("pattern#months-p1")).not.toBeNull();
    expect(svg.querySelector("pattern#months-p2 circle")).not.toBeNull();

    // only non-zero parts are drawn: 2 in January, none in February, 3 in March
    const bars = [...svg.querySelectorAll("rect.visx-bar")];
    expect(bars).toHaveLength(5);
    const fills = bars.map((b) => b.getAttribute("fill"));
    expect(fills.filter((f) => f === "url(#months-p2)")).toHaveLength(1);
    // March's parts sit on top of each other in one column
    const march = bars.filter((b) => b.getAttribute("x") === bars.at(-1)!.getAttribute("x"));
    expect(march).toHaveLength(3);

    const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toEqual(["3", "0", "1.204", "Jan 2024", "Feb 2024", "Mar 2024"]);

    const rows = [...document.querySelectorAll("details tbody tr")].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["Jan 2024", "2", "1", "0", "3"],
      ["Feb 2024", "0", "0", "0", "0"],
      ["Mar 2024", "1.200", "3", "1", "1.204"],
    ]);
    expect([...document.querySelectorAll(".chart-legend li")]).toHaveLength(3);
  });
});

describe("BarChart", () => {
  it("draws a bar per row with its number, the SVG hidden behind a table for screen readers", () => {
    const { html, document } = render(
      <BarChart
        title="Proyek per status"
        rows={[
          { label: "Aktif", value: 4 },
          { label: "Selesai", value: 0 },
        ]}
      />,
    );
    expect(html).toContain("<svg");
    const svg = document.querySelector("figure.bar-chart svg")!;
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    const bars = [...svg.querySelectorAll("rect.bar")];
    expect(bars).toHaveLength(2);
    expect(Number(bars[0].getAttribute("width"))).toBeGreaterThan(0);
    expect(Number(bars[1].getAttribute("width"))).toBe(0);
    expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toEqual([
      "Aktif",
      "Selesai",
      "4",
      "0",
    ]);
    const table = document.querySelector("table.visually-hidden")!;
    expect(table.querySelector("caption")?.textContent).toBe("Proyek per status");
    expect([...table.querySelectorAll("tr")].map((tr) => tr.textContent)).toEqual(["Aktif4", "Selesai0"]);
  });
});

describe("IndicatorChart", () => {
  const indicator = {
    id: "i1",
    name: "Rumah tangga dengan akses air limbah",
    unit: "%",
    direction: "UP" as const,
    baseline: "40.5",
    baselineYear: 2022,
    target: 80,
    targetYear: 2025,
    measurements: [
      { value: "52.25", measuredAt: "2023-06-30T00:00:00Z", periodLabel: "Semester I 2023", source: "BPS" },
      { value: 61, measuredAt: "2024-06-30T00:00:00Z", periodLabel: null, source: null },
    ],
  };

  it("draws baseline and measurements as a line with points and the target as a dashed line", () => {
    const { html, document } = render(<IndicatorChart indicator={indicator} />);
    expect(html).toContain("<svg");
    const svg = document.querySelector("svg.indicator-chart")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(
      i18n.t("indicators.chartLabel", { name: "Rumah tangga dengan akses air limbah" }),
    );
    const line = svg.querySelector("path.series")!;
    expect(line.getAttribute("fill")).toBe("none");
    // baseline, then two measurements: three points, rising left to right
    expect(line.getAttribute("d")).toMatch(/^M[\d.,-]+L[\d.,-]+L[\d.,-]+$/);
    const points = [...svg.querySelectorAll("circle.series-point")].map((c) => ({
      x: Number(c.getAttribute("cx")),
      y: Number(c.getAttribute("cy")),
    }));
    expect(points).toHaveLength(3);
    expect(points[0].x).toBeLessThan(points[1].x);
    expect(points[1].x).toBeLessThan(points[2].x);
    expect(points[0].y).toBeGreaterThan(points[2].y);
    const target = svg.querySelector("line.target-line")!;
    expect(Number(target.getAttribute("y1"))).toBeLessThan(points[2].y);
    expect(svg.textContent).toContain("80");

    const rows = [...document.querySelectorAll("table tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      [`${i18n.t("indicators.baseline")} 2022`, "40,5 %", ""],
      ["Semester I 2023", "52,25 %", "BPS"],
      ["30 Jun 2024", "61 %", ""],
      [`${i18n.t("indicators.target")} 2025`, "80 %", ""],
    ]);
  });

  it("shows only the table when there is nothing to draw", () => {
    const { document } = render(
      <IndicatorChart indicator={{ ...indicator, baseline: null, measurements: [] }} />,
    );
    expect(document.querySelector("svg")).toBeNull();
    expect(document.querySelector("table")).not.toBeNull();
  });

  it("says no values are reported yet rather than show an empty table (Serang's four indicators)", () => {
    const { document } = render(
      <IndicatorChart indicator={{ ...indicator, baseline: null, target: null, measurements: [] }} />,
    );
    expect(document.querySelector("svg")).toBeNull();
    expect(document.querySelector("table")).toBeNull();
    expect(document.querySelector(".indicator-empty")?.textContent).toBe(i18n.t("indicators.noData"));
  });
});

it("quotes a CSV cell that starts like a formula, and one holding a separator", () => {
  expect(toCsvText({ columns: ["a", "b"], rows: [["-1+1", 'say "hi", ok']] })).toBe(
    'a,b\r\n\'-1+1,"say ""hi"", ok"\r\n',
  );
});
