// A catalogue query as people type it, before it reaches the database: its words without question
// and filler words, grouped into concepts by the synonym list (app/modules/catalogue/catalog-synonyms.ts).
// Each concept is searched as the OR of its terms, and a practice ranks by how many concepts it
// matches (app/modules/catalogue/catalog-search.server.ts), so no single word can empty the list.
import { CATALOG_SYNONYMS } from "~/modules/catalogue/catalog-synonyms";

/**
 * Words that carry no meaning in a search: PostgreSQL's 'indonesian' configuration stems but has no
 * stop-word list. Besides the usual function words, the question and filler words of a query
 * ("bagaimana cara …", "contoh …", "gimana caranya …"). They never decide a match, and are never
 * "corrected" nor offered as a correction.
 */
export const INDONESIAN_STOP_WORDS = new Set(
  (
    "ada adakah adalah agar akan aku anda antara apa apakah atas atau bagaimana bagaimanakah bagi " +
    "bahwa banyak beberapa begitu belum berapa bgmn bila bisa bisakah cara caranya contoh contohnya " +
    "dalam dan dapat dari daripada dengan di dia dimana dong dua gimana gmn hal hanya harus hingga ia " +
    "ialah ingin ini itu jadi jika juga kah kalau kami kamu kapan karena kata ke kenapa kepada kita " +
    "lagi lain lebih maka mana mau masih mengapa mereka mohon namun nya oleh pada para per perlu " +
    "saat saja sama sampai sangat saya se sebagai sebelum secara sedang sehingga sejak semua seperti " +
    "serta setelah setiap siapa sih sudah supaya tak tanpa telah tentang terhadap tersebut tetapi " +
    "tidak tolong untuk ya yaitu yakni yang " +
    // as typed in chats: "yg", "dgn", "utk", "gak"
    "dgn ga gak nggak enggak ngga tdk utk yg"
  ).split(" "),
);

/**
 * Words that name a kind of region: every practice's search vector holds its region's name
 * ("Kabupaten Lahat", "Kota Kendari"), so "kabupaten" alone matches most of the catalogue and ranks a
 * practice for where it is rather than what it does. Like filler words, they never decide a match
 * in a query that says something else ("jalan rusak kabupaten" searches "jalan rusak"; the "Jenis
 * daerah" facet narrows by kind), nor are they offered as a correction. Before a word, the kinds a
 * region's name starts with make one phrase with it, so that "kota blitar" is Kota Blitar and not
 * Kabupaten Blitar (`REGION_NAME_PREFIX`). Alone, they are searched.
 */
export const REGION_KIND_WORDS = new Set(
  "kabupaten kab kota provinsi prov propinsi pemkab pemkot pemprov pemda".split(" "),
);

/** How a region-kind word is written at the start of a region's name (provinces have no prefix). */
const REGION_NAME_PREFIX: Record<string, string> = {
  kota: "kota",
  pemkot: "kota",
  kabupaten: "kabupaten",
  kab: "kabupaten",
  pemkab: "kabupaten",
};

/** At most this many words of a query are searched. */
const MAX_WORDS = 12;

function wordsOf(text: string) {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The query's words without stop words (nor region-kind words beside others, but "kota blitar" as
 * one), lower case, in order, each once.
 */
export function queryWords(q: string) {
  const words = wordsOf(q).filter((w) => !INDONESIAN_STOP_WORDS.has(w));
  const meaningful: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!REGION_KIND_WORDS.has(word)) meaningful.push(word);
    else if (REGION_NAME_PREFIX[word] && words[i + 1] && !REGION_KIND_WORDS.has(words[i + 1]))
      meaningful.push(`${REGION_NAME_PREFIX[word]} ${words[++i]}`);
  }
  return [...new Set(meaningful.length > 0 ? meaningful : words)].slice(0, MAX_WORDS);
}

/** Every term of the synonym list → the terms it is searched as (its own sets, merged). */
const SYNONYMS = new Map<string, string[]>();
/** Terms recognised in a query: those without stop words, by their words joined with a space. */
let longestTerm = 1;
for (const set of CATALOG_SYNONYMS) {
  const terms = set.map((term) => wordsOf(term).join(" "));
  for (const term of terms) {
    if (term.split(" ").some((w) => INDONESIAN_STOP_WORDS.has(w))) continue;
    SYNONYMS.set(term, [...new Set([...(SYNONYMS.get(term) ?? [term]), ...terms])]);
    longestTerm = Math.max(longestTerm, term.split(" ").length);
  }
}

/**
 * One concept of a query: the words that said it and the terms it is searched as. `phrase`: a
 * term of several words found in the synonym list, searched besides each of its words, so that a
 * practice saying it (or a synonym) outranks one that only holds its words.
 */
export type QueryConcept = { words: string[]; terms: string[]; synonym: boolean; phrase?: true };

/**
 * The query's words as concepts: the longest run of words that is a term of the synonym list
 * becomes a phrase concept searched as all its synonyms ("sedot wc" → "penyedotan lumpur tinja", …),
 * and each word is a concept of its own, searched with its own synonyms ("wc" → "jamban", …).
 */
export function queryConcepts(words: string[]): QueryConcept[] {
  const concepts: QueryConcept[] = [];
  for (let i = 0; i < words.length; ) {
    let length = Math.min(longestTerm, words.length - i);
    while (length > 1 && !SYNONYMS.has(words.slice(i, i + length).join(" "))) length--;
    const run = words.slice(i, i + length);
    if (length > 1)
      concepts.push({ words: run, terms: SYNONYMS.get(run.join(" "))!, synonym: true, phrase: true });
    for (const word of run) {
      const terms = SYNONYMS.get(word);
      // a word of a recognised phrase is known: never corrected
      concepts.push({ words: [word], terms: terms ?? [word], synonym: Boolean(terms) || length > 1 });
    }
    i += length;
  }
  return concepts;
}
