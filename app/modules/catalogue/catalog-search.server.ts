// Searching the public catalogue: Indonesian full-text search (PostgreSQL's 'indonesian' stemmer,
// our own stop words and synonym list, app/modules/catalogue/catalog-query.ts), ranked by how much of the
// query a practice matches rather than requiring every word, typo tolerance against the
// catalogue's own vocabulary, facets whose counts apply every other chosen facet, three sorts, and
// highlights returned as text segments (never HTML). Plain PostgreSQL full-text functions, no
// extension: the same SQL on PGlite and on a PostgreSQL server (docs/decisions/0046).
import { database, prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import {
  type CatalogFilters,
  type CatalogSort,
  type FacetName,
  FACETS,
  PAGE_SIZE,
  type Segment,
} from "~/modules/catalogue/catalog-params";
import { INDONESIAN_STOP_WORDS, queryConcepts, queryWords } from "~/modules/catalogue/catalog-query";
import { catalogStamp } from "~/modules/catalogue/catalog-state.server";
import { closestWord } from "~/utils/edit-distance";
import { COMPLETED_REPLICATION } from "~/modules/catalogue/replication-status";

export { INDONESIAN_STOP_WORDS, queryWords };

// ── vocabulary and typo tolerance ──

/** `stamp`: the catalogue's change stamp it was loaded under (app/modules/catalogue/catalog-state.server.ts) */
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
// migrations catalog_search_vector and catalog_search_weights (a practice's vector also holds
// its region's and province's names and its SPM field)
async function loadVocabulary(stamp: string): Promise<Vocabulary> {
  const words = `SELECT to_tsvector('simple', lintas_practice_text(p)) FROM "Practice" p WHERE status = 'PUBLISHED'
    UNION ALL SELECT to_tsvector('simple', lintas_lesson_text(l)) FROM "Lesson" l WHERE status = 'PUBLISHED'
    UNION ALL SELECT to_tsvector('simple', concat_ws(' ', r.name, pr.name)) FROM "Region" r
      LEFT JOIN "Region" pr ON pr.code = r."provinceCode"
      WHERE r.code IN (SELECT "regionCode" FROM "Practice" WHERE status = 'PUBLISHED')`;
  const stems = `SELECT "searchVector" FROM "Practice" WHERE status = 'PUBLISHED'
    UNION ALL SELECT "searchVector" FROM "Lesson" WHERE status = 'PUBLISHED'`;
  const [simple, lexemes] = await Promise.all([
    prisma.$queryRaw<{ word: string; nentry: number }[]>`
      SELECT word, nentry::int AS nentry FROM ts_stat(${words}) WHERE length(word) > 3`,
    prisma.$queryRaw<{ word: string }[]>`SELECT word FROM ts_stat(${stems})`,
  ]);
  return {
    // a stop word is never offered as a correction ("cara" → "para")
    words: new Map(
      simple
        .filter((w) => /^\p{L}+$/u.test(w.word) && !INDONESIAN_STOP_WORDS.has(w.word))
        .map((w) => [w.word, Number(w.nentry)]),
    ),
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

/** A query ready for the database: each concept as a tsquery, and their OR. */
export type ParsedQuery = {
  /** the searched words, typos corrected */
  words: string[];
  /** the corrected query when a word was corrected ("Maksud Anda: …") */
  corrected: string | null;
  /** each concept: the words that said it, and the OR of its terms' phrases as tsquery text */
  concepts: { label: string; tsquery: string; phrase?: true }[];
  /** the OR of every concept: a practice matching any of them is found, ranked by how many */
  tsquery: string | null;
};

/** The Indonesian stems of each text, and its phrase as tsquery text (PostgreSQL's own parser). */
async function analyse(texts: string[]) {
  if (texts.length === 0) return new Map<string, { lexemes: string[]; tsquery: string }>();
  const rows = await prisma.$queryRaw<{ t: string; lexemes: string[]; tsquery: string }[]>`
    SELECT t, tsvector_to_array(to_tsvector('indonesian', t)) AS lexemes,
      phraseto_tsquery('indonesian', t)::text AS tsquery
    FROM unnest(${texts}::text[]) AS t`;
  return new Map(rows.map((r) => [r.t, r]));
}

/**
 * A query as people type it: stop words dropped, concepts found through the synonym list, and a
 * word that matches nothing in the catalogue (neither it nor its Indonesian stem occurs in a
 * published practice or lesson, and it is not a term of the synonym list) replaced by the
 * closest word of the catalogue's vocabulary, if one is close enough.
 */
export async function parseQuery(q: string): Promise<ParsedQuery> {
  const concepts = queryConcepts(queryWords(q));
  if (concepts.length === 0) return { words: [], corrected: null, concepts: [], tsquery: null };
  const [vocab, analysed] = await Promise.all([
    currentVocabulary(),
    analyse([...new Set(concepts.flatMap((c) => c.terms))]),
  ]);
  let changed = false;
  const corrected = concepts.map((concept) => {
    const [word] = concept.words;
    if (concept.synonym || /\p{N}/u.test(word) || vocab.words.has(word)) return concept;
    if ((analysed.get(word)?.lexemes ?? []).some((l) => vocab.lexemes.has(l))) return concept;
    const closest = closestWord(word, vocab.words);
    if (!closest) return concept;
    changed = true;
    return { ...concept, words: [closest], terms: [closest] };
  });
  if (changed) {
    const more = await analyse(corrected.flatMap((c) => c.terms.filter((t) => !analysed.has(t))));
    for (const [t, row] of more) analysed.set(t, row);
  }
  const words = corrected.filter((c) => !c.phrase).flatMap((c) => c.words);
  const searched = corrected
    .map((c) => ({
      label: c.words.join(" "),
      ...(c.phrase ? { phrase: c.phrase } : {}),
      tsquery: [...new Set(c.terms.map((t) => analysed.get(t)?.tsquery).filter(Boolean))]
        .map((t) => `(${t})`)
        .join(" | "),
    }))
    .filter((c) => c.tsquery);
  return {
    words,
    corrected: changed ? words.join(" ") : null,
    concepts: searched,
    tsquery: searched.length ? searched.map((c) => `(${c.tsquery})`).join(" | ") : null,
  };
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
  const parsed: ParsedQuery = q
    ? await parseQuery(q)
    : { words: [], corrected: null, concepts: [], tsquery: null };
  const { words, corrected } = parsed;
  const text = words.join(" ");
  const tsquery = Prisma.sql`${parsed.tsquery ?? ""}::tsquery`;
  const concepts = Prisma.sql`${parsed.concepts.map((c) => c.tsquery)}::text[]::tsquery[]`;
  const searching = parsed.tsquery !== null;
  const order = sort ?? (searching ? "relevance" : "recent");
  // relevance: how many of the query's concepts a practice matches, then ts_rank with the field
  // weights of the stored vector (name A, summary B, body C, region and SPM field D)
  const orderBy =
    order === "relevance" && searching
      ? Prisma.sql`b.coverage DESC, b.rank DESC, b.published_at DESC NULLS LAST, b.id`
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
        (SELECT count(*) FROM "Replication" x
          WHERE x."practiceId" = p.id AND x.status = ${COMPLETED_REPLICATION})::int AS replications,
        ${searching ? Prisma.sql`(SELECT count(*) FROM unnest(${concepts}) c WHERE ${DOC} @@ c)::int` : Prisma.sql`0`} AS coverage,
        ${searching ? Prisma.sql`ts_rank(${DOC}, ${tsquery}, 1)` : Prisma.sql`0`} AS rank
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
        // "direplikasi": completed replications only, as the sort above counts them
        _count: { select: { replications: { where: { status: COMPLETED_REPLICATION } } } },
      },
    }),
    searching && ids.length
      ? prisma.$queryRaw<{ id: string; name: string; summary: string | null; matched: number[] }[]>`
          SELECT p.id,
            ARRAY(SELECT o::int FROM unnest(${concepts}) WITH ORDINALITY AS c(q, o) WHERE ${DOC} @@ c.q) AS matched,
            ts_headline('indonesian', translate(p.name, ${"\u0001\u0002"}, ''), ${tsquery},
              ${'StartSel="\u0001", StopSel="\u0002", HighlightAll=true'}) AS name,
            -- the summary when it matches, else the passages of the body that do (why it was found)
            ts_headline('indonesian',
              translate(CASE WHEN to_tsvector('indonesian', COALESCE(p.summary, '')) @@ ${tsquery} THEN p.summary
                ELSE concat_ws(' … ', p.summary, p.problem, p.solution, p.results) END, ${"\u0001\u0002"}, ''),
              ${tsquery},
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
        // the query's words this practice does not contain (it ranks lower for them)
        missing:
          headline && parsed.concepts.length > 1
            ? parsed.concepts
                .filter((c, i) => !c.phrase && !headline.matched.includes(i + 1))
                .map((c) => c.label)
            : [],
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
