// One schema for notes and lessons, used by the browser editor and by server rendering.
import type { Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

export const ALLOWED_LINK = /^(https?:\/\/|mailto:|\/)/i;

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
  TaskItem.configure({ nested: true }),
];
