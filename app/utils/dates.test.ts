import { describe, expect, it } from "vitest";
import {
  InvalidWallClockError,
  formatDate,
  formatInstant,
  formatTime,
  formatTimeInZones,
  parseWallClock,
  toWallClock,
  utcOffsetMinutes,
  zoneDifferenceHours,
  zoneName,
} from "./dates";

// The first Kendari → Blitar session: Monday 27 January 2020, 09:00 in Kendari (WITA).
const firstSession = new Date("2020-01-27T01:00:00Z");

describe("formatInstant", () => {
  it("names the day, the date, the time and the zone in Indonesian", () => {
    expect(formatInstant(firstSession, "Asia/Makassar", "id")).toBe("Senin, 27 Januari 2020 09.00 WITA");
  });

  it("does the same in English", () => {
    expect(formatInstant(firstSession, "Asia/Makassar", "en")).toBe("Monday, 27 January 2020 09:00 WITA");
  });

  it("shows the same instant on Blitar's clock (WIB) and in Papua (WIT)", () => {
    expect(formatInstant(firstSession, "Asia/Jakarta", "id")).toBe("Senin, 27 Januari 2020 08.00 WIB");
    expect(formatInstant(firstSession, "Asia/Jayapura", "id")).toBe("Senin, 27 Januari 2020 10.00 WIT");
  });

  it("moves to the next day when the zone has passed midnight", () => {
    const lateInJakarta = new Date("2020-01-27T16:30:00Z"); // 23.30 WIB, 01.30 WIT the next day
    expect(formatInstant(lateInJakarta, "Asia/Jakarta", "id")).toBe("Senin, 27 Januari 2020 23.30 WIB");
    expect(formatInstant(lateInJakarta, "Asia/Jayapura", "id")).toBe("Selasa, 28 Januari 2020 01.30 WIT");
  });

  it("accepts the ISO string a loader sends to the browser", () => {
    expect(formatInstant(firstSession.toISOString(), "Asia/Makassar", "en")).toBe(
      "Monday, 27 January 2020 09:00 WITA",
    );
  });

  it("names a zone outside Indonesia as Intl does", () => {
    expect(formatInstant(firstSession, "UTC", "en")).toBe("Monday, 27 January 2020 01:00 UTC");
    expect(zoneName("Asia/Makassar", "en")).toBe("WITA");
  });

  it("refuses something that is not a date", () => {
    expect(() => formatInstant("not a date", "Asia/Jakarta", "id")).toThrow(RangeError);
  });
});

describe("formatTime, formatDate and formatTimeInZones", () => {
  it("shows one instant on both cities' clocks", () => {
    expect(formatTimeInZones(firstSession, ["Asia/Makassar", "Asia/Jakarta"], "id")).toBe(
      "09.00 WITA / 08.00 WIB",
    );
    expect(formatTimeInZones(firstSession, ["Asia/Makassar", "Asia/Jakarta"], "en")).toBe(
      "09:00 WITA / 08:00 WIB",
    );
  });

  it("writes midnight as 00.00", () => {
    expect(formatTime(new Date("2020-01-26T17:00:00Z"), "Asia/Jakarta", "id")).toBe("00.00 WIB");
  });

  it("gives the calendar day in the zone", () => {
    // the Lahat launch: 10 October 2023
    expect(formatDate(new Date("2023-10-10T02:00:00Z"), "Asia/Jakarta", "id")).toBe("10 Oktober 2023");
    expect(formatDate(new Date("2023-10-10T02:00:00Z"), "Asia/Jakarta", "en")).toBe("10 October 2023");
  });
});

describe("parseWallClock", () => {
  it("reads 09:00 entered in Kendari as 01:00 UTC", () => {
    expect(parseWallClock("2020-01-27T09:00", "Asia/Makassar").toISOString()).toBe(
      "2020-01-27T01:00:00.000Z",
    );
  });

  it("reads each Indonesian zone's offset in 2020", () => {
    expect(parseWallClock("2020-01-27 09:00", "Asia/Jakarta").toISOString()).toBe("2020-01-27T02:00:00.000Z");
    expect(parseWallClock("2020-01-27T09:00", "Asia/Jayapura").toISOString()).toBe(
      "2020-01-27T00:00:00.000Z",
    );
  });

  it("round-trips with formatInstant and toWallClock", () => {
    const instant = parseWallClock("2024-05-27T13:45", "Asia/Jakarta");
    expect(formatInstant(instant, "Asia/Jakarta", "id")).toBe("Senin, 27 Mei 2024 13.45 WIB");
    expect(toWallClock(instant, "Asia/Jakarta")).toBe("2024-05-27T13:45");
    expect(toWallClock(instant, "Asia/Makassar")).toBe("2024-05-27T14:45");
  });

  const ZONES = [
    ["WIB", "Asia/Jakarta", 7],
    ["WITA", "Asia/Makassar", 8],
    ["WIT", "Asia/Jayapura", 9],
  ] as const;

  it.each(ZONES)(
    "round-trips wall clocks on %s both ways, across midnight and the year",
    (_name, zone, hours) => {
      for (const wallClock of [
        "2020-01-27T09:00",
        "2024-02-29T00:00",
        "2024-12-31T23:59",
        "2025-01-01T00:30",
      ]) {
        const instant = parseWallClock(wallClock, zone);
        expect(toWallClock(instant, zone)).toBe(wallClock);
        // the instant is the UTC reading minus the zone's offset in those years
        expect(instant.getTime()).toBe(new Date(`${wallClock}:00Z`).getTime() - hours * 3_600_000);
      }
      for (const iso of [
        "2020-01-27T00:00:00.000Z",
        "2024-12-31T15:30:00.000Z",
        "2024-12-31T16:30:00.000Z",
      ]) {
        expect(parseWallClock(toWallClock(iso, zone), zone).toISOString()).toBe(iso);
      }
    },
  );

  it("converts a time entered in one zone to the others, WIT included, in both directions", () => {
    // 09.00 WIT in Jayapura is 08.00 WITA in Kendari and 07.00 WIB in Blitar
    const fromWit = parseWallClock("2020-01-27T09:00", "Asia/Jayapura");
    expect(toWallClock(fromWit, "Asia/Makassar")).toBe("2020-01-27T08:00");
    expect(toWallClock(fromWit, "Asia/Jakarta")).toBe("2020-01-27T07:00");
    expect(formatTimeInZones(fromWit, ["Asia/Jayapura", "Asia/Jakarta"], "id")).toBe("09.00 WIT / 07.00 WIB");
    // and back: 23.30 WIB on 27 January is 01.30 WIT on the 28th
    const fromWib = parseWallClock("2020-01-27T23:30", "Asia/Jakarta");
    expect(toWallClock(fromWib, "Asia/Jayapura")).toBe("2020-01-28T01:30");
    expect(parseWallClock("2020-01-28T01:30", "Asia/Jayapura").getTime()).toBe(fromWib.getTime());
    expect(parseWallClock("2020-01-28T00:30", "Asia/Makassar").getTime()).toBe(fromWib.getTime());
  });

  it("reads Indonesian zones from the time-zone data, not a fixed offset (Jakarta kept +07.30 until 1964)", () => {
    expect(parseWallClock("1960-06-01T09:00", "Asia/Jakarta").toISOString()).toBe("1960-06-01T01:30:00.000Z");
    expect(parseWallClock("1960-06-01T09:00", "Asia/Jayapura").toISOString()).toBe(
      "1960-05-31T23:30:00.000Z",
    );
  });

  it("follows daylight saving time in zones that have it", () => {
    // Amsterdam: UTC+1 in January, UTC+2 in July
    expect(parseWallClock("2020-01-27T09:00", "Europe/Amsterdam").toISOString()).toBe(
      "2020-01-27T08:00:00.000Z",
    );
    expect(parseWallClock("2020-07-27T09:00", "Europe/Amsterdam").toISOString()).toBe(
      "2020-07-27T07:00:00.000Z",
    );
    expect(utcOffsetMinutes(firstSession, "Asia/Makassar")).toBe(480);
  });

  it("moves a time that a change of offset skips forward, and takes the second of a repeated hour", () => {
    // Amsterdam jumped 02:00 → 03:00 on 29 March 2020 and fell back 03:00 → 02:00 on 25 October
    expect(parseWallClock("2020-03-29T02:30", "Europe/Amsterdam").toISOString()).toBe(
      "2020-03-29T01:30:00.000Z",
    );
    expect(toWallClock("2020-03-29T01:30:00Z", "Europe/Amsterdam")).toBe("2020-03-29T03:30");
    expect(parseWallClock("2020-10-25T02:30", "Europe/Amsterdam").toISOString()).toBe(
      "2020-10-25T01:30:00.000Z",
    );
  });

  it("gives the same answers whatever zone the machine or browser itself is in", () => {
    const own = process.env.TZ;
    try {
      for (const machine of ["UTC", "Asia/Jayapura", "Europe/Amsterdam", "America/New_York"]) {
        process.env.TZ = machine;
        expect(parseWallClock("2020-01-27T09:00", "Asia/Makassar").toISOString(), machine).toBe(
          "2020-01-27T01:00:00.000Z",
        );
        expect(toWallClock("2020-01-27T16:30:00Z", "Asia/Jayapura"), machine).toBe("2020-01-28T01:30");
        expect(parseWallClock("2020-03-08T02:30", "Asia/Jakarta").toISOString(), machine).toBe(
          "2020-03-07T19:30:00.000Z",
        );
        expect(utcOffsetMinutes("2020-07-27T00:00:00Z", "Europe/Amsterdam"), machine).toBe(120);
      }
    } finally {
      if (own === undefined) delete process.env.TZ;
      else process.env.TZ = own;
    }
  });

  it.each(["2020-02-30T09:00", "2020-01-27T24:00", "2020-01-27T09:60", "27-01-2020 09:00", "", "2020-01-27"])(
    "refuses %j",
    (value) => {
      expect(() => parseWallClock(value, "Asia/Jakarta")).toThrow(InvalidWallClockError);
    },
  );

  it("refuses an unknown zone, as a time zone and not as what the person typed", () => {
    expect(() => parseWallClock("2020-01-27T09:00", "Asia/Nowhere")).toThrow(RangeError);
    expect(() => parseWallClock("2020-01-27T09:00", "Asia/Nowhere")).not.toThrow(InvalidWallClockError);
    expect(() => toWallClock(firstSession, "Asia/Nowhere")).toThrow(RangeError);
    expect(() => utcOffsetMinutes(firstSession, "Asia/Nowhere")).toThrow(RangeError);
    expect(() => zoneDifferenceHours("Asia/Jakarta", "Asia/Nowhere", firstSession)).toThrow(RangeError);
  });
});

describe("zoneDifferenceHours", () => {
  it("counts the hours between Indonesia's zones, either way", () => {
    // Blitar (WIB) to Kendari (WITA) and on to Jayapura (WIT)
    expect(zoneDifferenceHours("Asia/Jakarta", "Asia/Makassar", firstSession)).toBe(1);
    expect(zoneDifferenceHours("Asia/Jakarta", "Asia/Jayapura", firstSession)).toBe(2);
    expect(zoneDifferenceHours("Asia/Jayapura", "Asia/Jakarta", firstSession)).toBe(-2);
    expect(zoneDifferenceHours("Asia/Makassar", "Asia/Makassar", firstSession)).toBe(0);
  });

  it("takes each zone's offset at the instant asked about", () => {
    // Jakarta kept +07:30 until 1964, Jayapura +09:30 until 1964
    expect(zoneDifferenceHours("Asia/Jakarta", "Asia/Makassar", new Date("1960-06-01T00:00:00Z"))).toBe(0.5);
    // Amsterdam is 6 hours behind Jakarta in winter and 5 in summer
    expect(zoneDifferenceHours("Asia/Jakarta", "Europe/Amsterdam", firstSession)).toBe(-6);
    expect(zoneDifferenceHours("Asia/Jakarta", "Europe/Amsterdam", new Date("2020-07-27T00:00:00Z"))).toBe(
      -5,
    );
  });
});
