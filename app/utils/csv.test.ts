import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { recordsToCsv, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes RFC 4180 with CRLF lines, quoting what needs it", () => {
    expect(
      toCsv(
        ["nama", "nilai"],
        [
          ["Kota Kendari", 1339.15],
          ['Sedot "terjadwal", rutin', null],
        ],
      ),
    ).toBe('nama,nilai\r\nKota Kendari,1339.15\r\n"Sedot ""terjadwal"", rutin",\r\n');
  });

  it("keeps a cell that looks like a formula as text, but not a negative number", () => {
    const csv = toCsv(["a", "b", "c"], [["=HYPERLINK(1)", "@SUM(A1)", -5]]);
    expect(parse(csv, { columns: true })).toEqual([{ a: "'=HYPERLINK(1)", b: "'@SUM(A1)", c: "-5" }]);
  });

  it("quotes a semicolon for spreadsheets that split on it", () => {
    expect(toCsv(["a"], [["satu; dua"]])).toBe('a\r\n"satu; dua"\r\n');
  });

  it("reads back what it wrote, multi-line cells included", () => {
    const rows = [["Baris\r\nkedua", "koma, titik"]];
    expect(parse(toCsv(["x", "y"], rows), { from_line: 2 })).toEqual(rows);
  });
});

describe("recordsToCsv", () => {
  it("takes the header from the first record, and writes nothing for none", () => {
    expect(recordsToCsv([{ kode: "74.71", nama: "Kota Kendari" }])).toBe(
      "kode,nama\r\n74.71,Kota Kendari\r\n",
    );
    expect(recordsToCsv([])).toBe("");
  });
});
