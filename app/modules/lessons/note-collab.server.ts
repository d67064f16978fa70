// Session notes as a Yjs document (live co-editing): the Yjs state and the ProseMirror JSON are
// both stored on SessionNote; the JSON is read back from the Yjs document through the same
// binding the editor uses (@tiptap/y-tiptap) and the same schema (app/editor/extensions.ts).
import { getSchema, type JSONContent } from "@tiptap/core";
import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { prisma } from "~/db.server";
import { extensions } from "~/editor/extensions";
import { diffNotes } from "~/editor/note-diff";
import type { Prisma } from "~/generated/prisma/client";

/** The Yjs fragment the Collaboration extension edits (its default field). */
export const NOTE_FIELD = "default";
/** One version per author at most this often while people type together. */
export const VERSION_WINDOW_MS = 5 * 60_000;
const NAME_PREFIX = "session-note:";

export const noteDocumentName = (sessionId: string) => `${NAME_PREFIX}${sessionId}`;
export function sessionIdFromDocumentName(name: string): string | null {
  if (!name.startsWith(NAME_PREFIX)) return null;
  const id = name.slice(NAME_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

let schema: ReturnType<typeof getSchema> | undefined;
export const noteSchema = () => (schema ??= getSchema(extensions));

/**
 * Fills an empty Yjs document from stored JSON. The items are written as client 0, so two app
 * processes that build the same notes at the same moment make identical items, which Yjs merges
 * as one (no doubled text when they meet through Redis).
 */
export function fillYDocFromJSON(target: Y.Doc, content: JSONContent) {
  const builder = new Y.Doc();
  builder.clientID = 0;
  prosemirrorJSONToYXmlFragment(noteSchema(), content, builder.getXmlFragment(NOTE_FIELD));
  Y.applyUpdate(target, Y.encodeStateAsUpdate(builder));
  builder.destroy();
}

/** The notes as ProseMirror JSON, read with the editor's schema (nodes it cannot read are dropped). */
export function jsonFromYDoc(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(
    doc.getXmlFragment(NOTE_FIELD),
    noteSchema(),
  ).toJSON() as JSONContent;
}

/** Changes the Yjs document to `content` by the smallest edit, keeping others' concurrent typing. */
export function replaceYDocContent(doc: Y.Doc, content: JSONContent, origin?: unknown) {
  const node = noteSchema().nodeFromJSON(content);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(NOTE_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}

/** The stored Yjs state after a save that did not come through the socket (form, restore). */
export function nextYState(previous: Uint8Array | null, content: JSONContent): Uint8Array<ArrayBuffer> {
  const doc = new Y.Doc();
  if (previous) {
    Y.applyUpdate(doc, previous);
    replaceYDocContent(doc, content);
  } else fillYDocFromJSON(doc, content);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return new Uint8Array(state);
}

/** What the collaboration server loads: the Yjs state, or else the stored JSON. */
export async function loadNoteForCollab(sessionId: string) {
  const note = await prisma.sessionNote.findUnique({
    where: { sessionId },
    select: { content: true, yState: true },
  });
  if (!note) return null;
  return { content: note.content as JSONContent, yState: note.yState ? new Uint8Array(note.yState) : null };
}

/**
 * Stores the live notes: the Yjs state and the JSON read from it. Each author who typed since
 * their last version gets a version, at most one per VERSION_WINDOW_MS unless `closing` (the
 * last person left, the server stops, or a form save). Returns the authors now versioned.
 */
export async function storeNoteFromCollab(
  sessionId: string,
  {
    yState,
    content,
    authorIds,
    closing,
  }: {
    yState: Uint8Array;
    content: JSONContent;
    authorIds: string[];
    closing: boolean;
  },
): Promise<string[]> {
  const value = content as Prisma.InputJsonValue;
  const bytes = new Uint8Array(yState);
  return prisma.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, select: { id: true } });
    if (!session) return [];
    const note = await tx.sessionNote.upsert({
      where: { sessionId },
      create: { sessionId, content: value, yState: bytes },
      update: { content: value, yState: bytes },
      select: { id: true },
    });
    if (authorIds.length === 0) return [];
    const latest = await tx.noteVersion.findFirst({
      where: { noteId: note.id },
      orderBy: { createdAt: "desc" },
      select: { content: true },
    });
    if (latest && canonicalJSON(latest.content) === canonicalJSON(content)) return authorIds;
    const versioned: string[] = [];
    for (const authorId of authorIds) {
      const recent = await tx.noteVersion.findFirst({
        where: { noteId: note.id, authorId, createdAt: { gt: new Date(Date.now() - VERSION_WINDOW_MS) } },
        select: { id: true },
      });
      if (recent && !closing) continue;
      await tx.noteVersion.create({ data: { noteId: note.id, content: value, authorId } });
      versioned.push(authorId);
    }
    return versioned;
  });
}

/** JSON with sorted keys: jsonb reorders keys, so equal documents must compare equal. */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJSON((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/**
 * The running collaboration server of this process, when there is one. The start script loads
 * it outside the Remix build, so the build reaches it through globalThis (as with the database),
 * passing plain JSON only.
 */
export type LiveNotes = {
  applyContent(sessionId: string, content: JSONContent, authorId: string): Promise<void>;
  /** stores the live notes now if a store is waiting (before publishing reads them) */
  flush(sessionId: string): Promise<void>;
};
declare global {
  var __lintasLiveNotes: LiveNotes | undefined;
}
export const liveNotes = () => globalThis.__lintasLiveNotes;

export type MentionCandidate = {
  id: string;
  label: string;
  kind: "person" | "region";
  detail: string | null;
};

/**
 * Whom the notes can @-mention: the session's people (the pairing's participants and the
 * invited) and regions (the pairing's two, the host region, the project's), matching `query`.
 * The caller has checked the session is visible to the viewer.
 */
export async function mentionCandidates(sessionId: string, query: string): Promise<MentionCandidate[]> {
  const region = { select: { code: true, name: true } } as const;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      hostRegion: region,
      project: { select: { region } },
      pairing: {
        select: {
          mentorRegion: region,
          menteeRegion: region,
          participants: {
            select: { id: true, userId: true, name: true, region: { select: { name: true } } },
          },
        },
      },
      invitees: {
        select: { user: { select: { id: true, name: true, region: { select: { name: true } } } } },
      },
    },
  });
  if (!session) return [];
  const people = new Map<string, MentionCandidate>();
  for (const p of session.pairing?.participants ?? [])
    people.set(p.userId ?? p.id, {
      id: `person:${p.userId ?? p.id}`,
      label: p.name,
      kind: "person",
      detail: p.region.name,
    });
  for (const { user } of session.invitees)
    if (!people.has(user.id))
      people.set(user.id, {
        id: `person:${user.id}`,
        label: user.name,
        kind: "person",
        detail: user.region?.name ?? null,
      });
  const regions = new Map<string, MentionCandidate>();
  for (const r of [
    session.pairing?.mentorRegion,
    session.pairing?.menteeRegion,
    session.hostRegion,
    session.project?.region,
  ])
    if (r) regions.set(r.code, { id: `region:${r.code}`, label: r.name, kind: "region", detail: null });
  const needle = query.trim().toLocaleLowerCase("id");
  return [...regions.values(), ...people.values()]
    .filter((c) => !needle || c.label.toLocaleLowerCase("id").includes(needle))
    .slice(0, 12);
}

/**
 * A version of the notes against the current notes (what changed since) or against the version
 * before it (what it changed), block by block and word by word; null when there is no such version.
 */
export async function noteVersionDiff(sessionId: string, versionId: string, against: "current" | "previous") {
  const version = await prisma.noteVersion.findFirst({
    where: { id: versionId, note: { sessionId } },
    select: {
      id: true,
      createdAt: true,
      content: true,
      noteId: true,
      author: { select: { name: true } },
      note: { select: { content: true } },
    },
  });
  if (!version) return null;
  let older: unknown = version.content;
  let newer: unknown = version.note.content;
  let hasPrevious = true;
  if (against === "previous") {
    const previous = await prisma.noteVersion.findFirst({
      where: {
        noteId: version.noteId,
        OR: [
          { createdAt: { lt: version.createdAt } },
          { createdAt: version.createdAt, id: { lt: version.id } },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { content: true },
    });
    hasPrevious = Boolean(previous);
    older = previous?.content ?? { type: "doc", content: [] };
    newer = version.content;
  }
  return {
    versionId: version.id,
    at: version.createdAt,
    author: version.author?.name ?? null,
    against,
    hasPrevious,
    blocks: diffNotes(older, newer),
  };
}
