// Session notes (ProseMirror JSON) with versions, and the same notes as text for the form without
// JavaScript.
import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { diffArrays } from "diff";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { textBlocks } from "~/editor/note-diff";
import { plainText } from "~/editor/render.server";
import type { Prisma } from "~/generated/prisma/client";
import { liveNotes, nextYState, noteSchema } from "~/modules/lessons/note-collab.server";
import { OutOfScopeError } from "~/errors";
import { maySession } from "~/modules/sessions/queries.server";

type Actor = Pick<Scope, "user">;

export const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };
const MAX_NOTE_BYTES = 512 * 1024;

export class NoteError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
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

// ── the notes without JavaScript: text the form shows, merged back into the rich notes ──

/** One top-level block with text, with the blocks without text (images, rules) before it. */
type TextSegment = { text: string; blocks: JSONContent[] };

function segments(doc: JSONContent) {
  const list: TextSegment[] = [];
  let pending: JSONContent[] = [];
  for (const block of doc.content ?? []) {
    // an empty line has no place in the text (the blank line between blocks stands for it)
    if (block.type === "paragraph" && !block.content?.length) continue;
    // as the form gives it back: lines trimmed, no blank lines inside a block
    const text = textBlocks({ type: "doc", content: [block] })
      .flatMap((part) => part.split("\n"))
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n");
    if (!text) {
      pending.push(block);
      continue;
    }
    list.push({ text, blocks: [...pending, block] });
    pending = [];
  }
  return { list, tail: pending };
}

/** What the form without JavaScript shows: each block's text (list items, cells on their own lines), a blank line between blocks. */
export function notesAsText(doc: JSONContent): string {
  return segments(doc)
    .list.map((segment) => segment.text)
    .join("\n\n");
}

/** The blocks of a text typed in the form, lines trimmed, as notesAsText writes them. */
function textToSegments(text: string) {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean);
}

/** A short fingerprint of the text the form showed, to notice a change by someone else meanwhile. */
export function textFingerprint(text: string) {
  return createHash("sha256").update(textToSegments(text).join("\n\n")).digest("hex").slice(0, 16);
}

/**
 * The notes after a save without JavaScript: blocks whose text is unchanged stay as they are
 * (tables, tasks, mentions, links, formatting, images); changed or new text becomes plain
 * paragraphs, removed text and empty lines go. `changed` is false when the text is the same.
 */
export function mergePlainText(doc: JSONContent, text: string): { doc: JSONContent; changed: boolean } {
  const { list, tail } = segments(doc);
  const typed = textToSegments(text);
  const changes = diffArrays(
    list.map((segment) => segment.text),
    typed,
  );
  if (changes.every((change) => !change.added && !change.removed)) return { doc, changed: false };
  const content: JSONContent[] = [];
  let at = 0;
  for (const change of changes) {
    if (change.added) {
      for (const block of change.value)
        for (const line of block.split("\n"))
          content.push({ type: "paragraph", content: [{ type: "text", text: line }] });
      continue;
    }
    for (const segment of list.slice(at, at + change.count!)) {
      // removed text goes; an image or a rule before it stays
      content.push(...(change.removed ? segment.blocks.slice(0, -1) : segment.blocks));
    }
    at += change.count!;
  }
  content.push(...tail);
  return { doc: { ...doc, content: content.length ? content : [{ type: "paragraph" }] }, changed: true };
}

/**
 * Saves what the form without JavaScript sent: nothing when the text is unchanged; refused when
 * someone changed the notes since the form was shown (`base`), unless the text is what they are now.
 */
export async function saveNotePlainText(actor: Actor, sessionId: string, text: string, base: string) {
  if (!(await mayWriteNote(actor, sessionId))) throw new OutOfScopeError("not allowed");
  // what people typed live in the last seconds is stored before the notes are read
  await liveNotes()?.flush(sessionId);
  const note = await prisma.sessionNote.findUnique({
    where: { sessionId },
    select: { content: true, updatedAt: true },
  });
  const current = (note?.content as JSONContent | undefined) ?? EMPTY_DOC;
  const merged = mergePlainText(current, text);
  if (!merged.changed) return { changed: false, updatedAt: note?.updatedAt ?? null };
  if (base !== textFingerprint(notesAsText(current))) throw new NoteError("notes.changedMeanwhile");
  const saved = await saveNote(actor, sessionId, merged.doc);
  return { changed: true, updatedAt: saved.updatedAt };
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
