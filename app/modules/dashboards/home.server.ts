// What the public home page shows: the latest published practices and lessons.
import { prisma } from "~/db.server";

export type RecentPublicItem = {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  regionName: string | null;
  /** the region's IANA zone, for showing the publication day; Jakarta when there is no region */
  timeZone: string;
  publishedAt: Date | null;
};

const newestFirst = [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }] as const;

/** Public: only PUBLISHED rows, newest first, with their region's name. */
export async function listRecentPublicItems({ limit = 5 } = {}): Promise<{
  practices: RecentPublicItem[];
  lessons: RecentPublicItem[];
}> {
  const [practices, lessons] = await Promise.all([
    prisma.practice.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [...newestFirst],
      take: limit,
      select: {
        id: true,
        slug: true,
        name: true,
        summary: true,
        publishedAt: true,
        region: { select: { name: true, timeZone: true } },
      },
    }),
    prisma.lesson.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [...newestFirst],
      take: limit,
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        publishedAt: true,
        region: { select: { name: true, timeZone: true } },
      },
    }),
  ]);
  return {
    practices: practices.map((practice) => ({
      id: practice.id,
      slug: practice.slug,
      title: practice.name,
      summary: practice.summary,
      regionName: practice.region.name,
      timeZone: practice.region.timeZone,
      publishedAt: practice.publishedAt,
    })),
    lessons: lessons.map((lesson) => ({
      id: lesson.id,
      slug: lesson.slug,
      title: lesson.title,
      summary: lesson.summary,
      regionName: lesson.region?.name ?? null,
      timeZone: lesson.region?.timeZone ?? "Asia/Jakarta",
      publishedAt: lesson.publishedAt,
    })),
  };
}
