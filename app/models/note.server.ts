// Session notes (ProseMirror JSON) with versions, and lessons published from them.
import type { JSONContent } from "@tiptap/core";
import { can } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { plainText } from "~/editor/render.server";
import type { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/models/activity.server";
import { OutOfScopeError } from "~/models/project.server";
import { maySession } from "~/models/session.server";

type Actor = Pick<Scope, "user">;

export const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };
const MAX_NOTE_BYTES = 512 * 1024;

export class NoteError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
}

/** Plain text typed without JavaScript becomes paragraphs. */
export function docFromPlainText(text: string): JSONContent {
  const paragraphs = text
    .replace(/\r\n/g, "\n")
    .split(/\n{2,}|\n/)
    .map((line) => line.trim());
  return {
    type: "doc",
    content: paragraphs.map((line) =>
      line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" },
    ),
  };
}

/** Parses what the editor posted; refuses anything that is not a ProseMirror document. */
export function parseDoc(json: string): JSONContent {
  if (json.length > MAX_NOTE_BYTES) throw new NoteError("notes.tooLarge");
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new NoteError("notes.invalid");
  }
  if (
    !doc ||
    typeof doc !== "object" ||
    (doc as JSONContent).type !== "doc" ||
    !Array.isArray((doc as JSONContent).content)
  )
    throw new NoteError("notes.invalid");
  return doc as JSONContent;
}

async function mayWrite(actor: Actor, sessionId: string) {
  return (
    (await maySession(actor.user, sessionId, "session:join")) ||
    (await maySession(actor.user, sessionId, "lesson:write"))
  );
}

export async function getNote(sessionId: string) {
  return prisma.sessionNote.findUnique({
    where: { sessionId },
    include: {
      versions: { orderBy: { createdAt: "desc" }, take: 30, include: { author: { select: { name: true } } } },
    },
  });
}

/** Saves the notes and keeps a version (who, when); an unchanged save keeps no new version. */
export async function saveNote(actor: Actor, sessionId: string, content: JSONContent) {
  if (!(await mayWrite(actor, sessionId))) throw new OutOfScopeError("not allowed");
  return prisma.$transaction(async (tx) => {
    const existing = await tx.sessionNote.findUnique({
      where: { sessionId },
      select: { id: true, content: true, updatedAt: true },
    });
    if (existing && canonical(existing.content) === canonical(content)) return existing;
    const value = content as Prisma.InputJsonValue;
    const note = existing
      ? await tx.sessionNote.update({ where: { sessionId }, data: { content: value } })
      : await tx.sessionNote.create({ data: { sessionId, content: value } });
    await tx.noteVersion.create({ data: { noteId: note.id, content: value, authorId: actor.user.id } });
    return note;
  });
}

export async function restoreNoteVersion(actor: Actor, sessionId: string, versionId: string) {
  const version = await prisma.noteVersion.findFirst({ where: { id: versionId, note: { sessionId } } });
  if (!version) throw new OutOfScopeError("no such version");
  return saveNote(actor, sessionId, version.content as JSONContent);
}

/** JSON with sorted keys: jsonb reorders keys, so equal documents must compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

function slugify(text: string) {
  return (
    text
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "pelajaran"
  );
}

/** Unchecked task items of the notes: the follow-ups agreed in the session. */
export function openTasks(doc: JSONContent): string[] {
  const tasks: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === "taskItem" && !node.attrs?.checked) {
      const text = plainText({ type: "doc", content: node.content ?? [] }).split("\n")[0];
      if (text) tasks.push(text.slice(0, 300));
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return tasks;
}

/**
 * Publishes the session's notes as a lessons-learned page in one transaction: the lesson is
 * created, open tasks become the pairing's commitments, the session is marked held, and the
 * activity is logged — or none of it happens.
 */
export async function publishLessonFromSession(
  actor: Actor,
  sessionId: string,
  input: { title: string; summary?: string; tags: string[] },
) {
  if (
    !can(actor.user.memberships, "lesson:publish") ||
    !(await maySession(actor.user, sessionId, "session:read"))
  )
    throw new OutOfScopeError("not allowed");
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      status: true,
      pairingId: true,
      pairing: { select: { mentorRegionCode: true, sector: true } },
      note: { select: { content: true } },
    },
  });
  if (!session?.note) throw new NoteError("notes.empty");
  const content = session.note.content as JSONContent;
  if (!plainText(content).trim()) throw new NoteError("notes.empty");
  const base = slugify(input.title);
  const taken = await prisma.lesson.count({ where: { slug: { startsWith: base } } });
  const slug = taken === 0 ? base : `${base}-${taken + 1}`;
  return prisma.$transaction(async (tx) => {
    const lesson = await tx.lesson.create({
      data: {
        slug,
        title: input.title,
        summary: input.summary || null,
        tags: input.tags,
        content: content as Prisma.InputJsonValue,
        status: "PUBLISHED",
        publishedAt: new Date(),
        publishedById: actor.user.id,
        authorId: actor.user.id,
        sessionId,
        pairingId: session.pairingId,
        regionCode: session.pairing?.mentorRegionCode ?? null,
        sector: session.pairing?.sector ?? null,
      },
    });
    if (session.pairingId) {
      const existing = new Set(
        (await tx.commitment.findMany({ where: { sessionId }, select: { title: true } })).map((c) => c.title),
      );
      const tasks = openTasks(content).filter((task) => !existing.has(task));
      if (tasks.length > 0)
        await tx.commitment.createMany({
          data: tasks.map((title) => ({
            pairingId: session.pairingId!,
            sessionId,
            title,
            side: "MENTEE" as const,
          })),
        });
    }
    if (session.status === "SCHEDULED" || session.status === "LIVE")
      await tx.session.update({ where: { id: sessionId }, data: { status: "HELD" } });
    await logActivity(
      {
        actorId: actor.user.id,
        action: "lesson.published",
        subjectType: "Session",
        subjectId: sessionId,
        data: { slug },
      },
      tx,
    );
    return lesson;
  });
}
