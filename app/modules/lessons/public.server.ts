// A lesson's public page.
import { prisma } from "~/db.server";
import { plainText, renderRichText } from "~/editor/render.server";
import { Prisma } from "~/generated/prisma/client";
import { parseSections } from "~/modules/lessons/lesson-schemas";
import { lessonSelect } from "~/modules/lessons/working-copy.server";

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
