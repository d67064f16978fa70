// The lesson of a session: its notes as blocks that can each be added to a template field, the
// lesson form, review comments and the publication workflow. Works without JavaScript; each form
// sends an intent that runIntents parses with its schema (app/modules/lessons/lesson-schemas.ts).
import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { LessonForm } from "~/components/lessons/lesson-form";
import { LessonComments, LessonStatusActions } from "~/components/lessons/lesson-review";
import { FormErrors } from "~/components/ui/form-field";
import { titleMeta } from "~/i18n/translate";
import {
  APPEND_TARGETS,
  appendSchema,
  commentSchema,
  lessonFormSchema,
  lessonToForm,
  publishSchema,
  resolveSchema,
  reviewSchema,
  sendBackSchema,
  withdrawSchema,
} from "~/modules/lessons/lesson-schemas";
import { addLessonComment, resolveLessonComment } from "~/modules/lessons/comments.server";
import { hashText } from "~/modules/lessons/note-blocks.server";
import {
  publishLesson,
  sendLessonBack,
  submitForReview,
  withdrawLesson,
} from "~/modules/lessons/publish.server";
import { LessonError } from "~/modules/lessons/working-copy.server";
import { appendNoteBlock, getLessonWorkspace, saveLessonDraft } from "~/modules/lessons/workspace.server";
import { maySession } from "~/modules/sessions/queries.server";
import { OutOfScopeError } from "~/errors";
import lessonStyles from "~/styles/lesson.css?url";
import { type IntentResult, defineIntent, runIntents } from "~/utils/form-action.server";
import { formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "lessonTemplate.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lessonStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const sessionId = requireParam(params, "sessionId");
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

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const sessionId = requireParam(params, "sessionId");
  invariantResponse(await maySession(scope.user, sessionId, "session:read"), "Not found", { status: 404 });
  const back = (done: string) => redirect(`/sesi/${sessionId}/pelajaran?selesai=${done}`);
  return runIntents(
    await request.formData(),
    {
      save: defineIntent(lessonFormSchema, async (lesson) => {
        await saveLessonDraft(scope, sessionId, lesson);
        return back("save");
      }),
      append: defineIntent(appendSchema, async (block) => {
        await appendNoteBlock(scope, sessionId, block);
        return back(`append-${block.field}`);
      }),
      review: defineIntent(reviewSchema, async ({ lessonId }) => {
        await submitForReview(scope, sessionId, lessonId);
        return back("review");
      }),
      comment: defineIntent(commentSchema, async ({ lessonId, ...comment }) => {
        await addLessonComment(scope, sessionId, lessonId, comment);
        return back("comment");
      }),
      resolve: defineIntent(resolveSchema, async ({ commentId }) => {
        await resolveLessonComment(scope, sessionId, commentId);
        return back("resolve");
      }),
      publish: defineIntent(publishSchema, async ({ lessonId, slug }) => {
        const lesson = await publishLesson(scope, sessionId, lessonId, { slug });
        return redirect(`/pelajaran/${lesson.slug}`);
      }),
      "send-back": defineIntent(sendBackSchema, async ({ lessonId, reason }) => {
        await sendLessonBack(scope, sessionId, lessonId, reason);
        return back("sendBack");
      }),
      withdraw: defineIntent(withdrawSchema, async ({ lessonId, reason }) => {
        await withdrawLesson(scope, sessionId, lessonId, reason);
        return back("withdraw");
      }),
    },
    // the lesson's own refusals name their message and, when they belong to one, the field
    {
      refuse: (error) => (error instanceof LessonError ? { key: error.key, field: error.field } : undefined),
    },
  );
}

/** The forms with no field of their own answer at the top of the page. */
const PAGE_INTENTS = new Set(["append", "review", "resolve", "unknown"]);

function pageErrors(actionData: IntentResult | undefined) {
  if (!actionData || !PAGE_INTENTS.has(actionData.intent)) return undefined;
  const errors = Object.values(actionData.result?.error ?? {}).flatMap((keys) => keys ?? []);
  return errors.length > 0 ? [...new Set(errors)] : ["errors.choice"];
}

export default function SessionLesson() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [search] = useSearchParams();
  const done = search.get("selesai");
  const { lesson, access, session } = data;
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
      <FormErrors errors={pageErrors(actionData)} />

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
            <LessonStatusActions
              lesson={lesson}
              access={access}
              openComments={data.comments.filter((c) => !c.resolvedAt).length}
              actionData={actionData}
            />
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
            <LessonForm
              // a new key when the stored text changed (a block was added): the fields start again from it
              key={data.formKey}
              defaultValue={data.form ?? { title: session.pairing ? session.pairing.topic : session.title }}
              actionData={actionData}
              published={lesson?.status === "PUBLISHED"}
            />
          )}
        </section>
      </div>

      {lesson ? (
        <LessonComments
          lesson={lesson}
          access={access}
          comments={data.comments}
          viewerZone={data.viewerZone}
          actionData={actionData}
        />
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
