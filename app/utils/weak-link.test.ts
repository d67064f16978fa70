import { describe, expect, test } from "vitest";
import { isWeakLink } from "./weak-link";

describe("isWeakLink", () => {
  test.each([
    ["slow-2g", false, true],
    ["2g", false, true],
    ["3g", false, true],
    ["4g", false, false],
    ["4g", true, true],
    [undefined, true, true],
    [undefined, false, false],
  ])("effectiveType %s, saveData %s → %s", (effectiveType, saveData, weak) => {
    expect(isWeakLink({ effectiveType, saveData })).toBe(weak);
  });

  test("a browser that gives no hint is not taken for a weak link", () => {
    expect(isWeakLink(undefined)).toBe(false);
  });
});
