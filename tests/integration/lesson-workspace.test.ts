// The lesson workspace's forms through the route's action (issue #19, item 2): each intent parsed
// with its own schema; bad input answers 400 with the error next to its field and the input kept,
// and writes nothing; good input saves. One post goes through the whole document, as a browser
// without JavaScript sends it, to show the error beside the field with what was typed.
import { createRequestHandler } from "@remix-run/node";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import id from "~/i18n/id.json";
import { noteBlocks } from "~/modules/lessons/note-blocks.server";
import { saveNote } from "~/modules/lessons/note.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import * as workspaceRoute from "~/routes/lessons/workspace";
import { loadAppBuild } from "../fixtures/app-build";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, formRequest } from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>;
type Answer = {
  intent: string;
  result?: { error?: Record<string, string[]>; initialValue?: Record<string, string> };
};
let facilitator: Actor;
let kendariLead: Actor;
let sessionIds: string[];
let handle: (request: Request) => Promise<Response>;
const window = new Window();

const notes = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [{ type: "text", text: "Blitar baru 12 % rumah tangga bertangki septik aman." }],
    },
    { type: "paragraph", content: [{ type: "text", text: "Kontak: Dinas PUPR Kota Kendari." }] },
  ],
};

const goodLesson = {
  title: "Kendari–Blitar: L2T2",
  summary: "Layanan lumpur tinja terjadwal",
  context: "Blitar: 12 % rumah tangga bertangki septik aman.",
  successFactors: "Komitmen kepala daerah\nPilot dengan ASN",
  tags: "L2T2, sanitasi",
};

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  kendariLead = await actorFor(
    (await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", email: "sekda@kendari.test" })).id,
  );
  const pairing = await createPairing(facilitator, {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic: "L2T2",
    sector: "Sanitasi",
    method: "PRIVATE_TELECONFERENCE",
  });
  await addParticipant(facilitator, pairing.id, {
    side: "MENTOR",
    name: "Sekda Kendari",
    email: "sekda@kendari.test",
    isLead: true,
  });
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId: pairing.id,
    title: "Sesi",
    firstLocal: "2020-01-27T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 120,
    count: 4,
    intervalWeeks: 1,
  });
  sessionIds = sessions.map((s) => s.id);
  for (const sessionId of sessionIds) await saveNote(facilitator, sessionId, notes);
  const started = await loadAppBuild();
  const handler = createRequestHandler(started.build, "production");
  handle = (request) => handler(request);
}, 120_000);

afterAll(async () => {
  await window.happyDOM.close();
});

async function post(actor: Actor, sessionId: string, fields: Record<string, string>) {
  const request = formRequest(`/sesi/${sessionId}/pelajaran`, fields, await cookieFor(actor.user.id));
  return callRoute(workspaceRoute.action, request, { sessionId });
}

/** A refused post: 400, and what it answered. */
async function refused(actor: Actor, sessionId: string, fields: Record<string, string>) {
  const response = await post(actor, sessionId, fields);
  expect(response.status).toBe(400);
  return ((await response.json()) as Answer).result;
}

/** Every row the workspace writes, to show a refused post wrote nothing. */
async function snapshot(sessionId: string) {
  return {
    lessons: await prisma.lesson.findMany({ where: { sessionId }, orderBy: { id: "asc" } }),
    versions: await prisma.lessonVersion.count({ where: { lesson: { sessionId } } }),
    comments: await prisma.lessonComment.findMany({
      where: { lesson: { sessionId } },
      orderBy: { id: "asc" },
    }),
    // what the lesson did (signing in for the post logs its own line)
    activity: await prisma.activityLog.count({ where: { action: { startsWith: "lesson." } } }),
  };
}

async function lessonOf(sessionId: string) {
  return prisma.lesson.findFirstOrThrow({ where: { sessionId }, orderBy: { createdAt: "desc" } });
}

describe("the lesson form (save)", () => {
  it("refuses bad fields next to each field, keeps the input and writes nothing; good input saves", async () => {
    const sessionId = sessionIds[0];
    const before = await snapshot(sessionId);
    const result = await refused(facilitator, sessionId, {
      intent: "save",
      ...goodLesson,
      title: "x",
      spmField: "NOT_A_FIELD",
      tags: Array.from({ length: 11 }, (_, i) => `label${i}`).join(", "),
    });
    expect(result?.error).toEqual({
      title: ["errors.tooShort"],
      spmField: ["errors.choice"],
      tags: ["lessonTemplate.errors.tags"],
    });
    expect(result?.initialValue).toMatchObject({ title: "x", context: goodLesson.context });
    expect(await snapshot(sessionId)).toEqual(before);
    // no title at all
    expect((await refused(facilitator, sessionId, { intent: "save", title: "" }))?.error).toEqual({
      title: ["errors.required"],
    });

    const response = await post(facilitator, sessionId, {
      intent: "save",
      ...goodLesson,
      spmField: "PUBLIC_WORKS",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sesi/${sessionId}/pelajaran?selesai=save`);
    const lesson = await lessonOf(sessionId);
    expect(lesson).toMatchObject({ title: goodLesson.title, status: "DRAFT", tags: ["L2T2", "sanitasi"] });
    expect(lesson.sections).toMatchObject({ context: goodLesson.context, spmField: "PUBLIC_WORKS" });
  });

  it("without JavaScript, the page comes back with the error beside the field and the input kept", async () => {
    const sessionId = sessionIds[0];
    const response = await handle(
      new Request(`http://lintas.test/sesi/${sessionId}/pelajaran`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: await cookieFor(facilitator.user.id),
        },
        body: new URLSearchParams({ intent: "save", ...goodLesson, title: "x", context: "Konteks baru" }),
      }),
    );
    expect(response.status).toBe(400);
    const doc = new window.DOMParser().parseFromString(await response.text(), "text/html");
    const title = doc.querySelector("#lesson-title") as unknown as HTMLInputElement;
    expect(title.getAttribute("value")).toBe("x");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(title.getAttribute("aria-describedby")).toContain("lesson-title-error");
    expect(doc.querySelector("#lesson-title-error")?.textContent).toBe(id.errors.tooShort);
    expect(doc.querySelector("#lesson-context")?.textContent).toBe("Konteks baru");
    expect((await lessonOf(sessionId)).title).toBe(goodLesson.title);
  });
});

describe("adding a block of the notes (append)", () => {
  it("refuses an unknown field, a malformed block or a changed block, writing nothing; a good one is added", async () => {
    const sessionId = sessionIds[1];
    const block = noteBlocks(notes)[1];
    const before = await snapshot(sessionId);
    expect(
      (
        await refused(facilitator, sessionId, {
          intent: "append",
          block: "1",
          hash: block.hash,
          field: "nope",
        })
      )?.error,
    ).toEqual({ field: ["errors.choice"] });
    expect(
      (await refused(facilitator, sessionId, { intent: "append", block: "x", hash: "zz", field: "contacts" }))
        ?.error,
    ).toEqual({ block: ["errors.choice"], hash: ["errors.choice"] });
    // the notes changed since the page was shown: the whole form is refused
    expect(
      (
        await refused(facilitator, sessionId, {
          intent: "append",
          block: "1",
          hash: "0000000000000000",
          field: "contacts",
        })
      )?.error,
    ).toEqual({ "": ["lessonTemplate.errors.blockChanged"] });
    expect(await snapshot(sessionId)).toEqual(before);

    const response = await post(facilitator, sessionId, {
      intent: "append",
      block: String(block.index),
      hash: block.hash,
      field: "contacts",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sesi/${sessionId}/pelajaran?selesai=append-contacts`);
    expect((await lessonOf(sessionId)).sections).toMatchObject({
      contacts: "Kontak: Dinas PUPR Kota Kendari.",
    });
  });
});

describe("review, comments and publication", () => {
  it("submit for review, comment, resolve and publish: each refuses bad input and writes nothing", async () => {
    const sessionId = sessionIds[2];
    expect((await post(facilitator, sessionId, { intent: "save", ...goodLesson })).status).toBe(302);
    const lesson = await lessonOf(sessionId);

    // review: the lesson is named in a hidden field
    let before = await snapshot(sessionId);
    expect((await refused(facilitator, sessionId, { intent: "review" }))?.error).toEqual({
      lessonId: ["errors.choice"],
    });
    expect(await snapshot(sessionId)).toEqual(before);
    expect((await post(facilitator, sessionId, { intent: "review", lessonId: lesson.id })).status).toBe(302);
    expect((await lessonOf(sessionId)).status).toBe("IN_REVIEW");

    // comment by a lead: no text, or a field the template does not have
    before = await snapshot(sessionId);
    const comment = await refused(kendariLead, sessionId, {
      intent: "comment",
      lessonId: lesson.id,
      field: "password",
      quote: "12 %",
      body: "   ",
    });
    expect(comment?.error).toEqual({ field: ["errors.choice"], body: ["errors.required"] });
    expect(comment?.initialValue).toMatchObject({ quote: "12 %" });
    expect(await snapshot(sessionId)).toEqual(before);
    const commented = await post(kendariLead, sessionId, {
      intent: "comment",
      lessonId: lesson.id,
      field: "context",
      quote: "12 %",
      body: "Sebutkan tahun datanya.",
    });
    expect(commented.status).toBe(302);
    const [stored] = await prisma.lessonComment.findMany({ where: { lessonId: lesson.id } });
    expect(stored).toMatchObject({ field: "context", quote: "12 %", body: "Sebutkan tahun datanya." });

    // publish: a slug that is not one; open comments refuse the whole form
    before = await snapshot(sessionId);
    const badSlug = await refused(facilitator, sessionId, {
      intent: "publish",
      lessonId: lesson.id,
      slug: "Bukan slug!",
    });
    expect(badSlug?.error).toEqual({ slug: ["lessonReview.errors.slugFormat"] });
    expect(badSlug?.initialValue).toMatchObject({ slug: "Bukan slug!" });
    expect(
      (await refused(facilitator, sessionId, { intent: "publish", lessonId: lesson.id, slug: "l2t2" }))
        ?.error,
    ).toEqual({ "": ["lessonReview.errors.openComments"] });
    expect(await snapshot(sessionId)).toEqual(before);

    // resolve: the comment is named in a hidden field
    expect((await refused(facilitator, sessionId, { intent: "resolve", commentId: "" }))?.error).toEqual({
      commentId: ["errors.choice"],
    });
    expect(await snapshot(sessionId)).toEqual(before);
    expect((await post(facilitator, sessionId, { intent: "resolve", commentId: stored.id })).status).toBe(
      302,
    );
    expect(
      (await prisma.lessonComment.findUniqueOrThrow({ where: { id: stored.id } })).resolvedAt,
    ).not.toBeNull();

    const published = await post(facilitator, sessionId, {
      intent: "publish",
      lessonId: lesson.id,
      slug: "l2t2",
    });
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe("/pelajaran/l2t2");
    expect(await lessonOf(sessionId)).toMatchObject({ status: "PUBLISHED", slug: "l2t2", version: 1 });

    // withdraw: a reason too short to tell readers why
    before = await snapshot(sessionId);
    const withdraw = await refused(facilitator, sessionId, {
      intent: "withdraw",
      lessonId: lesson.id,
      reason: "salah",
    });
    expect(withdraw?.error).toEqual({ reason: ["errors.tooShort"] });
    expect(withdraw?.initialValue).toMatchObject({ reason: "salah" });
    expect(await snapshot(sessionId)).toEqual(before);
    const withdrawn = await post(facilitator, sessionId, {
      intent: "withdraw",
      lessonId: lesson.id,
      reason: "Data cakupan ternyata keliru.",
    });
    expect(withdrawn.status).toBe(302);
    expect(await lessonOf(sessionId)).toMatchObject({
      status: "ARCHIVED",
      withdrawnReason: "Data cakupan ternyata keliru.",
    });
  });

  it("sends a lesson back with an optional reason, refusing one too long; an unknown intent writes nothing", async () => {
    const sessionId = sessionIds[3];
    expect((await post(facilitator, sessionId, { intent: "save", ...goodLesson })).status).toBe(302);
    const lesson = await lessonOf(sessionId);
    expect((await post(facilitator, sessionId, { intent: "review", lessonId: lesson.id })).status).toBe(302);
    const before = await snapshot(sessionId);
    const long = await refused(facilitator, sessionId, {
      intent: "send-back",
      lessonId: lesson.id,
      reason: "x".repeat(1001),
    });
    expect(long?.error).toEqual({ reason: ["errors.tooLong"] });
    expect(long?.initialValue?.reason).toHaveLength(1001);
    const unknown = await post(facilitator, sessionId, { intent: "delete-everything", lessonId: lesson.id });
    expect(unknown.status).toBe(400);
    expect(await snapshot(sessionId)).toEqual(before);
    expect((await post(facilitator, sessionId, { intent: "send-back", lessonId: lesson.id })).status).toBe(
      302,
    );
    expect((await lessonOf(sessionId)).status).toBe("DRAFT");
  });
});
