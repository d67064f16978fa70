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
});
