import { describe, expect, it } from "vitest";
import { handlesIn, mentionHandles, mentionedPeople, nameParts, suggestedHandle } from "./person-name";

describe("nameParts", () => {
  it.each([
    ["Dr. Siti Rahmawati, S.T., M.T.", ["Siti", "Rahmawati"]],
    ["Ir. Bambang Prasetyo, M.Si.", ["Bambang", "Prasetyo"]],
    ["Drs. H. Ahmad Yani, M.M.", ["Ahmad", "Yani"]],
    ["Hj. Nurhayati, S.E.", ["Nurhayati"]],
    ["Prof. dr. Budi Santoso", ["Budi", "Santoso"]],
    ["Andi Wijaya S.Kom.", ["Andi", "Wijaya"]],
    ["Sukarno", ["Sukarno"]],
    ["Ibu", ["Ibu"]],
  ])("reads %j as %j", (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });
});

describe("mentions", () => {
  const siti = { id: "1", name: "Dr. Siti Rahmawati, S.T., M.T.", email: "siti@pupr.go.id" };
  const bambang = { id: "2", name: "Ir. Bambang Prasetyo", email: "bambang@lampungbaratkab.go.id" };
  const sitiAminah = { id: "3", name: "Siti Aminah, S.E.", email: "aminah@kendarikota.go.id" };

  it("reaches a person by any part of the name, the dotted name or the email, never by a title", () => {
    expect(mentionHandles(siti)).toEqual(["siti", "rahmawati", "siti.rahmawati", "siti@pupr.go.id"]);
    expect(mentionedPeople("Mohon dicek @Siti dan @Bambang.", [siti, bambang])).toEqual([siti, bambang]);
    expect(mentionedPeople("@Prasetyo", [siti, bambang])).toEqual([bambang]);
    expect(mentionedPeople("@Dr. dan @Ir. tolong", [siti, bambang])).toEqual([]);
    expect(mentionedPeople("cc @bambang@lampungbaratkab.go.id", [siti, bambang])).toEqual([bambang]);
  });

  it("does not read an email address in the text as a mention", () => {
    expect(handlesIn("kirim ke siti@pupr.go.id")).toEqual([]);
  });

  it("offers the first name, or the dotted name where two people share it", () => {
    expect(suggestedHandle(bambang, [siti, bambang])).toBe("Bambang");
    expect(suggestedHandle(siti, [siti, bambang, sitiAminah])).toBe("Siti.Rahmawati");
    expect(mentionedPeople("@siti.rahmawati", [siti, sitiAminah])).toEqual([siti]);
  });
});
