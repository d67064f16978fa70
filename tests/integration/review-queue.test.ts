// Issue #22, item 5: a lesson "Sedang ditinjau" reaches someone. Submitting it notifies the
// pairing's facilitator once; /tinjauan lists it with how long it has waited, its pairing and
// author, for facilitators and the pairing's leads ("lesson:review" in the permission map); review
// comments and the decision (sent back, published) notify its authors; another region's officer
// sees nothing. Through the real routes (the queue rendered whole by Remix's handler) on a real DB.
import { createRequestHandler } from "@remix-run/node";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as workspaceRoute from "~/routes/lessons/workspace";
import * as queueRoute from "~/routes/lessons/review";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";
import { loadAppBuild } from "../fixtures/app-build";

const DAY = 24 * 60 * 60 * 1000;
const TITLE = "Kendari–Blitar: layanan lumpur tinja terjadwal";

type Person = { id: string; cookie: string };
let pmu: Person; // the pairing's facilitator (its facilitating organisation)
let otherFacilitator: Person; // a facilitator of another programme
let admin: Person;
let kendariLead: Person; // officer of the mentor region, the mentor side's lead
let blitarLead: Person; // participant, the mentee side's lead
let author: Person; // officer of the mentee region who writes the lesson
let outsider: Person; // officer of another region
let viewer: Person;
let sessionId: string;

let handle: (request: Request) => Promise<Response>;
const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});

async function person(options: Parameters<typeof createPerson>[0]): Promise<Person> {
  const user = await createPerson(options);
  return { id: user.id, cookie: await cookieFor(user.id) };
}

const post = (who: Person, fields: Record<string, string>) =>
  callRoute(workspaceRoute.action, formRequest(`/sesi/${sessionId}/pelajaran`, fields, who.cookie), {
    sessionId,
  });

const queueData = async (who: Person) => {
  const response = await callRoute(queueRoute.loader, getRequest("/tinjauan", who.cookie));
  return { status: response.status, data: response.status === 200 ? await response.json() : null };
};

/** The queue page as a browser gets it: its main text and its links. */
async function queuePage(who: Person) {
  const response = await handle(
    new Request("http://lintas.test/tinjauan", { headers: { Cookie: who.cookie } }),
  );
  const html = await response.text();
  const doc = new window.DOMParser().parseFromString(html, "text/html");
  return {
    status: response.status,
    text: (doc.querySelector("main")?.textContent ?? "").replace(/\s+/g, " "),
    nav: [...doc.querySelectorAll("nav.main-nav a")].map((a) => a.getAttribute("href")),
    links: [...doc.querySelectorAll("main a")].map((a) => a.getAttribute("href")),
  };
}

const notices = (userId: string) =>
  prisma.notification.findMany({
    where: { userId, kind: { startsWith: "lesson-review" } },
    orderBy: { createdAt: "asc" },
    select: { kind: true, title: true, link: true, readAt: true },
  });

const lesson = () => prisma.lesson.findFirstOrThrow({ where: { sessionId } });

beforeAll(async () => {
  await ensureRegions();
  const org = await prisma.organisation.create({ data: { name: "PMU PPSP Bappenas", type: "PMU" } });
  const otherOrg = await prisma.organisation.create({ data: { name: "PMU Lain", type: "PMU" } });
  pmu = await person({ role: "FACILITATOR", organisationId: org.id, name: "Fasilitator PMU" });
  otherFacilitator = await person({ role: "FACILITATOR", organisationId: otherOrg.id });
  admin = await person({ role: "ADMIN" });
  kendariLead = await person({ role: "REGION_OFFICER", regionCode: "74.71", email: "sekda@kendari.test" });
  blitarLead = await person({ role: "PARTICIPANT", regionCode: "35.72", email: "bappeda@blitar.test" });
  author = await person({ role: "REGION_OFFICER", regionCode: "35.72", name: "Sekretariat Pokja Blitar" });
  outsider = await person({ role: "REGION_OFFICER", regionCode: "74.05" });
  viewer = await person({ role: "VIEWER", regionCode: "35.72" });
  const facilitator = await actorFor(pmu.id);
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    sector: "Sanitasi",
    method: "PRIVATE_TELECONFERENCE",
    facilitatorOrgName: "PMU PPSP Bappenas",
  });
  expect(pairing.facilitatorOrgId).toBe(org.id);
  await addParticipant(facilitator, pairing.id, {
    side: "MENTOR",
    name: "Sekda Kendari",
    email: "sekda@kendari.test",
    isLead: true,
  });
  await addParticipant(facilitator, pairing.id, {
    side: "MENTEE",
    name: "Bappeda Blitar",
    email: "bappeda@blitar.test",
    isLead: true,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId: pairing.id,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 1,
    intervalWeeks: 1,
  });
  sessionId = sessions[0].id;

  const started = await loadAppBuild();
  const build = started.build;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request);
}, 120_000);

afterAll(async () => {
  await window.happyDOM.close();
});

describe("the review queue", () => {
  it("is empty, and says so kindly, before anything is submitted", async () => {
    const page = await queuePage(pmu);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Tidak ada pelajaran yang menunggu tinjauan");
    // the facilitator's header links to the queue; a viewer's does not
    expect(page.nav).toContain("/tinjauan");
    expect((await queuePage(viewer)).nav).not.toContain("/tinjauan");
  });

  it("submitting a lesson notifies the pairing's facilitator, once", async () => {
    let response = await post(author, {
      intent: "save",
      title: TITLE,
      summary: "Layanan lumpur tinja terjadwal",
      context: "Blitar: 12 % rumah tangga bertangki septik aman.",
      successFactors: "Komitmen kepala daerah\nPilot dengan ASN",
    });
    expect(response.status).toBe(302);
    const { id } = await lesson();
    response = await post(author, { intent: "review", lessonId: id });
    expect(response.status).toBe(302);
    expect((await lesson()).status).toBe("IN_REVIEW");
    // a second submission (a double click, another tab) is refused and tells no one again
    response = await post(author, { intent: "review", lessonId: id });
    expect(response.status).toBe(400);

    expect(await notices(pmu.id)).toEqual([
      {
        kind: "lesson-review-requested",
        title: `Pelajaran menunggu tinjauan: ${TITLE} (Kota Kendari → Kota Blitar)`,
        link: `/sesi/${sessionId}/pelajaran`,
        readAt: null,
      },
    ]);
    // another programme's facilitator, the admin and the author themself are not told
    for (const other of [otherFacilitator, admin, author, outsider])
      expect(await notices(other.id)).toEqual([]);
  });

  it("lists it with how long it has waited, its pairing, author and a link to the review", async () => {
    const { id } = await lesson();
    // submitted three days (and an hour) ago
    await prisma.activityLog.updateMany({
      where: { action: "lesson.review_requested", subjectId: id },
      data: { createdAt: new Date(Date.now() - 3 * DAY - 60 * 60 * 1000) },
    });
    const page = await queuePage(pmu);
    expect(page.status).toBe(200);
    expect(page.text).toContain(TITLE);
    expect(page.text).toContain("menunggu 3 hari");
    expect(page.text).toContain("Kota Kendari → Kota Blitar: L2T2");
    expect(page.text).toContain("Penulis: Sekretariat Pokja Blitar");
    expect(page.text).toContain("Belum ada komentar terbuka");
    expect(page.links).toContain(`/sesi/${sessionId}/pelajaran`);
    const { data } = await queueData(pmu);
    expect(data.lessons).toHaveLength(1);
    expect(data.lessons[0]).toMatchObject({ id, waitingDays: 3, sessionId });
  });

  it("shows the lesson to the pairing's leads, and nothing to another region's officer", async () => {
    for (const lead of [kendariLead, blitarLead])
      expect((await queueData(lead)).data.lessons.map((l: { title: string }) => l.title)).toEqual([TITLE]);
    // the author's region writes the lesson; reviewing it is for the leads and the facilitator
    expect((await queueData(author)).data.lessons).toEqual([]);
    const page = await queuePage(outsider);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(TITLE);
    expect(page.text).toContain("Tidak ada pelajaran yang menunggu tinjauan");
    expect((await queueData(outsider)).data.lessons).toEqual([]);
    // nor can they reach the review: not found, and a comment writes nothing
    const workspace = await callRoute(
      workspaceRoute.loader,
      getRequest(`/sesi/${sessionId}/pelajaran`, outsider.cookie),
      { sessionId },
    );
    expect(workspace.status).toBe(404);
    const { id } = await lesson();
    expect(
      (await post(outsider, { intent: "comment", lessonId: id, field: "context", body: "x" })).status,
    ).toBe(404);
    expect(await prisma.lessonComment.count()).toBe(0);
    // a viewer may not review at all
    expect((await queueData(viewer)).status).toBe(403);
  });

  it("review comments notify the authors, one unread notice however many follow", async () => {
    const { id } = await lesson();
    expect(
      (
        await post(kendariLead, {
          intent: "comment",
          lessonId: id,
          field: "context",
          body: "Tambahkan angka 2016.",
        })
      ).status,
    ).toBe(302);
    expect(
      (await post(blitarLead, { intent: "comment", lessonId: id, field: "successFactors", body: "Setuju." }))
        .status,
    ).toBe(302);
    expect(await notices(author.id)).toEqual([
      {
        kind: "lesson-review-comment",
        title: `Komentar tinjauan baru pada pelajaran Anda: ${TITLE}`,
        link: `/sesi/${sessionId}/pelajaran`,
        readAt: null,
      },
    ]);
    // the commenters are not told of their own comments
    expect(await notices(kendariLead.id)).toEqual([]);
    const page = await queuePage(pmu);
    expect(page.text).toContain("2 komentar belum selesai");
  });

  it("sending back: only by the facilitator, a bad reason refused with nothing written, the authors told", async () => {
    const { id } = await lesson();
    // the review page offers the facilitator the decision, without JavaScript
    const review = await handle(
      new Request(`http://lintas.test/sesi/${sessionId}/pelajaran`, { headers: { Cookie: pmu.cookie } }),
    );
    const doc = new window.DOMParser().parseFromString(await review.text(), "text/html");
    expect(doc.querySelector("details summary")?.textContent).toBe("Kembalikan ke penulis");
    expect(doc.querySelector('form input[name="intent"][value="send-back"]')).not.toBeNull();
    // a lead may comment but not decide
    expect((await post(blitarLead, { intent: "send-back", lessonId: id })).status).toBe(403);
    // a reason longer than allowed: 400, the lesson stays in review, no one is told
    const tooLong = await post(pmu, { intent: "send-back", lessonId: id, reason: "x".repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).result.error).toEqual({ reason: ["errors.tooLong"] });
    expect((await lesson()).status).toBe("IN_REVIEW");
    expect((await notices(author.id)).map((n) => n.kind)).toEqual(["lesson-review-comment"]);

    const response = await post(pmu, {
      intent: "send-back",
      lessonId: id,
      reason: "Lengkapi angka cakupan.",
    });
    expect(response.status).toBe(302);
    expect((await lesson()).status).toBe("DRAFT");
    expect((await notices(author.id)).at(-1)).toEqual({
      kind: "lesson-review-sent-back",
      title: `Pelajaran Anda dikembalikan untuk diperbaiki: ${TITLE}. Alasan: Lengkapi angka cakupan.`,
      link: `/sesi/${sessionId}/pelajaran`,
      readAt: null,
    });
    // out of the queue; sending back twice is refused
    expect((await queueData(pmu)).data.lessons).toEqual([]);
    expect((await post(pmu, { intent: "send-back", lessonId: id })).status).toBe(400);
  });

  it("publishing after a new submission notifies the authors with the public address", async () => {
    const { id } = await lesson();
    expect((await post(author, { intent: "review", lessonId: id })).status).toBe(302);
    // a new submission is a new notice, and the queue counts from it
    expect((await notices(pmu.id)).map((n) => n.kind)).toEqual([
      "lesson-review-requested",
      "lesson-review-requested",
    ]);
    expect((await queuePage(pmu)).text).toContain("diajukan hari ini");
    for (const comment of await prisma.lessonComment.findMany({ where: { lessonId: id } }))
      expect((await post(pmu, { intent: "resolve", commentId: comment.id })).status).toBe(302);
    const response = await post(pmu, { intent: "publish", lessonId: id, slug: "l2t2-kendari-blitar" });
    expect(response.status).toBe(302);
    expect((await lesson()).status).toBe("PUBLISHED");
    expect((await notices(author.id)).at(-1)).toEqual({
      kind: "lesson-review-published",
      title: `Pelajaran Anda diterbitkan: ${TITLE}`,
      link: "/pelajaran/l2t2-kendari-blitar",
      readAt: null,
    });
    expect((await queuePage(pmu)).text).toContain("Tidak ada pelajaran yang menunggu tinjauan");
  });
});
