import { describe, expect, it } from "vitest";
import { allowedEdits, closestWord, editDistance } from "~/utils/edit-distance";

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and swaps", () => {
    expect(editDistance("lumpur", "lumpur")).toBe(0);
    expect(editDistance("lumpr", "lumpur")).toBe(1);
    expect(editDistance("tinj", "tinja")).toBe(1);
    expect(editDistance("lumpru", "lumpur")).toBe(1);
    expect(editDistance("sanitasi", "sanitsai")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops early beyond the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });

  it("allows more edits in longer words, none in short ones", () => {
    expect(allowedEdits("air")).toBe(0);
    expect(allowedEdits("tinj")).toBe(1);
    expect(allowedEdits("terjadwal")).toBe(2);
  });

  it("picks the closest, then the more frequent word", () => {
    const vocabulary: [string, number][] = [
      ["lumpur", 3],
      ["tinja", 5],
      ["tanja", 1],
      ["terjadwal", 2],
    ];
    expect(closestWord("lumpr", vocabulary)).toBe("lumpur");
    expect(closestWord("tinj", vocabulary)).toBe("tinja");
    expect(closestWord("tenja", vocabulary)).toBe("tinja");
    expect(closestWord("terjadwl", vocabulary)).toBe("terjadwal");
    expect(closestWord("jalan", vocabulary)).toBeNull();
    expect(closestWord("air", vocabulary)).toBeNull();
  });
});
