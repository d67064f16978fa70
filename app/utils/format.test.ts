import { describe, expect, it } from "vitest";
import { formatDay, formatInstant, formatNumber } from "./format";

describe("compact formats", () => {
  it("shows a session at 01.00 UTC as 09.00 WITA and 08.00 WIB, the zone named", () => {
    expect(formatInstant("2020-01-27T01:00:00Z", "id", "Asia/Makassar")).toMatch(/27 Jan 2020.*09\.00 WITA$/);
    expect(formatInstant("2020-01-27T01:00:00Z", "en", "Asia/Jakarta")).toMatch(/27 Jan 2020.*08:00 WIB$/);
  });

  it("writes days and numbers the reader's way, and a dash for nothing", () => {
    expect(formatDay("2023-10-10", "id")).toBe("10 Okt 2023");
    expect(formatDay(null, "id")).toBe("—");
    expect(formatNumber(1339.15, "id")).toBe("1.339,15");
    expect(formatNumber("1339.15", "en")).toBe("1,339.15");
    expect(formatNumber(undefined, "id")).toBe("—");
  });
});
