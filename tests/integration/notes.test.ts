import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  NoteError,
  getNote,
  openTasks,
  parseDoc,
  publishLessonFromSession,
  restoreNoteVersion,
  saveNote,
} from "~/models/note.server";
import { addParticipant, createPairing } from "~/models/pairing.server";
import { OutOfScopeError } from "~/models/project.server";
import { createSessionSeries } from "~/models/session.server";
import * as notesRoute from "~/routes/sesi.$sessionId_.catatan";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, formRequest } from "../fixtures/people";

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
    const response = await callRoute(
      notesRoute.action,
      formRequest(
        `/sesi/${sessionIds[1]}/catatan`,
        { intent: "save", plain: "Baris satu\nBaris dua" },
        cookie,
      ),
      { sessionId: sessionIds[1] },
    );
    expect(response.status).toBe(200);
    expect(((await getNote(sessionIds[1]))?.content as { content: unknown[] }).content).toHaveLength(2);
  });
});

describe("publishing a lesson from the notes", () => {
  it("finds the open tasks", () => {
    expect(openTasks(notes)).toEqual(["Uji coba penyedotan untuk ASN"]);
  });

  it("creates the lesson, turns open tasks into commitments and marks the session held, together", async () => {
    const id = sessionIds[2];
    await saveNote(member, id, notes);
    await expect(publishLessonFromSession(member, id, { title: "Tidak boleh", tags: [] })).rejects.toThrow(
      OutOfScopeError,
    );
    const lesson = await publishLessonFromSession(facilitator, id, {
      title: "Pelajaran sesi pertama Kendari–Blitar",
      summary: "Advokasi, uji coba ASN, instruksi wali kota",
      tags: ["L2T2"],
    });
    expect(lesson).toMatchObject({
      status: "PUBLISHED",
      slug: "pelajaran-sesi-pertama-kendari-blitar",
      regionCode: "74.71",
      sessionId: id,
    });
    expect((await prisma.commitment.findMany({ where: { sessionId: id } })).map((c) => c.title)).toEqual([
      "Uji coba penyedotan untuk ASN",
    ]);
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).status).toBe("HELD");
    const again = await publishLessonFromSession(facilitator, id, {
      title: "Pelajaran sesi pertama Kendari–Blitar",
      tags: [],
    });
    expect(again.slug).toBe("pelajaran-sesi-pertama-kendari-blitar-2");
    expect(await prisma.commitment.count({ where: { sessionId: id } })).toBe(1);
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
      publishLessonFromSession(facilitator, fresh.id, { title: "Kosong sekali", tags: [] }),
    ).rejects.toThrow(NoteError);
    expect(await prisma.lesson.count()).toBe(lessons);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("SCHEDULED");
  });
});
