// Typing an @mention in a comment: the pure part, shared by the picker in React
// (app/components/mention-picker.tsx) and on pages without React (app/offline/mentions.ts).

/** The "@prefix" being typed just before the cursor, or null. */
export function typedPrefix(text: string, cursor: number): string | null {
  const match = /(?:^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, cursor));
  return match ? (match[1] ?? "").toLowerCase() : null;
}

/** The text with the "@prefix" being typed (or nothing) at the cursor replaced by "@handle ". */
export function insertMention(
  text: string,
  cursor: number,
  handle: string,
): { text: string; cursor: number } {
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);
  const typing = typedPrefix(text, cursor) !== null;
  const start = typing ? before.lastIndexOf("@") : cursor;
  const lead = !typing && before && !/\s$/.test(before) ? " " : "";
  const inserted = `${lead}@${handle} `;
  return { text: `${before.slice(0, start)}${inserted}${after}`, cursor: start + inserted.length };
}
