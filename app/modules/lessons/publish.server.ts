// A lesson's way to the public: submitted for review, sent back, published in one transaction
// (later updates keep the old text as versions), withdrawn.
import type { JSONContent } from "@tiptap/core";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { plainText } from "~/editor/render.server";
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import { notifyAuthors, notifyReviewRequested } from "~/modules/lessons/lesson-review.server";
import { sectionsAreEmpty } from "~/modules/lessons/lesson-schemas";
import { openTasks } from "~/modules/lessons/note.server";
import { ConflictError } from "~/errors";
import { requireAccess } from "~/modules/lessons/access.server";
import {
  LessonError,
  type LessonRow,
  lessonOfSession,
  pendingUpdate,
  workingCopy,
} from "~/modules/lessons/working-copy.server";

type Actor = Pick<Scope, "user">;

type Tx = Prisma.TransactionClient;

export function slugify(text: string) {
  return (
    text
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "pelajaran"
  );
}

/** The first of base, base-2, base-3… no lesson holds yet. */
async function freeSlug(db: Tx | typeof prisma, title: string) {
  const base = slugify(title);
  const taken = new Set(
    (await db.lesson.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (l) => l.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Draft → in review: the leads of both sides and the facilitators can comment, and the facilitators
 * hear of it. Conditional on the draft status in the same statement: a second submission (a double
 * click, two tabs) changes nothing and tells no one again.
 */
export async function submitForReview(actor: Actor, sessionId: string, lessonId: string) {
  await requireAccess(actor.user, sessionId, "write");
  const lesson = await lessonOfSession(sessionId, lessonId);
  if (lesson.status !== "DRAFT") throw new LessonError("lessonReview.errors.notDraft");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.lesson.updateMany({
      where: { id: lesson.id, status: "DRAFT" },
      data: { status: "IN_REVIEW" },
    });
    if (count === 0) throw new LessonError("lessonReview.errors.notDraft");
    await logActivity(
      {
        actorId: actor.user.id,
        action: "lesson.review_requested",
        subjectType: "Lesson",
        subjectId: lesson.id,
      },
      tx,
    );
    await notifyReviewRequested(tx, lesson, actor.user.id);
  });
}

/**
 * In review → draft, with an optional reason (lesson:publish): the authors hear of it and can
 * change the lesson and submit it again. Conditional on the status like the submission.
 */
export async function sendLessonBack(actor: Actor, sessionId: string, lessonId: string, reason = "") {
  await requireAccess(actor.user, sessionId, "publish");
  const lesson = await lessonOfSession(sessionId, lessonId);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.lesson.updateMany({
      where: { id: lesson.id, status: "IN_REVIEW" },
      data: { status: "DRAFT" },
    });
    if (count === 0) throw new LessonError("lessonReview.errors.notInReview");
    await logActivity(
      {
        actorId: actor.user.id,
        action: "lesson.sent_back",
        subjectType: "Lesson",
        subjectId: lesson.id,
        data: reason ? { reason } : undefined,
      },
      tx,
    );
    await notifyAuthors(tx, lesson, actor.user.id, "sent-back", { reason });
  });
}

export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The steps of a first publication, inside the caller's transaction: the session's open tasks become
 * the pairing's commitments, the lesson gets its slug and is linked to
 * the session, pairing and region, and the activity is logged. The slug is written after the other
 * steps, so a slug taken meanwhile undoes them all.
 */
async function firstPublication(tx: Tx, actor: Actor, lesson: LessonRow, slug: string) {
  const session = lesson.sessionId
    ? await tx.session.findUnique({
        where: { id: lesson.sessionId },
        select: {
          id: true,
          pairingId: true,
          hostRegionCode: true,
          note: { select: { content: true } },
          pairing: { select: { mentorRegionCode: true, sector: true } },
        },
      })
    : null;
  if (session?.pairingId && session.note) {
    const existing = new Set(
      (await tx.commitment.findMany({ where: { sessionId: session.id }, select: { title: true } })).map(
        (c) => c.title,
      ),
    );
    const tasks = openTasks(session.note.content as JSONContent).filter((task) => !existing.has(task));
    if (tasks.length > 0)
      await tx.commitment.createMany({
        data: tasks.map((title) => ({
          pairingId: session.pairingId!,
          sessionId: session.id,
          title,
          side: "MENTEE" as const,
        })),
      });
  }
  // the session's status is left as it is: a session is held when LiveKit or a person records it
  // held (session-record.server.ts), not when notes from it are published (a series' later
  // sessions often get their notes, even a lesson, before they take place)
  const published = await updateUnchanged(tx, lesson, {
    slug,
    status: "PUBLISHED",
    publishedAt: new Date(),
    publishedById: actor.user.id,
    pairingId: session?.pairingId ?? lesson.pairingId,
    regionCode: session?.pairing?.mentorRegionCode ?? session?.hostRegionCode ?? lesson.regionCode,
    sector: lesson.sector ?? session?.pairing?.sector ?? null,
  });
  await logActivity(
    {
      actorId: actor.user.id,
      action: "lesson.published",
      subjectType: "Session",
      subjectId: lesson.sessionId ?? lesson.id,
      data: { slug, lessonId: lesson.id, version: 1 },
    },
    tx,
  );
  return published;
}

/**
 * Writes `data` only if the lesson is still in the status and version it was read in, so that two
 * publications at once make one (the other gets a ConflictError and writes nothing).
 */
async function updateUnchanged(tx: Tx, lesson: LessonRow, data: Prisma.LessonUncheckedUpdateManyInput) {
  const { count } = await tx.lesson.updateMany({
    where: { id: lesson.id, status: lesson.status, version: lesson.version },
    data,
  });
  if (count !== 1) throw new ConflictError("lesson changed since it was read");
  return tx.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
}

/** An update of a published lesson: the current text becomes version N, the pending one N+1. */
async function publishUpdate(tx: Tx, actor: Actor, lesson: LessonRow) {
  const pending = await pendingUpdate(lesson, tx);
  if (!pending) throw new LessonError("lessonReview.errors.nothingToPublish");
  const { working } = await workingCopy(lesson, tx);
  await tx.lessonVersion.delete({ where: { id: pending.id } });
  await tx.lessonVersion.create({
    data: {
      lessonId: lesson.id,
      version: lesson.version,
      title: lesson.title,
      summary: lesson.summary,
      content: lesson.content as Prisma.InputJsonValue,
      sections: (lesson.sections ?? Prisma.DbNull) as Prisma.InputJsonValue,
      publishedAt: lesson.publishedAt,
      createdById: lesson.publishedById,
    },
  });
  const published = await updateUnchanged(tx, lesson, {
    title: working.title,
    summary: working.summary,
    sector: working.sector,
    tags: working.tags,
    sections: working.sections as unknown as Prisma.InputJsonObject,
    content: working.content as Prisma.InputJsonValue,
    version: lesson.version + 1,
    publishedAt: new Date(),
    publishedById: actor.user.id,
  });
  await logActivity(
    {
      actorId: actor.user.id,
      action: "lesson.updated",
      subjectType: "Session",
      subjectId: lesson.sessionId ?? lesson.id,
      data: { slug: lesson.slug, lessonId: lesson.id, version: lesson.version + 1 },
    },
    tx,
  );
  return published;
}

/**
 * Publishes the session's lesson (lesson:publish): the first time with a readable slug (the one
 * asked for, or one made from the title), later as a new version. All of it or none of it.
 */
export async function publishLesson(
  actor: Actor,
  sessionId: string,
  lessonId: string,
  options: { slug?: string } = {},
) {
  await requireAccess(actor.user, sessionId, "publish");
  const lesson = await lessonOfSession(sessionId, lessonId);
  if (lesson.status === "ARCHIVED") throw new LessonError("lessonReview.errors.withdrawn");
  // a first publication follows a review (decision 0022); an update needs its pending text
  if (lesson.status === "DRAFT") throw new LessonError("lessonReview.errors.notInReview");
  const open = await prisma.lessonComment.count({ where: { lessonId, resolvedAt: null } });
  if (open > 0) throw new LessonError("lessonReview.errors.openComments");
  const { working } = await workingCopy(lesson);
  if (sectionsAreEmpty(working.sections) && !plainText(working.content).trim())
    throw new LessonError("lessonTemplate.errors.empty");
  try {
    if (lesson.status === "PUBLISHED")
      return await prisma.$transaction((tx) => publishUpdate(tx, actor, lesson));
    const slug = options.slug || (await freeSlug(prisma, lesson.title));
    return await prisma.$transaction(async (tx) => {
      const published = await firstPublication(tx, actor, lesson, slug);
      // the review's decision reaches the authors (a later update is not a review: no notice)
      await notifyAuthors(tx, lesson, actor.user.id, "published", { link: `/pelajaran/${published.slug}` });
      return published;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LessonError("lessonReview.errors.slugTaken", "slug");
    throw error;
  }
}

/** Withdrawn (ARCHIVED) with a reason: the public address then says so, with 410. */
export async function withdrawLesson(actor: Actor, sessionId: string, lessonId: string, reason: string) {
  await requireAccess(actor.user, sessionId, "publish");
  const lesson = await lessonOfSession(sessionId, lessonId);
  if (lesson.status !== "PUBLISHED") throw new LessonError("lessonReview.errors.notPublished");
  await prisma.$transaction(async (tx) => {
    await tx.lessonVersion.deleteMany({ where: { lessonId, publishedAt: null } });
    await tx.lesson.update({
      where: { id: lessonId },
      data: { status: "ARCHIVED", withdrawnReason: reason },
    });
    await logActivity(
      {
        actorId: actor.user.id,
        action: "lesson.withdrawn",
        subjectType: "Lesson",
        subjectId: lessonId,
        data: { slug: lesson.slug, reason },
      },
      tx,
    );
  });
}
