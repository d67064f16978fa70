import type { JSONContent } from "@tiptap/core";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "~/auth/require-user.server";
import type { NotesEditor as Editor } from "~/editor/notes-editor";
import type { DiffBlock, DiffPart } from "~/editor/note-diff";
import { noteDocumentName, noteVersionDiff } from "~/modules/lessons/note-collab.server";
import {
  EMPTY_DOC,
  NoteError,
  getNote,
  mayWriteNote,
  notesAsText,
  parseDoc,
  restoreNoteVersion,
  saveNote,
  saveNotePlainText,
  textFingerprint,
} from "~/modules/lessons/note.server";
import { draftLessonFromSession } from "~/modules/lessons/workspace.server";
import { OutOfScopeError } from "~/errors";
import { getSessionForUser, maySession } from "~/modules/sessions/queries.server";
import { formatInstant } from "~/utils/format";
import { browserConnection, isWeakLink } from "~/utils/weak-link";
import { invariantResponse } from "~/utils/invariant";
import { titleMeta } from "~/i18n/translate";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notes.title");

const draftLessonSchema = z.object({
  title: z.string().trim().min(3, "errors.tooShort").max(200, "errors.tooLong"),
  summary: z.string().trim().max(1000, "errors.tooLong").optional(),
  tags: z.string().max(300, "errors.tooLong").optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const session = await getSessionForUser(scope, requireParam(params, "sessionId"));
  invariantResponse(session, "Not found", { status: 404 });
  const note = await getNote(session.id);
  const content = (note?.content as JSONContent | undefined) ?? EMPTY_DOC;
  // live co-editing for those who may edit (the socket checks the same right again)
  const live = (await mayWriteNote(scope, session.id))
    ? {
        documentName: noteDocumentName(session.id),
        user: {
          name: scope.user.name,
          region: scope.user.region?.name ?? scope.user.organisation?.name ?? null,
        },
      }
    : null;
  return {
    live,
    session: { id: session.id, title: session.title, topic: session.pairing?.topic ?? null },
    content,
    // without JavaScript: the notes as text, and a fingerprint to notice someone else's change
    plain: notesAsText(content),
    base: textFingerprint(notesAsText(content)),
    savedAt: note?.updatedAt ?? null,
    versions: note?.versions.map((v) => ({ id: v.id, at: v.createdAt, author: v.author?.name ?? "—" })) ?? [],
    diff: await versionDiff(request, session.id),
    canDraftLesson: await maySession(scope.user, session.id, "lesson:write"),
    viewerZone: scope.user.timeZone ?? scope.user.region?.timeZone ?? "Asia/Jakarta",
  };
}

/** `?versi=<id>&banding=sekarang|sebelumnya`: a version compared with the notes now or the one before */
async function versionDiff(request: Request, sessionId: string) {
  const url = new URL(request.url);
  const versionId = url.searchParams.get("versi");
  if (!versionId) return null;
  return noteVersionDiff(
    sessionId,
    versionId.slice(0, 64),
    url.searchParams.get("banding") === "sebelumnya" ? "previous" : "current",
  );
}

/** Text the database can store: no NUL, no half of a surrogate pair. */
function wellFormed(text: string) {
  return text
    .replaceAll(String.fromCharCode(0), "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const sessionId = requireParam(params, "sessionId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    switch (intent) {
      case "save": {
        const content = formData.get("content");
        if (typeof content === "string" && content) {
          const note = await saveNote(scope, sessionId, parseDoc(content));
          return { intent, ok: true, savedAt: note.updatedAt };
        }
        // the form without JavaScript: only the text that changed becomes plain paragraphs
        const plain = wellFormed(String(formData.get("plain") ?? "").slice(0, 200_000));
        const base = String(formData.get("base") ?? "");
        try {
          const saved = await saveNotePlainText(scope, sessionId, plain, base);
          return { intent, ok: true, savedAt: saved.updatedAt, unchanged: !saved.changed };
        } catch (error) {
          if (!(error instanceof NoteError) || error.key !== "notes.changedMeanwhile") throw error;
          // nothing saved; the text comes back to the person
          return Response.json({ intent, ok: false, errors: [error.key], plain }, { status: 409 });
        }
      }
      case "restore": {
        await restoreNoteVersion(scope, sessionId, String(formData.get("versionId") ?? ""));
        return { intent, ok: true, savedAt: new Date() };
      }
      case "draftLesson": {
        const values = Object.fromEntries(
          [...formData].map(([key, value]) => [key, typeof value === "string" ? wellFormed(value) : value]),
        );
        const parsed = draftLessonSchema.safeParse(values);
        if (!parsed.success)
          return Response.json(
            {
              intent,
              ok: false,
              errors: parsed.error.issues.map((i) => i.message),
              values,
            },
            { status: 400 },
          );
        const tags = (parsed.data.tags ?? "")
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean)
          .slice(0, 10);
        // the draft lands in the lesson workspace: template, review, then publication there
        const { created } = await draftLessonFromSession(scope, sessionId, { ...parsed.data, tags });
        return redirect(`/sesi/${sessionId}/pelajaran?selesai=${created ? "drafted" : "exists"}`);
      }
    }
  } catch (error) {
    if (error instanceof NoteError)
      return Response.json({ intent, ok: false, errors: [error.key] }, { status: 400 });
    if (error instanceof OutOfScopeError)
      return Response.json({ intent, ok: false, errors: ["errors.forbidden"] }, { status: 403 });
    throw error;
  }
  return Response.json({ intent: "unknown", ok: false, errors: ["errors.choice"] }, { status: 400 });
}

export default function SessionNotes() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{
    intent: string;
    ok: boolean;
    errors?: string[];
    values?: Record<string, string>;
    plain?: string;
    unchanged?: boolean;
  }>();
  const fetcher = useFetcher<{ ok: boolean; savedAt?: string }>();
  // the editor (Tiptap, Yjs, the collaboration client: ~180 KB compressed) is its own chunk, fetched
  // once the page is up; on a weak link or with data saving on, only when the person asks for it.
  // Until then the plain form below works (docs/decisions/0062, 0067)
  const [NotesEditor, setNotesEditor] = useState<typeof Editor | null>(null);
  const [editorWanted, setEditorWanted] = useState<"now" | "asked" | "waiting" | null>(null);
  const [plainChanged, setPlainChanged] = useState(false);
  useEffect(() => {
    setEditorWanted((wanted) => wanted ?? (isWeakLink(browserConnection()) ? "waiting" : "now"));
  }, []);
  useEffect(() => {
    if (editorWanted !== "now" && editorWanted !== "asked") return;
    let current = true;
    void import("~/editor/notes-editor").then(
      (module) => {
        if (current) setNotesEditor(() => module.NotesEditor);
      },
      () => {
        // not loaded (the link dropped): the plain form stays, and the button to try again
        if (current) setEditorWanted("waiting");
      },
    );
    return () => {
      current = false;
    };
  }, [editorWanted]);
  // what was typed in the plain form is saved before the editor takes its place
  useEffect(() => setPlainChanged(false), [data.base]);
  const savedAt = fetcher.data?.savedAt ?? (data.savedAt ? String(data.savedAt) : null);
  return (
    <main>
      <p className="muted">
        <Link to={`/sesi/${data.session.id}`}>{data.session.title}</Link>
        {data.session.topic ? ` · ${data.session.topic}` : ""}
      </p>
      <h1>{t("notes.title")}</h1>
      <p className="muted">{t("notes.intro")}</p>
      {actionData?.errors ? (
        <div className="form-errors" role="alert">
          {actionData.errors.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      ) : null}
      {NotesEditor ? (
        <NotesEditor
          initial={data.content}
          storageKey={`lintas-notes-${data.session.id}`}
          saving={fetcher.state !== "idle"}
          savedAt={savedAt}
          live={data.live}
          mentionsUrl={`/sesi/${data.session.id}/sebutan`}
          onSave={(json) => fetcher.submit({ intent: "save", content: json }, { method: "post" })}
        />
      ) : (
        <Form method="post">
          {editorWanted === "waiting" || editorWanted === "asked" ? (
            <div className="notice" role="status">
              <p>{t("notes.weakLink")}</p>
              <button
                type="button"
                className="button"
                disabled={editorWanted === "asked" || plainChanged}
                aria-describedby={plainChanged ? "open-editor-hint" : undefined}
                onClick={() => setEditorWanted("asked")}
              >
                {editorWanted === "asked" ? t("notes.loading") : t("notes.openEditor")}
              </button>
              {plainChanged ? (
                <p id="open-editor-hint" className="muted">
                  {t("notes.saveBeforeEditor")}
                </p>
              ) : null}
            </div>
          ) : null}
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="base" value={data.base} />
          {actionData?.intent === "save" && actionData.ok ? (
            <p role="status">{t(actionData.unchanged ? "notes.plainUnchanged" : "notes.state.saved")}</p>
          ) : null}
          <label htmlFor="plain">{t("notes.plainLabel")}</label>
          <p id="plain-hint" className="muted">
            {t("notes.plainHint")}
          </p>
          <textarea
            // a refused text is shown again (not saved), until the page is loaded anew
            key={actionData?.plain === undefined ? data.base : `refused-${data.base}`}
            id="plain"
            name="plain"
            rows={14}
            aria-describedby="plain-hint"
            defaultValue={actionData?.plain ?? data.plain}
            onInput={() => setPlainChanged(true)}
          />
          <button type="submit" className="button primary">
            {t("common.save")}
          </button>
        </Form>
      )}

      {data.versions.length > 0 ? (
        <details open={data.diff ? true : undefined}>
          <summary>{t("notes.versions", { count: data.versions.length })}</summary>
          <ul>
            {data.versions.map((v) => (
              <li key={v.id}>
                {formatInstant(v.at, i18n.language, data.viewerZone)} · {v.author}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="versionId" value={v.id} />
                  <button type="submit" className="button small">
                    {t("notes.restore")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <VersionDiff versions={data.versions} diff={data.diff} viewerZone={data.viewerZone} />
        </details>
      ) : null}

      {data.canDraftLesson ? (
        <section aria-labelledby="draft-lesson-heading" className="card">
          <h2 id="draft-lesson-heading">{t("notes.draftHeading")}</h2>
          <p className="muted">{t("notes.draftIntro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="draftLesson" />
            <label htmlFor="lesson-title">{t("notes.lessonTitle")}</label>
            <input
              id="lesson-title"
              name="title"
              required
              minLength={3}
              defaultValue={actionData?.values?.title ?? ""}
            />
            <label htmlFor="lesson-summary">{t("notes.lessonSummary")}</label>
            <textarea
              id="lesson-summary"
              name="summary"
              rows={2}
              defaultValue={actionData?.values?.summary ?? ""}
            />
            <label htmlFor="lesson-tags">{t("notes.lessonTags")}</label>
            <input
              id="lesson-tags"
              name="tags"
              defaultValue={actionData?.values?.tags ?? ""}
              placeholder="lumpur tinja, L2T2"
            />
            <button type="submit" className="button primary">
              {t("notes.draftLesson")}
            </button>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

type Version = { id: string; at: string | Date; author: string };
type Diff = {
  versionId: string;
  at: string | Date;
  author: string | null;
  against: "current" | "previous";
  hasPrevious: boolean;
  blocks: DiffBlock[];
};

/** Choose a version and see, word by word, what differs from the notes now or the version before. */
function VersionDiff({
  versions,
  diff,
  viewerZone,
}: {
  versions: Version[];
  diff: Diff | null;
  viewerZone: string;
}) {
  const { t, i18n } = useTranslation();
  const when = (at: string | Date) => formatInstant(at, i18n.language, viewerZone);
  const against = diff?.against === "previous" ? t("collab.diffPrevious") : t("collab.diffCurrent");
  const part = (p: DiffPart, index: number) =>
    p.change === "added" ? (
      <ins key={index}>
        <span className="visually-hidden">[{t("collab.added")}: </span>
        {p.text}
        <span className="visually-hidden">]</span>
      </ins>
    ) : p.change === "removed" ? (
      <del key={index}>
        <span className="visually-hidden">[{t("collab.removed")}: </span>
        {p.text}
        <span className="visually-hidden">]</span>
      </del>
    ) : (
      <span key={index}>{p.text}</span>
    );
  const changed = diff?.blocks.some((b) => b.change !== "same");
  return (
    <section aria-labelledby="diff-heading" className="note-diff">
      <h2 id="diff-heading">{t("collab.diffHeading")}</h2>
      <Form method="get" className="inline-fields" preventScrollReset>
        <div className="field">
          <label htmlFor="diff-version">{t("collab.diffVersion")}</label>
          <select id="diff-version" name="versi" defaultValue={diff?.versionId ?? versions[0]?.id}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {when(v.at)} · {v.author}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-against">{t("collab.diffAgainst")}</label>
          <select
            id="diff-against"
            name="banding"
            defaultValue={diff?.against === "previous" ? "sebelumnya" : "sekarang"}
          >
            <option value="sekarang">{t("collab.diffCurrent")}</option>
            <option value="sebelumnya">{t("collab.diffPrevious")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("collab.diffShow")}
        </button>
      </Form>
      {diff ? (
        <div className="card" aria-labelledby="diff-title" role="region">
          <h3 id="diff-title">
            {t("collab.diffTitle", { when: when(diff.at), author: diff.author ?? "—", against })}
          </h3>
          <p className="muted">{t("collab.diffIntro")}</p>
          {diff.against === "previous" && !diff.hasPrevious ? <p>{t("collab.noPrevious")}</p> : null}
          {changed ? (
            <div className="diff-blocks">
              {diff.blocks.map((block, index) => (
                <p key={index} className={`diff-${block.change}`}>
                  {block.parts.map(part)}
                </p>
              ))}
            </div>
          ) : (
            <p>{t("collab.noChanges")}</p>
          )}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="versionId" value={diff.versionId} />
            <button type="submit" className="button small">
              {t("notes.restore")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
