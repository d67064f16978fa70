import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, parseDecimal } from "./numbers";

describe("formatNumber", () => {
  it("writes Indonesian thousands with dots and decimals with a comma", () => {
    // PERJAKA: 1,339.15 km of decreed regency roads in Kab. Lahat
    expect(formatNumber(1339.15, "id")).toBe("1.339,15");
    // SIAP BPKAD: 5,129 visits in 2022
    expect(formatNumber(5129, "id")).toBe("5.129");
  });

  it("writes English numbers the English way", () => {
    expect(formatNumber(1339.15, "en")).toBe("1,339.15");
    expect(formatNumber(4772, "en")).toBe("4,772");
  });

  it("rounds to the fraction digits asked for", () => {
    expect(formatNumber(2 / 3, "id")).toBe("0,67");
    expect(formatNumber(1.5, "id", { minimumFractionDigits: 2 })).toBe("1,50");
    expect(formatNumber(1234567.891, "id", { maximumFractionDigits: 0 })).toBe("1.234.568");
  });

  it("keeps the sign of a negative number", () => {
    expect(formatNumber(-1.22, "id")).toBe("-1,22");
  });
});

describe("formatPercent", () => {
  it("writes a percentage in points with a space before the sign in Indonesian", () => {
    // Kab. Lampung Barat 2023: sanitasi layak 95.46 %, sanitasi aman 1.22 %
    expect(formatPercent(95.46, "id")).toBe("95,46\u00a0%");
    expect(formatPercent(1.22, "id")).toBe("1,22\u00a0%");
    expect(formatPercent(83, "id")).toBe("83\u00a0%");
  });

  it("writes English percentages without the space", () => {
    expect(formatPercent(78.35, "en")).toBe("78.35%");
  });

  it("pads decimals when asked", () => {
    expect(formatPercent(83, "id", { minimumFractionDigits: 1 })).toBe("83,0\u00a0%");
  });
});

describe("parseDecimal", () => {
  const read = (input: string, language = "id") => parseDecimal(input, language);

  it("reads Indonesian decimals and thousands", () => {
    // Kab. Lampung Barat: sanitasi aman 1,22 %; Kab. Lahat: 1.339,15 km of roads
    expect(read("1,22")).toEqual({ ok: true, value: 1.22, ambiguous: false });
    expect(read("95,46")).toEqual({ ok: true, value: 95.46, ambiguous: false });
    expect(read("1.339,15")).toEqual({ ok: true, value: 1339.15, ambiguous: false });
    expect(read("1.234.567")).toEqual({ ok: true, value: 1234567, ambiguous: false });
    expect(read("1339,15")).toEqual({ ok: true, value: 1339.15, ambiguous: false });
    expect(read("1 339,15")).toEqual({ ok: true, value: 1339.15, ambiguous: false });
    expect(read("5129")).toEqual({ ok: true, value: 5129, ambiguous: false });
    expect(read("-1,5")).toEqual({ ok: true, value: -1.5, ambiguous: false });
    expect(read("\u22121,5")).toEqual({ ok: true, value: -1.5, ambiguous: false });
  });

  it("reads English numbers the English way", () => {
    expect(read("1.22", "en")).toEqual({ ok: true, value: 1.22, ambiguous: false });
    expect(read("1,339.15", "en")).toEqual({ ok: true, value: 1339.15, ambiguous: false });
    expect(read("95.46", "en")).toEqual({ ok: true, value: 95.46, ambiguous: false });
  });

  it("flags a single separator before three digits as ambiguous, read the page's way", () => {
    expect(read("1.339")).toEqual({ ok: true, value: 1339, ambiguous: true });
    expect(read("1,339", "en")).toEqual({ ok: true, value: 1339, ambiguous: true });
    // an Indonesian decimal with three places is not ambiguous
    expect(read("1,339")).toEqual({ ok: true, value: 1.339, ambiguous: false });
  });

  it("reads the other language's decimal point where it cannot group thousands, and flags it", () => {
    expect(read("95.46")).toEqual({ ok: true, value: 95.46, ambiguous: true });
    expect(read("1.5")).toEqual({ ok: true, value: 1.5, ambiguous: true });
    expect(read("1,5", "en")).toEqual({ ok: true, value: 1.5, ambiguous: true });
  });

  it("refuses what it cannot read", () => {
    for (const input of ["abc", "1,2,3", "1.33.4", "1..2", "1,22,", ",5", "1e5", "0x10", "12-3", "1.2,3.4"])
      expect(read(input), input).toEqual({ ok: false, reason: "invalid" });
    expect(read("  ")).toEqual({ ok: false, reason: "empty" });
  });
});
