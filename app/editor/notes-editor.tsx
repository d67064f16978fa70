// The notes editor: Tiptap on the shared schema.
// Live: several people edit one Yjs document over the app's Hocuspocus socket (/kolaborasi), see
// who else is in the notes and who is typing. When the socket cannot be used (refused, blocked,
// no answer in a few seconds) the editor saves itself through the page's form instead, a moment
// after typing stops. Either way every change is kept in the browser (localStorage) until the
// server has it, so a reload or a lost connection loses nothing. Without JavaScript the page
// shows a plain text field instead.
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { type Extensions, type JSONContent, getSchema } from "@tiptap/core";
import Collaboration, { isChangeOrigin } from "@tiptap/extension-collaboration";
import { EditorContent, useEditor } from "@tiptap/react";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import * as Y from "yjs";
import { extensions } from "~/editor/extensions";
import { Toolbar } from "~/editor/notes-toolbar";

type SaveState = "saved" | "unsaved" | "saving" | "offline";

export type LiveNotesConfig = {
  /** `session-note:<sessionId>` */
  documentName: string;
  /** shown to the others in the notes */
  user: { name: string; region: string | null };
};

type Props = {
  initial: JSONContent;
  storageKey: string;
  onSave: (json: string) => void;
  saving: boolean;
  savedAt: string | null;
  live?: LiveNotesConfig | null;
  /** JSON list of whom the notes can @-mention (`?q=`) */
  mentionsUrl?: string;
};

const COLLAB_PATH = "/kolaborasi";
/** no sync within this time: the form saves instead */
const CONNECT_TIMEOUT_MS = 6000;
const TYPING_MS = 4000;

export function NotesEditor(props: Props) {
  const [mode, setMode] = useState<"live" | "form">(props.live ? "live" : "form");
  const mentions = useMentionSuggestions(props.mentionsUrl);
  const editorExtensions = useEditorExtensions(mentions.suggestion);
  const editor =
    mode === "live" && props.live ? (
      <LiveNotesEditor
        live={props.live}
        storageKey={props.storageKey}
        editorExtensions={editorExtensions}
        onFallback={() => setMode("form")}
      />
    ) : (
      <FormNotesEditor {...props} editorExtensions={editorExtensions} fellBack={Boolean(props.live)} />
    );
  return (
    <>
      {editor}
      {mentions.popup}
    </>
  );
}

/**
 * The shared list, with task boxes labelled in the reader's language (Tiptap's are English) and
 * the @-mention suggestions of this page.
 */
function useEditorExtensions(suggestion: MentionSuggestion | null): Extensions {
  const { t } = useTranslation();
  return useMemo(
    () =>
      extensions.map((extension) => {
        if (extension.name === "taskItem")
          return extension.configure({
            a11y: {
              checkboxLabel: (node: { textContent: string }) =>
                t("noteEditor.taskCheckbox", { text: node.textContent || t("noteEditor.emptyTask") }),
            },
          });
        if (extension.name === "mention" && suggestion) return extension.configure({ suggestion });
        return extension;
      }),
    [t, suggestion],
  );
}

// ---------------------------------------------------------------------------------------------
// @-mentions: people and regions of the session, from the page's JSON list

type MentionItem = { id: string; label: string; kind: "person" | "region"; detail: string | null };
type MentionSuggestion = {
  char: string;
  items: (props: { query: string }) => Promise<MentionItem[]>;
  render: () => {
    onStart: (props: SuggestionProps<MentionItem>) => void;
    onUpdate: (props: SuggestionProps<MentionItem>) => void;
    onKeyDown: (props: SuggestionKeyDownProps) => boolean;
    onExit: () => void;
  };
};
type Open = {
  items: MentionItem[];
  rect: DOMRect | null;
  command: (item: { id: string; label: string }) => void;
};

function useMentionSuggestions(url: string | undefined): {
  suggestion: MentionSuggestion | null;
  popup: ReactNode;
} {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const [active, setActive] = useState(0);
  const state = useRef<{ open: Open | null; active: number }>({ open: null, active: 0 });
  state.current = { open, active };
  const suggestion = useMemo<MentionSuggestion | null>(() => {
    if (!url) return null;
    const show = (props: SuggestionProps<MentionItem>) => {
      setOpen({ items: props.items, rect: props.clientRect?.() ?? null, command: props.command });
      setActive(0);
    };
    return {
      char: "@",
      items: async ({ query }) => {
        try {
          const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
            headers: { Accept: "application/json" },
          });
          if (!response.ok) return [];
          return ((await response.json()) as { items: MentionItem[] }).items;
        } catch {
          return [];
        }
      },
      render: () => ({
        onStart: show,
        onUpdate: show,
        onKeyDown: ({ event }) => {
          const { open, active } = state.current;
          if (!open) return false;
          if (event.key === "Escape") {
            setOpen(null);
            return true;
          }
          if (open.items.length === 0) return false;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((active + step + open.items.length) % open.items.length);
            return true;
          }
          if (event.key === "Enter" || event.key === "Tab") {
            const item = open.items[active];
            if (item) open.command({ id: item.id, label: item.label });
            return true;
          }
          return false;
        },
        onExit: () => setOpen(null),
      }),
    };
  }, [url]);
  const popup = open ? (
    <div
      className="mention-popup"
      style={open.rect ? { top: open.rect.bottom + 4, left: open.rect.left } : undefined}
    >
      {open.items.length === 0 ? (
        <p className="muted">{t("collab.mentionNone")}</p>
      ) : (
        <ul role="listbox" aria-label={t("collab.mentionList")}>
          {open.items.map((item, index) => (
            <li
              key={item.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? "is-active" : undefined}
              // choosing keeps the caret in the notes
              onMouseDown={(event) => {
                event.preventDefault();
                open.command({ id: item.id, label: item.label });
              }}
            >
              {item.label}{" "}
              <span className="muted">
                ({t(`collab.${item.kind}`)}
                {item.detail ? ` · ${item.detail}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  ) : null;
  return { suggestion, popup };
}

function useEditorProps() {
  const { t } = useTranslation();
  return {
    attributes: {
      class: "rich-text editor-surface",
      "aria-label": t("notes.editorLabel"),
      role: "textbox",
      "aria-multiline": "true",
      "aria-describedby": "notes-mention-hint",
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Live: Yjs over Hocuspocus

const yDraftKey = (storageKey: string) => `${storageKey}-yjs`;
const connected = (provider: HocuspocusProvider) =>
  provider.configuration.websocketProvider.status === WebSocketStatus.Connected;

function toBase64(bytes: Uint8Array) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
function fromBase64(text: string) {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

type Presence = {
  clientId: number;
  name: string;
  region: string | null;
  typing: number | null;
  self: boolean;
};

function LiveNotesEditor({
  live,
  storageKey,
  editorExtensions,
  onFallback,
}: {
  live: LiveNotesConfig;
  storageKey: string;
  editorExtensions: Extensions;
  onFallback: () => void;
}) {
  const { t } = useTranslation();
  const editorProps = useEditorProps();
  // the document, with what this browser typed and the server may not have yet
  const [ydoc] = useState(() => {
    const doc = new Y.Doc();
    const draft = localStorage.getItem(yDraftKey(storageKey));
    if (draft)
      try {
        Y.applyUpdate(doc, fromBase64(draft));
      } catch {
        localStorage.removeItem(yDraftKey(storageKey));
      }
    return doc;
  });
  const provider = useRef<HocuspocusProvider | null>(null);
  const [synced, setSynced] = useState(false);
  const [state, setState] = useState<SaveState>("saved");
  const [people, setPeople] = useState<Presence[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const fallback = useRef(onFallback);
  fallback.current = onFallback;
  const { name: userName, region: userRegion } = live.user;

  useEffect(() => {
    let everSynced = false;
    let gaveUp = false;
    const giveUp = () => {
      if (everSynced || gaveUp) return;
      gaveUp = true;
      // what was typed here survives as the form's draft
      if (ydoc.getXmlFragment("default").length > 0) {
        try {
          const json = yXmlFragmentToProseMirrorRootNode(
            ydoc.getXmlFragment("default"),
            getSchema(editorExtensions),
          ).toJSON();
          localStorage.setItem(storageKey, JSON.stringify(json));
        } catch {
          // a draft the schema cannot read is dropped
        }
      }
      localStorage.removeItem(yDraftKey(storageKey));
      instance.destroy();
      fallback.current();
    };
    const instance = new HocuspocusProvider({
      url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${COLLAB_PATH}`,
      name: live.documentName,
      document: ydoc,
      onAuthenticationFailed: giveUp,
      onClose: () => {
        if (!everSynced) giveUp();
        else setState("offline");
      },
      onSynced: () => {
        everSynced = true;
        setSynced(true);
        setState(instance.hasUnsyncedChanges ? "unsaved" : "saved");
      },
      onUnsyncedChanges: ({ number }) => {
        if (!everSynced) return;
        if (number === 0 && instance.isSynced) {
          setState("saved");
          localStorage.removeItem(yDraftKey(storageKey));
        } else setState(connected(instance) ? "saving" : "offline");
      },
      onAwarenessChange: ({ states }) => {
        const seen = new Set<number>();
        const list: Presence[] = [];
        for (const entry of states) {
          const user = entry.user as { name?: unknown; region?: unknown } | undefined;
          if (!user || typeof user.name !== "string" || seen.has(entry.clientId)) continue;
          seen.add(entry.clientId);
          list.push({
            clientId: entry.clientId,
            name: user.name.slice(0, 120),
            region: typeof user.region === "string" ? user.region.slice(0, 120) : null,
            typing: typeof entry.typing === "number" ? entry.typing : null,
            self: entry.clientId === ydoc.clientID,
          });
        }
        setPeople(list);
      },
    });
    instance.setAwarenessField("user", { name: userName, region: userRegion });
    provider.current = instance;
    const timer = setTimeout(giveUp, CONNECT_TIMEOUT_MS);
    // what this browser types is kept until the server has it
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    const keep = (_update: Uint8Array, origin: unknown) => {
      if (origin === instance) return;
      clearTimeout(saveTimer);
      const write = () => {
        // the server has it already: nothing to keep
        if (everSynced && !instance.hasUnsyncedChanges) return localStorage.removeItem(yDraftKey(storageKey));
        try {
          localStorage.setItem(yDraftKey(storageKey), toBase64(Y.encodeStateAsUpdate(ydoc)));
        } catch {
          // storage full: the document still holds it and syncs on reconnect
        }
      };
      // connected, the server usually answers within the moment; offline, keep it at once
      if (everSynced && connected(instance)) saveTimer = setTimeout(write, 300);
      else write();
      if (everSynced) setState(connected(instance) ? "saving" : "offline");
    };
    ydoc.on("update", keep);
    const online = () => connected(instance) || instance.configuration.websocketProvider.connect();
    window.addEventListener("online", online);
    return () => {
      clearTimeout(timer);
      clearTimeout(saveTimer);
      ydoc.off("update", keep);
      window.removeEventListener("online", online);
      instance.destroy();
      provider.current = null;
    };
  }, [ydoc, live.documentName, userName, userRegion, storageKey, editorExtensions]);

  // "typing" fades a few seconds after the last key
  const typingSomeone = people.some((p) => p.typing && now - p.typing < TYPING_MS);
  useEffect(() => {
    if (!typingSomeone) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [typingSomeone]);

  const lastTyping = useRef(0);
  const liveExtensions = useMemo(
    () => [
      ...editorExtensions.map((extension) =>
        // Yjs keeps its own undo history (ProseMirror's would undo the others' typing)
        extension.name === "starterKit" ? extension.configure({ undoRedo: false }) : extension,
      ),
      Collaboration.configure({ document: ydoc }),
    ],
    [editorExtensions, ydoc],
  );
  const editor = useEditor(
    {
      extensions: liveExtensions,
      immediatelyRender: false,
      injectCSS: false,
      editorProps,
      onUpdate: ({ transaction }) => {
        if (isChangeOrigin(transaction) || !provider.current) return;
        const at = Date.now();
        if (at - lastTyping.current > 1000) {
          lastTyping.current = at;
          provider.current.setAwarenessField("typing", at);
        }
      },
    },
    [liveExtensions],
  );

  // a draft from the form (typed while live editing was not available) joins the shared notes
  useEffect(() => {
    if (!editor || !synced) return;
    const draft = localStorage.getItem(storageKey);
    if (!draft) return;
    localStorage.removeItem(storageKey);
    try {
      editor.commands.setContent(JSON.parse(draft));
    } catch {
      // unreadable: dropped
    }
  }, [editor, synced, storageKey]);

  if (!editor || !synced) return <p role="status">{t("collab.connecting")}</p>;
  const others = people.filter((p) => !p.self);
  return (
    <div className="notes-editor">
      <section className="presence" aria-labelledby="presence-heading">
        <h2 id="presence-heading" className="visually-hidden">
          {t("collab.presence")}
        </h2>
        <p className="muted">{others.length === 0 ? t("collab.alone") : t("collab.with")}</p>
        {others.length > 0 ? (
          <ul className="presence-list">
            {others.map((person) => (
              <li key={person.clientId}>
                {person.name}
                {person.region ? ` · ${person.region}` : ""}
                {person.typing && now - person.typing < TYPING_MS ? (
                  <em className="typing"> — {t("collab.typing")}</em>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
      <p className="muted" role="status" aria-live="polite">
        {t(`notes.state.${state}`)}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Form: saves through the page's action a moment after typing stops

function FormNotesEditor({
  initial,
  storageKey,
  onSave,
  saving,
  savedAt,
  editorExtensions,
  fellBack,
}: Props & { editorExtensions: Extensions; fellBack: boolean }) {
  const { t } = useTranslation();
  const editorProps = useEditorProps();
  const [state, setState] = useState<SaveState>("saved");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef<string>(JSON.stringify(initial));
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
    editorProps,
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
  return (
    <div className="notes-editor">
      {fellBack ? <p className="muted">{t("collab.fallback")}</p> : null}
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
      <p className="muted" role="status" aria-live="polite">
        {t(`notes.state.${state}`)}
      </p>
    </div>
  );
}
