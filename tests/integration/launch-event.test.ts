// The launch event page (/peluncuran/:id) with the Lahat demo: when, where, who, the four projects
// launched together and each one's follow-up; public once one of its projects is public (404 for
// everyone otherwise, and a project that is not public is left out); reached from each project's
// public page, the region page and the region and cohort dashboards (pages rendered whole).
import { createRequestHandler } from "@remix-run/node";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getLaunchEventPage, listLaunchEvents } from "~/modules/projects/launch-event.server";
import * as launchEventRoute from "~/routes/projects/launch-event";
import { LAHAT_LAUNCH_ID, seedDemo } from "../../prisma/seed-demo";
import { loadAppBuild } from "../fixtures/app-build";
import { callRoute, cookieFor, getRequest } from "../fixtures/people";

const now = new Date("2026-12-07T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const LAHAT = ["SIAP BPKAD", "PERJAKA", "SIP BENAR", "e-Agenda"];
const ids = { hiddenEvent: "", mixedEvent: "", launched: "", draft: "" };

let handle: (request: Request) => Promise<Response>;
const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});
const parse = (html: string) => new window.DOMParser().parseFromString(html, "text/html");
const get = async (path: string, cookie?: string) => {
  const response = await handle(
    new Request(`http://lintas.test${path}`, { headers: cookie ? { Cookie: cookie } : {} }),
  );
  return { status: response.status, doc: parse(await response.text()) };
};
const cookieOf = async (email: string) =>
  cookieFor((await prisma.user.findUniqueOrThrow({ where: { email } })).id);

beforeAll(async () => {
  await seedDemo(prisma, { log: () => {} });
  // an event whose only project was never launched (a draft tied to it by mistake): not public
  const hidden = await prisma.launchEvent.create({
    data: { title: "Acara tertutup", date: day("2024-05-02"), regionCode: "16.04" },
  });
  ids.hiddenEvent = hidden.id;
  await prisma.changeProject.create({
    data: { title: "Draf", kind: "TRAINING_CHANGE_PROJECT", regionCode: "16.04", launchEventId: hidden.id },
  });
  // an event with a launched project (check-ins at 3 and 6 months) and a draft
  const mixed = await prisma.launchEvent.create({
    data: {
      title: "Launching Kendari",
      date: day("2024-01-10"),
      regionCode: "74.71",
      launchedBy: "Wali Kota",
    },
  });
  ids.mixedEvent = mixed.id;
  ids.launched = (
    await prisma.changeProject.create({
      data: {
        title: "Layanan terjadwal",
        acronym: "L2T2 Kendari",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        status: "LAUNCHED",
        launchedAt: day("2024-01-10"),
        launchEventId: mixed.id,
        checkIns: {
          create: [
            { status: "ON_TRACK", note: "catatan internal", createdAt: day("2024-04-12") },
            { status: "ON_TRACK", note: "catatan internal", createdAt: day("2024-07-01") },
          ],
        },
        milestones: {
          create: { title: "Armada", horizon: "SHORT", status: "DONE", dueDate: day("2024-03-01") },
        },
      },
    })
  ).id;
  ids.draft = (
    await prisma.changeProject.create({
      data: {
        title: "Draf Kendari",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        launchEventId: mixed.id,
      },
    })
  ).id;
  const started = await loadAppBuild();
  const handler = createRequestHandler(started.build, "production");
  handle = (request) => handler(request);
}, 180_000);

afterAll(async () => {
  await window.happyDOM.close();
});

describe("the launch event's content", () => {
  it("says when, where and who, and lists the four Lahat projects with their follow-up", async () => {
    const event = await getLaunchEventPage(LAHAT_LAUNCH_ID, now);
    expect(event).not.toBeNull();
    expect(event!.launchedBy).toBe("Bupati Lahat");
    expect(event!.date).toEqual(new Date("2023-10-10T02:00:00.000Z"));
    expect(event!.cohorts.map((c) => `${c.programme} ${c.batch}`)).toEqual(["PKN_II Angkatan XX"]);
    expect(event!.projects.map((p) => p.acronym).sort()).toEqual([...LAHAT].sort());
    for (const p of event!.projects) {
      // no check-in since 10 Oct 2023: every window missing, "implemented?" not shown
      expect(p.followUp.windows.map((w) => w.mark)).toEqual(["missing", "missing", "missing"]);
      expect(p.followUp.verdict).toBe("noReport");
      // the launch done; the March and December 2024 milestones still open: late
      expect(p.followUp.milestones).toEqual({ done: 1, late: 2, total: 3 });
      expect(p.followUp.riskReasons.map((r) => r.kind)).toEqual([
        "checkInOverdue",
        "checkInOverdue",
        "checkInOverdue",
        "lateMilestone",
        "lateMilestone",
      ]);
    }
  });

  it("keeps a project that is not public off the page, and shows each window's check-in", async () => {
    const event = await getLaunchEventPage(ids.mixedEvent, now);
    expect(event!.projects.map((p) => p.id)).toEqual([ids.launched]);
    const [project] = event!.projects;
    expect(project.followUp.windows.map((w) => w.mark)).toEqual(["met", "met", "missing"]);
    expect(project.followUp.lastCheckIn).toEqual({ createdAt: day("2024-07-01"), status: "ON_TRACK" });
    // public data only: no check-in notes or people reach the page
    expect(JSON.stringify(event)).not.toContain("catatan internal");
  });

  it("lists a region's launch events, and a cohort's through its projects", async () => {
    const lahat = await listLaunchEvents({ regionCode: "16.04" }, now);
    expect(lahat.map((e) => e.id)).toEqual([LAHAT_LAUNCH_ID]);
    expect(lahat[0].projects.map((p) => p.verdict)).toEqual(["noReport", "noReport", "noReport", "noReport"]);
    const cohortProjects = await prisma.changeProject.findMany({
      where: { cohortId: "demo-cohort-pkn2-xx-2023" },
      select: { id: true },
    });
    const byCohort = await listLaunchEvents({ projectIds: cohortProjects.map((p) => p.id) }, now);
    expect(byCohort.map((e) => e.id)).toContain(LAHAT_LAUNCH_ID);
    expect(await listLaunchEvents({ projectIds: [ids.draft] }, now)).toEqual([]);
  });
});

describe("who may see it", () => {
  it("is public once one of its projects is: 200 anonymously, 404 when none is or it does not exist", async () => {
    const call = (id: string) =>
      callRoute(launchEventRoute.loader, getRequest(`/peluncuran/${id}`), { launchEventId: id });
    expect((await call(LAHAT_LAUNCH_ID)).status).toBe(200);
    expect((await call(ids.mixedEvent)).status).toBe(200);
    expect((await call(ids.hiddenEvent)).status).toBe(404);
    expect((await call("tidak-ada")).status).toBe(404);
    const facilitator = await cookieOf("fasilitator@lintas.test");
    const signedIn = await callRoute(
      launchEventRoute.loader,
      getRequest(`/peluncuran/${ids.hiddenEvent}`, facilitator),
      { launchEventId: ids.hiddenEvent },
    );
    expect(signedIn.status).toBe(404);
  });
});

describe("the page and the links to it", () => {
  it("renders the event and each project's 'implemented?' line without JavaScript", async () => {
    const { status, doc } = await get(`/peluncuran/${LAHAT_LAUNCH_ID}`);
    expect(status).toBe(200);
    expect(doc.querySelector("h1")?.textContent).toMatch(/PKN II Angkatan XX Kabupaten Lahat/);
    const facts = doc.querySelector("main > dl.facts")?.textContent ?? "";
    expect(facts).toContain("10 Okt 2023, 09.00 WIB");
    expect(facts).toContain("Bupati Lahat");
    expect(facts).toContain("PKN II Angkatan XX (2023)");
    const projects = [...doc.querySelectorAll("section.launch-project")];
    expect(projects.map((s) => s.querySelector("h3")?.textContent?.split(":")[0]).sort()).toEqual(
      [...LAHAT].sort(),
    );
    for (const section of projects) {
      expect(section.querySelector(".verdict")?.textContent).toBe(
        "Diterapkan? Belum terbukti: tidak ada laporan pemantauan sejak peluncuran.",
      );
      expect(section.textContent).toContain("12 bulan: tidak ada");
      expect(section.textContent).toContain("1 dari 3 selesai, 2 terlambat");
    }
  });

  it("is linked from each Lahat project's public page, which answers 'did it stop halfway?'", async () => {
    for (const key of ["siap-bpkad", "perjaka", "sip-benar", "e-agenda"]) {
      const { status, doc } = await get(`/proyek/demo-project-${key}-lahat`);
      expect(status).toBe(200);
      expect(doc.querySelector(`a[href="/peluncuran/${LAHAT_LAUNCH_ID}"]`)).not.toBeNull();
      const followUp = doc.querySelector('section[aria-labelledby="follow-up-heading"]')?.textContent ?? "";
      expect(followUp).toContain("Belum terbukti");
      expect(followUp).toContain("Tonggak terlambat:");
      expect(followUp).toContain("Belum ada check-in.");
      // the stated benefits, left out before
      expect(doc.body.textContent).toContain("tidak berhenti di tengah jalan");
    }
  });

  it("is linked from the region page, the bupati's region dashboard and the cohort dashboard", async () => {
    const link = `a[href="/peluncuran/${LAHAT_LAUNCH_ID}"]`;
    const region = await get("/wilayah/16.04");
    expect(region.doc.querySelector(link)).not.toBeNull();
    const bupati = await cookieOf("bupati.lahat@lintas.test");
    const dashboard = await get("/dasbor/wilayah/16.04", bupati);
    expect(dashboard.status).toBe(200);
    const section = dashboard.doc.querySelector('section[aria-labelledby="launch-events-heading"]');
    expect(section?.querySelector(link)).not.toBeNull();
    // the four projects the head of region launched, each with what became of it
    expect(section?.querySelectorAll("ul ul li").length).toBe(4);
    expect(section?.textContent).toContain("PERJAKA: Belum terbukti");
    const cohort = await get(
      "/dasbor/angkatan/demo-cohort-pkn2-xx-2023",
      await cookieOf("fasilitator@lintas.test"),
    );
    expect(cohort.status).toBe(200);
    expect(cohort.doc.querySelector(link)).not.toBeNull();
  });
});
