import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "./numbers";

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
