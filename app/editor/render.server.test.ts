import { generateHTML } from "@tiptap/html/server";
import { describe, expect, it } from "vitest";
import { ALLOWED_IMAGE, ALLOWED_LINK, extensions } from "./extensions";
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

// Browsers drop tabs and newlines inside an address and read a backslash as a slash, so each of
// these is followed to another site (//evil.example).
const OFF_SITE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  " //evil.example",
  "https://lintas.id/\u0000x",
];

describe("links and images that leave the site", () => {
  const withLink = (href: string) => ({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "tautan", marks: [{ type: "link", attrs: { href } }] }],
      },
    ],
  });

  it.each(OFF_SITE)("%j is not a stored link or image address", (href) => {
    expect(ALLOWED_LINK.test(href)).toBe(false);
    expect(ALLOWED_IMAGE.test(href)).toBe(false);
    expect(renderRichText(withLink(href))).not.toContain("evil.example");
  });

  it.each(OFF_SITE)("%j is not rendered as a link by the editor's own check either", (href) => {
    expect(generateHTML(withLink(href), extensions)).not.toContain("evil.example");
  });

  it("keeps the web, e-mail and the app's own pages", () => {
    for (const href of [
      "https://lintas.id/a?b=1",
      "http://contoh.go.id",
      "mailto:a@contoh.go.id",
      "/proyek/1",
    ]) {
      expect(ALLOWED_LINK.test(href), href).toBe(true);
      expect(renderRichText(withLink(href))).toContain(`href="${href}"`);
      expect(generateHTML(withLink(href), extensions)).toContain(`href="${href}"`);
    }
    expect(ALLOWED_IMAGE.test("/bukti/foto.png")).toBe(true);
  });
});
