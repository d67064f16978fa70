// Who a comment can @mention. Without JavaScript: a plain list of the handles to type. With it:
// the list follows what is typed after "@" and a click puts the handle in the text.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Mentionable = { id: string; name: string; handle: string };

/** The "@prefix" being typed just before the cursor, or null. */
function typedPrefix(text: string, cursor: number) {
  const match = /(?:^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, cursor));
  return match ? match[1].toLowerCase() : null;
}

export function MentionPicker({ fieldId, people }: { fieldId: string; people: Mentionable[] }) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [prefix, setPrefix] = useState<string | null>(null);
  useEffect(() => {
    setHydrated(true);
    const field = document.getElementById(fieldId) as HTMLTextAreaElement | null;
    if (!field) return;
    const update = () => setPrefix(typedPrefix(field.value, field.selectionStart ?? field.value.length));
    field.addEventListener("input", update);
    field.addEventListener("click", update);
    return () => {
      field.removeEventListener("input", update);
      field.removeEventListener("click", update);
    };
  }, [fieldId]);
  if (people.length === 0) return null;
  const shown = prefix
    ? people.filter((p) => p.handle.toLowerCase().startsWith(prefix) || p.name.toLowerCase().includes(prefix))
    : people;

  function insert(handle: string) {
    const field = document.getElementById(fieldId) as HTMLTextAreaElement | null;
    if (!field) return;
    const cursor = field.selectionStart ?? field.value.length;
    const before = field.value.slice(0, cursor);
    const after = field.value.slice(cursor);
    // replace the "@pre" being typed, or add a new mention at the cursor
    const start = prefix !== null ? before.lastIndexOf("@") : cursor;
    const lead = prefix === null && before && !/\s$/.test(before) ? " " : "";
    field.value = `${before.slice(0, start)}${lead}@${handle} ${after}`;
    const at = start + lead.length + handle.length + 2;
    field.setSelectionRange(at, at);
    field.focus();
    setPrefix(null);
  }

  return (
    <div className="mention-picker">
      <p className="field-hint" id={`${fieldId}-mentionable`}>
        {t("projects.mentionable")}
      </p>
      <ul aria-labelledby={`${fieldId}-mentionable`} aria-live="polite">
        {shown.map((p) => (
          <li key={p.id}>
            {hydrated ? (
              <button type="button" className="button small" onClick={() => insert(p.handle)}>
                @{p.handle} <span className="muted">{p.name}</span>
              </button>
            ) : (
              <>
                <code>@{p.handle}</code> <span className="muted">{p.name}</span>
              </>
            )}
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">{t("projects.mentionNone")}</li> : null}
      </ul>
    </div>
  );
}
