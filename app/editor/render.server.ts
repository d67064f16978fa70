// ProseMirror JSON → HTML on the server, from the same extension list as the editor.
// Unknown nodes are refused by the schema; links and images keep only safe addresses.
import type { JSONContent } from "@tiptap/core";
import { generateHTML } from "@tiptap/html/server";
import { ALLOWED_IMAGE, ALLOWED_LINK, extensions } from "~/editor/extensions";

function clean(node: JSONContent): JSONContent {
  const marks = node.marks?.filter(
    (mark) => mark.type !== "link" || ALLOWED_LINK.test(String(mark.attrs?.href ?? "")),
  );
  if (node.type === "image" && !ALLOWED_IMAGE.test(String(node.attrs?.src ?? "")))
    return { type: "paragraph" };
  return {
    ...node,
    ...(marks ? { marks } : {}),
    ...(node.content ? { content: node.content.map(clean) } : {}),
  };
}

export function renderRichText(doc: unknown): string {
  if (!doc || typeof doc !== "object" || (doc as JSONContent).type !== "doc") return "";
  try {
    return generateHTML(clean(doc as JSONContent), extensions);
  } catch {
    // a document the schema cannot read is shown as nothing rather than breaking the page
    return "";
  }
}

/** Plain text of a document, for search and summaries. */
export function plainText(doc: unknown): string {
  const parts: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.text) parts.push(node.text);
    node.content?.forEach(walk);
    if (node.type === "paragraph" || node.type === "heading" || node.type === "listItem") parts.push("\n");
  };
  if (doc && typeof doc === "object") walk(doc as JSONContent);
  return parts
    .join("")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
