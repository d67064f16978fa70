// The catalogue query parser and the synonym list: stop words dropped, phrases of the synonym list
// recognised as concepts, and a list that stays usable as it grows.
import { describe, expect, it } from "vitest";
import { INDONESIAN_STOP_WORDS, queryConcepts, queryWords } from "~/modules/catalogue/catalog-query";
import { CATALOG_SYNONYMS } from "~/modules/catalogue/catalog-synonyms";

describe("queryWords", () => {
  it("drops question and filler words, keeps the rest in order, once", () => {
    expect(queryWords("Bagaimana cara pengelolaan air limbah di kota?")).toEqual([
      "pengelolaan",
      "air",
      "limbah",
    ]);
    expect(queryWords("gimana caranya, apa yang perlu untuk sedot WC WC")).toEqual(["sedot", "wc"]);
    expect(queryWords("tanpa para")).toEqual([]);
    // chat spellings of filler words and "not"
    expect(queryWords("gimana balikin anak yg ga sekolah")).toEqual(["balikin", "anak", "sekolah"]);
  });
});

describe("region-kind words", () => {
  it("never decide a match beside other words, and are searched when alone", () => {
    expect(queryWords("jalan rusak kabupaten")).toEqual(["jalan", "rusak"]);
    expect(queryWords("inovasi pemkot dan pemkab di provinsi")).toEqual(["inovasi"]);
    expect(queryWords("kabupaten")).toEqual(["kabupaten"]);
    expect(queryWords("di kota")).toEqual(["kota"]);
    // before a word, as a region's name starts: Kota Blitar is not Kabupaten Blitar
    expect(queryWords("sanitasi kota blitar")).toEqual(["sanitasi", "kota blitar"]);
    expect(queryWords("Kab. Blitar sanitasi")).toEqual(["kabupaten blitar", "sanitasi"]);
    expect(queryWords("pemkot kendari")).toEqual(["kota kendari"]);
    expect(queryWords("provinsi jawa timur")).toEqual(["jawa", "timur"]);
  });
});

describe("queryConcepts", () => {
  it("recognises the longest phrase of the synonym list, and searches each of its words too", () => {
    const concepts = queryConcepts(["sedot", "wc", "rutin"]);
    expect(concepts.map((c) => [c.words.join(" "), c.phrase ?? false])).toEqual([
      ["sedot wc", true],
      ["sedot", false],
      ["wc", false],
      ["rutin", false],
    ]);
    expect(concepts[0].terms).toContain("penyedotan lumpur tinja");
    expect(concepts[2].terms).toEqual(expect.arrayContaining(["jamban", "kakus"]));
    expect(concepts[3].terms).toEqual(expect.arrayContaining(["berkala", "terjadwal"]));
    // words of a recognised phrase are never corrected
    expect(concepts.every((c) => c.synonym)).toBe(true);
  });

  it("leaves a word outside the list as it is, open to correction", () => {
    expect(queryConcepts(["pengelolaan"])).toEqual([
      { words: ["pengelolaan"], terms: ["pengelolaan"], synonym: false },
    ]);
    expect(queryConcepts(["asn"])[0].terms).toEqual(expect.arrayContaining(["pns", "pegawai negeri"]));
    // regions as people say them meet the official names held in every practice's vector
    expect(queryConcepts(["solo"])[0].terms).toContain("surakarta");
    expect(queryConcepts(["jogja"])[0].terms).toContain("yogyakarta");
    expect(queryConcepts(["jabar"])[0].terms).toContain("jawa barat");
  });
});

describe("the synonym list", () => {
  it("is lower case, each term once per set, and every set has a term a query can say", () => {
    for (const set of CATALOG_SYNONYMS) {
      expect(new Set(set).size, set.join(", ")).toBe(set.length);
      for (const term of set) expect(term, term).toBe(term.toLowerCase().trim());
      const sayable = set.filter((term) => !term.split(/\s+/).some((w) => INDONESIAN_STOP_WORDS.has(w)));
      expect(sayable.length, set.join(", ")).toBeGreaterThan(1);
    }
  });
});
