// Every page route has an error boundary, so a refusal is shown where it happened: a project tab's
// 403/404/405 keeps the project's header (and, for its people, the tabs) and the site navigation;
// a page's own 404 keeps the site navigation. Whole documents through the app's server build,
// guarded as server/start.ts serves it (a refused write is a thrown 4xx, shown by the boundary).
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createProject } from "~/modules/projects/details.server";
import { guardBuild } from "~/utils/request-guard.server";
import { actorFor, cookieFor, createPerson, ensureRegions } from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

let build: ServerBuild;
let handle: (request: Request) => Promise<Response>;
let officerCookie: string;
let strangerCookie: string;
let nobodyCookie: string;
let draftId: string;
let launchedId: string;

beforeAll(async () => {
  await ensureRegions();
  const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  officerCookie = await cookieFor(officer.id);
  // project:read elsewhere, not on these projects
  strangerCookie = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  // signed in, with no role at all: no project:read anywhere
  nobodyCookie = await cookieFor((await createPerson({})).id);
  const actor = await actorFor(officer.id);
  draftId = (
    await createProject(actor, {
      title: "Layanan Lumpur Tinja Terjadwal",
      acronym: "L2T2",
      kind: "REGIONAL_INNOVATION",
      regionCode: "74.71",
    })
  ).id;
  launchedId = (
    await createProject(actor, {
      title: "Pasar Rakyat Digital",
      acronym: "PARADIG",
      kind: "REGIONAL_INNOVATION",
      regionCode: "74.71",
    })
  ).id;
  await prisma.changeProject.update({
    where: { id: launchedId },
    data: { status: "LAUNCHED", launchedAt: new Date() },
  });

  const started = await loadAppBuild();
  build = started.build;
  const handler = createRequestHandler(guardBuild(build), "production");
  handle = (request) => handler(request);
}, 120_000);

const get = (path: string, cookie?: string) =>
  handle(new Request(`http://lintas.test${path}`, { headers: cookie ? { Cookie: cookie } : {} }));

const count = (html: string, needle: string) => html.split(needle).length - 1;

/** The site header is there: its navigation, in the page's language. */
function expectSiteNavigation(html: string, label = "Navigasi utama") {
  expect(html).toContain(`aria-label="${label}"`);
}

describe("a project tab's error keeps the project's page", () => {
  const post = (path: string, body: string) =>
    handle(
      new Request(`http://lintas.test${path}`, {
        method: "POST",
        headers: { Cookie: officerCookie, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      }),
    );

  it.each([
    ["a write to a tab that takes none", "linimasa", "intent=x", 405],
    ["a refused form on a tab", "tonggak", "intent=milestone&title=a%00b", 400],
  ])("%s: the member keeps the project's header and tabs", async (_, tab, body, status) => {
    const response = await post(`/proyek/${draftId}/${tab}`, body);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain("<h1>L2T2: Layanan Lumpur Tinja Terjadwal</h1>");
    expect(html).toContain('aria-label="Bagian proyek"');
    expectSiteNavigation(html);
    // the message is a section of the project's page: a second-level heading, one <main>
    expect(html).toContain('<h2 id="route-error-heading">Permintaan tidak dapat diproses</h2>');
    expect(html).toContain(`Kode galat: ${status}`);
    // the way back is the project's overview
    expect(html).toContain(`href="/proyek/${draftId}"`);
    expect(count(html, "<main")).toBe(1);
    expect(await prisma.milestone.count({ where: { projectId: draftId } })).toBe(0);
  });

  it("a person with no project rights on a launched project's tab: 403 under its public header", async () => {
    const response = await get(`/proyek/${launchedId}/tonggak`, nobodyCookie);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("PARADIG");
    expect(html).toContain("Pasar Rakyat Digital");
    expect(html).toContain('<h2 id="route-error-heading">Akses ditolak</h2>');
    expectSiteNavigation(html);
    expect(count(html, "<main")).toBe(1);
  });

  it("someone outside the project's scope on its timeline: 404 under its header, in English too", async () => {
    const response = await get(`/proyek/${launchedId}/linimasa?lng=en`, strangerCookie);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Pasar Rakyat Digital");
    expect(html).toContain('<h2 id="route-error-heading">Page not found</h2>');
    expect(html).toContain("Error code: 404");
    expectSiteNavigation(html, "Main navigation");
    // a thrown response is never shown as a stack trace
    expect(html).not.toContain("<pre>");
  });

  it("a project that is not there, or not theirs, is the whole page's 404 (the layout's own)", async () => {
    for (const [id, cookie] of [
      ["tidak-ada", officerCookie],
      [draftId, strangerCookie],
    ]) {
      const response = await get(`/proyek/${id}/tonggak`, cookie);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("<h1>Halaman tidak ditemukan</h1>");
      expect(html).not.toContain("Layanan Lumpur Tinja Terjadwal");
      expectSiteNavigation(html);
    }
  });
});

describe("a page's own error keeps the site", () => {
  it("an anonymous 404 at a nested address keeps the site navigation", async () => {
    const response = await get("/katalog/praktik-yang-tidak-ada");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("<h1>Halaman tidak ditemukan</h1>");
    expectSiteNavigation(html);
    expect(count(html, "<main")).toBe(1);
  });

  it("every page route exports an error boundary (resource routes, without a page, have none)", () => {
    const pages = Object.values(build.routes).filter((route) => route.module.default);
    expect(pages.length).toBeGreaterThan(40);
    const without = pages.filter((route) => !route.module.ErrorBoundary).map((route) => route.id);
    expect(without).toEqual([]);
  });
});
