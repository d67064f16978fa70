// @vitest-environment happy-dom
// The server renders notes and lessons exactly as the editor shows them: one document that uses
// every node and mark of the shared extension list, compared with the editor's own HTML.
import { Editor, type JSONContent, getSchema } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { extensions } from "./extensions";
import { renderRichText } from "./render.server";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const cell = (type: "tableHeader" | "tableCell", value: string): JSONContent => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [paragraph(text(value))],
});

const doc: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [text("Kendari → Blitar")] },
    { type: "heading", attrs: { level: 3 }, content: [text("Konteks")] },
    paragraph(
      text("Tebal", [{ type: "bold" }]),
      text(" miring", [{ type: "italic" }]),
      text(" coret", [{ type: "strike" }]),
      text(" garis", [{ type: "underline" }]),
      text(" kode", [{ type: "code" }]),
      { type: "hardBreak" },
      text("situs", [{ type: "link", attrs: { href: "https://kendarikota.go.id", target: "_blank" } }]),
      text(" · "),
      text("surel", [{ type: "link", attrs: { href: "mailto:pokja@blitarkab.go.id" } }]),
      text(" · "),
      text("halaman", [{ type: "link", attrs: { href: "/pelajaran/l2t2" } }]),
      text(" bersama "),
      { type: "mention", attrs: { id: "region:74.71", label: "Kota Kendari" } },
      text(" dan "),
      { type: "mention", attrs: { id: "person:u1", label: "Pokja Blitar" } },
    ),
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            paragraph(text("2016: mulai")),
            {
              type: "bulletList",
              content: [{ type: "listItem", content: [paragraph(text("sosialisasi 2017"))] }],
            },
          ],
        },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [{ type: "listItem", content: [paragraph(text("Instruksi Wali Kota 2018"))] }],
    },
    {
      type: "taskList",
      content: [
        {
          type: "taskItem",
          attrs: { checked: true },
          content: [
            paragraph(text("Perwali disusun")),
            {
              type: "taskList",
              content: [
                { type: "taskItem", attrs: { checked: false }, content: [paragraph(text("Anggaran"))] },
              ],
            },
          ],
        },
        { type: "taskItem", attrs: { checked: false }, content: [paragraph()] },
      ],
    },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Indikator"), cell("tableHeader", "Nilai")] },
        { type: "tableRow", content: [cell("tableCell", "Rumah tersambung"), cell("tableCell", "1.200")] },
      ],
    },
    { type: "image", attrs: { src: "https://example.org/ipal.png", alt: "IPAL komunal", title: "IPAL" } },
    { type: "blockquote", content: [paragraph(text("Kutipan kepala dinas"))] },
    { type: "codeBlock", attrs: { language: null }, content: [text("jadwal sedot: 3 tahun")] },
    { type: "horizontalRule" },
    paragraph(text("Akhir")),
  ],
};

function typesIn(node: JSONContent, nodes = new Set<string>(), marks = new Set<string>()) {
  nodes.add(String(node.type));
  node.marks?.forEach((mark) => marks.add(mark.type));
  node.content?.forEach((child) => typesIn(child, nodes, marks));
  return { nodes, marks };
}

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

describe("server HTML equals editor HTML", () => {
  it("covers every node and mark of the shared extension list", () => {
    const schema = getSchema(extensions);
    const used = typesIn(doc);
    expect(Object.keys(schema.nodes).filter((name) => !used.nodes.has(name))).toEqual([]);
    expect(Object.keys(schema.marks).filter((name) => !used.marks.has(name))).toEqual([]);
  });

  it("for one document using every extension", () => {
    editor = new Editor({ extensions, content: doc });
    const html = renderRichText(doc);
    expect(html).not.toBe("");
    expect(html).toBe(editor.getHTML());
    // and what the server wrote reads back into the same document (copying a lesson into notes)
    const again = new Editor({ extensions, content: html });
    try {
      expect(again.getHTML()).toBe(html);
    } finally {
      again.destroy();
    }
  });

  it("shows each kind of content the way it was written", () => {
    const parsed = new DOMParser().parseFromString(renderRichText(doc), "text/html");
    const count = (selector: string) => parsed.querySelectorAll(selector).length;
    expect(count("h1")).toBe(1);
    expect(count("h3")).toBe(1);
    expect(count("strong, em, s, u, code")).toBe(6);
    expect(count('a[href="https://kendarikota.go.id"][rel="noopener noreferrer nofollow"]')).toBe(1);
    expect(count('a[href="mailto:pokja@blitarkab.go.id"]')).toBe(1);
    expect(count('a.mention[href="/wilayah/74.71"]')).toBe(1);
    expect(count('span.mention[data-id="person:u1"]')).toBe(1);
    expect(count("ul > li > ul > li")).toBe(1);
    expect(parsed.querySelector("ol")?.getAttribute("start")).toBe("3");
    expect(count('ul[data-type="taskList"] li[data-type="taskItem"]')).toBe(3);
    expect(count("input[type=checkbox][checked][disabled]")).toBe(1);
    expect(count("table th")).toBe(2);
    expect(count("table td")).toBe(2);
    expect(parsed.querySelector("img")?.getAttribute("alt")).toBe("IPAL komunal");
    expect(count("blockquote p, pre code, hr, br")).toBe(4);
  });
});
