// The one link schema: http(s) only, trimmed, at most URL_MAX_LENGTH; the same rule decides
// whether a stored link may be rendered as an href.
import { describe, expect, it } from "vitest";
import { URL_MAX_LENGTH, httpUrl, safeHref } from "./url-schema";

const long = `https://contoh.go.id/${"a".repeat(URL_MAX_LENGTH)}`;

// [input, stored value or the error key]
const table: [string, string | { error: string }][] = [
  ["https://kendarikota.go.id/inovasi", "https://kendarikota.go.id/inovasi"],
  ["http://blitarkota.go.id", "http://blitarkota.go.id"],
  ["HTTPS://Contoh.go.id/Bukti?id=1#2", "HTTPS://Contoh.go.id/Bukti?id=1#2"],
  ["  https://contoh.go.id/berkas.pdf \n", "https://contoh.go.id/berkas.pdf"],
  ["javascript:alert(1)", { error: "errors.url" }],
  ["JaVaScRiPt:alert(document.cookie)", { error: "errors.url" }],
  [" javascript:alert(1)", { error: "errors.url" }],
  ["java\nscript:alert(1)", { error: "errors.url" }],
  ["java\tscript:alert(1)", { error: "errors.url" }],
  ["data:text/html,<script>alert(1)</script>", { error: "errors.url" }],
  ["vbscript:msgbox(1)", { error: "errors.url" }],
  ["file:///etc/passwd", { error: "errors.url" }],
  ["ftp://contoh.go.id/a", { error: "errors.url" }],
  ["mailto:a@contoh.go.id", { error: "errors.url" }],
  ["//evil.example/x", { error: "errors.url" }],
  ["/proyek/1", { error: "errors.url" }],
  ["https://", { error: "errors.url" }],
  ["https:///nohost", { error: "errors.url" }],
  ["http:\\\\evil.example", { error: "errors.url" }],
  ["https://contoh.go.id/a b", { error: "errors.url" }],
  ["https://contoh.go.id/\u0000x", { error: "errors.url" }],
  ["https://contoh.go.id/\u0085x", { error: "errors.url" }],
  ["https://contoh.go.id/a\r\nSet-Cookie: x=1", { error: "errors.url" }],
  ["kendarikota.go.id", { error: "errors.url" }],
  ["", { error: "errors.url" }],
  [long, { error: "errors.tooLong" }],
];

describe("httpUrl", () => {
  it.each(table)("%j → %j", (input, expected) => {
    const result = httpUrl.safeParse(input);
    if (typeof expected === "string") {
      expect(result).toEqual({ success: true, data: expected });
    } else {
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([expected.error]);
    }
  });

  it("stays optional where a form leaves the field empty", () => {
    expect(httpUrl.optional().safeParse(undefined)).toEqual({ success: true, data: undefined });
  });
});

describe("safeHref", () => {
  it("gives an href exactly for what the schema accepts", () => {
    for (const [input, expected] of table) {
      expect(safeHref(input) !== null, JSON.stringify(input)).toBe(typeof expected === "string");
    }
  });

  it("gives nothing for an empty or missing link", () => {
    expect([safeHref(null), safeHref(undefined), safeHref("  ")]).toEqual([null, null, null]);
  });
});
