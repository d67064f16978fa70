// The public catalogue: published practices and lessons, searchable in Indonesian
// (PostgreSQL's 'indonesian' text search stems "penyedotan" to "sedot").
import { prisma } from "~/db.server";
import { parseQuery } from "~/modules/catalogue/catalog-search.server";
import { plainIndicator, publicIndicatorSelect } from "~/modules/projects/indicator-values.server";
import { COMPLETED_REPLICATION, replicationStatusKey } from "~/modules/catalogue/replication-status";

/** The lessons a catalogue page lists under its practices until "all" is asked for. */
export const LESSONS_SHOWN = 6;
/** The most lessons one list holds (the page's "all", the feed). */
const LESSONS_MAX = 100;

/**
 * Published lessons matching the query as the practices do (stop words dropped, synonyms, typos
 * corrected, one missing word only lowers the rank), most relevant first; newest first without one.
 * `total`: how many match, of which the first `take` are listed.
 */
export async function listLessonsForCatalog({ q, take = LESSONS_MAX }: { q?: string; take?: number } = {}) {
  const limit = Math.min(Math.max(1, take), LESSONS_MAX);
  const parsed = q ? await parseQuery(q.slice(0, 200)) : null;
  // a query of stop words only ("bagaimana caranya?") lists every lesson, as it lists every practice
  const matches = parsed?.tsquery
    ? await prisma.$queryRaw<{ id: string; total: number }[]>`
          SELECT l.id, (count(*) OVER ())::int AS total FROM "Lesson" l
          WHERE l.status = 'PUBLISHED' AND l."searchVector" @@ ${parsed.tsquery}::tsquery
          ORDER BY
            (SELECT count(*) FROM unnest(${parsed.concepts.map((c) => c.tsquery)}::text[]::tsquery[]) c
              WHERE l."searchVector" @@ c) DESC,
            ts_rank(l."searchVector", ${parsed.tsquery}::tsquery, 1) DESC, l."publishedAt" DESC NULLS LAST
          LIMIT ${limit}`
    : null;
  const ids = matches?.map((r) => r.id) ?? null;
  const [lessons, total] = await Promise.all([
    ids?.length === 0
      ? []
      : prisma.lesson.findMany({
          where: { status: "PUBLISHED", ...(ids ? { id: { in: ids } } : {}) },
          orderBy: { publishedAt: "desc" },
          take: limit,
          select: {
            id: true,
            slug: true,
            title: true,
            summary: true,
            publishedAt: true,
            region: { select: { code: true, name: true } },
          },
        }),
    matches ? (matches[0]?.total ?? 0) : prisma.lesson.count({ where: { status: "PUBLISHED" } }),
  ]);
  const rank = new Map(ids?.map((id, i) => [id, i]));
  if (ids) lessons.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return { lessons: lessons.map(({ id: _id, ...lesson }) => lesson), total };
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
          indicators: publicIndicatorSelect,
        },
      },
      lessons: { where: { status: "PUBLISHED" }, select: { slug: true, title: true } },
      replications: {
        include: { region: { select: { code: true, name: true } } },
        orderBy: [{ status: "desc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!practice) return null;
  // contacts are shown by role only: no personal email on a public page
  const { contactEmail: _email, project, replications, ...rest } = practice;
  return {
    ...rest,
    project: project && { ...project, indicators: project.indicators.map(plainIndicator) },
    // each with its status as an i18n key; only the completed ones count as "direplikasi"
    replications: replications.map((r) => ({ ...r, statusKey: replicationStatusKey(r.status) })),
    replicatedCount: replications.filter((r) => r.status === COMPLETED_REPLICATION).length,
  };
}

/** The catalogue as open data: one flat row per published practice (or the one with `slug`). */
export async function listPracticesForExport({ slug }: { slug?: string } = {}) {
  const practices = await prisma.practice.findMany({
    where: { status: "PUBLISHED", ...(slug ? { slug } : {}) },
    orderBy: { publishedAt: "desc" },
    select: {
      slug: true,
      name: true,
      summary: true,
      sector: true,
      spmField: true,
      maturity: true,
      tags: true,
      startedYear: true,
      innovationForm: true,
      innovationType: true,
      innovationInitiator: true,
      innovationStage: true,
      governmentAffair: true,
      evidenceUrl: true,
      publishedAt: true,
      updatedAt: true,
      region: { select: { code: true, name: true, kind: true, province: { select: { name: true } } } },
      organisation: { select: { name: true } },
      _count: { select: { replications: true } },
    },
  });
  return practices.map((p) => ({
    slug: p.slug,
    name: p.name,
    summary: p.summary ?? "",
    region_code: p.region.code,
    region: p.region.name,
    region_kind: p.region.kind,
    province: p.region.province?.name ?? p.region.name,
    agency: p.organisation?.name ?? "",
    sector: p.sector ?? "",
    spm_field: p.spmField ?? "",
    maturity: p.maturity,
    replications: p._count.replications,
    tags: p.tags.join("; "),
    started_year: p.startedYear,
    innovation_form: p.innovationForm,
    innovation_type: p.innovationType,
    innovation_initiator: p.innovationInitiator,
    innovation_stage: p.innovationStage,
    government_affair: p.governmentAffair,
    evidence_url: p.evidenceUrl,
    published_at: p.publishedAt?.toISOString() ?? null,
    updated_at: p.updatedAt.toISOString(),
  }));
}

/** Every public page worth indexing: the catalogue, published practices and lessons, the regions. */
export async function listSitemapEntries() {
  const [practices, lessons, regions] = await Promise.all([
    prisma.practice.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
      take: 20_000,
      select: { slug: true, updatedAt: true },
    }),
    prisma.lesson.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
      take: 20_000,
      select: { slug: true, updatedAt: true },
    }),
    prisma.region.findMany({ orderBy: { code: "asc" }, select: { code: true } }),
  ]);
  return [
    { path: "/", lastModified: null },
    { path: "/katalog", lastModified: practices[0]?.updatedAt ?? null },
    { path: "/wilayah", lastModified: null },
    { path: "/tentang-data", lastModified: null },
    ...practices.map((p) => ({ path: `/katalog/${p.slug}`, lastModified: p.updatedAt })),
    ...lessons.map((l) => ({ path: `/pelajaran/${encodeURIComponent(l.slug)}`, lastModified: l.updatedAt })),
    ...regions.map((r) => ({ path: `/wilayah/${r.code}`, lastModified: null })),
  ];
}
