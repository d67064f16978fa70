// The @mention picker of a comment form on a page without React (the project page, decision
// 0062): the server renders who can be mentioned as a plain list (app/components/mention-picker.tsx);
// here the list follows what is typed after "@", and each entry becomes a button that puts the
// handle in the text. Without JavaScript the list stays as it is, to read and type from. A page
// React renders (reached by a client-side navigation) has the picker's React side instead.
// (relative: the page script is bundled on its own, without the app's "~" alias)
import { insertMention, typedPrefix } from "../utils/mentions";

export function enhanceMentionPickers(root: ParentNode = document) {
  // React runs this page: the component does it
  if ("__remixContext" in window) return;
  for (const picker of root.querySelectorAll<HTMLElement>("[data-mention-field]")) {
    const field = document.getElementById(picker.dataset.mentionField ?? "");
    if (!(field instanceof HTMLTextAreaElement) || picker.dataset.enhanced) continue;
    picker.dataset.enhanced = "true";
    const entries = [...picker.querySelectorAll<HTMLLIElement>("li[data-handle]")];
    const none = picker.querySelector<HTMLElement>("[data-mention-none]");
    for (const entry of entries) {
      const handle = entry.dataset.handle ?? "";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button small";
      // the same words as the plain entry: "@handle Name"
      button.append(...entry.childNodes);
      entry.replaceChildren(button);
      button.addEventListener("click", () => {
        const next = insertMention(field.value, field.selectionStart ?? field.value.length, handle);
        field.value = next.text;
        field.focus();
        field.setSelectionRange(next.cursor, next.cursor);
        update();
      });
    }
    const update = () => {
      const prefix = typedPrefix(field.value, field.selectionStart ?? field.value.length);
      let shown = 0;
      for (const entry of entries) {
        const match =
          prefix === null ||
          (entry.dataset.handle ?? "").toLowerCase().startsWith(prefix) ||
          (entry.dataset.name ?? "").toLowerCase().includes(prefix);
        entry.hidden = !match;
        if (match) shown += 1;
      }
      if (none) none.hidden = shown > 0;
    };
    field.addEventListener("input", update);
    field.addEventListener("click", update);
    field.addEventListener("keyup", update);
    update();
  }
}
