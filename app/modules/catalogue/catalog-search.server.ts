// Searching the public catalogue: Indonesian full-text search (PostgreSQL's 'indonesian' stemmer,
// our own stop words and synonym list, app/modules/catalogue/catalog-query.ts), ranked by how much of the
// query a practice matches rather than requiring every word, typo tolerance against the
// catalogue's own vocabulary, facets whose counts apply every other chosen facet, three sorts, and
// highlights returned as text segments (never HTML). Plain PostgreSQL full-text functions, no
// extension: the same SQL on PGlite and on a PostgreSQL server (docs/decisions/0046).
import { database, prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { Maturity } from "~/generated/prisma/enums";
import {
  type CatalogFilters,
  type CatalogSort,
  type FacetName,
  FACETS,
  PAGE_SIZE,
  type Segment,
} from "~/modules/catalogue/catalog-params";
import {
  INDONESIAN_STOP_WORDS,
  REGION_KIND_WORDS,
  queryConcepts,
  queryWords,
} from "~/modules/catalogue/catalog-query";
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

// the words and the stems of every published practice and lesson: their stored vectors, kept by
// triggers (migrations catalog_search_vector, catalog_search_weights, catalog_word_vectors; a
// practice's also hold its region's and province's names), read with ts_stat — not the texts
// parsed again, which cost about 0.5 s of CPU at 7,000 practices (docs/decisions/0064)
async function loadVocabulary(stamp: string): Promise<Vocabulary> {
  const words = `SELECT "wordVector" FROM "Practice" WHERE status = 'PUBLISHED'
    UNION ALL SELECT "wordVector" FROM "Lesson" WHERE status = 'PUBLISHED'`;
  const stems = `SELECT "searchVector" FROM "Practice" WHERE status = 'PUBLISHED'
    UNION ALL SELECT "searchVector" FROM "Lesson" WHERE status = 'PUBLISHED'`;
  const [simple, lexemes] = await Promise.all([
    prisma.$queryRaw<{ word: string; nentry: number }[]>`
      SELECT word, ndoc::int AS nentry FROM ts_stat(${words})`,
    prisma.$queryRaw<{ word: string }[]>`SELECT word FROM ts_stat(${stems})`,
  ]);
  return {
    // a stop word is never offered as a correction ("cara" → "para"), nor a region kind ("kabupatn")
    words: new Map(
      simple
        .filter(
          (w) =>
            /^\p{L}+$/u.test(w.word) && !INDONESIAN_STOP_WORDS.has(w.word) && !REGION_KIND_WORDS.has(w.word),
        )
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

/** A practice's stored search vector (kept by a trigger). */
const DOC = Prisma.sql`p."searchVector"`;
/** The same vector in the practice's narrow search row (GIN-indexed; docs/decisions/0068). */
const ROW_DOC = Prisma.sql`s."searchVector"`;

/** The condition one facet adds (empty when the facet is not chosen). */
function facetCondition(name: FacetName, filters: CatalogFilters): Prisma.Sql | null {
  const value = filters[name];
  if (value === undefined) return null;
  switch (name) {
    case "sector":
      return Prisma.sql`b.sector = ${value}`;
    case "spm":
      return Prisma.sql`b.spm::text = ${value}`;
    case "province":
      return Prisma.sql`b.province = ${value}`;
    case "kind":
      return Prisma.sql`b.kind::text = ${value}`;
    case "maturity":
      return Prisma.sql`b.maturity::text = ${value}`;
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

/** What each facet groups by: the stored values, which hash faster than their text. */
const FACET_COLUMNS: Record<FacetName, Prisma.Sql> = {
  sector: Prisma.sql`b.sector`,
  spm: Prisma.sql`b.spm`,
  province: Prisma.sql`b.province`,
  kind: Prisma.sql`b.kind`,
  maturity: Prisma.sql`b.maturity`,
  year: Prisma.sql`b.year`,
  hasResults: Prisma.sql`b.has_results`,
};

/** A facet's value as text, computed for the groups only, not for every match. */
const FACET_VALUES: Record<FacetName, Prisma.Sql> = {
  sector: Prisma.sql`b.sector`,
  spm: Prisma.sql`b.spm::text`,
  province: Prisma.sql`b.province`,
  kind: Prisma.sql`b.kind::text`,
  maturity: Prisma.sql`b.maturity::text`,
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
  // Every match pays for what the order and the facets need, and no more (docs/decisions/0064):
  // the coverage as a sum of matches rather than a subquery per row, completed replications only
  // when they are the order, and headlines only for the page.
  const coverage = searching
    ? Prisma.join(
        parsed.concepts.map((c) => Prisma.sql`(${ROW_DOC} @@ ${c.tsquery}::tsquery)::int`),
        " + ",
      )
    : Prisma.sql`0`;
  const replicationsOf = (id: Prisma.Sql) => Prisma.sql`(SELECT count(*) FROM "Replication" x
    WHERE x."practiceId" = ${id} AND x.status = ${COMPLETED_REPLICATION})::int`;
  const replications = replicationsOf(Prisma.sql`p.id`);

  // the facets and the total in one pass over the matches: one grouping set per facet, each
  // counted with every other chosen facet applied, and the empty set for the total (every facet)
  const facetSelected = (name: FacetName) => Prisma.sql`GROUPING(${FACET_COLUMNS[name]}) = 0`;
  const facetCase = (value: (name?: FacetName) => Prisma.Sql) =>
    Prisma.sql`CASE ${Prisma.join(
      FACETS.map((f) => Prisma.sql`WHEN ${facetSelected(f)} THEN ${value(f)}`),
      " ",
    )} ELSE ${value()} END`;
  const countFor = (except?: FacetName) => {
    const others = whereAllBut(filters, except);
    return others === Prisma.empty ? Prisma.sql`count(*)` : Prisma.sql`count(*) FILTER (${others})`;
  };

  const [row] = await prisma.$queryRaw<
    {
      facets:
        | { facet: FacetName | "total"; value: string | null; count: number; label: string | null }[]
        | null;
      ids: string[] | null;
    }[]
  >`
    WITH base AS MATERIALIZED (
      SELECT s."practiceId" AS id, s.sector, s."spmField" AS spm, s."provinceCode" AS province,
        s."regionKind" AS kind, s.maturity, s."startedYear" AS year, s."publishedAt" AS published_at,
        s."hasResults" AS has_results,
        ${order === "replications" ? replicationsOf(Prisma.sql`s."practiceId"`) : Prisma.sql`0`} AS replications,
        ${coverage} AS coverage,
        ${searching ? Prisma.sql`ts_rank(${ROW_DOC}, ${tsquery}, 1)` : Prisma.sql`0`} AS rank
      FROM ${searching ? Prisma.sql`lintas_catalog_matches(${tsquery})` : Prisma.sql`"PracticeSearch"`} s
    ),
    facets AS (
      SELECT ${facetCase((f) => Prisma.sql`${f ?? "total"}::text`)} AS facet,
        ${facetCase((f) => (f ? FACET_VALUES[f] : Prisma.sql`NULL`))} AS value,
        ${facetCase(countFor)}::int AS count
      FROM base b
      GROUP BY GROUPING SETS (${Prisma.join(
        FACETS.map((f) => Prisma.sql`(${FACET_COLUMNS[f]})`),
        ", ",
      )}, ())
    )
    SELECT
      (SELECT json_agg(json_build_object('facet', f.facet, 'value', f.value, 'count', f.count,
        'label', pr.name))
        FROM facets f LEFT JOIN "Region" pr ON f.facet = 'province' AND pr.code = f.value) AS facets,
      (SELECT array_agg(id) FROM (
        SELECT b.id FROM base b ${whereAllBut(filters)} ORDER BY ${orderBy} LIMIT ${Prisma.raw(String(PAGE_SIZE))} OFFSET ${Prisma.raw(String((page - 1) * PAGE_SIZE))}
      ) pg) AS ids`;

  // the page: its practices, with their headlines when searching, in one statement
  const ids = row?.ids ?? [];
  const pageRows = ids.length
    ? await prisma.$queryRaw<
        {
          id: string;
          slug: string;
          name: string;
          summary: string | null;
          sector: string | null;
          maturity: Maturity;
          startedYear: number | null;
          publishedAt: Date | null;
          regionCode: string;
          regionName: string;
          regionTimeZone: string;
          replications: number;
          matched: number[] | null;
          nameHeadline: string | null;
          summaryHeadline: string | null;
        }[]
      >`
        SELECT p.id, p.slug, p.name, p.summary, p.sector, p.maturity::text AS maturity,
          p."startedYear" AS "startedYear", p."publishedAt" AS "publishedAt",
          r.code AS "regionCode", r.name AS "regionName", r."timeZone" AS "regionTimeZone",
          -- "direplikasi": completed replications only, as the sort above counts them
          ${replications} AS replications,
          ${
            searching
              ? Prisma.sql`
          ARRAY(SELECT o::int FROM unnest(${concepts}) WITH ORDINALITY AS c(q, o) WHERE ${DOC} @@ c.q) AS matched,
          ts_headline('indonesian', translate(p.name, ${"\u0001\u0002"}, ''), ${tsquery},
            ${'StartSel="\u0001", StopSel="\u0002", HighlightAll=true'}) AS "nameHeadline",
          -- the summary when it matches, else the passages of the body that do (why it was found)
          ts_headline('indonesian',
            translate(CASE WHEN to_tsvector('indonesian', COALESCE(p.summary, '')) @@ ${tsquery} THEN p.summary
              ELSE concat_ws(' … ', p.summary, p.problem, p.solution, p.results) END, ${"\u0001\u0002"}, ''),
            ${tsquery},
            ${'StartSel="\u0001", StopSel="\u0002", MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "'}) AS "summaryHeadline"`
              : Prisma.sql`NULL::int[] AS matched, NULL AS "nameHeadline", NULL AS "summaryHeadline"`
          }
        FROM "Practice" p JOIN "Region" r ON r.code = p."regionCode"
        WHERE p.id = ANY(${ids}::text[]) AND p.status = 'PUBLISHED'`
    : [];
  const byId = new Map(pageRows.map((p) => [p.id, p]));
  const ordered = ids
    .map((id) => byId.get(id))
    .filter((p): p is (typeof pageRows)[number] => Boolean(p))
    .map(({ regionCode, regionName, regionTimeZone, matched, nameHeadline, summaryHeadline, ...p }) => ({
      ...p,
      region: { code: regionCode, name: regionName, timeZone: regionTimeZone },
      nameParts: searching ? segmentsOf(nameHeadline) : [{ text: p.name }],
      summaryParts: searching ? segmentsOf(summaryHeadline) : p.summary ? [{ text: p.summary }] : [],
      // the query's words this practice does not contain (it ranks lower for them)
      missing:
        matched && parsed.concepts.length > 1
          ? parsed.concepts.filter((c, i) => !c.phrase && !matched.includes(i + 1)).map((c) => c.label)
          : [],
    }));

  const facets = Object.fromEntries(
    FACETS.map((f) => [f, [] as (FacetCount & { label?: string })[]]),
  ) as Record<FacetName, (FacetCount & { label?: string })[]>;
  let total = 0;
  for (const f of row?.facets ?? []) {
    if (f.facet === "total") {
      total = f.count;
      continue;
    }
    if (f.value === null || f.count === 0) continue;
    facets[f.facet].push(
      f.facet === "province"
        ? { value: f.value, count: f.count, label: f.label ?? f.value }
        : { value: f.value, count: f.count },
    );
  }
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.hasResults = facets.hasResults.filter((f) => f.value === "true");
  return {
    q,
    searchedFor: text,
    corrected,
    filters,
    sort: order,
    page,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    practices: ordered,
    facets: {
      ...facets,
      province: facets.province.map((f) => ({ ...f, label: f.label ?? f.value })),
    },
  };
}
