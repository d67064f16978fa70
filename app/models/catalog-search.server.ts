// Searching the public catalogue: Indonesian full-text search (PostgreSQL's 'indonesian' stemmer,
// our own stop words), typo tolerance against the catalogue's own vocabulary, facets whose counts
// apply every other chosen facet, three sorts, and highlights returned as text segments (never HTML).
// Portable: plain PostgreSQL full-text functions, no extension (PGlite has no pg_trgm).
import { database, prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import {
  type CatalogFilters,
  type CatalogSort,
  type FacetName,
  FACETS,
  PAGE_SIZE,
  type Segment,
} from "~/models/catalog-params";
import { catalogStamp } from "~/models/catalog-state.server";
import { closestWord } from "~/utils/edit-distance";

/**
 * Words that carry no meaning in a search. PostgreSQL's 'indonesian' configuration stems but has
 * no stop-word list, so the query drops these before it reaches the database.
 */
export const INDONESIAN_STOP_WORDS = new Set(
  (
    "ada adalah agar akan aku anda antara apa apakah atas atau bagaimana bagi bahwa banyak beberapa " +
    "begitu belum bila bisa dalam dan dapat dari daripada dengan di dia dua hal hanya harus hingga ia " +
    "ialah ini itu jadi jika juga kalau kami kamu karena kata ke kepada kita lagi lain lebih maka " +
    "mana masih mereka namun oleh pada para per perlu saat saja sama sampai sangat saya se sebagai " +
    "sebelum secara sedang sehingga sejak semua seperti serta setelah setiap sudah supaya tak tanpa " +
    "telah tentang terhadap tersebut tetapi tidak untuk yaitu yakni yang"
  ).split(" "),
);

// ── vocabulary and typo tolerance ──

/** `stamp`: the catalogue's change stamp it was loaded under (app/models/catalog-state.server.ts) */
type Vocabulary = { words: Map<string, number>; lexemes: Set<string>; loadedAt: number; stamp: string };
let vocabulary: Promise<Vocabulary> | undefined;
const VOCABULARY_TTL_MS = 10 * 60_000;
/** After a change, the vocabulary reloads at most this often (every project edit moves the stamp). */
const VOCABULARY_MIN_AGE_MS = 30_000;

/** Forget the cached vocabulary (after a practice is published, changed or withdrawn). */
export function invalidateCatalogVocabulary() {
  vocabulary = undefined;
}

// the searchable text of a row, and its stored vector: SQL functions and triggers of the
// migration catalog_search_vector
async function loadVocabulary(stamp: string): Promise<Vocabulary> {
  const words = `SELECT to_tsvector('simple', lintas_practice_text(p)) FROM "Practice" p WHERE status = 'PUBLISHED'
    UNION ALL SELECT to_tsvector('simple', lintas_lesson_text(l)) FROM "Lesson" l WHERE status = 'PUBLISHED'`;
  const stems = `SELECT "searchVector" FROM "Practice" WHERE status = 'PUBLISHED'
    UNION ALL SELECT "searchVector" FROM "Lesson" WHERE status = 'PUBLISHED'`;
  const [simple, lexemes] = await Promise.all([
    prisma.$queryRaw<{ word: string; nentry: number }[]>`
      SELECT word, nentry::int AS nentry FROM ts_stat(${words}) WHERE length(word) > 3`,
    prisma.$queryRaw<{ word: string }[]>`SELECT word FROM ts_stat(${stems})`,
  ]);
  return {
    words: new Map(simple.filter((w) => /^\p{L}+$/u.test(w.word)).map((w) => [w.word, Number(w.nentry)])),
    lexemes: new Set(lexemes.map((l) => l.word)),
    loadedAt: Date.now(),
    stamp,
  };
}

// A vocabulary loaded under another stamp is stale: a practice or lesson changed, also through a
// path that did not invalidate it (publishing a lesson) or in another app process.
async function currentVocabulary() {
  const [cached, stamp] = await Promise.all([vocabulary?.catch(() => undefined), catalogStamp(database.sql)]);
  const age = cached ? Date.now() - cached.loadedAt : Infinity;
  if (!cached || (cached.stamp !== stamp && age > VOCABULARY_MIN_AGE_MS) || age > VOCABULARY_TTL_MS) {
    vocabulary = loadVocabulary(stamp);
    vocabulary.catch(() => (vocabulary = undefined));
  }
  return vocabulary!;
}

/** The query's words without stop words, lower case. */
export function queryWords(q: string) {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !INDONESIAN_STOP_WORDS.has(w)),
    ),
  ].slice(0, 12);
}

/**
 * The words of a query, each unknown one replaced by the closest word of the catalogue
 * (a word is known when it, or its Indonesian stem, occurs in a published practice or lesson).
 */
export async function correctQuery(q: string): Promise<{ words: string[]; corrected: string | null }> {
  const words = queryWords(q);
  if (words.length === 0) return { words, corrected: null };
  const vocab = await currentVocabulary();
  const stems = await prisma.$queryRaw<{ w: string; lexemes: string[] }[]>`
    SELECT w, tsvector_to_array(to_tsvector('indonesian', w)) AS lexemes
    FROM unnest(${words}::text[]) AS w`;
  const stemsOf = new Map(stems.map((s) => [s.w, s.lexemes]));
  let changed = false;
  const result = words.map((word) => {
    const lexemes = stemsOf.get(word) ?? [];
    if (/\p{N}/u.test(word) || vocab.words.has(word) || lexemes.some((l) => vocab.lexemes.has(l)))
      return word;
    const closest = closestWord(word, vocab.words);
    if (!closest) return word;
    changed = true;
    return closest;
  });
  return { words: result, corrected: changed ? result.join(" ") : null };
}

// ── search with facets ──

/** A practice's stored search vector (kept by a trigger; GIN-indexed). */
const DOC = Prisma.sql`p."searchVector"`;

/** The condition one facet adds (empty when the facet is not chosen). */
function facetCondition(name: FacetName, filters: CatalogFilters): Prisma.Sql | null {
  const value = filters[name];
  if (value === undefined) return null;
  switch (name) {
    case "sector":
      return Prisma.sql`b.sector = ${value}`;
    case "spm":
      return Prisma.sql`b.spm = ${value}`;
    case "province":
      return Prisma.sql`b.province = ${value}`;
    case "kind":
      return Prisma.sql`b.kind = ${value}`;
    case "maturity":
      return Prisma.sql`b.maturity = ${value}`;
    case "year":
      return Prisma.sql`b.year = ${value}`;
    case "hasResults":
      return Prisma.sql`b.has_results`;
  }
}

function whereAllBut(filters: CatalogFilters, except?: FacetName) {
  const conditions = FACETS.filter((f) => f !== except)
    .map((f) => facetCondition(f, filters))
    .filter((c): c is Prisma.Sql => c !== null);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const FACET_COLUMNS: Record<FacetName, Prisma.Sql> = {
  sector: Prisma.sql`b.sector`,
  spm: Prisma.sql`b.spm`,
  province: Prisma.sql`b.province`,
  kind: Prisma.sql`b.kind`,
  maturity: Prisma.sql`b.maturity`,
  year: Prisma.sql`b.year::text`,
  hasResults: Prisma.sql`b.has_results::text`,
};

/** "\u0001word\u0002" markers from ts_headline → text segments; the markers never reach HTML. */
export function segmentsOf(headline: string | null): Segment[] {
  if (!headline) return [];
  const [first, ...rest] = headline.split("\u0001");
  const segments: Segment[] = first ? [{ text: first }] : [];
  for (const chunk of rest) {
    const [marked, ...after] = chunk.split("\u0002");
    if (marked) segments.push({ text: marked, mark: true });
    const plain = after.join("");
    if (plain) segments.push({ text: plain });
  }
  return segments;
}

export type FacetCount = { value: string; count: number };

export async function searchCatalog({
  q = "",
  filters = {},
  sort,
  page = 1,
}: {
  q?: string;
  filters?: CatalogFilters;
  sort?: CatalogSort;
  page?: number;
}) {
  const { words, corrected } = q ? await correctQuery(q) : { words: [], corrected: null };
  const text = words.join(" ");
  const tsquery = Prisma.sql`plainto_tsquery('indonesian', ${text})`;
  const searching = text.length > 0;
  const order = sort ?? (searching ? "relevance" : "recent");
  const orderBy =
    order === "relevance" && searching
      ? Prisma.sql`b.rank DESC, b.published_at DESC NULLS LAST, b.id`
      : order === "replications"
        ? Prisma.sql`b.replications DESC, b.published_at DESC NULLS LAST, b.id`
        : Prisma.sql`b.published_at DESC NULLS LAST, b.id`;

  const facetQueries = FACETS.map(
    (facet) => Prisma.sql`
      SELECT ${facet}::text AS facet, ${FACET_COLUMNS[facet]} AS value, count(*)::int AS count
      FROM base b ${whereAllBut(filters, facet)}
      GROUP BY 2`,
  );
  const [row] = await prisma.$queryRaw<
    {
      facets: { facet: FacetName; value: string | null; count: number }[] | null;
      total: number;
      ids: string[] | null;
    }[]
  >`
    WITH base AS MATERIALIZED (
      SELECT p.id, p.sector, p."spmField"::text AS spm, COALESCE(r."provinceCode", r.code) AS province,
        r.kind::text AS kind, p.maturity::text AS maturity, p."startedYear" AS year,
        p."publishedAt" AS published_at,
        (COALESCE(p.results, '') <> '' OR EXISTS (
          SELECT 1 FROM "Indicator" i JOIN "Measurement" m ON m."indicatorId" = i.id
          WHERE p."projectId" IS NOT NULL AND i."projectId" = p."projectId")) AS has_results,
        (SELECT count(*) FROM "Replication" x WHERE x."practiceId" = p.id)::int AS replications,
        ${searching ? Prisma.sql`ts_rank(${DOC}, ${tsquery})` : Prisma.sql`0`} AS rank
      FROM "Practice" p
      JOIN "Region" r ON r.code = p."regionCode"
      WHERE p.status = 'PUBLISHED' ${searching ? Prisma.sql`AND ${DOC} @@ ${tsquery}` : Prisma.empty}
    ),
    filtered AS (SELECT * FROM base b ${whereAllBut(filters)}),
    facets AS (${Prisma.join(facetQueries, " UNION ALL ")})
    SELECT
      (SELECT json_agg(f) FROM facets f) AS facets,
      (SELECT count(*)::int FROM filtered) AS total,
      (SELECT array_agg(id) FROM (
        SELECT b.id FROM filtered b ORDER BY ${orderBy} LIMIT ${Prisma.raw(String(PAGE_SIZE))} OFFSET ${Prisma.raw(String((page - 1) * PAGE_SIZE))}
      ) pg) AS ids`;

  const ids = row?.ids ?? [];
  const [practices, headlines] = await Promise.all([
    prisma.practice.findMany({
      where: { id: { in: ids }, status: "PUBLISHED" },
      select: {
        id: true,
        slug: true,
        name: true,
        summary: true,
        sector: true,
        maturity: true,
        startedYear: true,
        publishedAt: true,
        region: { select: { code: true, name: true, timeZone: true } },
        _count: { select: { replications: true } },
      },
    }),
    searching && ids.length
      ? prisma.$queryRaw<{ id: string; name: string; summary: string | null }[]>`
          SELECT p.id,
            ts_headline('indonesian', translate(p.name, ${"\u0001\u0002"}, ''), ${tsquery},
              ${'StartSel="\u0001", StopSel="\u0002", HighlightAll=true'}) AS name,
            ts_headline('indonesian', translate(COALESCE(p.summary, p.problem, ''), ${"\u0001\u0002"}, ''), ${tsquery},
              ${'StartSel="\u0001", StopSel="\u0002", MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "'}) AS summary
          FROM "Practice" p WHERE p.id = ANY(${ids}::text[])`
      : Promise.resolve([]),
  ]);
  const byId = new Map(headlines.map((h) => [h.id, h]));
  const ordered = ids
    .map((id) => practices.find((p) => p.id === id))
    .filter((p): p is (typeof practices)[number] => Boolean(p))
    .map(({ _count, ...p }) => {
      const headline = byId.get(p.id);
      return {
        ...p,
        replications: _count.replications,
        nameParts: headline ? segmentsOf(headline.name) : [{ text: p.name }],
        summaryParts: headline ? segmentsOf(headline.summary) : p.summary ? [{ text: p.summary }] : [],
      };
    });

  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<
    FacetName,
    FacetCount[]
  >;
  for (const f of row?.facets ?? []) {
    if (f.value === null || f.count === 0) continue;
    facets[f.facet].push({ value: f.value, count: f.count });
  }
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.hasResults = facets.hasResults.filter((f) => f.value === "true");
  const provinceNames = new Map(
    (
      await prisma.region.findMany({
        where: { code: { in: facets.province.map((f) => f.value) } },
        select: { code: true, name: true },
      })
    ).map((r) => [r.code, r.name]),
  );
  return {
    q,
    searchedFor: text,
    corrected,
    filters,
    sort: order,
    page,
    total: row?.total ?? 0,
    pages: Math.max(1, Math.ceil((row?.total ?? 0) / PAGE_SIZE)),
    practices: ordered,
    facets: {
      ...facets,
      province: facets.province.map((f) => ({ ...f, label: provinceNames.get(f.value) ?? f.value })),
    },
  };
}

/** Practices like this one: same SPM field or sector, and words in common. */
export async function similarPractices(practice: {
  id: string;
  name: string;
  summary: string | null;
  sector: string | null;
  spmField: string | null;
}) {
  const words = queryWords(`${practice.name} ${practice.summary ?? ""}`).join(" ");
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH q AS (
      SELECT NULLIF(replace(plainto_tsquery('indonesian', ${words})::text, '&', '|'), '') AS text
    )
    SELECT p.id FROM "Practice" p, q
    WHERE p.status = 'PUBLISHED' AND p.id <> ${practice.id}
      AND (p."spmField"::text = ${practice.spmField} OR p.sector = ${practice.sector}
        OR (q.text IS NOT NULL AND ${DOC} @@ q.text::tsquery))
    ORDER BY
      (CASE WHEN p."spmField"::text = ${practice.spmField} THEN 0.5 ELSE 0 END
        + CASE WHEN p.sector = ${practice.sector} THEN 0.5 ELSE 0 END
        + CASE WHEN q.text IS NULL THEN 0 ELSE ts_rank(${DOC}, q.text::tsquery) END) DESC,
      p."publishedAt" DESC NULLS LAST
    LIMIT 3`;
  if (rows.length === 0) return [];
  const found = await prisma.practice.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: { id: true, slug: true, name: true, maturity: true, region: { select: { name: true } } },
  });
  return rows.map((r) => found.find((p) => p.id === r.id)!).filter(Boolean);
}
