import { describe, expect, it } from "vitest";
import { getProvinces } from "idn-area-data";
import { UnknownProvinceError, ianaZoneForRegionCode, zoneForRegionCode } from "./time-zones";

describe("time zone of a region", () => {
  it.each([
    ["74.71", "WITA"], // Kota Kendari
    ["35.72", "WIB"], // Kota Blitar
    ["18.04", "WIB"], // Kab. Lampung Barat
    ["61", "WIB"], // Kalimantan Barat
    ["64", "WITA"], // Kalimantan Timur
    ["51", "WITA"], // Bali
    ["91.01", "WIT"], // Papua
    ["81", "WIT"], // Maluku
  ])("%s keeps %s", (code, zone) => {
    expect(zoneForRegionCode(code)).toBe(zone);
  });

  it("knows every province of idn-area-data", async () => {
    const provinces = await getProvinces();
    expect(provinces).toHaveLength(38);
    for (const province of provinces) expect(() => ianaZoneForRegionCode(province.code)).not.toThrow();
  });

  it("refuses an unknown province", () => {
    expect(() => zoneForRegionCode("99.01")).toThrow(UnknownProvinceError);
  });
});
