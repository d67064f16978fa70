// The review workflow of the lesson workspace: submit for review, publish, send back, withdraw,
// and the review comments anchored to a field. Each form works without JavaScript; a refused
// field comes back next to itself with what was typed kept.
import { type SubmissionResult, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import {
  COMMENT_FIELDS,
  commentSchema,
  publishSchema,
  sendBackSchema,
  withdrawSchema,
} from "~/modules/lessons/lesson-schemas";
import type { IntentResult } from "~/utils/form-action.server";
import { formatInstant } from "~/utils/format";

type LessonAccess = { write: boolean; comment: boolean; publish: boolean };
type Lesson = {
  id: string;
  status: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "ARCHIVED";
  version: number;
  pendingUpdate: boolean;
};
type Comment = {
  id: string;
  field: string | null;
  quote: string | null;
  body: string;
  resolvedAt: string | Date | null;
  createdAt: string | Date;
  author: { name: string } | null;
};

const resultOf = (actionData: IntentResult | undefined, intent: string) =>
  actionData?.intent === intent ? actionData.result : undefined;

/** What may be done with the lesson in its status, by this person. */
export function LessonStatusActions({
  lesson,
  access,
  openComments,
  actionData,
}: {
  lesson: Lesson;
  access: LessonAccess;
  openComments: number;
  actionData: IntentResult | undefined;
}) {
  const { t } = useTranslation();
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
        <PublishForm
          lesson={lesson}
          openComments={openComments}
          lastResult={resultOf(actionData, "publish")}
        />
      ) : null}
      {access.publish && lesson.status === "IN_REVIEW" ? (
        <ReasonForm
          intent="send-back"
          lessonId={lesson.id}
          lastResult={resultOf(actionData, "send-back")}
          schema={sendBackSchema}
          summary={t("lessonReview.sendBack")}
          label={t("lessonReview.sendBackReason")}
          confirm={t("lessonReview.sendBackConfirm")}
          buttonClass="button"
        />
      ) : null}
      {access.publish && lesson.status === "PUBLISHED" ? (
        <ReasonForm
          intent="withdraw"
          lessonId={lesson.id}
          lastResult={resultOf(actionData, "withdraw")}
          schema={withdrawSchema}
          summary={t("lessonReview.withdraw")}
          label={t("lessonReview.withdrawReason")}
          confirm={t("lessonReview.withdrawConfirm")}
          buttonClass="button danger"
        />
      ) : null}
    </div>
  );
}

function PublishForm({
  lesson,
  openComments,
  lastResult,
}: {
  lesson: Lesson;
  openComments: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "lesson-publish",
    lastResult,
    defaultValue: { lessonId: lesson.id },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="publish" />
      <input type="hidden" name={fields.lessonId.name} value={lesson.id} />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.lessonId.errors ?? [])]} />
      {openComments > 0 ? (
        <p className="muted">{t("lessonReview.openComments", { count: openComments })}</p>
      ) : null}
      {lesson.status !== "PUBLISHED" ? (
        <FormField field={fields.slug} label={t("lessonReview.slug")} hint={t("lessonReview.slugHint")} />
      ) : null}
      <button type="submit" className="button primary">
        {lesson.status === "PUBLISHED"
          ? t("lessonReview.publishUpdate", { version: lesson.version + 1 })
          : t("lessonReview.publish")}
      </button>
    </Form>
  );
}

/** Sending back and withdrawing: a reason, behind a disclosure that stays open when refused. */
function ReasonForm({
  intent,
  lessonId,
  lastResult,
  schema,
  summary,
  label,
  confirm,
  buttonClass,
}: {
  intent: "send-back" | "withdraw";
  lessonId: string;
  lastResult: SubmissionResult<string[]> | undefined;
  schema: typeof sendBackSchema | typeof withdrawSchema;
  summary: string;
  label: string;
  confirm: string;
  buttonClass: string;
}) {
  const [form, fields] = useForm({
    id: `lesson-${intent}`,
    lastResult,
    defaultValue: { lessonId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <details open={Boolean(lastResult?.error)}>
      <summary>{summary}</summary>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name={fields.lessonId.name} value={lessonId} />
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.lessonId.errors ?? [])]} />
        <TextareaField field={fields.reason} label={label} rows={2} />
        <button type="submit" className={buttonClass}>
          {confirm}
        </button>
      </Form>
    </details>
  );
}

/** The review comments, each anchored to a field of the template, and the form to add one. */
export function LessonComments({
  lesson,
  access,
  comments,
  viewerZone,
  actionData,
}: {
  lesson: Lesson;
  access: LessonAccess;
  comments: Comment[];
  viewerZone: string;
  actionData: IntentResult | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="comments-heading" className="card lesson-comments">
      <h2 id="comments-heading">{t("lessonReview.commentsHeading", { count: comments.length })}</h2>
      {comments.length === 0 ? <p className="muted">{t("lessonReview.noComments")}</p> : null}
      <ul className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.resolvedAt ? "resolved" : undefined}>
            <p className="muted">
              {t(`lessonTemplate.fields.${c.field ?? "context"}`)} · {c.author?.name ?? t("common.none")} ·{" "}
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
        <CommentForm lessonId={lesson.id} lastResult={resultOf(actionData, "comment")} />
      ) : null}
    </section>
  );
}

function CommentForm({
  lessonId,
  lastResult,
}: {
  lessonId: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "comment",
    lastResult,
    defaultValue: { lessonId, field: "context" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name={fields.lessonId.name} value={lessonId} />
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.lessonId.errors ?? [])]} />
      <SelectField
        field={fields.field}
        label={t("lessonReview.commentField")}
        options={COMMENT_FIELDS.map((field) => ({
          value: field,
          label: t(`lessonTemplate.fields.${field}`),
        }))}
      />
      <FormField field={fields.quote} label={t("lessonReview.quote")} hint={t("lessonReview.quoteHint")} />
      <TextareaField field={fields.body} label={t("lessonReview.commentBody")} rows={3} />
      <button type="submit" className="button">
        {t("lessonReview.addComment")}
      </button>
    </Form>
  );
}
