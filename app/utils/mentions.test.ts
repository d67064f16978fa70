import { describe, expect, it } from "vitest";
import { insertMention, typedPrefix } from "~/utils/mentions";

describe("the @mention being typed", () => {
  it("is the word after an @ that starts a word, up to the cursor", () => {
    expect(typedPrefix("Terima kasih @Sit", 17)).toBe("sit");
    expect(typedPrefix("@", 1)).toBe("");
    expect(typedPrefix("email a@b.id", 12)).toBeNull();
    expect(typedPrefix("Terima kasih @Siti sudah", 24)).toBeNull();
  });

  it("is replaced by the handle, or a handle is added at the cursor", () => {
    expect(insertMention("Terima kasih @Sit", 17, "siti.rahmawati")).toEqual({
      text: "Terima kasih @siti.rahmawati ",
      cursor: 29,
    });
    expect(insertMention("Bagus", 5, "hendra")).toEqual({ text: "Bagus @hendra ", cursor: 14 });
    expect(insertMention("", 0, "hendra")).toEqual({ text: "@hendra ", cursor: 8 });
  });
});
