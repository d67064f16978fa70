// @vitest-environment happy-dom
// Mentions render the same in the editor and on the server: a region links to its page, a
// person is the name alone, and a mention cannot smuggle a link or markup in.
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { extensions } from "./extensions";
import { diffNotes, textBlocks } from "./note-diff";
import { renderRichText } from "./render.server";

const doc: JSONContent = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Belajar dari " },
        { type: "mention", attrs: { id: "region:74.71", label: "Kota Kendari" } },
        { type: "text", text: " bersama " },
        { type: "mention", attrs: { id: "person:abc123", label: "Pokja Blitar" } },
        { type: "mention", attrs: { id: "region:../../x", label: '<img src=x onerror="alert(1)">' } },
      ],
    },
  ],
};

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

describe("mentions", () => {
  it("render on the server exactly as the editor writes them", () => {
    editor = new Editor({ extensions, content: doc });
    const server = renderRichText(doc);
    expect(server).toBe(editor.getHTML());
    // and as the editor shows them (ProseMirror only adds contenteditable to the inline atom)
    const shown = [...editor.view.dom.querySelectorAll('[data-type="mention"]')].map((element) => {
      element.removeAttribute("contenteditable");
      return element.outerHTML;
    });
    const parsed = new DOMParser().parseFromString(server, "text/html");
    expect([...parsed.querySelectorAll('[data-type="mention"]')].map((element) => element.outerHTML)).toEqual(
      shown,
    );
  });

  it("links a region to its page and names a person without a link; odd ids and labels stay text", () => {
    const html = renderRichText(doc);
    expect(html).toContain('href="/wilayah/74.71"');
    expect(html).toMatch(/<a [^>]*class="mention"[^>]*>@Kota Kendari<\/a>/);
    expect(html).toMatch(/<span [^>]*data-id="person:abc123"[^>]*>@Pokja Blitar<\/span>/);
    expect(html).not.toContain("/wilayah/../");
    // the label is text (and an attribute value), never an element
    const parsed = new DOMParser().parseFromString(html, "text/html");
    expect(parsed.querySelectorAll("img")).toHaveLength(0);
    expect(html).toContain('@&lt;img src=x onerror="alert(1)"&gt;</span>');
  });

  it("read back from their HTML (pasting notes keeps the mentions)", () => {
    editor = new Editor({ extensions, content: renderRichText(doc) });
    expect(
      editor
        .getJSON()
        .content?.[0].content?.filter((n: JSONContent) => n.type === "mention")
        .map((n: JSONContent) => n.attrs?.id),
    ).toEqual(["region:74.71", "person:abc123", "region:../../x"]);
  });
});

describe("differences between versions", () => {
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  it("compares block by block, word by word, and reads mentions as @name", () => {
    const older = { type: "doc", content: [paragraph("Kendari mulai 2016"), paragraph("Dihapus nanti")] };
    const newer = {
      type: "doc",
      content: [paragraph("Kendari mulai tahun 2016"), doc.content![0], paragraph("Baru")],
    };
    expect(textBlocks(newer)[1]).toContain("@Kota Kendari");
    const blocks = diffNotes(older, newer);
    expect(blocks[0]).toEqual({
      change: "changed",
      parts: [
        { text: "Kendari mulai ", change: "same" },
        { text: "tahun ", change: "added" },
        { text: "2016", change: "same" },
      ],
    });
    expect(blocks.map((b) => b.change)).toEqual(["changed", "changed", "added"]);
    expect(blocks[1].parts.some((p) => p.change === "removed" && p.text.includes("Dihapus"))).toBe(true);
    expect(diffNotes(older, older).every((b) => b.change === "same")).toBe(true);
  });
});
