import { describe, expect, it } from "vitest";
import { insertStatements } from "./seed-scale";

describe("the scale seed's batched inserts", () => {
  it("sends rows of one shape as one INSERT … json_populate_recordset, skipping duplicates", () => {
    const rows = [
      { id: "a", name: "A", acronym: null },
      { id: "b", name: "B", acronym: "X" },
    ];
    const [statement, ...more] = insertStatements("changeProject", rows, false);
    expect(more).toEqual([]);
    expect(statement.sql).toBe(
      'INSERT INTO "ChangeProject" ("acronym", "id", "name") SELECT "acronym", "id", "name" ' +
        'FROM json_populate_recordset(NULL::"ChangeProject", $1::json) ON CONFLICT DO NOTHING',
    );
    expect(JSON.parse(statement.json)).toEqual(rows);
  });

  it("gives rows with other keys their own INSERT, so a missing key takes the column's default", () => {
    const statements = insertStatements(
      "attendance",
      [{ id: "a" }, { id: "b", leftAt: null }, { id: "c" }],
      false,
    );
    expect(statements.map((s) => JSON.parse(s.json).map((r: { id: string }) => r.id))).toEqual([
      ["a", "c"],
      ["b"],
    ]);
  });

  it("fills updatedAt (which Prisma, not the database, sets) from createdAt", () => {
    const createdAt = new Date("2024-01-02T03:04:05.000Z");
    const [statement] = insertStatements("user", [{ id: "u", createdAt }], true);
    expect(statement.sql).toContain('("createdAt", "id", "updatedAt")');
    expect(JSON.parse(statement.json)).toEqual([
      { id: "u", createdAt: createdAt.toISOString(), updatedAt: createdAt.toISOString() },
    ]);
  });

  it("sends at most a thousand rows per statement", () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: `r${i}` }));
    expect(insertStatements("milestone", rows, false).map((s) => JSON.parse(s.json).length)).toEqual([
      1000, 1000, 500,
    ]);
  });
});
