// The lesson a session's lesson page works on and its working copy.
//
// A published lesson's row is what the public page shows. Changes to it are kept, until they are
// published, in a LessonVersion row without publishedAt ("the draft of the next version"); older
// published versions are LessonVersion rows with publishedAt.
import { randomBytes } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import { LIMITS, type LessonSections, parseSections } from "~/modules/lessons/lesson-schemas";
import { OutOfScopeError } from "~/errors";

type Actor = Pick<Scope, "user">;

type Tx = Prisma.TransactionClient;

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

export const DRAFT_SLUG_PREFIX = "draf-";

/** A refusal shown next to a field (or the form when field is absent); nothing was written. */
export class LessonError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
  ) {
    super(key);
  }
}

export const lessonSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  content: true,
  sections: true,
  sector: true,
  tags: true,
  status: true,
  version: true,
  publishedAt: true,
  publishedById: true,
  withdrawnReason: true,
  sessionId: true,
  pairingId: true,
  regionCode: true,
  authorId: true,
  updatedAt: true,
} satisfies Prisma.LessonSelect;

export type LessonRow = Prisma.LessonGetPayload<{ select: typeof lessonSelect }>;

/** The lesson a session's lesson page works on: the newest one not withdrawn. */
export async function currentLesson(sessionId: string, db: Tx | typeof prisma = prisma) {
  return db.lesson.findFirst({
    where: { sessionId, status: { not: "ARCHIVED" } },
    orderBy: { createdAt: "desc" },
    select: lessonSelect,
  });
}

export async function pendingUpdate(lesson: LessonRow, db: Tx | typeof prisma = prisma) {
  if (lesson.status !== "PUBLISHED") return null;
  return db.lessonVersion.findFirst({ where: { lessonId: lesson.id, publishedAt: null } });
}

type Working = {
  title: string;
  summary: string | null;
  sector: string | null;
  tags: string[];
  sections: LessonSections;
  content: JSONContent;
};

export async function workingCopy(lesson: LessonRow, db: Tx | typeof prisma = prisma) {
  const pending = await pendingUpdate(lesson, db);
  const base: Working = {
    title: lesson.title,
    summary: lesson.summary,
    sector: lesson.sector,
    tags: lesson.tags,
    sections: parseSections(lesson.sections),
    content: lesson.content as JSONContent,
  };
  if (!pending) return { working: base, pending: false };
  // sector and tags of an update are kept in the pending sections' sidecar
  const extra = (pending.sections ?? {}) as { _sector?: string | null; _tags?: string[] };
  return {
    working: {
      ...base,
      title: pending.title,
      summary: pending.summary,
      sections: parseSections(pending.sections),
      content: pending.content as JSONContent,
      sector: extra._sector === undefined ? base.sector : extra._sector,
      tags: Array.isArray(extra._tags) ? extra._tags.map(String).slice(0, LIMITS.tags) : base.tags,
    },
    pending: true,
  };
}

export async function writeWorkingCopy(tx: Tx, lesson: LessonRow, working: Working, actorId: string) {
  const sections = working.sections as unknown as Prisma.InputJsonObject;
  if (lesson.status === "PUBLISHED") {
    const data = {
      title: working.title,
      summary: working.summary,
      content: working.content as Prisma.InputJsonValue,
      sections: { ...sections, _sector: working.sector, _tags: working.tags },
      createdById: actorId,
    };
    const pending = await tx.lessonVersion.findFirst({
      where: { lessonId: lesson.id, publishedAt: null },
      select: { id: true },
    });
    if (pending) await tx.lessonVersion.update({ where: { id: pending.id }, data });
    else
      await tx.lessonVersion.create({ data: { ...data, lessonId: lesson.id, version: lesson.version + 1 } });
    return;
  }
  await tx.lesson.update({
    where: { id: lesson.id },
    data: {
      title: working.title,
      summary: working.summary,
      sector: working.sector,
      tags: working.tags,
      sections,
      content: working.content as Prisma.InputJsonValue,
    },
  });
}

/** Opens the session's lesson, creating its draft when there is none (lesson:write). */
export async function ensureDraft(tx: Tx, actor: Actor, sessionId: string) {
  const existing = await currentLesson(sessionId, tx);
  if (existing) return existing;
  const session = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      title: true,
      pairingId: true,
      hostRegionCode: true,
      pairing: { select: { topic: true, sector: true, mentorRegionCode: true } },
    },
  });
  const lesson = await tx.lesson.create({
    data: {
      slug: `${DRAFT_SLUG_PREFIX}${randomBytes(6).toString("hex")}`,
      title: (session.pairing ? `${session.pairing.topic}: ${session.title}` : session.title).slice(
        0,
        LIMITS.title,
      ),
      content: EMPTY_DOC as Prisma.InputJsonValue,
      sections: parseSections({}) as unknown as Prisma.InputJsonObject,
      status: "DRAFT",
      tags: [],
      sector: session.pairing?.sector ?? null,
      authorId: actor.user.id,
      sessionId,
      pairingId: session.pairingId,
      regionCode: session.pairing?.mentorRegionCode ?? session.hostRegionCode ?? null,
    },
    select: lessonSelect,
  });
  await logActivity(
    {
      actorId: actor.user.id,
      action: "lesson.drafted",
      subjectType: "Lesson",
      subjectId: lesson.id,
      data: { sessionId },
    },
    tx,
  );
  return lesson;
}

export async function lessonOfSession(sessionId: string, lessonId: string) {
  const lesson = await prisma.lesson.findFirst({ where: { id: lessonId, sessionId }, select: lessonSelect });
  if (!lesson) throw new OutOfScopeError("no such lesson");
  return lesson;
}
