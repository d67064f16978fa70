// Session notes (ProseMirror JSON) with versions, and lessons published from them.
import type { JSONContent } from "@tiptap/core";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { plainText } from "~/editor/render.server";
import type { Prisma } from "~/generated/prisma/client";
import { liveNotes, nextYState, noteSchema } from "~/models/note-collab.server";
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

/** Who may edit a session's notes (the form and the live socket alike). */
export async function mayWriteNote(actor: Actor, sessionId: string) {
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
  if (!(await mayWriteNote(actor, sessionId))) throw new OutOfScopeError("not allowed");
  try {
    noteSchema().nodeFromJSON(content).check();
  } catch {
    throw new NoteError("notes.invalid");
  }
  // with the live server running, the change goes into the shared document (people typing keep
  // their text, and it stores notes, Yjs state and version itself: note-collab.server.ts)
  const live = liveNotes();
  if (live) {
    await live.applyContent(sessionId, content, actor.user.id);
    return prisma.sessionNote.findUniqueOrThrow({
      where: { sessionId },
      select: { id: true, content: true, updatedAt: true },
    });
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.sessionNote.findUnique({
      where: { sessionId },
      select: { id: true, content: true, updatedAt: true, yState: true },
    });
    if (existing && canonical(existing.content) === canonical(content)) return existing;
    const value = content as Prisma.InputJsonValue;
    const yState = nextYState(existing?.yState ?? null, content);
    const note = existing
      ? await tx.sessionNote.update({ where: { sessionId }, data: { content: value, yState } })
      : await tx.sessionNote.create({ data: { sessionId, content: value, yState } });
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
 * Publishes the session's notes as a lessons-learned page, all of it or none of it. Lesson
 * publication lives in lesson.server.ts; this name stays for the notes page (imported lazily:
 * lesson.server.ts imports this module).
 */
export async function publishLessonFromSession(
  actor: Actor,
  sessionId: string,
  input: { title: string; summary?: string; tags: string[] },
) {
  // what people typed in the last seconds is stored before the notes are read
  await liveNotes()?.flush(sessionId);
  const { publishSessionNotesAsLesson } = await import("~/models/lesson.server");
  return publishSessionNotesAsLesson(actor, sessionId, input);
}
