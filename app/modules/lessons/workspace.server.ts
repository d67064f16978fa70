// The lesson workspace of a session: the page, saving the draft (template fields), adding a block
// of the notes to a field, and a draft made from the notes page.
import type { JSONContent } from "@tiptap/core";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { plainText, renderRichText } from "~/editor/render.server";
import { Prisma } from "~/generated/prisma/client";
import {
  type AppendTarget,
  LIMITS,
  type LessonFormInput,
  formToLesson,
} from "~/modules/lessons/lesson-schemas";
import { liveNotes } from "~/modules/lessons/note-collab.server";
import { NoteError } from "~/modules/lessons/note.server";
import { OutOfScopeError } from "~/errors";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { lessonAccess, requireAccess } from "~/modules/lessons/access.server";
import { appendToSections, noteBlocks } from "~/modules/lessons/note-blocks.server";
import {
  DRAFT_SLUG_PREFIX,
  LessonError,
  currentLesson,
  ensureDraft,
  workingCopy,
  writeWorkingCopy,
} from "~/modules/lessons/working-copy.server";

type Actor = Pick<Scope, "user">;

export async function getLessonWorkspace(user: CurrentUser, sessionId: string) {
  const access = await lessonAccess(user, sessionId);
  if (!access.write && !access.comment) throw new OutOfScopeError("not allowed");
  const [session, lesson, withdrawn] = await Promise.all([
    prisma.session.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        id: true,
        title: true,
        startsAt: true,
        timeZone: true,
        note: { select: { content: true, updatedAt: true } },
        pairing: {
          select: {
            id: true,
            topic: true,
            mentorRegion: { select: { name: true } },
            menteeRegion: { select: { name: true } },
          },
        },
      },
    }),
    currentLesson(sessionId),
    prisma.lesson.findMany({
      where: { sessionId, status: "ARCHIVED" },
      orderBy: { updatedAt: "desc" },
      select: { slug: true, title: true, withdrawnReason: true, updatedAt: true },
    }),
  ]);
  const copy = lesson ? await workingCopy(lesson) : null;
  const comments = lesson
    ? await prisma.lessonComment.findMany({
        where: { lessonId: lesson.id },
        orderBy: [{ resolvedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
        select: {
          id: true,
          field: true,
          quote: true,
          body: true,
          resolvedAt: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      })
    : [];
  return {
    access,
    session: {
      id: session.id,
      title: session.title,
      startsAt: session.startsAt,
      timeZone: session.timeZone,
      pairing: session.pairing,
    },
    blocks: noteBlocks(session.note?.content),
    lesson:
      lesson && copy
        ? {
            id: lesson.id,
            slug: lesson.slug.startsWith(DRAFT_SLUG_PREFIX) ? null : lesson.slug,
            status: lesson.status,
            version: lesson.version,
            publishedAt: lesson.publishedAt,
            pendingUpdate: copy.pending,
            ...copy.working,
            contentHtml: plainText(copy.working.content).trim() ? renderRichText(copy.working.content) : "",
          }
        : null,
    comments,
    withdrawn,
  };
}

/** Saves the lesson form (creating the draft if needed); a published lesson gets a pending update. */
export async function saveLessonDraft(actor: Actor, sessionId: string, input: LessonFormInput) {
  await requireAccess(actor.user, sessionId, "write");
  const values = formToLesson(input);
  return prisma.$transaction(async (tx) => {
    const lesson = await ensureDraft(tx, actor, sessionId);
    const { working } = await workingCopy(lesson, tx);
    await writeWorkingCopy(tx, lesson, { ...working, ...values }, actor.user.id);
    return lesson.id;
  });
}

/** "Tambahkan ke pelajaran sebagai…": one block of the notes appended to one field. */
export async function appendNoteBlock(
  actor: Actor,
  sessionId: string,
  input: { block: number; hash: string; field: AppendTarget },
) {
  await requireAccess(actor.user, sessionId, "write");
  return prisma.$transaction(async (tx) => {
    const note = await tx.sessionNote.findUnique({ where: { sessionId }, select: { content: true } });
    const block = noteBlocks(note?.content).find((b) => b.index === input.block);
    // the notes changed since the page was shown (a co-editor typed): add nothing
    if (!block || block.hash !== input.hash) throw new LessonError("lessonTemplate.errors.blockChanged");
    const lesson = await ensureDraft(tx, actor, sessionId);
    const { working } = await workingCopy(lesson, tx);
    await writeWorkingCopy(
      tx,
      lesson,
      { ...working, sections: appendToSections(working.sections, input.field, block) },
      actor.user.id,
    );
    return lesson.id;
  });
}

/**
 * "Draft a lesson from these notes" (the notes page): the session's lesson draft, made with this
 * title, summary and keywords and the notes as its body, to be filled from the template, reviewed
 * and then published (DRAFT → IN_REVIEW → PUBLISHED, decision 0022). Nothing is published here.
 * When the session already has a lesson, that one is left as it is.
 */
async function draftLessonFromNotes(
  actor: Actor,
  sessionId: string,
  input: { title: string; summary?: string; tags: string[] },
): Promise<{ lessonId: string; created: boolean }> {
  await requireAccess(actor.user, sessionId, "write");
  return prisma.$transaction(async (tx) => {
    const existing = await currentLesson(sessionId, tx);
    if (existing) return { lessonId: existing.id, created: false };
    const note = await tx.sessionNote.findUnique({ where: { sessionId }, select: { content: true } });
    const content = note?.content as JSONContent | undefined;
    if (!content || !plainText(content).trim()) throw new NoteError("notes.empty");
    const lesson = await ensureDraft(tx, actor, sessionId);
    await tx.lesson.update({
      where: { id: lesson.id },
      data: {
        title: input.title.slice(0, LIMITS.title),
        summary: input.summary || null,
        tags: input.tags.slice(0, LIMITS.tags),
        content: content as Prisma.InputJsonValue,
      },
    });
    return { lessonId: lesson.id, created: true };
  });
}

/**
 * "Draft a lesson from these notes": the session's lesson draft with the notes as its body, to be
 * reviewed and published in the lesson workspace.
 */
export async function draftLessonFromSession(
  actor: Actor,
  sessionId: string,
  input: { title: string; summary?: string; tags: string[] },
) {
  // what people typed in the last seconds is stored before the notes are read
  await liveNotes()?.flush(sessionId);
  return draftLessonFromNotes(actor, sessionId, input);
}
