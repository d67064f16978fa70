// One schema for notes and lessons, used by the browser editor and by server rendering.
import { type Extensions, mergeAttributes } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import Mention from "@tiptap/extension-mention";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

// No control character anywhere: browsers drop tabs and newlines inside an address, so
// "/\t/evil.example" is followed as "//evil.example", another site.
/** Addresses a stored link may have: the web, e-mail, or a page of the app (not `//elsewhere`). */
export const ALLOWED_LINK = /^(?:https?:\/\/|mailto:|\/(?![/\\]))[^\p{Cc}]*$/iu;
/** Addresses a stored image may have: the web, or a file the app serves itself. */
export const ALLOWED_IMAGE = /^(?:https?:\/\/|\/(?![/\\]))[^\p{Cc}]*$/iu;
/** What the editor's own link check must refuse too: a control character, or `//`, `\\` in front. */
const UNSAFE_LINK = /\p{Cc}|^\s*[/\\]{2}/u;

/**
 * Task items as HTML (lesson pages, copied text): the box is read-only there and named by its
 * task, so a screen reader does not meet an unlabelled form field. The editor draws its own
 * boxes (Tiptap's node view) and labels them in the reader's language (notes-editor.tsx).
 */
const ReadableTaskItem = TaskItem.extend({
  renderHTML({ node, HTMLAttributes }) {
    return [
      "li",
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { "data-type": this.name }),
      [
        "label",
        [
          "input",
          {
            type: "checkbox",
            checked: node.attrs.checked ? "checked" : null,
            disabled: "disabled",
            "aria-label": node.textContent || "—",
          },
        ],
        ["span"],
      ],
      ["div", 0],
    ];
  },
});

/** A mention's id says what it names: `region:<code>` or `person:<user id>`. */
export function mentionHref(id: unknown): string | null {
  const match = /^region:([0-9.]{1,13})$/.exec(String(id ?? ""));
  return match ? `/wilayah/${match[1]}` : null;
}

/**
 * @-mentions of people and regions: a region is a link to its page, a person is the name alone
 * (people's pages are not public). The suggestion list is the editor's (notes-editor.tsx).
 */
const PeopleAndRegions = Mention.extend({
  parseHTML() {
    // before the link mark's a[href]
    return [{ tag: 'span[data-type="mention"]' }, { tag: 'a[data-type="mention"]', priority: 100 }];
  },
}).configure({
  renderText: ({ node }) => `@${node.attrs.label ?? node.attrs.id ?? ""}`,
  renderHTML: ({ node, options }) => {
    const label = `@${node.attrs.label ?? node.attrs.id ?? ""}`;
    const href = mentionHref(node.attrs.id);
    return href
      ? ["a", { ...options.HTMLAttributes, href, class: "mention" }, label]
      : ["span", { ...options.HTMLAttributes, class: "mention" }, label];
  },
});

export const extensions: Extensions = [
  StarterKit.configure({
    link: {
      openOnClick: false,
      protocols: ["http", "https", "mailto"],
      // Tiptap's own check reads "/\t/evil.example" as a path of the app: refuse it as the server does
      isAllowedUri: (url, { defaultValidate }) => defaultValidate(url) && !UNSAFE_LINK.test(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow" },
    },
  }),
  Image,
  TableKit,
  TaskList,
  ReadableTaskItem.configure({ nested: true }),
  PeopleAndRegions,
];
