// The notes editor: Tiptap on the shared schema, saving itself a moment after typing stops.
// Every change is also kept in the browser (localStorage) until the server has it, so a reload
// or a lost connection loses nothing. Without JavaScript the page shows a plain text field instead.
import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { extensions } from "~/editor/extensions";

type SaveState = "saved" | "unsaved" | "saving" | "offline";

export function NotesEditor({
  initial,
  storageKey,
  onSave,
  saving,
  savedAt,
}: {
  initial: JSONContent;
  storageKey: string;
  onSave: (json: string) => void;
  saving: boolean;
  savedAt: string | null;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<SaveState>("saved");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef<string>(JSON.stringify(initial));
  // the task checkboxes' labels for screen readers, in the reader's language (Tiptap's are English)
  const editorExtensions = useMemo(
    () =>
      extensions.map((extension) =>
        extension.name === "taskItem"
          ? extension.configure({
              a11y: {
                checkboxLabel: (node: { textContent: string }) =>
                  t("noteEditor.taskCheckbox", { text: node.textContent || t("noteEditor.emptyTask") }),
              },
            })
          : extension,
      ),
    [t],
  );
  // one save at a time: a second request while one is in flight could reach the server first
  // and then be overwritten by the older one; a change made meanwhile is sent when it returns
  const savingRef = useRef(saving);
  savingRef.current = saving;
  const sent = useRef<string | null>(null);
  const send = () => {
    if (!navigator.onLine) return setState("offline");
    if (savingRef.current) return;
    sent.current = latest.current;
    onSave(latest.current);
  };
  const editor = useEditor({
    extensions: editorExtensions,
    content: initial,
    immediatelyRender: false,
    // Tiptap would add its base styles in a <style> element, which the Content-Security-Policy
    // (style-src 'self') refuses; app.css carries them instead
    injectCSS: false,
    editorProps: {
      attributes: {
        class: "rich-text editor-surface",
        "aria-label": t("notes.editorLabel"),
        role: "textbox",
        "aria-multiline": "true",
      },
    },
    onUpdate: ({ editor }) => {
      latest.current = JSON.stringify(editor.getJSON());
      localStorage.setItem(storageKey, latest.current);
      setState("unsaved");
      clearTimeout(timer.current);
      timer.current = setTimeout(send, 1500);
    },
  });

  // a draft left from a lost connection or a closed tab comes back
  useEffect(() => {
    if (!editor) return;
    const draft = localStorage.getItem(storageKey);
    if (draft && draft !== JSON.stringify(initial)) {
      try {
        editor.commands.setContent(JSON.parse(draft));
        latest.current = draft;
        setState("unsaved");
        sent.current = draft;
        onSave(draft);
      } catch {
        localStorage.removeItem(storageKey);
      }
    }
    const online = () => send();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  useEffect(() => {
    if (saving) {
      if (sent.current === latest.current) setState("saving");
      return;
    }
    if (sent.current === null) return;
    if (sent.current === latest.current) {
      setState("saved");
      if (localStorage.getItem(storageKey) === latest.current) localStorage.removeItem(storageKey);
    } else {
      // typed while the last save was on its way: send the newer text now
      clearTimeout(timer.current);
      send();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saving, savedAt]);

  if (!editor) return <p>{t("notes.loading")}</p>;
  const button = (label: string, run: () => void, active = false) => (
    <button
      type="button"
      className={active ? "button small is-active" : "button small"}
      aria-pressed={active}
      // a click keeps the focus (and the caret) in the notes, so typing goes on where it was
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="notes-editor">
      <div className="toolbar" role="toolbar" aria-label={t("notes.toolbar")}>
        {button(
          t("notes.heading"),
          () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
          editor.isActive("heading", { level: 2 }),
        )}
        {button(t("notes.bold"), () => editor.chain().focus().toggleBold().run(), editor.isActive("bold"))}
        {button(
          t("notes.bullets"),
          () => editor.chain().focus().toggleBulletList().run(),
          editor.isActive("bulletList"),
        )}
        {button(
          t("notes.numbers"),
          () => editor.chain().focus().toggleOrderedList().run(),
          editor.isActive("orderedList"),
        )}
        {button(
          t("notes.task"),
          () => editor.chain().focus().toggleTaskList().run(),
          editor.isActive("taskList"),
        )}
        {button(t("notes.table"), () =>
          editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        )}
      </div>
      <EditorContent editor={editor} />
      <p className="muted" role="status" aria-live="polite">
        {t(`notes.state.${state}`)}
      </p>
    </div>
  );
}
