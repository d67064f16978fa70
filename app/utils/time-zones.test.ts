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

  it("pins the zone of all 38 provinces: 12 on WITA, 8 on WIT, the other 18 on WIB", async () => {
    // written from the map of Indonesia's zones, not from time-zones.ts
    const WITA = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]; // Bali, NTB, NTT, Kalsel, Kaltim, Kaltara, all of Sulawesi
    const WIT = ["81", "82", "91", "92", "93", "94", "95", "96"]; // Maluku, Maluku Utara, the six Papua provinces
    const provinces = await getProvinces();
    const expected = Object.fromEntries(
      provinces.map(({ code }) => [code, WITA.includes(code) ? "WITA" : WIT.includes(code) ? "WIT" : "WIB"]),
    );
    expect(Object.values(expected).filter((zone) => zone === "WIB")).toHaveLength(18);
    expect(Object.fromEntries(provinces.map(({ code }) => [code, zoneForRegionCode(code)]))).toEqual(
      expected,
    );
    const iana = { WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" } as const;
    for (const { code } of provinces) {
      expect(ianaZoneForRegionCode(code), code).toBe(iana[expected[code] as keyof typeof iana]);
      // a kabupaten/kota keeps its province's zone
      expect(zoneForRegionCode(`${code}.01`), `${code}.01`).toBe(expected[code]);
    }
  });

  it("refuses an unknown province", () => {
    expect(() => zoneForRegionCode("99.01")).toThrow(UnknownProvinceError);
  });
});
