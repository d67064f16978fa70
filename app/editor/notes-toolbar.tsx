// The notes editor's toolbar: formatting buttons, and a link or an image added or changed by its
// address in a small form (no pop-up prompt), with only the addresses the server keeps (render.server.ts).
import type { Editor } from "@tiptap/core";
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ALLOWED_IMAGE } from "~/editor/extensions";

/** A link typed in the toolbar: the web or e-mail, nothing else (no `javascript:`, no `data:`). */
const LINK_ADDRESS = /^(https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s@]+)$/i;
/** An image: on the web, or a file the app serves (`/…`, never `//elsewhere`). */
const IMAGE_ADDRESS = /^(https?:\/\/[^\s/?#]+[^\s]*|\/(?![/\\])[^\s]*)$/i;

export function isLinkAddress(address: string) {
  return LINK_ADDRESS.test(address);
}

export function isImageAddress(address: string) {
  return IMAGE_ADDRESS.test(address) && ALLOWED_IMAGE.test(address);
}

/**
 * Links the selection (or the link the caret is in) to `address`; with nothing selected the
 * address itself is inserted as the link's text. An empty address removes the link.
 * Returns an i18n error key when the address is refused, nothing changed.
 */
export function applyLink(editor: Editor, raw: string): string | null {
  const address = raw.trim();
  if (!address) {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return null;
  }
  if (!isLinkAddress(address)) return "notes.linkInvalid";
  if (editor.isActive("link") || !editor.state.selection.empty)
    editor.chain().focus().extendMarkRange("link").setLink({ href: address }).run();
  else
    editor
      .chain()
      .focus()
      .insertContent({ type: "text", text: address, marks: [{ type: "link", attrs: { href: address } }] })
      .run();
  return null;
}

/** Puts an image at the caret, or changes the selected image. Returns an i18n error key or null. */
export function applyImage(editor: Editor, raw: { src: string; alt: string }): string | null {
  const src = raw.src.trim();
  if (!isImageAddress(src)) return "notes.imageInvalid";
  editor
    .chain()
    .focus()
    .setImage({ src, alt: raw.alt.trim().slice(0, 300) || undefined })
    .run();
  return null;
}

type Panel = "link" | "image" | null;

export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>(null);
  const id = useId();
  const panelId = `${id}-panel`;
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
  // link and image open a small form below the toolbar, which takes the focus
  const opener = (which: "link" | "image", label: string, active: boolean) => (
    <button
      type="button"
      className={active ? "button small is-active" : "button small"}
      aria-expanded={panel === which}
      aria-controls={panel === which ? panelId : undefined}
      onClick={() => setPanel(panel === which ? null : which)}
    >
      {label}
    </button>
  );
  const close = () => {
    setPanel(null);
    editor.commands.focus();
  };
  return (
    <>
      <p id="notes-mention-hint" className="muted">
        {t("collab.mentionHint")}
      </p>
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
        {opener("link", t("notes.link"), editor.isActive("link"))}
        {opener("image", t("notes.image"), editor.isActive("image"))}
      </div>
      {panel === "link" ? <LinkForm id={panelId} editor={editor} onDone={close} /> : null}
      {panel === "image" ? <ImageForm id={panelId} editor={editor} onDone={close} /> : null}
    </>
  );
}

function usePanel(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onDone();
  };
  const submit = (apply: () => string | null) => (event: FormEvent) => {
    event.preventDefault();
    const refused = apply();
    if (refused) setError(refused);
    else onDone();
  };
  return { error, onKeyDown, submit };
}

function LinkForm({ id, editor, onDone }: { id: string; editor: Editor; onDone: () => void }) {
  const { t } = useTranslation();
  const current = String(editor.getAttributes("link").href ?? "");
  const [address, setAddress] = useState(current);
  const { error, onKeyDown, submit } = usePanel(onDone);
  return (
    <form
      id={id}
      className="card inline-fields"
      aria-label={t("notes.linkForm")}
      noValidate
      onSubmit={submit(() => applyLink(editor, address))}
    >
      <div className="field">
        <label htmlFor={`${id}-href`}>{t("notes.linkAddress")}</label>
        <input
          id={`${id}-href`}
          type="url"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          onKeyDown={onKeyDown}
          // the form opens on request and the address is what it asks for
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-href-hint${error ? ` ${id}-href-error` : ""}`}
        />
        <p id={`${id}-href-hint`} className="muted">
          {t("notes.linkHint")}
        </p>
        {error ? (
          <p id={`${id}-href-error`} className="field-errors" role="alert">
            {t(error)}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button small primary">
        {t("notes.linkApply")}
      </button>
      {current ? (
        <button type="button" className="button small" onClick={submit(() => applyLink(editor, ""))}>
          {t("notes.linkRemove")}
        </button>
      ) : null}
      <button type="button" className="button small" onClick={onDone}>
        {t("common.cancel")}
      </button>
    </form>
  );
}

function ImageForm({ id, editor, onDone }: { id: string; editor: Editor; onDone: () => void }) {
  const { t } = useTranslation();
  const current = editor.isActive("image") ? editor.getAttributes("image") : {};
  const [src, setSrc] = useState(String(current.src ?? ""));
  const [alt, setAlt] = useState(String(current.alt ?? ""));
  const { error, onKeyDown, submit } = usePanel(onDone);
  return (
    <form
      id={id}
      className="card inline-fields"
      aria-label={t("notes.imageForm")}
      noValidate
      onSubmit={submit(() => applyImage(editor, { src, alt }))}
    >
      <div className="field">
        <label htmlFor={`${id}-src`}>{t("notes.imageAddress")}</label>
        <input
          id={`${id}-src`}
          type="url"
          value={src}
          onChange={(event) => setSrc(event.target.value)}
          onKeyDown={onKeyDown}
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-src-hint${error ? ` ${id}-src-error` : ""}`}
        />
        <p id={`${id}-src-hint`} className="muted">
          {t("notes.imageHint")}
        </p>
        {error ? (
          <p id={`${id}-src-error`} className="field-errors" role="alert">
            {t(error)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-alt`}>{t("notes.imageAlt")}</label>
        <input
          id={`${id}-alt`}
          value={alt}
          maxLength={300}
          onChange={(event) => setAlt(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <button type="submit" className="button small primary">
        {t("notes.imageApply")}
      </button>
      <button type="button" className="button small" onClick={onDone}>
        {t("common.cancel")}
      </button>
    </form>
  );
}
