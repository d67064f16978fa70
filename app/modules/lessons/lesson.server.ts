// Lessons-learned pages: the draft a facilitator fills from a session's notes (template fields),
// review comments by the pairing's leads, publication in one transaction, published updates that
// keep the old text as versions, withdrawal, the public page and citations ("learned from").
//
// A published lesson's row is what the public page shows. Changes to it are kept, until they are
// published, in a LessonVersion row without publishedAt ("the draft of the next version"); older
// published versions are LessonVersion rows with publishedAt.
import { createHash, randomBytes } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { can } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { pairingWhere, projectWhere } from "~/auth/scope.server";
import { grantsFor } from "~/auth/permissions";
import { prisma } from "~/db.server";
import { plainText, renderRichText } from "~/editor/render.server";
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/accounts/activity.server";
import {
  mayReviewSession,
  notifyAuthors,
  notifyReviewRequested,
} from "~/modules/lessons/lesson-review.server";
import {
  type AppendTarget,
  LIMITS,
  type LessonFormInput,
  type LessonSections,
  formToLesson,
  parseIndicator,
  parseSections,
  parseStep,
  sectionsAreEmpty,
} from "~/modules/lessons/lesson-schemas";
import { NoteError, openTasks } from "~/modules/lessons/note.server";
import { mayOnPairing } from "~/modules/pairings/pairing.server";
import { ConflictError, OutOfScopeError } from "~/errors";
import { mayOnProject } from "~/modules/projects/project.server";
import { maySession } from "~/modules/sessions/session.server";
import type { CurrentUser } from "~/modules/accounts/user.server";

type Actor = Pick<Scope, "user">;
type Tx = Prisma.TransactionClient;

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };
const DRAFT_SLUG_PREFIX = "draf-";

/** A refusal shown next to a field (or the form when field is absent); nothing was written. */
export class LessonError extends Error {
  constructor(
    public readonly key: string,
    public readonly field?: string,
  ) {
    super(key);
  }
}

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

// ── who may do what on a session's lesson ──

export type LessonAccess = { write: boolean; comment: boolean; publish: boolean };

/**
 * write: lesson:write on the session; publish: lesson:publish and the session in sight;
 * comment: lesson:review in scope (facilitators; the leads of the session's pairing, either side).
 */
export async function lessonAccess(user: CurrentUser, sessionId: string): Promise<LessonAccess> {
  const [write, publish, review] = await Promise.all([
    maySession(user, sessionId, "lesson:write"),
    can(user.memberships, "lesson:publish")
      ? maySession(user, sessionId, "session:read")
      : Promise.resolve(false),
    mayReviewSession(user, sessionId),
  ]);
  return { write, publish, comment: publish || review };
}

async function requireAccess(user: CurrentUser, sessionId: string, need: keyof LessonAccess) {
  const access = await lessonAccess(user, sessionId);
  if (!access[need]) throw new OutOfScopeError("not allowed");
  return access;
}

// ── the working copy ──

const lessonSelect = {
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

type LessonRow = Prisma.LessonGetPayload<{ select: typeof lessonSelect }>;

/** The lesson a session's lesson page works on: the newest one not withdrawn. */
async function currentLesson(sessionId: string, db: Tx | typeof prisma = prisma) {
  return db.lesson.findFirst({
    where: { sessionId, status: { not: "ARCHIVED" } },
    orderBy: { createdAt: "desc" },
    select: lessonSelect,
  });
}

async function pendingUpdate(lesson: LessonRow, db: Tx | typeof prisma = prisma) {
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

async function workingCopy(lesson: LessonRow, db: Tx | typeof prisma = prisma) {
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

async function writeWorkingCopy(tx: Tx, lesson: LessonRow, working: Working, actorId: string) {
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
async function ensureDraft(tx: Tx, actor: Actor, sessionId: string) {
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

// ── the notes as blocks ──

export type NoteBlock = { index: number; html: string; text: string; items: string[]; hash: string };

const LIST_TYPES = new Set(["bulletList", "orderedList", "taskList"]);

/** A short fingerprint of a text (a block of the notes, the form's values). */
export function hashText(text: string) {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The notes' top-level blocks, each rendered on the server, with its text and its list items. */
export function noteBlocks(doc: unknown): NoteBlock[] {
  const content = (doc as JSONContent | null)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block, index) => {
    const text = plainText({ type: "doc", content: [block] }).trim();
    if (!text) return [];
    const items = LIST_TYPES.has(String(block.type))
      ? (block.content ?? [])
          .map((item) =>
            plainText({ type: "doc", content: [item] })
              .replace(/\s*\n\s*/g, " ")
              .trim(),
          )
          .filter(Boolean)
      : [text.replace(/\s*\n\s*/g, " ")];
    return [
      { index, html: renderRichText({ type: "doc", content: [block] }), text, items, hash: hashText(text) },
    ];
  });
}

const TEXT_LIMITS = {
  context: LIMITS.text,
  results: LIMITS.text,
  obstacles: LIMITS.text,
  contacts: LIMITS.contacts,
} as const;

/** Adds a block's text to one field: text fields get a new paragraph, list fields new items. */
export function appendToSections(
  sections: LessonSections,
  field: AppendTarget,
  block: NoteBlock,
): LessonSections {
  const next: LessonSections = structuredClone(sections);
  const addText = (current: string, max: number) => {
    const value = current ? `${current}\n\n${block.text}` : block.text;
    if (value.length > max) throw new LessonError("lessonTemplate.errors.fieldFull", field);
    return value;
  };
  const addItems = <T>(current: T[], parse: (line: string) => T, max: number, itemMax: number) => {
    if (block.items.some((item) => item.length > itemMax))
      throw new LessonError("lessonTemplate.errors.itemTooLong", field);
    const value = [...current, ...block.items.map(parse)];
    if (value.length > max) throw new LessonError("lessonTemplate.errors.tooManyItems", field);
    return value;
  };
  switch (field) {
    case "context":
    case "results":
    case "obstacles":
    case "contacts": {
      next[field] = addText(sections[field], TEXT_LIMITS[field]);
      break;
    }
    case "needPolicy":
    case "needBudget":
    case "needPeople":
    case "needTime": {
      const key = (
        { needPolicy: "policy", needBudget: "budget", needPeople: "people", needTime: "time" } as const
      )[field];
      next.needs[key] = addText(sections.needs[key], LIMITS.need);
      break;
    }
    case "mentorSteps":
      next.mentorSteps = addItems(sections.mentorSteps, parseStep, LIMITS.steps, LIMITS.item);
      break;
    case "indicators":
      next.indicators = addItems(
        sections.indicators,
        parseIndicator,
        LIMITS.indicators,
        LIMITS.indicatorName + LIMITS.indicatorValue,
      );
      break;
    case "successFactors":
      next.successFactors = addItems(sections.successFactors, (s) => s, LIMITS.factors, LIMITS.item);
      break;
    case "replicationSteps":
      next.replicationSteps = addItems(sections.replicationSteps, (s) => s, LIMITS.steps, LIMITS.item);
      break;
  }
  return next;
}

// ── the workspace page ──

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

// ── writing the draft ──

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

async function lessonOfSession(sessionId: string, lessonId: string) {
  const lesson = await prisma.lesson.findFirst({ where: { id: lessonId, sessionId }, select: lessonSelect });
  if (!lesson) throw new OutOfScopeError("no such lesson");
  return lesson;
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

export async function addLessonComment(
  actor: Actor,
  sessionId: string,
  lessonId: string,
  input: { field: string; quote?: string; body: string },
) {
  await requireAccess(actor.user, sessionId, "comment");
  const lesson = await lessonOfSession(sessionId, lessonId);
  if (lesson.status === "ARCHIVED") throw new LessonError("lessonReview.errors.withdrawn");
  return prisma.$transaction(async (tx) => {
    const comment = await tx.lessonComment.create({
      data: {
        lessonId: lesson.id,
        authorId: actor.user.id,
        field: input.field,
        quote: input.quote || null,
        body: input.body,
      },
    });
    await notifyAuthors(tx, lesson, actor.user.id, "comment");
    return comment;
  });
}

/** Resolved by whoever may comment or write the lesson. */
export async function resolveLessonComment(actor: Actor, sessionId: string, commentId: string) {
  const access = await lessonAccess(actor.user, sessionId);
  if (!access.comment && !access.write) throw new OutOfScopeError("not allowed");
  const comment = await prisma.lessonComment.findFirst({
    where: { id: commentId, lesson: { sessionId } },
    select: { id: true },
  });
  if (!comment) throw new OutOfScopeError("no such comment");
  await prisma.lessonComment.update({ where: { id: comment.id }, data: { resolvedAt: new Date() } });
}

// ── publication ──

function isUniqueViolation(error: unknown) {
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

/**
 * "Draft a lesson from these notes" (the notes page): the session's lesson draft, made with this
 * title, summary and keywords and the notes as its body, to be filled from the template, reviewed
 * and then published (DRAFT → IN_REVIEW → PUBLISHED, decision 0022). Nothing is published here.
 * When the session already has a lesson, that one is left as it is.
 */
export async function draftLessonFromNotes(
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

// ── the public page ──

const publicSelect = {
  ...lessonSelect,
  createdAt: true,
  region: { select: { code: true, name: true, timeZone: true } },
  pairing: {
    select: {
      topic: true,
      mentorRegion: { select: { code: true, name: true } },
      menteeRegion: { select: { code: true, name: true } },
    },
  },
  session: { select: { title: true, startsAt: true, timeZone: true } },
  practices: { where: { status: "PUBLISHED" as const }, select: { slug: true, name: true } },
  versions: {
    where: { publishedAt: { not: null } },
    orderBy: { version: "desc" as const },
    select: { version: true, publishedAt: true, title: true, summary: true, content: true, sections: true },
  },
  citations: {
    orderBy: { createdAt: "asc" as const },
    select: {
      id: true,
      note: true,
      createdAt: true,
      pairing: { select: { topic: true, menteeRegion: { select: { name: true } } } },
      project: { select: { title: true, region: { select: { name: true } } } },
    },
  },
} satisfies Prisma.LessonSelect;

/**
 * A lesson as the public sees it: the published text (or an older published version), or, when
 * withdrawn, only its title and the reason. Drafts and lessons in review are not found.
 */
export async function getPublicLesson(slug: string, askedVersion?: number) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "ARCHIVED"] } },
    select: publicSelect,
  });
  if (!lesson) return null;
  if (lesson.status === "ARCHIVED")
    return {
      withdrawn: true as const,
      slug: lesson.slug,
      title: lesson.title,
      reason: lesson.withdrawnReason ?? "",
      at: lesson.updatedAt,
      timeZone: lesson.region?.timeZone ?? "Asia/Jakarta",
    };
  const older =
    askedVersion && askedVersion < lesson.version
      ? lesson.versions.find((v) => v.version === askedVersion)
      : undefined;
  if (askedVersion && askedVersion !== lesson.version && !older) return null;
  const text = older ?? lesson;
  const firstPublishedAt =
    lesson.versions.length > 0 ? lesson.versions[lesson.versions.length - 1].publishedAt : lesson.publishedAt;
  return {
    withdrawn: false as const,
    slug: lesson.slug,
    title: text.title,
    summary: text.summary,
    sections: parseSections(text.sections),
    html: plainText(text.content).trim() ? renderRichText(text.content) : "",
    tags: lesson.tags,
    sector: lesson.sector,
    version: older?.version ?? lesson.version,
    currentVersion: lesson.version,
    isOlder: Boolean(older),
    publishedAt: (older ?? lesson).publishedAt,
    firstPublishedAt,
    updatedAt: lesson.publishedAt,
    olderVersions: lesson.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt })),
    region: lesson.region,
    pairing: lesson.pairing,
    session: lesson.session,
    practices: lesson.practices,
    learnedBy: lesson.citations.map((c) => ({
      id: c.id,
      kind: c.pairing ? ("pairing" as const) : ("project" as const),
      region: c.pairing?.menteeRegion.name ?? c.project?.region?.name ?? null,
      note: c.note,
      at: c.createdAt,
    })),
    reuseCount: lesson.citations.length,
  };
}

// ── citations ("learned from") ──

/** The pairings and projects the person may update that have not cited this lesson yet. */
export async function citationTargets(user: CurrentUser, slug: string) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true, pairingId: true },
  });
  if (!lesson) return [];
  const pairingGrants = grantsFor(user.memberships, "pairing:update");
  const projectGrants = grantsFor(user.memberships, "project:update");
  const [pairings, projects] = await Promise.all([
    pairingGrants.length
      ? prisma.pairing.findMany({
          where: {
            AND: [
              pairingWhere(user.id, pairingGrants),
              { id: { not: lesson.pairingId ?? undefined } },
              { lessonCitations: { none: { lessonId: lesson.id } } },
            ],
          },
          orderBy: { updatedAt: "desc" },
          take: 50,
          select: {
            id: true,
            topic: true,
            mentorRegion: { select: { name: true } },
            menteeRegion: { select: { name: true } },
          },
        })
      : [],
    projectGrants.length
      ? prisma.changeProject.findMany({
          where: {
            AND: [
              projectWhere(user.id, projectGrants),
              { lessonCitations: { none: { lessonId: lesson.id } } },
            ],
          },
          orderBy: { updatedAt: "desc" },
          take: 50,
          select: { id: true, title: true, region: { select: { name: true } } },
        })
      : [],
  ]);
  return [
    ...pairings.map((p) => ({
      value: `pairing:${p.id}`,
      kind: "pairing" as const,
      label: `${p.mentorRegion.name} → ${p.menteeRegion.name}: ${p.topic}`,
    })),
    ...projects.map((p) => ({
      value: `project:${p.id}`,
      kind: "project" as const,
      label: `${p.title}${p.region ? ` (${p.region.name})` : ""}`,
    })),
  ];
}

/** "Learned from this lesson": one citation per pairing or project (pairing:update / project:update). */
export async function citeLesson(actor: Actor, slug: string, input: { target: string; note?: string }) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true, pairingId: true },
  });
  if (!lesson) throw new LessonError("lessonReview.errors.notPublished");
  const [kind, id] = input.target.split(":");
  const allowed =
    kind === "pairing"
      ? await mayOnPairing(actor.user, id, "pairing:update")
      : kind === "project"
        ? await mayOnProject(actor.user, id, "project:update")
        : false;
  if (!allowed) throw new OutOfScopeError("not allowed");
  if (kind === "pairing" && id === lesson.pairingId)
    throw new LessonError("lessonReview.errors.ownPairing", "target");
  try {
    return await prisma.$transaction(async (tx) => {
      const citation = await tx.lessonCitation.create({
        data: {
          lessonId: lesson.id,
          pairingId: kind === "pairing" ? id : null,
          projectId: kind === "project" ? id : null,
          note: input.note || null,
          createdById: actor.user.id,
        },
      });
      await logActivity(
        {
          actorId: actor.user.id,
          action: "lesson.cited",
          subjectType: kind === "pairing" ? "Pairing" : "ChangeProject",
          subjectId: id,
          data: { slug },
        },
        tx,
      );
      return citation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LessonError("lessonReview.errors.alreadyCited", "target");
    throw error;
  }
}
