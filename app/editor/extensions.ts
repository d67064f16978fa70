// One schema for notes and lessons, used by the browser editor and by server rendering.
import { type Extensions, mergeAttributes } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

export const ALLOWED_LINK = /^(https?:\/\/|mailto:|\/)/i;

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

export const extensions: Extensions = [
  StarterKit.configure({
    link: {
      openOnClick: false,
      protocols: ["http", "https", "mailto"],
      HTMLAttributes: { rel: "noopener noreferrer nofollow" },
    },
  }),
  Image,
  TableKit,
  TaskList,
  ReadableTaskItem.configure({ nested: true }),
];
