// Indonesia's three time zones and which province keeps which.
// A kabupaten/kota keeps its province's zone.

export type ZoneAbbreviation = "WIB" | "WITA" | "WIT";

// No offsets kept by hand (issue #5): an offset comes from Intl's time-zone data at an instant
// (utcOffsetMinutes and zoneDifferenceHours in dates.ts).
export const TIME_ZONES: Record<ZoneAbbreviation, { iana: string }> = {
  WIB: { iana: "Asia/Jakarta" },
  WITA: { iana: "Asia/Makassar" },
  WIT: { iana: "Asia/Jayapura" },
};

const PROVINCE_ZONES: Record<string, ZoneAbbreviation> = {
  // Sumatra
  "11": "WIB",
  "12": "WIB",
  "13": "WIB",
  "14": "WIB",
  "15": "WIB",
  "16": "WIB",
  "17": "WIB",
  "18": "WIB",
  "19": "WIB",
  "21": "WIB",
  // Java
  "31": "WIB",
  "32": "WIB",
  "33": "WIB",
  "34": "WIB",
  "35": "WIB",
  "36": "WIB",
  // Bali and Nusa Tenggara
  "51": "WITA",
  "52": "WITA",
  "53": "WITA",
  // Kalimantan: West and Central on WIB, the rest on WITA
  "61": "WIB",
  "62": "WIB",
  "63": "WITA",
  "64": "WITA",
  "65": "WITA",
  // Sulawesi
  "71": "WITA",
  "72": "WITA",
  "73": "WITA",
  "74": "WITA",
  "75": "WITA",
  "76": "WITA",
  // Maluku and Papua
  "81": "WIT",
  "82": "WIT",
  "91": "WIT",
  "92": "WIT",
  "93": "WIT",
  "94": "WIT",
  "95": "WIT",
  "96": "WIT",
};

export class UnknownProvinceError extends Error {}

/** Zone of a province ("74") or kabupaten/kota ("74.71") by Kemendagri code. */
export function zoneForRegionCode(code: string): ZoneAbbreviation {
  const province = code.split(".")[0];
  const zone = PROVINCE_ZONES[province];
  if (!zone) throw new UnknownProvinceError(`No time zone known for province ${province}`);
  return zone;
}

export function ianaZoneForRegionCode(code: string): string {
  return TIME_ZONES[zoneForRegionCode(code)].iana;
}

export function abbreviationForIanaZone(iana: string): ZoneAbbreviation | undefined {
  return (Object.keys(TIME_ZONES) as ZoneAbbreviation[]).find((key) => TIME_ZONES[key].iana === iana);
}

export const PROVINCE_CODES = Object.keys(PROVINCE_ZONES);

/** The zone a person sees times in: their own setting, else their region's, else WIB. */
export function viewerZone(
  person: { timeZone?: string | null; region?: { timeZone: string } | null } | null,
) {
  return person?.timeZone ?? person?.region?.timeZone ?? TIME_ZONES.WIB.iana;
}
