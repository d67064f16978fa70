// What changed between two versions of the notes, for reading: the plain text of each block
// (paragraph, heading, list item, table cell) is compared word by word, blocks are lined up first.
import type { JSONContent } from "@tiptap/core";
import { diffArrays, diffWords } from "diff";

export type DiffPart = { text: string; change: "same" | "added" | "removed" };
export type DiffBlock = { change: "same" | "added" | "removed" | "changed"; parts: DiffPart[] };

/** The text blocks of a document in reading order; a mention reads as "@name". */
export function textBlocks(doc: unknown): string[] {
  const blocks: string[] = [];
  const inline = (node: JSONContent): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "mention") return `@${node.attrs?.label ?? node.attrs?.id ?? ""}`;
    if (node.type === "hardBreak") return " ";
    return (node.content ?? []).map(inline).join("");
  };
  const walk = (node: JSONContent) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "codeBlock") {
      const text = inline(node).trim();
      if (text) blocks.push(text);
      return;
    }
    node.content?.forEach(walk);
  };
  if (doc && typeof doc === "object") walk(doc as JSONContent);
  return blocks;
}

/** From `older` to `newer`: blocks kept, added, removed, or changed word by word. */
export function diffNotes(older: unknown, newer: unknown): DiffBlock[] {
  const result: DiffBlock[] = [];
  const changes = diffArrays(textBlocks(older), textBlocks(newer));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      for (const text of change.value) result.push({ change: "same", parts: [{ text, change: "same" }] });
      continue;
    }
    // a run of removed blocks followed by added ones: pair them up as edited blocks
    const removed = change.removed ? change.value : [];
    const next = changes[i + 1];
    const added = change.removed && next?.added ? (i++, next.value) : change.added ? change.value : [];
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const parts = diffWords(removed[k], added[k]).map(
        (part): DiffPart => ({
          text: part.value,
          change: part.added ? "added" : part.removed ? "removed" : "same",
        }),
      );
      result.push({ change: "changed", parts });
    }
    for (const text of removed.slice(paired))
      result.push({ change: "removed", parts: [{ text, change: "removed" }] });
    for (const text of added.slice(paired))
      result.push({ change: "added", parts: [{ text, change: "added" }] });
  }
  return result;
}
