// Who a comment can @mention. Without JavaScript: a plain list of the handles to type. With it,
// the list follows what is typed after "@" and each entry is a button that puts the handle in the
// text: here when React runs the page (after a client-side navigation), and through the page
// script (app/offline/mentions.ts) on the project page opened directly, which has no React on the
// client (decision 0062). Both read the same markup.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { insertMention, typedPrefix } from "~/utils/mentions";

type Mentionable = { id: string; name: string; handle: string };

export function MentionPicker({ fieldId, people }: { fieldId: string; people: Mentionable[] }) {
  const { t } = useTranslation();
  const [live, setLive] = useState(false);
  const [prefix, setPrefix] = useState<string | null>(null);
  useEffect(() => {
    setLive(true);
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
  const matches = (p: Mentionable) =>
    prefix === null || p.handle.toLowerCase().startsWith(prefix) || p.name.toLowerCase().includes(prefix);
  const shown = people.filter(matches).length;

  function insert(handle: string) {
    const field = document.getElementById(fieldId) as HTMLTextAreaElement | null;
    if (!field) return;
    const next = insertMention(field.value, field.selectionStart ?? field.value.length, handle);
    field.value = next.text;
    field.setSelectionRange(next.cursor, next.cursor);
    field.focus();
    setPrefix(null);
  }

  return (
    <div className="mention-picker" data-mention-field={fieldId}>
      <p className="field-hint" id={`${fieldId}-mentionable`}>
        {t("projects.mentionable")}
      </p>
      <ul aria-labelledby={`${fieldId}-mentionable`} aria-live="polite">
        {people.map((p) => (
          <li key={p.id} data-handle={p.handle} data-name={p.name} hidden={!matches(p)}>
            {live ? (
              <button type="button" className="button small" onClick={() => insert(p.handle)}>
                <code>@{p.handle}</code> <span className="muted">{p.name}</span>
              </button>
            ) : (
              <>
                <code>@{p.handle}</code> <span className="muted">{p.name}</span>
              </>
            )}
          </li>
        ))}
        <li className="muted" data-mention-none hidden={shown > 0}>
          {t("projects.mentionNone")}
        </li>
      </ul>
    </div>
  );
}
