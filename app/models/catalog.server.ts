// The public catalogue: published practices and lessons, searchable in Indonesian
// (PostgreSQL's 'indonesian' text search stems "penyedotan" to "sedot").
import { prisma } from "~/db.server";
import { renderRichText } from "~/editor/render.server";

export async function listPracticesForCatalog({ q }: { q?: string } = {}) {
  const query = q?.trim().slice(0, 200);
  const ids = query
    ? (
        await prisma.$queryRaw<{ id: string }[]>`
          SELECT p.id FROM "Practice" p
          WHERE p.status = 'PUBLISHED'
            AND to_tsvector('indonesian', concat_ws(' ', p.name, p.summary, p.problem, p.solution, p.results, p.sector, array_to_string(p.tags, ' ')))
                @@ plainto_tsquery('indonesian', ${query})
          ORDER BY ts_rank(to_tsvector('indonesian', concat_ws(' ', p.name, p.summary, p.problem, p.solution, p.results, array_to_string(p.tags, ' '))), plainto_tsquery('indonesian', ${query})) DESC`
      ).map((r) => r.id)
    : null;
  const practices = await prisma.practice.findMany({
    where: { status: "PUBLISHED", ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      sector: true,
      maturity: true,
      tags: true,
      updatedAt: true,
      region: { select: { code: true, name: true } },
      _count: { select: { replications: true } },
    },
  });
  return ids ? [...practices].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)) : practices;
}

export async function listLessonsForCatalog({ q }: { q?: string } = {}) {
  const query = q?.trim().slice(0, 200);
  const ids = query
    ? (
        await prisma.$queryRaw<{ id: string }[]>`
          SELECT l.id FROM "Lesson" l
          WHERE l.status = 'PUBLISHED'
            AND to_tsvector('indonesian', concat_ws(' ', l.title, l.summary, l.content::text, array_to_string(l.tags, ' '))) @@ plainto_tsquery('indonesian', ${query})`
      ).map((r) => r.id)
    : null;
  return prisma.lesson.findMany({
    where: { status: "PUBLISHED", ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: {
      slug: true,
      title: true,
      summary: true,
      publishedAt: true,
      region: { select: { code: true, name: true } },
    },
  });
}

export async function getPublishedPractice(slug: string) {
  const practice = await prisma.practice.findFirst({
    where: { slug, status: "PUBLISHED" },
    include: {
      region: { select: { code: true, name: true, timeZone: true } },
      organisation: { select: { name: true } },
      project: {
        select: {
          id: true,
          status: true,
          indicators: {
            select: {
              id: true,
              name: true,
              unit: true,
              direction: true,
              baseline: true,
              baselineYear: true,
              target: true,
              targetYear: true,
              measurements: {
                select: { value: true, measuredAt: true, periodLabel: true, source: true },
                orderBy: { measuredAt: "asc" },
              },
            },
          },
        },
      },
      lessons: { where: { status: "PUBLISHED" }, select: { slug: true, title: true } },
      replications: { include: { region: { select: { code: true, name: true } } } },
    },
  });
  if (!practice) return null;
  // contacts are shown by role only: no personal email on a public page
  const { contactEmail: _email, ...rest } = practice;
  return rest;
}

export async function getPublishedLesson(slug: string) {
  const lesson = await prisma.lesson.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      slug: true,
      title: true,
      summary: true,
      content: true,
      tags: true,
      publishedAt: true,
      region: { select: { code: true, name: true, timeZone: true } },
      pairing: {
        select: {
          topic: true,
          mentorRegion: { select: { code: true, name: true } },
          menteeRegion: { select: { code: true, name: true } },
        },
      },
      session: { select: { title: true, startsAt: true } },
      practices: { where: { status: "PUBLISHED" }, select: { slug: true, name: true } },
    },
  });
  if (!lesson) return null;
  const { content, ...rest } = lesson;
  return { ...rest, html: renderRichText(content) };
}
