// Practices like the one being read: by text (the practice's own name and summary terms, taken from
// its stored search vector and ranked with ts_rank on the others' vectors) and by facets (same SPM
// field, same sector, shared tags — the problem it answers). Only published practices, never itself.
// Plain PostgreSQL full-text functions: the same SQL on PGlite and on a server (docs/decisions/0054).
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

export const SIMILAR_LIMIT = 4;
export const IN_PROVINCE_LIMIT = 3;

type Similar = {
  id: string;
  slug: string;
  name: string;
  maturity: string;
  startedYear: number | null;
  region: { code: string; name: string };
};

/**
 * The practices most like practice `id`, best first, at most `limit`: text (ts_rank of the OR of
 * its own title and summary lexemes, weights A and B of its vector) plus a half for the same SPM
 * field, a half for the same sector and a quarter per shared tag (at most three).
 *
 * Read from the narrow search rows (PracticeSearch, decision 0068), in two steps: every candidate
 * gets its text, field and sector score; shared tags, which add at most 0.75 and cost a set
 * intersection each, are counted only for the candidates that can still reach the list (within
 * 0.75 of the limit-th best). The practice's own query is computed once (MATERIALIZED: inlined,
 * PostgreSQL evaluated it again for every candidate, 1.1 s at 7,000 practices).
 */
function scored(id: string, limit: number, extra: Prisma.Sql) {
  return Prisma.sql`
    WITH me AS MATERIALIZED (
      SELECT p.id, p."spmField", lower(p.sector) AS sector,
        ARRAY(SELECT DISTINCT lower(t) FROM unnest(p.tags) AS t) AS tags,
        (SELECT string_agg(quote_literal(v.lexeme), ' | ')
          FROM unnest(p."searchVector") AS v(lexeme, positions, weights)
          WHERE ('A' = ANY(v.weights) OR 'B' = ANY(v.weights)) AND position(chr(92) IN v.lexeme) = 0
        )::tsquery AS q
      FROM "Practice" p WHERE p.id = ${id}
    ),
    candidate AS MATERIALIZED (
      SELECT o."practiceId" AS id, o."publishedAt" AS published_at, o.tags,
        COALESCE(ts_rank(o."searchVector", me.q), 0)
          + CASE WHEN o."spmField" = me."spmField" THEN 0.5 ELSE 0 END
          + CASE WHEN lower(o.sector) = me.sector THEN 0.5 ELSE 0 END AS partial
      FROM "PracticeSearch" o CROSS JOIN me
      WHERE o."practiceId" <> me.id
        AND (o."spmField" = me."spmField" OR lower(o.sector) = me.sector OR o.tags && me.tags
          OR (me.q IS NOT NULL AND o."searchVector" @@ me.q))
        ${extra}
    )
    SELECT c.id,
      c.partial + 0.25 * LEAST(3, cardinality(ARRAY(SELECT unnest(c.tags) INTERSECT SELECT unnest(me.tags))))
        AS score
    FROM candidate c CROSS JOIN me
    WHERE c.partial >= COALESCE(
      (SELECT x.partial FROM candidate x ORDER BY x.partial DESC OFFSET ${limit - 1} LIMIT 1), 0) - 0.75
    ORDER BY score DESC, c.published_at DESC NULLS LAST, c.id
    LIMIT ${limit}`;
}

async function withDetails(rows: { id: string }[]): Promise<Similar[]> {
  if (rows.length === 0) return [];
  const found = await prisma.practice.findMany({
    where: { id: { in: rows.map((r) => r.id) }, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      name: true,
      maturity: true,
      startedYear: true,
      region: { select: { code: true, name: true } },
    },
  });
  return rows.flatMap((r) => found.filter((p) => p.id === r.id));
}

/** The practices most like practice `id`, anywhere. */
export async function similarPractices(practice: { id: string }, limit = SIMILAR_LIMIT) {
  const rows = await prisma.$queryRaw<{ id: string }[]>(scored(practice.id, limit, Prisma.empty));
  return withDetails(rows);
}

/**
 * Practices like practice `id` in one province: the viewer's (when signed in with a region) or else
 * the practice's own; `basis` says which, so the page can say so. `exclude`: already listed above.
 */
export async function similarPracticesInProvince(
  practice: { id: string; regionCode: string },
  { viewerRegionCode, exclude = [] }: { viewerRegionCode?: string | null; exclude?: string[] } = {},
) {
  const basis = viewerRegionCode ? ("viewer" as const) : ("practice" as const);
  const province = await prisma.region.findUnique({
    where: { code: viewerRegionCode ?? practice.regionCode },
    select: { code: true, name: true, kind: true, province: { select: { code: true, name: true } } },
  });
  if (!province) return null;
  const { code, name } = province.kind === "PROVINCE" ? province : (province.province ?? province);
  const rows = await prisma.$queryRaw<{ id: string }[]>(
    scored(
      practice.id,
      IN_PROVINCE_LIMIT,
      Prisma.sql`AND o."provinceCode" = ${code}
        ${exclude.length ? Prisma.sql`AND o."practiceId" <> ALL(${exclude}::text[])` : Prisma.empty}`,
    ),
  );
  return { basis, province: { code, name }, practices: await withDetails(rows) };
}
