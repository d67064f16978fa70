import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  NoteError,
  getNote,
  mergePlainText,
  notesAsText,
  openTasks,
  parseDoc,
  restoreNoteVersion,
  saveNote,
} from "~/modules/lessons/note.server";
import { draftLessonFromSession } from "~/modules/lessons/workspace.server";
import { publishLesson, submitForReview } from "~/modules/lessons/publish.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { OutOfScopeError } from "~/errors";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as notesRoute from "~/routes/sessions/notes";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

const notes = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Pelajaran sesi pertama" }] },
    { type: "paragraph", content: [{ type: "text", text: "Advokasi untuk komitmen kepala daerah." }] },
    {
      type: "taskList",
      content: [
        {
          type: "taskItem",
          attrs: { checked: false },
          content: [
            { type: "paragraph", content: [{ type: "text", text: "Uji coba penyedotan untuk ASN" }] },
          ],
        },
        {
          type: "taskItem",
          attrs: { checked: true },
          content: [{ type: "paragraph", content: [{ type: "text", text: "Bentuk grup WhatsApp" }] }],
        },
      ],
    },
  ],
};

let facilitator: Awaited<ReturnType<typeof actorFor>>;
let member: Awaited<ReturnType<typeof actorFor>>;
let memberId: string;
let sessionIds: string[];

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  const person = await createPerson({
    role: "REGION_OFFICER",
    regionCode: "35.72",
    email: "pokja@blitar.test",
  });
  memberId = person.id;
  member = await actorFor(person.id);
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    method: "PRIVATE_TELECONFERENCE",
  });
  await addParticipant(facilitator, pairing.id, {
    side: "MENTEE",
    name: "Pokja Blitar",
    email: "pokja@blitar.test",
    isLead: true,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId: pairing.id,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 3,
    intervalWeeks: 1,
  });
  sessionIds = sessions.map((s) => s.id);
});

describe("session notes", () => {
  it("saves with versions, skips unchanged saves and restores an old version", async () => {
    const id = sessionIds[0];
    await saveNote(member, id, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "versi satu" }] }],
    });
    await saveNote(member, id, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "versi dua" }] }],
    });
    await saveNote(member, id, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "versi dua" }] }],
    });
    const note = await getNote(id);
    expect(note?.versions).toHaveLength(2);
    await restoreNoteVersion(member, id, note!.versions[1].id);
    expect(JSON.stringify((await getNote(id))?.content)).toContain("versi satu");
  });

  it("refuses what is not a document and writes nothing", async () => {
    expect(() => parseDoc("{nope")).toThrow(NoteError);
    expect(() => parseDoc(JSON.stringify({ type: "paragraph" }))).toThrow(NoteError);
    const cookie = await cookieFor(memberId);
    const before = await prisma.noteVersion.count();
    const response = await callRoute(
      notesRoute.action,
      formRequest(`/sesi/${sessionIds[1]}/catatan`, { intent: "save", content: "<script>" }, cookie),
      { sessionId: sessionIds[1] },
    );
    expect(response.status).toBe(400);
    expect(await prisma.noteVersion.count()).toBe(before);
  });

  it("saves plain text typed without JavaScript as paragraphs", async () => {
    const cookie = await cookieFor(memberId);
    const page = await (
      await callRoute(notesRoute.loader, getRequest(`/sesi/${sessionIds[1]}/catatan`, cookie), {
        sessionId: sessionIds[1],
      })
    ).json();
    const response = await callRoute(
      notesRoute.action,
      formRequest(
        `/sesi/${sessionIds[1]}/catatan`,
        { intent: "save", plain: "Baris satu\nBaris dua", base: page.base },
        cookie,
      ),
      { sessionId: sessionIds[1] },
    );
    expect(response.status).toBe(200);
    expect(((await getNote(sessionIds[1]))?.content as { content: unknown[] }).content).toHaveLength(2);
  });
});

describe("the notes without JavaScript", () => {
  const mention = { type: "mention", attrs: { id: "region:74.71", label: "Kota Kendari" } };
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  const cell = (type: string, text: string) => ({
    type,
    attrs: { colspan: 1, rowspan: 1, colwidth: null },
    content: [paragraph(text)],
  });
  const rich = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Sesi kedua" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Belajar dari " },
          mention,
          { type: "text", text: " tentang ASN", marks: [{ type: "bold" }] },
        ],
      },
      {
        type: "taskList",
        content: [
          { type: "taskItem", attrs: { checked: false }, content: [paragraph("Draf instruksi bupati")] },
          { type: "taskItem", attrs: { checked: true }, content: [paragraph("Grup WhatsApp")] },
        ],
      },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Indikator"), cell("tableHeader", "Nilai")] },
          { type: "tableRow", content: [cell("tableCell", "Truk"), cell("tableCell", "2")] },
        ],
      },
      { type: "image", attrs: { src: "https://example.org/ipal.png", alt: "IPAL", title: null } },
      paragraph("Paragraf yang akan diubah"),
      paragraph("Paragraf yang akan dihapus"),
    ],
  };

  it("shows each block as text and keeps what was not changed, rich, when the text changes elsewhere", () => {
    const text = notesAsText(rich);
    expect(text).toBe(
      [
        "Sesi kedua",
        "Belajar dari @Kota Kendari tentang ASN",
        "Draf instruksi bupati\nGrup WhatsApp",
        "Indikator\nNilai\nTruk\n2",
        "Paragraf yang akan diubah",
        "Paragraf yang akan dihapus",
      ].join("\n\n"),
    );
    // the same text (as a browser sends it: CRLF, spaces at the ends) changes nothing
    expect(mergePlainText(rich, `${text.replace(/\n/g, "\r\n")}  \r\n`)).toEqual({
      doc: rich,
      changed: false,
    });
    const typed = text
      .replace("Paragraf yang akan diubah", "Paragraf yang sudah diubah")
      .replace("\n\nParagraf yang akan dihapus", "")
      .concat("\n\nBaris baru satu\nBaris baru dua");
    const { doc, changed } = mergePlainText(rich, typed);
    expect(changed).toBe(true);
    // heading, mention, bold, tasks, table and image exactly as they were
    expect(doc.content?.slice(0, 5)).toEqual(rich.content.slice(0, 5));
    expect(doc.content?.slice(5)).toEqual([
      paragraph("Paragraf yang sudah diubah"),
      paragraph("Baris baru satu"),
      paragraph("Baris baru dua"),
    ]);
  });

  it("saves only what changed, says when nothing did, and refuses to overwrite someone else's change", async () => {
    const id = sessionIds[0];
    await saveNote(member, id, rich);
    const cookie = await cookieFor(memberId);
    const load = async () =>
      (
        await callRoute(notesRoute.loader, getRequest(`/sesi/${id}/catatan`, cookie), { sessionId: id })
      ).json();
    const post = (values: Record<string, string>) =>
      callRoute(
        notesRoute.action,
        formRequest(`/sesi/${id}/catatan`, { intent: "save", ...values }, cookie),
        {
          sessionId: id,
        },
      );
    const page = await load();
    expect(page.plain).toBe(notesAsText(rich));
    const versions = await prisma.noteVersion.count({ where: { note: { sessionId: id } } });

    // sent back unchanged: the rich notes stay, no new version
    let response = await post({ plain: page.plain, base: page.base });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, unchanged: true });
    expect((await getNote(id))?.content).toEqual(rich);
    expect(await prisma.noteVersion.count({ where: { note: { sessionId: id } } })).toBe(versions);

    // someone else writes meanwhile: the form's text is refused and kept for the person
    await saveNote(facilitator, id, { ...rich, content: [...rich.content, paragraph("Dari fasilitator")] });
    const mine = page.plain.replace("Paragraf yang akan diubah", "Perubahan saya");
    response = await post({ plain: mine, base: page.base });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ errors: ["notes.changedMeanwhile"], plain: mine });
    expect(JSON.stringify((await getNote(id))?.content)).not.toContain("Perubahan saya");

    // on the page as it is now, one paragraph changed: only that one becomes plain
    const now = await load();
    response = await post({
      plain: now.plain.replace("Paragraf yang akan diubah", "Perubahan saya"),
      base: now.base,
    });
    expect(response.status).toBe(200);
    const content = ((await getNote(id))?.content as { content: unknown[] }).content;
    expect(content.slice(0, 5)).toEqual(rich.content.slice(0, 5));
    expect(content.slice(5)).toEqual([
      paragraph("Perubahan saya"),
      paragraph("Paragraf yang akan dihapus"),
      paragraph("Dari fasilitator"),
    ]);
  });
});

describe("drafting a lesson from the notes", () => {
  it("finds the open tasks", () => {
    expect(openTasks(notes)).toEqual(["Uji coba penyedotan untuk ASN"]);
  });

  it("makes a draft with the notes as its body, publishes nothing, and lands in the workspace", async () => {
    const id = sessionIds[2];
    await saveNote(member, id, notes);
    const outsider = await createPerson({ role: "REGION_OFFICER", regionCode: "74.05" });
    await expect(
      draftLessonFromSession(await actorFor(outsider.id), id, { title: "Tidak boleh", tags: [] }),
    ).rejects.toThrow(OutOfScopeError);
    const response = await callRoute(
      notesRoute.action,
      formRequest(
        `/sesi/${id}/catatan`,
        {
          intent: "draftLesson",
          title: "Pelajaran sesi pertama Kendari–Blitar",
          summary: "Advokasi, uji coba ASN, instruksi wali kota",
          tags: "L2T2, ASN",
        },
        await cookieFor(facilitator.user.id),
      ),
      { sessionId: id },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sesi/${id}/pelajaran?selesai=drafted`);
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { sessionId: id } });
    expect(lesson).toMatchObject({
      status: "DRAFT",
      title: "Pelajaran sesi pertama Kendari–Blitar",
      summary: "Advokasi, uji coba ASN, instruksi wali kota",
      tags: ["L2T2", "ASN"],
      publishedAt: null,
    });
    expect(lesson.slug).toMatch(/^draf-/);
    expect(JSON.stringify(lesson.content)).toContain("Advokasi untuk komitmen kepala daerah.");
    // nothing of a publication happened: no commitments, the session as it was, no public page
    expect(await prisma.commitment.count({ where: { sessionId: id } })).toBe(0);
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
    expect(await prisma.activityLog.count({ where: { action: "lesson.published" } })).toBe(0);

    // again: the session's lesson is left as it is, and the workspace says so
    const again = await draftLessonFromSession(member, id, { title: "Judul lain", tags: [] });
    expect(again).toEqual({ lessonId: lesson.id, created: false });
    expect(await prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toEqual(lesson);
    expect(await prisma.lesson.count({ where: { sessionId: id } })).toBe(1);

    // and it is published only after review, with the usual steps
    await expect(publishLesson(facilitator, id, lesson.id)).rejects.toThrow("notInReview");
    await submitForReview(member, id, lesson.id);
    const published = await publishLesson(facilitator, id, lesson.id);
    expect(published).toMatchObject({
      status: "PUBLISHED",
      slug: "pelajaran-sesi-pertama-kendari-blitar",
      regionCode: "74.71",
    });
    expect((await prisma.commitment.findMany({ where: { sessionId: id } })).map((c) => c.title)).toEqual([
      "Uji coba penyedotan untuk ASN",
    ]);
    // publishing says nothing of whether the session was held (issue #22, defect 1)
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
  });

  it("refuses empty notes and leaves everything as it was", async () => {
    const fresh = (
      await createSessionSeries(facilitator, {
        pairingId: (await prisma.session.findUniqueOrThrow({ where: { id: sessionIds[0] } })).pairingId!,
        title: "Kosong",
        firstLocal: "2020-03-02T09:00",
        timeZone: "Asia/Makassar",
        durationMinutes: 60,
        count: 1,
        intervalWeeks: 1,
      })
    ).sessions[0];
    await saveNote(member, fresh.id, { type: "doc", content: [{ type: "paragraph" }] });
    const lessons = await prisma.lesson.count();
    await expect(
      draftLessonFromSession(facilitator, fresh.id, { title: "Kosong sekali", tags: [] }),
    ).rejects.toThrow(NoteError);
    expect(await prisma.lesson.count()).toBe(lessons);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("SCHEDULED");
  });
});
