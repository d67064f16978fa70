// Lessons-learned pages: the template, drafting from the notes' blocks, review comments by the
// pairing's leads, publication in one transaction (and nothing when it fails half-way), published
// updates as versions, withdrawal (410) and citations.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { ConflictError, OutOfScopeError } from "~/errors";
import {
  formToLesson,
  lessonFormSchema,
  lessonToForm,
  lines,
  parseSections,
  parseStep,
} from "~/modules/lessons/lesson-schemas";
import { lessonAccess } from "~/modules/lessons/access.server";
import { citeLesson } from "~/modules/lessons/citations.server";
import { addLessonComment, resolveLessonComment } from "~/modules/lessons/comments.server";
import { noteBlocks } from "~/modules/lessons/note-blocks.server";
import { getPublicLesson } from "~/modules/lessons/public.server";
import { publishLesson, submitForReview, withdrawLesson } from "~/modules/lessons/publish.server";
import { LessonError } from "~/modules/lessons/working-copy.server";
import { appendNoteBlock, getLessonWorkspace, saveLessonDraft } from "~/modules/lessons/workspace.server";
import { saveNote } from "~/modules/lessons/note.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createProject } from "~/modules/projects/details.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as publicRoute from "~/routes/lessons/lesson";
import * as workspaceRoute from "~/routes/lessons/workspace";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>;
let facilitator: Actor;
let kendariLead: Actor;
let blitarLead: Actor;
let blitarOfficer: Actor;
let outsider: Actor;
let viewer: Actor;
let pairingId: string;
let sessionIds: string[];

const notes = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Catatan sesi 1" }] },
    {
      type: "paragraph",
      content: [
        {
          type: "text",
          text: "Cakupan layanan penyedotan di Kendari naik; Blitar baru 12 % rumah tangga bertangki septik aman.",
        },
      ],
    },
    {
      type: "bulletList",
      content: ["2016: L2T2 dimulai", "2017: sosialisasi dan tangki septik MBR", "2018: wajib bagi ASN"].map(
        (text) => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }),
      ),
    },
    {
      type: "taskList",
      content: [
        {
          type: "taskItem",
          attrs: { checked: false },
          content: [{ type: "paragraph", content: [{ type: "text", text: "Siapkan bahan advokasi" }] }],
        },
      ],
    },
  ],
};

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  kendariLead = await actorFor(
    (await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", email: "sekda@kendari.test" })).id,
  );
  blitarLead = await actorFor(
    (await createPerson({ role: "PARTICIPANT", regionCode: "35.72", email: "bappeda@blitar.test" })).id,
  );
  blitarOfficer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  outsider = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.05" })).id);
  viewer = await actorFor((await createPerson({ role: "VIEWER", regionCode: "35.72" })).id);
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    sector: "Sanitasi",
    method: "PRIVATE_TELECONFERENCE",
  });
  pairingId = pairing.id;
  await addParticipant(facilitator, pairingId, {
    side: "MENTOR",
    name: "Sekda Kendari",
    email: "sekda@kendari.test",
    isLead: true,
  });
  await addParticipant(facilitator, pairingId, {
    side: "MENTEE",
    name: "Bappeda Blitar",
    email: "bappeda@blitar.test",
    isLead: true,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 4,
    intervalWeeks: 1,
  });
  sessionIds = sessions.map((s) => s.id);
  for (const id of sessionIds) await saveNote(facilitator, id, notes);
});

const form = (overrides: Record<string, string> = {}) => ({
  title: "Kendari–Blitar: L2T2",
  summary: "Layanan lumpur tinja terjadwal",
  context: "Blitar: 12 % rumah tangga bertangki septik aman.",
  mentorSteps: "2016: dimulai\n2017: disosialisasikan\n2018: wajib bagi ASN lewat instruksi wali kota",
  successFactors: "Komitmen kepala daerah\nPilot dengan ASN\nInstruksi wali kota",
  needPolicy: "Instruksi wali kota",
  replicationSteps: "Advokasi\nPilot ASN",
  tags: "L2T2, sanitasi",
  ...overrides,
});

function parseForm(values: Record<string, string>) {
  // as the route reads a form: an empty field is an absent one
  const parsed = lessonFormSchema.safeParse(Object.fromEntries(Object.entries(values).filter(([, v]) => v)));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.flatten()));
  return parsed.data;
}

describe("the template", () => {
  it("reads lists one item a line, dated steps with their date, and round-trips through the form", () => {
    expect(lines("- satu\n\n2) dua\n  tiga  ")).toEqual(["satu", "dua", "tiga"]);
    expect(parseStep("2018: wajib bagi ASN")).toEqual({ when: "2018", what: "wajib bagi ASN" });
    expect(parseStep("Catatan: tanpa tanggal")).toEqual({ when: "", what: "Catatan: tanpa tanggal" });
    const lesson = formToLesson(parseForm(form({ indicators: "Sanitasi aman: 1,22 %" })));
    expect(lesson.sections.mentorSteps).toHaveLength(3);
    expect(lesson.sections.indicators).toEqual([{ name: "Sanitasi aman", value: "1,22 %" }]);
    expect(lesson.tags).toEqual(["L2T2", "sanitasi"]);
    const back = lessonToForm(lesson);
    expect(back.mentorSteps).toBe(form().mentorSteps);
    expect(formToLesson(parseForm(back))).toEqual(lesson);
  });

  it("limits every field's length and the number of items", () => {
    const tooMany = lessonFormSchema.safeParse(
      form({ successFactors: Array.from({ length: 11 }, (_, i) => `faktor ${i}`).join("\n") }),
    );
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.flatten().fieldErrors.successFactors).toEqual([
      "lessonTemplate.errors.tooManyItems",
    ]);
    const long = lessonFormSchema.safeParse(form({ context: "x".repeat(4001) }));
    expect(long.error?.flatten().fieldErrors.context).toEqual(["errors.tooLong"]);
  });

  it("stores only what the schema knows, and falls back to empty for anything else", () => {
    const sections = parseSections({
      context: 42,
      successFactors: ["a", { evil: true }],
      needs: { policy: "ok" },
      extra: "<script>",
    });
    expect(sections.context).toBe("");
    expect(sections.successFactors).toEqual([]);
    expect(sections.needs.policy).toBe("ok");
    expect(sections).not.toHaveProperty("extra");
  });
});

describe("who may do what", () => {
  it("writers, leads of both sides and facilitators; others not", async () => {
    const id = sessionIds[0];
    expect(await lessonAccess(facilitator.user, id)).toEqual({ write: true, comment: true, publish: true });
    expect(await lessonAccess(kendariLead.user, id)).toMatchObject({ comment: true, publish: false });
    expect(await lessonAccess(blitarLead.user, id)).toMatchObject({ comment: true, publish: false });
    expect(await lessonAccess(blitarOfficer.user, id)).toEqual({
      write: true,
      comment: false,
      publish: false,
    });
    expect(await lessonAccess(outsider.user, id)).toEqual({ write: false, comment: false, publish: false });
    await expect(getLessonWorkspace(outsider.user, id)).rejects.toThrow(OutOfScopeError);
    await expect(saveLessonDraft(outsider, id, parseForm(form()))).rejects.toThrow(OutOfScopeError);
    const block = noteBlocks(notes)[1];
    await expect(
      appendNoteBlock(viewer, id, { block: block.index, hash: block.hash, field: "context" }),
    ).rejects.toThrow(OutOfScopeError);
    expect(await prisma.lesson.count({ where: { sessionId: id } })).toBe(0);
  });

  it("answers 403 to a person who sees the session but may not write or review its lesson", async () => {
    const response = await callRoute(
      workspaceRoute.loader,
      getRequest(`/sesi/${sessionIds[0]}/pelajaran`, await cookieFor(viewer.user.id)),
      { sessionId: sessionIds[0] },
    );
    expect(response.status).toBe(403);
  });
});

describe("drafting from the notes", () => {
  it("shows the notes as blocks, with their text and list items", () => {
    const blocks = noteBlocks(notes);
    expect(blocks.map((b) => b.index)).toEqual([0, 1, 2, 3]);
    expect(blocks[2].items).toEqual([
      "2016: L2T2 dimulai",
      "2017: sosialisasi dan tangki septik MBR",
      "2018: wajib bagi ASN",
    ]);
    expect(blocks[1].html).toContain("<p>Cakupan layanan");
  });

  it("adds a block to a field through the form (no JavaScript), creating the draft", async () => {
    const id = sessionIds[0];
    const cookie = await cookieFor(blitarOfficer.user.id);
    const blocks = noteBlocks(notes);
    const post = (fields: Record<string, string>) =>
      callRoute(workspaceRoute.action, formRequest(`/sesi/${id}/pelajaran`, fields, cookie), {
        sessionId: id,
      });
    let response = await post({ intent: "append", block: "2", hash: blocks[2].hash, field: "mentorSteps" });
    expect(response.status).toBe(302);
    response = await post({ intent: "append", block: "1", hash: blocks[1].hash, field: "context" });
    expect(response.status).toBe(302);
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    expect(lesson.status).toBe("DRAFT");
    const sections = parseSections(lesson.sections);
    expect(sections.mentorSteps).toEqual([
      { when: "2016", what: "L2T2 dimulai" },
      { when: "2017", what: "sosialisasi dan tangki septik MBR" },
      { when: "2018", what: "wajib bagi ASN" },
    ]);
    expect(sections.context).toContain("12 % rumah tangga");
    // the notes changed since the page was shown: nothing is added
    const before = JSON.stringify(lesson.sections);
    response = await post({ intent: "append", block: "1", hash: "0000000000000000", field: "context" });
    expect(response.status).toBe(400);
    expect(
      JSON.stringify((await prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).sections),
    ).toBe(before);
    // the loader shows the blocks and the form filled from the draft
    const page = await callRoute(workspaceRoute.loader, getRequest(`/sesi/${id}/pelajaran`, cookie), {
      sessionId: id,
    });
    const data = await page.json();
    expect(data.blocks).toHaveLength(4);
    expect(data.form.mentorSteps).toContain("2018: wajib bagi ASN");
  });

  it("sends a bad field back next to the field, keeps the input and writes nothing", async () => {
    const id = sessionIds[0];
    const cookie = await cookieFor(blitarOfficer.user.id);
    const before = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    const response = await callRoute(
      workspaceRoute.action,
      formRequest(
        `/sesi/${id}/pelajaran`,
        { intent: "save", ...form({ title: "x", context: "Konteks baru" }) },
        cookie,
      ),
      { sessionId: id },
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.title).toEqual(["errors.tooShort"]);
    expect(body.result.initialValue.context).toBe("Konteks baru");
    const after = await prisma.lesson.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });
});

describe("review and publication", () => {
  it("goes draft → in review (leads comment on a field with a quote) → published, linked and logged", async () => {
    const id = sessionIds[0];
    await saveLessonDraft(blitarOfficer, id, parseForm(form()));
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    await submitForReview(blitarOfficer, id, lesson.id);
    expect((await prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).status).toBe("IN_REVIEW");
    await expect(
      addLessonComment(blitarOfficer, id, lesson.id, { field: "context", body: "bukan pimpinan" }),
    ).rejects.toThrow(OutOfScopeError);
    const comment = await addLessonComment(kendariLead, id, lesson.id, {
      field: "mentorSteps",
      quote: "2017: disosialisasikan",
      body: "Tambahkan: bersama pembangunan tangki septik MBR.",
    });
    await addLessonComment(blitarLead, id, lesson.id, { field: "successFactors", body: "Setuju." });
    // no publication while comments are open, and only by a facilitator
    await expect(publishLesson(blitarOfficer, id, lesson.id)).rejects.toThrow(OutOfScopeError);
    await expect(publishLesson(facilitator, id, lesson.id)).rejects.toThrow(
      "lessonReview.errors.openComments",
    );
    for (const c of await prisma.lessonComment.findMany({ where: { lessonId: lesson.id } }))
      await resolveLessonComment(c.id === comment.id ? blitarOfficer : facilitator, id, c.id);
    const activities = await prisma.activityLog.count({ where: { action: "lesson.published" } });
    const published = await publishLesson(facilitator, id, lesson.id, { slug: "l2t2-kendari-blitar" });
    expect(published).toMatchObject({
      status: "PUBLISHED",
      slug: "l2t2-kendari-blitar",
      sessionId: id,
      pairingId,
      regionCode: "74.71",
      version: 1,
      publishedById: facilitator.user.id,
    });
    expect(await prisma.activityLog.count({ where: { action: "lesson.published" } })).toBe(activities + 1);
    // publishing says nothing of whether the session was held (issue #22, defect 1)
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
    expect((await prisma.commitment.findMany({ where: { sessionId: id } })).map((c) => c.title)).toEqual([
      "Siapkan bahan advokasi",
    ]);
    const page = await getPublicLesson("l2t2-kendari-blitar");
    expect(page && !page.withdrawn && page.sections.successFactors).toHaveLength(3);
  });

  it("cannot skip review: a draft is not published, by the model or by the form", async () => {
    const id = sessionIds[1];
    await saveLessonDraft(facilitator, id, parseForm(form({ title: "Sesi dua" })));
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    expect(lesson.status).toBe("DRAFT");
    const before = await prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    await expect(publishLesson(facilitator, id, lesson.id, { slug: "tanpa-tinjauan" })).rejects.toThrow(
      "lessonReview.errors.notInReview",
    );
    const response = await callRoute(
      workspaceRoute.action,
      formRequest(
        `/sesi/${id}/pelajaran`,
        { intent: "publish", lessonId: lesson.id, slug: "tanpa-tinjauan" },
        await cookieFor(facilitator.user.id),
      ),
      { sessionId: id },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ "": ["lessonReview.errors.notInReview"] });
    expect(await prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toEqual(before);
    expect(await prisma.activityLog.count({ where: { action: "lesson.published", subjectId: id } })).toBe(0);
  });

  it("is all or nothing: a slug taken half-way through leaves every row as it was", async () => {
    const id = sessionIds[1];
    await saveLessonDraft(facilitator, id, parseForm(form({ title: "Sesi dua" })));
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    await submitForReview(facilitator, id, lesson.id);
    const snapshot = async () => ({
      lesson: await prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } }),
      session: (await prisma.session.findUniqueOrThrow({ where: { id } })).status,
      commitments: await prisma.commitment.count({ where: { sessionId: id } }),
      activity: await prisma.activityLog.count({ where: { action: { startsWith: "lesson." } } }),
    });
    const before = await snapshot();
    expect(before.session).toBe("SCHEDULED");
    // the commitments and the session are written before the slug, which collides
    await expect(publishLesson(facilitator, id, lesson.id, { slug: "l2t2-kendari-blitar" })).rejects.toThrow(
      LessonError,
    );
    expect(await snapshot()).toEqual(before);
    // the form answers next to the slug field
    const response = await callRoute(
      workspaceRoute.action,
      formRequest(
        `/sesi/${id}/pelajaran`,
        { intent: "publish", lessonId: lesson.id, slug: "l2t2-kendari-blitar" },
        await cookieFor(facilitator.user.id),
      ),
      { sessionId: id },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({ slug: ["lessonReview.errors.slugTaken"] });
    expect(await snapshot()).toEqual(before);
    // with a free slug (made from the title) it goes through
    const published = await publishLesson(facilitator, id, lesson.id);
    expect(published.slug).toBe("sesi-dua");
    expect(await prisma.commitment.count({ where: { sessionId: id } })).toBe(1);
  });

  it("publishes once when two reviewers publish at the same moment; the other is told it changed", async () => {
    const id = sessionIds[3];
    await saveLessonDraft(facilitator, id, parseForm(form({ title: "Sesi empat" })));
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    await submitForReview(facilitator, id, lesson.id);
    const outcomes = await Promise.allSettled([
      publishLesson(facilitator, id, lesson.id, { slug: "sesi-empat-a" }),
      publishLesson(facilitator, id, lesson.id, { slug: "sesi-empat-b" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    // the other finds the lesson changed when it writes (ConflictError) or, when it read after the
    // first one's commit (a PostgreSQL pool can run them one after the other), nothing to publish
    const { reason } = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    if (!(reason instanceof ConflictError))
      expect(reason).toMatchObject({ key: "lessonReview.errors.nothingToPublish" });
    const published = await prisma.activityLog.findMany({
      where: { action: "lesson.published", data: { path: ["lessonId"], equals: lesson.id } },
    });
    expect(published).toHaveLength(1);
    expect(await prisma.commitment.count({ where: { sessionId: id } })).toBe(1);
  });

  it("keeps the public text until an update is published, then keeps the old text as version 1", async () => {
    const id = sessionIds[0];
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    await saveLessonDraft(
      blitarOfficer,
      id,
      parseForm(form({ summary: "Ringkasan baru", obstacles: "Biaya truk" })),
    );
    let page = await getPublicLesson(lesson.slug);
    expect(page && !page.withdrawn && page.summary).toBe("Layanan lumpur tinja terjadwal");
    const workspace = await getLessonWorkspace(blitarOfficer.user, id);
    expect(workspace.lesson).toMatchObject({
      pendingUpdate: true,
      summary: "Ringkasan baru",
      status: "PUBLISHED",
    });
    await publishLesson(facilitator, id, lesson.id);
    page = await getPublicLesson(lesson.slug);
    if (!page || page.withdrawn) throw new Error("not published");
    expect(page).toMatchObject({ version: 2, summary: "Ringkasan baru", slug: "l2t2-kendari-blitar" });
    expect(page.sections.obstacles).toBe("Biaya truk");
    expect(page.olderVersions.map((v) => v.version)).toEqual([1]);
    const old = await getPublicLesson(lesson.slug, 1);
    expect(old && !old.withdrawn && old).toMatchObject({
      isOlder: true,
      version: 1,
      summary: "Layanan lumpur tinja terjadwal",
    });
    expect(await getPublicLesson(lesson.slug, 7)).toBeNull();
    // nothing pending: nothing to publish
    await expect(publishLesson(facilitator, id, lesson.id)).rejects.toThrow("nothingToPublish");
  });
});

describe("citations", () => {
  it("a pairing or a project cites a lesson once, and the count shows", async () => {
    const slug = "l2t2-kendari-blitar";
    const otherPairing = await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "74.05",
      topic: "L2T2 Konawe Selatan",
      method: "PRIVATE_TELECONFERENCE",
    });
    const project = await createProject(blitarOfficer, {
      title: "Replikasi L2T2 Kota Blitar",
      kind: "REGIONAL_INNOVATION",
      regionCode: "35.72",
    });
    await citeLesson(facilitator, slug, { target: `pairing:${otherPairing.id}`, note: "Pilot ASN" });
    await expect(citeLesson(facilitator, slug, { target: `pairing:${otherPairing.id}` })).rejects.toThrow(
      "alreadyCited",
    );
    await expect(citeLesson(facilitator, slug, { target: `pairing:${pairingId}` })).rejects.toThrow(
      "ownPairing",
    );
    await expect(citeLesson(outsider, slug, { target: `project:${project.id}` })).rejects.toThrow(
      OutOfScopeError,
    );
    // through the page's form, without JavaScript
    const response = await callRoute(
      publicRoute.action,
      formRequest(
        `/pelajaran/${slug}`,
        { target: `project:${project.id}` },
        await cookieFor(blitarOfficer.user.id),
      ),
      { slug },
    );
    expect(response.status).toBe(302);
    const page = await callRoute(publicRoute.loader, getRequest(`/pelajaran/${slug}`), { slug });
    const data = await page.json();
    expect(data.lesson.reuseCount).toBe(2);
    expect(data.lesson.learnedBy.map((c: { region: string }) => c.region)).toEqual([
      "Kabupaten Konawe Selatan",
      "Kota Blitar",
    ]);
    expect(await prisma.lessonCitation.count()).toBe(2);
    const viewerResponse = await callRoute(
      publicRoute.action,
      formRequest(`/pelajaran/${slug}`, { target: `project:${project.id}` }, await cookieFor(viewer.user.id)),
      { slug },
    );
    expect(viewerResponse.status).toBe(403);
  });
});

describe("withdrawal", () => {
  it("answers 410 with the reason and none of the content", async () => {
    const id = sessionIds[1];
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    await expect(withdrawLesson(blitarOfficer, id, lesson.id, "Data belum diverifikasi")).rejects.toThrow(
      OutOfScopeError,
    );
    await withdrawLesson(facilitator, id, lesson.id, "Data belum diverifikasi oleh Pokja");
    // the loader's data() with a status: the document is rendered with 410 (see lesson-pages.test.ts)
    const result = (await publicRoute.loader({
      request: getRequest(`/pelajaran/${lesson.slug}`),
      params: { slug: lesson.slug },
      context: {},
    })) as unknown as { init: { status: number }; data: { lesson: Record<string, unknown> } };
    expect(result.init.status).toBe(410);
    expect(result.data.lesson).toMatchObject({
      withdrawn: true,
      reason: "Data belum diverifikasi oleh Pokja",
    });
    expect(JSON.stringify(result.data)).not.toContain("Komitmen kepala daerah");
    // a withdrawn lesson takes no comments and is no longer the session's lesson to work on
    await expect(
      addLessonComment(facilitator, id, lesson.id, { field: "context", body: "x" }),
    ).rejects.toThrow(LessonError);
    expect((await getLessonWorkspace(facilitator.user, id)).withdrawn).toHaveLength(1);
  });

  it("finds nothing for a draft's address", async () => {
    const id = sessionIds[2];
    await saveLessonDraft(facilitator, id, parseForm(form({ title: "Draf saja" })));
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    expect(lesson.slug).toMatch(/^draf-/);
    expect(await getPublicLesson(lesson.slug)).toBeNull();
    const response = await callRoute(publicRoute.loader, getRequest(`/pelajaran/${lesson.slug}`), {
      slug: lesson.slug,
    });
    expect(response.status).toBe(404);
  });
});
