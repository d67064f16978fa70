// The public follow-up page as the server renders it: a project stopped after launch says so and
// why; a cover image carries alt text naming the project.
import { Window } from "happy-dom";
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { PublicProject } from "~/components/public-project";
import { i18nConfig } from "~/i18n/config";

const i18n = createInstance();
await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });

const project = {
  id: "p1",
  title: "Layanan Lumpur Tinja Terjadwal",
  acronym: "L2T2",
  status: "LAUNCHED",
  stopReason: null,
  coverImage: null,
  problem: null,
  objectives: null,
  benefits: null,
  launchedAt: "2024-10-10",
  region: { code: "74.71", name: "Kota Kendari", timeZone: "Asia/Makassar" },
  organisation: null,
  launchEvent: null,
  milestones: [],
  indicators: [],
  checkIns: [],
  followUp: {
    windows: [],
    milestones: { done: 0, late: 0, total: 0 },
    lateMilestones: [],
    riskReasons: [],
    atRisk: false,
    lastCheckIn: null,
    verdict: "onTrack",
  },
};

function render(data: Record<string, unknown>) {
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <PublicProject
        project={data as Parameters<typeof PublicProject>[0]["project"]}
        viewerZone="Asia/Makassar"
      />
    </I18nextProvider>,
  );
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

describe("public follow-up page", () => {
  it("draws each indicator's chart in the server's first answer (the chart code is a chunk of its own in the browser)", () => {
    const html = renderToString(
      <I18nextProvider i18n={i18n}>
        <PublicProject
          project={
            {
              ...project,
              indicators: [
                {
                  id: "i1",
                  name: "Rumah tangga terlayani",
                  unit: "%",
                  direction: "UP",
                  baseline: 1.22,
                  baselineYear: 2023,
                  target: 5,
                  targetYear: 2025,
                  measurements: [{ value: 2, measuredAt: "2024-06-30", periodLabel: null }],
                },
              ],
            } as Parameters<typeof PublicProject>[0]["project"]
          }
          viewerZone="Asia/Makassar"
        />
      </I18nextProvider>,
    );
    // whole, not a Suspense placeholder waiting for a script
    expect(html).not.toContain("<!--$?-->");
    const window = new Window();
    window.document.body.innerHTML = html;
    expect(window.document.querySelectorAll("figure svg")).toHaveLength(1);
    expect(window.document.querySelector("figcaption")?.textContent).toContain("Rumah tangga terlayani");
  });

  it("says that a launched project stopped, and why", () => {
    const page = render({ ...project, status: "STOPPED", stopReason: "Anggaran dialihkan" });
    const notice = page.querySelector('[role="status"]')?.textContent ?? "";
    expect(notice).toContain(i18n.t("projects.publicStopped"));
    expect(notice).toContain(i18n.t("projects.stoppedBecause", { reason: "Anggaran dialihkan" }));
  });

  it("shows no stop notice while the project runs, and no image without a cover", () => {
    const page = render(project);
    expect(page.querySelector('[role="status"]')).toBeNull();
    expect(page.querySelector("img")).toBeNull();
  });

  it("shows the cover with alt text naming the project", () => {
    const file = "0123456789abcdef0123456789abcdef.png";
    const img = render({ ...project, coverImage: file }).querySelector("img.project-cover");
    expect(img?.getAttribute("src")).toBe(`/proyek/p1/sampul?v=${file}`);
    expect(img?.getAttribute("alt")).toBe(i18n.t("projects.coverAlt", { title: "L2T2" }));
  });

  it("answers 'did it stop halfway?': verdict, risk with its reason, last check-in, late milestones", () => {
    const page = render({
      ...project,
      milestones: [
        {
          id: "m1",
          title: "Aplikasi dipakai",
          horizon: "MEDIUM",
          status: "IN_PROGRESS",
          dueDate: "2024-03-31",
          late: true,
        },
        {
          id: "m2",
          title: "Launching",
          horizon: "SHORT",
          status: "DONE",
          dueDate: "2023-10-10",
          late: false,
        },
      ],
      followUp: {
        windows: [
          { months: 3, due: "2025-01-10", mark: "met", checkInAt: "2025-01-12" },
          { months: 6, due: "2025-04-10", mark: "missing", checkInAt: null },
          { months: 12, due: "2025-10-10", mark: "upcoming", checkInAt: null },
        ],
        milestones: { done: 1, late: 1, total: 2 },
        lateMilestones: [{ title: "Aplikasi dipakai", dueDate: "2024-03-31" }],
        riskReasons: [{ kind: "lateMilestone", title: "Aplikasi dipakai", dueDate: "2024-03-31" }],
        atRisk: true,
        lastCheckIn: { createdAt: "2025-01-12T03:00:00Z", status: "AT_RISK" },
        verdict: "atRisk",
      },
    });
    const section = page.querySelector('section[aria-labelledby="follow-up-heading"]')?.textContent ?? "";
    expect(section).toContain(i18n.t("launchEvents.followUpHeading"));
    expect(section).toContain(i18n.t("launchEvents.verdict.atRisk"));
    expect(section).toContain("Tonggak terlambat: Aplikasi dipakai (31 Mar 2024)");
    expect(section).toContain("12 Jan 2025: Berisiko");
    expect(section).toContain("6 bulan: tidak ada");
    const late = [...page.querySelectorAll("li:has(.badge-risk)")].map((li) => li.textContent);
    expect(late).toEqual(["Aplikasi dipakai · Jangka menengah · Berjalan · 31 Mar 2024 terlambat"]);
  });

  it("shows the stated benefits and links the launch event", () => {
    const page = render({
      ...project,
      benefits: "Layanan lebih cepat bagi warga",
      launchEvent: {
        id: "ev1",
        title: "Launching serentak",
        date: "2024-10-10T02:00:00Z",
        place: "Kendari",
        launchedBy: "Wali Kota Kendari",
      },
    });
    const headings = [...page.querySelectorAll("h2")].map((h) => h.textContent);
    expect(headings).toContain(i18n.t("projects.fields.benefits"));
    expect(page.body.textContent).toContain("Layanan lebih cepat bagi warga");
    const link = page.querySelector('a[href="/peluncuran/ev1"]');
    expect(link?.textContent).toBe(i18n.t("launchEvents.link", { title: "Launching serentak" }));
  });
});
