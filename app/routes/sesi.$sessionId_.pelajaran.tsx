// The lesson of a session: its notes as blocks that can each be added to a template field, the
// lesson form, review comments and the publication workflow. Works without JavaScript.
import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ZodSchema } from "zod";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { FieldErrors, FormErrors } from "~/components/ui/form-field";
import { titleMeta } from "~/i18n/translate";
import {
  APPEND_TARGETS,
  COMMENT_FIELDS,
  SPM_FIELDS,
  appendSchema,
  commentSchema,
  lessonFormSchema,
  lessonToForm,
  publishSchema,
  sendBackSchema,
  withdrawSchema,
} from "~/modules/lessons/lesson-schemas";
import {
  LessonError,
  addLessonComment,
  appendNoteBlock,
  getLessonWorkspace,
  hashText,
  publishLesson,
  resolveLessonComment,
  saveLessonDraft,
  sendLessonBack,
  submitForReview,
  withdrawLesson,
} from "~/modules/lessons/lesson.server";
import { OutOfScopeError, describeError } from "~/errors";
import { maySession } from "~/modules/sessions/session.server";
import lessonStyles from "~/styles/lesson.css?url";
import { formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "lessonTemplate.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const sessionId = params.sessionId ?? "";
  invariantResponse(await maySession(scope.user, sessionId, "session:read"), "Not found", { status: 404 });
  try {
    const workspace = await getLessonWorkspace(scope.user, sessionId);
    const form = workspace.lesson ? lessonToForm(workspace.lesson) : null;
    return {
      ...workspace,
      form,
      // a new key when the stored text changed (a block was added): the uncontrolled fields remount
      formKey: hashText(JSON.stringify(form)),
      viewerZone: scope.user.timeZone ?? scope.user.region?.timeZone ?? workspace.session.timeZone,
    };
  } catch (error) {
    if (error instanceof OutOfScopeError) throw new Response("Forbidden", { status: 403 });
    throw error;
  }
}

type ActionData = {
  intent: string;
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  values?: Record<string, string>;
};

function fields(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}

/** The form's strings without the empty ones (an empty optional field is absent). */
function parse<T>(schema: ZodSchema<T>, values: Record<string, string>) {
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
  return schema.safeParse(present);
}

function refused(intent: string, values: Record<string, string>, fieldErrors: Record<string, string[]>) {
  return Response.json({ intent, fieldErrors, values } satisfies ActionData, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const sessionId = params.sessionId ?? "";
  invariantResponse(await maySession(scope.user, sessionId, "session:read"), "Not found", { status: 404 });
  const values = fields(await request.formData());
  const intent = values.intent ?? "";
  const lessonId = values.lessonId ?? "";
  const back = (done: string) => redirect(`/sesi/${sessionId}/pelajaran?selesai=${done}`);
  try {
    switch (intent) {
      case "save": {
        const parsed = parse(lessonFormSchema, values);
        if (!parsed.success) return refused(intent, values, parsed.error.flatten().fieldErrors);
        await saveLessonDraft(scope, sessionId, parsed.data);
        return back("save");
      }
      case "append": {
        const parsed = parse(appendSchema, values);
        if (!parsed.success)
          return Response.json({ intent, formErrors: ["errors.choice"] } satisfies ActionData, {
            status: 400,
          });
        await appendNoteBlock(scope, sessionId, parsed.data);
        return back(`append-${parsed.data.field}`);
      }
      case "review":
        await submitForReview(scope, sessionId, lessonId);
        return back("review");
      case "comment": {
        const parsed = parse(commentSchema, values);
        if (!parsed.success) return refused(intent, values, parsed.error.flatten().fieldErrors);
        await addLessonComment(scope, sessionId, lessonId, parsed.data);
        return back("comment");
      }
      case "resolve":
        await resolveLessonComment(scope, sessionId, values.commentId ?? "");
        return back("resolve");
      case "publish": {
        const parsed = parse(publishSchema, values);
        if (!parsed.success) return refused(intent, values, parsed.error.flatten().fieldErrors);
        const lesson = await publishLesson(scope, sessionId, lessonId, parsed.data);
        return redirect(`/pelajaran/${lesson.slug}`);
      }
      case "send-back": {
        const parsed = parse(sendBackSchema, values);
        if (!parsed.success) return refused(intent, values, parsed.error.flatten().fieldErrors);
        await sendLessonBack(scope, sessionId, lessonId, parsed.data.reason);
        return back("sendBack");
      }
      case "withdraw": {
        const parsed = parse(withdrawSchema, values);
        if (!parsed.success) return refused(intent, values, parsed.error.flatten().fieldErrors);
        await withdrawLesson(scope, sessionId, lessonId, parsed.data.reason);
        return back("withdraw");
      }
    }
  } catch (error) {
    if (error instanceof LessonError)
      return Response.json(
        (error.field
          ? { intent, fieldErrors: { [error.field]: [error.key] }, values }
          : { intent, formErrors: [error.key], values }) satisfies ActionData,
        { status: 400 },
      );
    const known = describeError(error);
    if (known)
      return Response.json({ intent, formErrors: [known.formError], values } satisfies ActionData, {
        status: known.status,
      });
    throw error;
  }
  return Response.json({ intent: "unknown", formErrors: ["errors.choice"] } satisfies ActionData, {
    status: 400,
  });
}

type FieldKind = { name: string; rows?: number; hint?: boolean };
const TEXT_FIELDS: FieldKind[] = [
  { name: "context", rows: 6, hint: true },
  { name: "mentorSteps", rows: 6, hint: true },
  { name: "results", rows: 4 },
  { name: "indicators", rows: 4, hint: true },
  { name: "successFactors", rows: 4, hint: true },
  { name: "obstacles", rows: 4 },
];
const NEED_FIELDS = ["needPolicy", "needBudget", "needPeople", "needTime"] as const;

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  values: Record<string, string>;
  errors?: Record<string, string[]>;
};

/** One labelled field (input or textarea) with its hint and errors wired up for screen readers. */
function LessonField({
  name,
  label,
  hint,
  values,
  errors,
  control,
}: FieldProps & {
  control: (props: {
    id: string;
    name: string;
    defaultValue: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => JSX.Element;
}) {
  const { t } = useTranslation();
  const id = `lesson-${name}`;
  const fieldErrors = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, fieldErrors ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control({
        id,
        name,
        defaultValue: values[name] ?? "",
        "aria-invalid": fieldErrors ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      <FieldErrors id={`${id}-error`} errors={fieldErrors?.map((key) => t(key))} />
    </div>
  );
}

function TextArea({ rows = 3, ...props }: FieldProps & { rows?: number }) {
  return <LessonField {...props} control={(attrs) => <textarea {...attrs} rows={rows} />} />;
}

function Input({ placeholder, ...props }: FieldProps & { placeholder?: string }) {
  return <LessonField {...props} control={(attrs) => <input {...attrs} placeholder={placeholder} />} />;
}

export default function SessionLesson() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [search] = useSearchParams();
  const done = search.get("selesai");
  const { lesson, access, session } = data;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const saveResult = errorsFor("save");
  const values: Record<string, string> = saveResult?.values ??
    data.form ?? { title: session.pairing ? session.pairing.topic : session.title };
  const fieldLabel = (name: string) => t(`lessonTemplate.fields.${name}`);
  const readOnly = !access.write || lesson?.status === "ARCHIVED";
  return (
    <main className="lesson-workspace-page">
      <p className="muted">
        <Link to={`/sesi/${session.id}`}>{session.title}</Link>
        {session.pairing
          ? ` · ${session.pairing.mentorRegion.name} → ${session.pairing.menteeRegion.name} · ${session.pairing.topic}`
          : ""}
        {" · "}
        {formatInstant(session.startsAt, i18n.language, data.viewerZone)}
      </p>
      <h1>{t("lessonTemplate.title")}</h1>
      <p className="muted">{t("lessonTemplate.intro")}</p>
      {done ? (
        <p role="status" className="notice">
          {done.startsWith("append-")
            ? t("lessonTemplate.appended", { field: fieldLabel(done.slice(7)) })
            : t(`lessonReview.done.${done}`, { defaultValue: t("lessonReview.done.save") })}
        </p>
      ) : null}
      {actionData?.formErrors && actionData.intent !== "save" ? (
        <FormErrors errors={actionData.formErrors} />
      ) : null}

      <section aria-labelledby="status-heading" className="card lesson-status">
        <h2 id="status-heading">{t("lessonReview.statusHeading")}</h2>
        {lesson ? (
          <>
            <p>
              <strong>{t(`lessonReview.status.${lesson.status}`)}</strong>
              {lesson.status === "PUBLISHED"
                ? ` · ${t("lessonReview.versionN", { version: lesson.version })}`
                : ""}
              {lesson.slug && lesson.status === "PUBLISHED" ? (
                <>
                  {" · "}
                  <Link to={`/pelajaran/${lesson.slug}`}>{t("lessonReview.publicPage")}</Link>
                </>
              ) : null}
            </p>
            {lesson.pendingUpdate ? (
              <p>{t("lessonReview.pendingUpdate", { version: lesson.version + 1 })}</p>
            ) : null}
            <StatusActions />
          </>
        ) : (
          <p>{access.write ? t("lessonReview.noLessonYet") : t("lessonReview.noLessonForReviewers")}</p>
        )}
        {data.withdrawn.length > 0 ? (
          <details>
            <summary>{t("lessonReview.withdrawnList", { count: data.withdrawn.length })}</summary>
            <ul>
              {data.withdrawn.map((w) => (
                <li key={w.slug}>
                  {w.title} — {w.withdrawnReason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <div className="lesson-workspace">
        <section aria-labelledby="blocks-heading" className="lesson-blocks">
          <h2 id="blocks-heading">{t("lessonTemplate.notesHeading")}</h2>
          <p className="muted">
            {t("lessonTemplate.notesIntro")}{" "}
            <Link to={`/sesi/${session.id}/catatan`}>{t("lessonTemplate.openNotes")}</Link>
          </p>
          {data.blocks.length === 0 ? <p>{t("lessonTemplate.noNotes")}</p> : null}
          <ol className="note-blocks">
            {data.blocks.map((block) => (
              <li key={block.index} className="note-block">
                {/* rendered on the server from the editor's own schema; text is escaped and links filtered */}
                <div className="rich-text" dangerouslySetInnerHTML={{ __html: block.html }} />
                {readOnly ? null : (
                  <Form method="post" className="inline-form append-form">
                    <input type="hidden" name="intent" value="append" />
                    <input type="hidden" name="block" value={block.index} />
                    <input type="hidden" name="hash" value={block.hash} />
                    <label htmlFor={`append-${block.index}`}>{t("lessonTemplate.addAs")}</label>
                    <select id={`append-${block.index}`} name="field" defaultValue="context">
                      {APPEND_TARGETS.map((field) => (
                        <option key={field} value={field}>
                          {fieldLabel(field)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button small">
                      {t("lessonTemplate.add")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="form-heading" className="lesson-form">
          <h2 id="form-heading">{t("lessonTemplate.formHeading")}</h2>
          {readOnly ? (
            <p className="muted">{t("lessonTemplate.readOnly")}</p>
          ) : (
            <Form method="post" id="lesson-form" key={data.formKey}>
              <input type="hidden" name="intent" value="save" />
              <FormErrors errors={saveResult?.formErrors} />
              <Input
                name="title"
                label={fieldLabel("title")}
                values={values}
                errors={saveResult?.fieldErrors}
              />
              <TextArea
                name="summary"
                label={fieldLabel("summary")}
                rows={2}
                values={values}
                errors={saveResult?.fieldErrors}
              />
              {TEXT_FIELDS.map((f) => (
                <TextArea
                  key={f.name}
                  name={f.name}
                  label={fieldLabel(f.name)}
                  hint={f.hint ? t(`lessonTemplate.hints.${f.name}`) : undefined}
                  rows={f.rows}
                  values={values}
                  errors={saveResult?.fieldErrors}
                />
              ))}
              <fieldset>
                <legend>{fieldLabel("needs")}</legend>
                {NEED_FIELDS.map((name) => (
                  <TextArea
                    key={name}
                    name={name}
                    label={fieldLabel(name)}
                    rows={2}
                    values={values}
                    errors={saveResult?.fieldErrors}
                  />
                ))}
              </fieldset>
              <TextArea
                name="replicationSteps"
                label={fieldLabel("replicationSteps")}
                hint={t("lessonTemplate.hints.replicationSteps")}
                rows={5}
                values={values}
                errors={saveResult?.fieldErrors}
              />
              <TextArea
                name="contacts"
                label={fieldLabel("contacts")}
                rows={2}
                values={values}
                errors={saveResult?.fieldErrors}
              />
              <Input
                name="sector"
                label={fieldLabel("sector")}
                values={values}
                errors={saveResult?.fieldErrors}
              />
              <div className="field">
                <label htmlFor="lesson-spmField">{fieldLabel("spmField")}</label>
                <select id="lesson-spmField" name="spmField" defaultValue={values.spmField ?? ""}>
                  <option value="">{t("common.none")}</option>
                  {SPM_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(`spm.${f}`)}
                    </option>
                  ))}
                </select>
                <FieldErrors errors={saveResult?.fieldErrors?.spmField?.map((key) => t(key))} />
              </div>
              <Input
                name="tags"
                label={fieldLabel("tags")}
                hint={t("lessonTemplate.hints.tags")}
                values={values}
                errors={saveResult?.fieldErrors}
                placeholder="lumpur tinja, L2T2"
              />
              <button type="submit" className="button primary">
                {lesson?.status === "PUBLISHED" ? t("lessonTemplate.saveUpdate") : t("lessonTemplate.save")}
              </button>
            </Form>
          )}
        </section>
      </div>

      {lesson ? <Comments /> : null}
    </main>
  );
}

function StatusActions() {
  const { t } = useTranslation();
  const { lesson, access, comments } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  if (!lesson) return null;
  const open = comments.filter((c) => !c.resolvedAt).length;
  const publishErrors = actionData?.intent === "publish" ? actionData : undefined;
  const withdrawErrors = actionData?.intent === "withdraw" ? actionData : undefined;
  const sendBackErrors = actionData?.intent === "send-back" ? actionData : undefined;
  return (
    <div className="lesson-actions">
      {access.write && lesson.status === "DRAFT" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="review" />
          <input type="hidden" name="lessonId" value={lesson.id} />
          <button type="submit" className="button">
            {t("lessonReview.submitForReview")}
          </button>
        </Form>
      ) : null}
      {access.publish && lesson.status === "DRAFT" ? (
        <p className="muted">{t("lessonReview.draftNeedsReview")}</p>
      ) : null}
      {/* published only after review (decision 0022), or an update of a published lesson */}
      {access.publish &&
      (lesson.status === "IN_REVIEW" || (lesson.status === "PUBLISHED" && lesson.pendingUpdate)) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="lessonId" value={lesson.id} />
          {open > 0 ? <p className="muted">{t("lessonReview.openComments", { count: open })}</p> : null}
          {lesson.status !== "PUBLISHED" ? (
            <Input
              name="slug"
              label={t("lessonReview.slug")}
              hint={t("lessonReview.slugHint")}
              values={publishErrors?.values ?? {}}
              errors={publishErrors?.fieldErrors}
            />
          ) : null}
          <button type="submit" className="button primary">
            {lesson.status === "PUBLISHED"
              ? t("lessonReview.publishUpdate", { version: lesson.version + 1 })
              : t("lessonReview.publish")}
          </button>
        </Form>
      ) : null}
      {access.publish && lesson.status === "IN_REVIEW" ? (
        <details open={Boolean(sendBackErrors)}>
          <summary>{t("lessonReview.sendBack")}</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="send-back" />
            <input type="hidden" name="lessonId" value={lesson.id} />
            <TextArea
              name="reason"
              label={t("lessonReview.sendBackReason")}
              rows={2}
              values={sendBackErrors?.values ?? {}}
              errors={sendBackErrors?.fieldErrors}
            />
            <button type="submit" className="button">
              {t("lessonReview.sendBackConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
      {access.publish && lesson.status === "PUBLISHED" ? (
        <details open={Boolean(withdrawErrors)}>
          <summary>{t("lessonReview.withdraw")}</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="lessonId" value={lesson.id} />
            <TextArea
              name="reason"
              label={t("lessonReview.withdrawReason")}
              rows={2}
              values={withdrawErrors?.values ?? {}}
              errors={withdrawErrors?.fieldErrors}
            />
            <button type="submit" className="button danger">
              {t("lessonReview.withdrawConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function Comments() {
  const { t, i18n } = useTranslation();
  const { lesson, access, comments, viewerZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  if (!lesson) return null;
  const result = actionData?.intent === "comment" ? actionData : undefined;
  const values = result?.values ?? {};
  return (
    <section aria-labelledby="comments-heading" className="card lesson-comments">
      <h2 id="comments-heading">{t("lessonReview.commentsHeading", { count: comments.length })}</h2>
      {comments.length === 0 ? <p className="muted">{t("lessonReview.noComments")}</p> : null}
      <ul className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.resolvedAt ? "resolved" : undefined}>
            <p className="muted">
              {t(`lessonTemplate.fields.${c.field ?? "context"}`)} · {c.author?.name ?? "—"} ·{" "}
              {formatInstant(c.createdAt, i18n.language, viewerZone)}
              {c.resolvedAt ? ` · ${t("lessonReview.resolved")}` : ""}
            </p>
            {c.quote ? <blockquote>{c.quote}</blockquote> : null}
            <p>{c.body}</p>
            {!c.resolvedAt && (access.comment || access.write) ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className="button small">
                  {t("lessonReview.resolve")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {access.comment && lesson.status !== "ARCHIVED" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="lessonId" value={lesson.id} />
          <div className="field">
            <label htmlFor="comment-field">{t("lessonReview.commentField")}</label>
            <select id="comment-field" name="field" defaultValue={values.field ?? "context"}>
              {COMMENT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {t(`lessonTemplate.fields.${field}`)}
                </option>
              ))}
            </select>
            <FieldErrors errors={result?.fieldErrors?.field?.map((key) => t(key))} />
          </div>
          <Input
            name="quote"
            label={t("lessonReview.quote")}
            hint={t("lessonReview.quoteHint")}
            values={values}
            errors={result?.fieldErrors}
          />
          <TextArea
            name="body"
            label={t("lessonReview.commentBody")}
            rows={3}
            values={values}
            errors={result?.fieldErrors}
          />
          <button type="submit" className="button">
            {t("lessonReview.addComment")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
