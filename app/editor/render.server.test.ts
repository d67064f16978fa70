import { describe, expect, it } from "vitest";
import { plainText, renderRichText } from "./render.server";

const doc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Pelajaran sesi 1" }] },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "Advokasi komitmen kepala daerah" }] },
          ],
        },
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>" }] }],
        },
      ],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "baik", marks: [{ type: "link", attrs: { href: "https://lintas.id" } }] },
        { type: "text", text: "jahat", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
      ],
    },
    {
      type: "taskList",
      content: [
        {
          type: "taskItem",
          attrs: { checked: true },
          content: [{ type: "paragraph", content: [{ type: "text", text: "Instruksi Wali Kota" }] }],
        },
      ],
    },
  ],
};

describe("rich text rendering", () => {
  it("renders headings, lists, tasks and safe links from ProseMirror JSON", () => {
    const html = renderRichText(doc);
    expect(html).toContain("<h2>Pelajaran sesi 1</h2>");
    expect(html).toContain("<li><p>Advokasi komitmen kepala daerah</p></li>");
    expect(html).toContain('href="https://lintas.id"');
    expect(html).toContain("Instruksi Wali Kota");
  });

  it("renders a task's box read-only and named by the task", () => {
    const html = renderRichText(doc);
    expect(html).toMatch(
      /<li data-checked="true" data-type="taskItem"><label><input type="checkbox" checked="checked" disabled="disabled" aria-label="Instruksi Wali Kota">/,
    );
  });

  it("escapes text and drops dangerous links", () => {
    const html = renderRichText(doc);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("javascript:");
  });

  it("shows nothing, without throwing, for what is not a document", () => {
    expect(renderRichText(null)).toBe("");
    expect(renderRichText({ type: "doc", content: [{ type: "nope" }] })).toBe("");
    expect(renderRichText("<p>html</p>")).toBe("");
  });

  it("gives the plain text for search", () => {
    expect(plainText(doc)).toContain("Advokasi komitmen kepala daerah");
  });
});
