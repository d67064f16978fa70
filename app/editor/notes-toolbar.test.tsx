// @vitest-environment happy-dom
// The notes toolbar adds and changes links and images by their address, through labelled fields
// that say what is wrong, and keeps only addresses the server renders (no javascript:, no data:).
import { Editor, type JSONContent } from "@tiptap/core";
import { createInstance } from "i18next";
import { act } from "react";
import { type Root, createRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n/config";
import { extensions } from "./extensions";
import { Toolbar, applyImage, applyLink, isImageAddress, isLinkAddress } from "./notes-toolbar";
import { renderRichText } from "./render.server";

const i18n = createInstance();
const t = (key: string) => i18n.t(key);

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "id" });
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const start: JSONContent = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Situs Kota Kendari" }] }],
};

let editor: Editor | undefined;
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  editor?.destroy();
  document.body.innerHTML = "";
});

function links(doc: JSONContent) {
  const found: string[] = [];
  const walk = (node: JSONContent) => {
    node.marks?.forEach((mark) => mark.type === "link" && found.push(String(mark.attrs?.href)));
    node.content?.forEach(walk);
  };
  walk(doc);
  return found;
}

describe("addresses", () => {
  it("accepts the web and e-mail for links, the web and the app's files for images, and nothing else", () => {
    for (const ok of [
      "https://kendarikota.go.id/l2t2",
      "http://blitarkota.go.id",
      "mailto:pokja@blitar.go.id",
    ])
      expect(isLinkAddress(ok), ok).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "ftp://x.org",
      "//evil.example",
      "/pelajaran/x",
      "https://",
      "mailto:",
    ])
      expect(isLinkAddress(bad.trim()), bad).toBe(false);
    for (const ok of ["https://example.org/ipal.png", "http://example.org/a.jpg", "/bukti/0123abcd.png"])
      expect(isImageAddress(ok), ok).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "//evil.example/a.png",
      "/\\evil.example",
      "mailto:a@b.c",
      "x.png",
    ])
      expect(isImageAddress(bad), bad).toBe(false);
  });

  it("links the selection, inserts an address as its own link, and changes nothing for a refused one", () => {
    editor = new Editor({ extensions, content: start });
    editor.commands.setTextSelection({ from: 7, to: 19 });
    expect(applyLink(editor, "javascript:alert(1)")).toBe("notes.linkInvalid");
    expect(editor.getJSON()).toEqual(start);
    expect(applyLink(editor, "https://kendarikota.go.id")).toBeNull();
    expect(links(editor.getJSON())).toEqual(["https://kendarikota.go.id"]);
    // the caret inside the link: its address changes
    editor.commands.setTextSelection(10);
    applyLink(editor, "mailto:pokja@kendarikota.go.id");
    expect(links(editor.getJSON())).toEqual(["mailto:pokja@kendarikota.go.id"]);
    // removed with an empty address
    editor.commands.setTextSelection(10);
    applyLink(editor, " ");
    expect(links(editor.getJSON())).toEqual([]);
    // nothing selected: the address is the text
    editor.commands.setTextSelection(1);
    applyLink(editor, "https://blitarkota.go.id");
    expect(editor.getText()).toContain("https://blitarkota.go.id");
    expect(links(editor.getJSON())).toEqual(["https://blitarkota.go.id"]);
    expect(renderRichText(editor.getJSON())).toBe(editor.getHTML());
  });

  it("puts an image with its alternative text, and refuses a javascript: image", () => {
    editor = new Editor({ extensions, content: start });
    expect(applyImage(editor, { src: "javascript:alert(1)", alt: "x" })).toBe("notes.imageInvalid");
    expect(editor.getJSON()).toEqual(start);
    expect(applyImage(editor, { src: "https://example.org/ipal.png", alt: "IPAL komunal" })).toBeNull();
    const html = renderRichText(editor.getJSON());
    expect(html).toContain('<img src="https://example.org/ipal.png" alt="IPAL komunal">');
    expect(html).toBe(editor.getHTML());
  });
});

describe("the toolbar", () => {
  function mount() {
    editor = new Editor({ extensions, content: start });
    const host = document.createElement("div");
    document.body.append(host);
    root = createRoot(host);
    const current = editor;
    act(() =>
      root!.render(
        <I18nextProvider i18n={i18n}>
          <Toolbar editor={current} />
        </I18nextProvider>,
      ),
    );
    return host;
  }
  const byText = (host: HTMLElement, selector: string, text: string) => {
    const found = [...host.querySelectorAll<HTMLElement>(selector)].find((e) => e.textContent === text);
    if (!found) throw new Error(`no ${selector} "${text}"`);
    return found;
  };
  const field = (host: HTMLElement, label: string) => {
    const id = byText(host, "label", label).getAttribute("for");
    return host.querySelector<HTMLInputElement>(`#${CSS.escape(id ?? "")}`)!;
  };
  /** types into a React-controlled field as a person would */
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  const click = (element: HTMLElement) => act(() => element.click());

  it("opens a labelled link form, says why an address is refused, and links the selection", () => {
    const host = mount();
    editor!.commands.setTextSelection({ from: 7, to: 19 });
    const toolbar = host.querySelector('[role="toolbar"]')!;
    const open = byText(toolbar as HTMLElement, "button", t("notes.link"));
    expect(open.getAttribute("aria-expanded")).toBe("false");
    click(open);
    expect(open.getAttribute("aria-expanded")).toBe("true");
    const form = host.querySelector<HTMLFormElement>(`#${CSS.escape(open.getAttribute("aria-controls")!)}`)!;
    expect(form.getAttribute("aria-label")).toBe(t("notes.linkForm"));
    const address = field(host, t("notes.linkAddress"));
    expect(document.activeElement).toBe(address);

    type(address, "javascript:alert(1)");
    click(byText(form, "button", t("notes.linkApply")));
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(t("notes.linkInvalid"));
    expect(address.getAttribute("aria-invalid")).toBe("true");
    expect(address.getAttribute("aria-describedby")).toContain(alert!.id);
    expect(editor!.getJSON()).toEqual(start);

    type(address, "https://kendarikota.go.id");
    click(byText(form, "button", t("notes.linkApply")));
    expect(host.querySelector("form")).toBeNull();
    expect(links(editor!.getJSON())).toEqual(["https://kendarikota.go.id"]);

    // opened again inside the link: it shows the address and can remove it
    editor!.commands.setTextSelection(10);
    click(open);
    expect(field(host, t("notes.linkAddress")).value).toBe("https://kendarikota.go.id");
    click(byText(host.querySelector("form")!, "button", t("notes.linkRemove")));
    expect(links(editor!.getJSON())).toEqual([]);
  });

  it("adds an image by its address with its alternative text; Escape closes the form", () => {
    const host = mount();
    const open = byText(host, "button", t("notes.image"));
    click(open);
    const address = field(host, t("notes.imageAddress"));
    act(() => address.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
    expect(host.querySelector("form")).toBeNull();

    click(open);
    type(field(host, t("notes.imageAddress")), "data:image/png;base64,AAAA");
    click(byText(host.querySelector("form")!, "button", t("notes.imageApply")));
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(t("notes.imageInvalid"));
    type(field(host, t("notes.imageAddress")), "https://example.org/ipal.png");
    type(field(host, t("notes.imageAlt")), "IPAL komunal Kendari");
    click(byText(host.querySelector("form")!, "button", t("notes.imageApply")));
    expect(host.querySelector("form")).toBeNull();
    const image = editor!.getJSON().content?.find((node) => node.type === "image");
    expect(image?.attrs).toMatchObject({ src: "https://example.org/ipal.png", alt: "IPAL komunal Kendari" });
  });
});
