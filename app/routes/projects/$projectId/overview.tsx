import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { grantsFor } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { CohortFields } from "~/components/cohort-fields";
import { ProjectCover } from "~/components/project-cover";
import { StatusSteps } from "~/components/project-status";
import { listCohortsForPicker } from "~/modules/projects/cohort.server";
import { MentionPicker } from "~/components/mention-picker";
import { FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import { movesFor } from "~/modules/projects/project-status";
import {
  EDIT_PROJECT_FIELDS,
  PROJECT_KINDS,
  SPM_FIELDS,
  checkInSchema,
  commentSchema,
  coverRemoveSchema,
  coverSchema,
  editProjectSchema,
  transitionSchema,
  withCohortChoice,
} from "~/modules/projects/project-schemas";
import { addCheckIn } from "~/modules/projects/check-ins.server";
import { addComment, listMentionablePeople } from "~/modules/projects/comments.server";
import { removeProjectCover, setProjectCover } from "~/modules/projects/cover.server";
import { CohortNotFoundError, ReviewerNotFoundError, updateProject } from "~/modules/projects/details.server";
import { listLaunchEventsForProject, transitionProject } from "~/modules/projects/launch.server";
import { mayOnProject } from "~/modules/projects/queries.server";
import { type IntentResult, cannotMove, defineIntent, runIntents } from "~/utils/form-action.server";
import { formatDay, formatInstant } from "~/utils/format";
import { requireParam } from "~/utils/route-params";
import { readUploadForm, uploadedBytes } from "~/utils/upload-form.server";
import type { loader as projectLoader } from "./layout";

// the page most people open first, often on a weak link: no JavaScript (its forms work without it),
// like the catalogue (docs/decisions/0062-light-on-a-weak-link.md)
export const handle = { hydrate: false };

// public: the layout's loader decides who sees what; this page adds the launch events that a
// person with the launch right may launch a piloting project at, and the edit form's cohorts
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireParam(params, "projectId");
  const user = await getUser(request);
  const mayEdit = !!user && grantsFor(user.memberships, "project:update").length > 0;
  return {
    launchEvents: user ? await listLaunchEventsForProject({ user }, id) : [],
    // the edit form's cohort menu
    cohorts: mayEdit ? await listCohortsForPicker() : [],
    // who the comment form can @mention, with the handle to type
    mentionable:
      user && (await mayOnProject(user, id, "project:comment")) ? await listMentionablePeople(id) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const id = requireParam(params, "projectId");
  const { formData, tooLarge } = await readUploadForm(request);
  if (tooLarge)
    return Response.json(
      { intent: "cover", result: undefined, missing: ["evidence.tooLarge"] } satisfies IntentResult,
      { status: 413 },
    );
  return runIntents(formData, {
    cover: defineIntent(coverSchema, async ({ version }) => {
      const bytes = await uploadedBytes(formData, "coverImage");
      if (!bytes) return cannotMove(["evidence.empty"]);
      const stored = await setProjectCover(scope, id, version, bytes);
      if (!stored.ok) return cannotMove([stored.error]);
    }),
    "cover-remove": defineIntent(coverRemoveSchema, async ({ version }) => {
      await removeProjectCover(scope, id, version);
    }),
    edit: defineIntent(
      editProjectSchema,
      async (value) => {
        const {
          intent: _intent,
          version,
          coachEmail,
          mentorEmail,
          cohort,
          ...input
        } = withCohortChoice(value);
        await updateProject(scope, id, version, {
          ...input,
          // a field left empty removes the coach, mentor or cohort; a form without it keeps them
          coachEmail: formData.has("coachEmail") ? (coachEmail ?? null) : undefined,
          mentorEmail: formData.has("mentorEmail") ? (mentorEmail ?? null) : undefined,
          cohort: formData.has("cohortId") ? cohort : undefined,
        });
      },
      {
        refuse: (error) =>
          error instanceof ReviewerNotFoundError
            ? {
                key: error.field === "coachEmail" ? "errors.coachUnknown" : "errors.mentorUnknown",
                field: error.field,
              }
            : error instanceof CohortNotFoundError
              ? { key: "errors.cohortUnknown", field: "cohortId" }
              : undefined,
      },
    ),
    transition: defineIntent(transitionSchema, async (v) => {
      const result = await transitionProject(scope, id, v.to, {
        stopReason: v.stopReason,
        launchEventId: v.launchEventId,
        launchEvent: v.launchDate
          ? {
              title: v.launchTitle || "Launching",
              date: v.launchDate,
              place: v.launchPlace,
              launchedBy: v.launchedBy,
            }
          : undefined,
      });
      if (!result.ok)
        return cannotMove(
          result.reason === "incomplete" ? result.missing : [`status.refused.${result.reason}`],
        );
    }),
    "check-in": defineIntent(checkInSchema, async ({ intent: _intent, ...checkIn }) => {
      await addCheckIn(scope, id, checkIn);
    }),
    comment: defineIntent(commentSchema, async ({ body }) => {
      await addComment(scope, id, body);
    }),
  });
}

type MemberProject = Extract<
  NonNullable<ReturnType<typeof useRouteLoaderData<typeof projectLoader>>>,
  { mode: "member" }
>["project"];

/** The edit form's values: its own fields only (EDIT_PROJECT_FIELDS), as the form shows them. */
function editDefaults(project: MemberProject): Record<(typeof EDIT_PROJECT_FIELDS)[number], string | null> {
  const values: Record<string, unknown> = {
    ...project,
    organisationName: project.organisation?.name ?? "",
    coachEmail: project.coach?.email ?? "",
    mentorEmail: project.mentor?.email ?? "",
    cohortId: project.cohortId ?? "",
    startDate: project.startDate ? new Date(project.startDate).toISOString().slice(0, 10) : "",
    endDate: project.endDate ? new Date(project.endDate).toISOString().slice(0, 10) : "",
  };
  return Object.fromEntries(EDIT_PROJECT_FIELDS.map((key) => [key, values[key] ?? null])) as Record<
    (typeof EDIT_PROJECT_FIELDS)[number],
    string | null
  >;
}

export default function ProjectOverview() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const data = useRouteLoaderData<typeof projectLoader>("routes/projects/$projectId/layout");
  const { launchEvents, cohorts, mentionable } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const project = data?.mode === "member" ? data.project : null;
  const [editForm, edit] = useForm({
    id: "edit-project",
    lastResult: actionData?.intent === "edit" ? actionData.result : undefined,
    defaultValue: project ? editDefaults(project) : {},
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editProjectSchema }),
    shouldValidate: "onBlur",
    // once a message shows, it goes as soon as the field is right: removed on blur instead, it
    // would shift the submit button away from under the pointer and swallow the click
    shouldRevalidate: "onInput",
  });
  const [checkInForm, checkIn] = useForm({
    id: "check-in",
    lastResult: actionData?.intent === "check-in" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkInSchema }),
  });
  const [commentForm, comment] = useForm({
    id: "comment",
    lastResult: actionData?.intent === "comment" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
  });
  if (!data || data.mode !== "member" || !project) return null;
  const coverErrors =
    actionData?.intent === "cover" || actionData?.intent === "cover-remove"
      ? (actionData.missing ?? actionData.result?.error?.[""] ?? [])
      : [];
  const { can, viewerZone } = data;
  // only the moves this person may make (the server checks again)
  const moves = movesFor(project.status, project.kind, (action) =>
    action === "project:update" ? can.update : action === "project:review" ? can.review : can.launch,
  );
  return (
    <div className="project-overview">
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("projects.launchStatus")}</h2>
        <StatusSteps status={project.status} />
        {project.status === "STOPPED" ? (
          <p>{t("projects.stoppedBecause", { reason: project.stopReason })}</p>
        ) : null}
        {actionData?.intent === "transition" && actionData.missing ? (
          <div className="form-errors" role="alert">
            <p>{t("status.cannotMove")}</p>
            <ul>
              {actionData.missing.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="transition-forms">
          {moves.map((move) => (
            <Form method="post" key={move.to} className="transition-form">
              <input type="hidden" name="intent" value="transition" />
              <input type="hidden" name="to" value={move.to} />
              {move.to === "LAUNCHED" ? (
                <fieldset>
                  <legend>{t("projects.launchEvent")}</legend>
                  {launchEvents.length > 0 ? (
                    <>
                      <label htmlFor="launchEventId">{t("projects.launchEventPick")}</label>
                      <select id="launchEventId" name="launchEventId" defaultValue="">
                        <option value="">{t("projects.launchEventNew")}</option>
                        {launchEvents.map((event) => (
                          <option key={event.id} value={event.id}>
                            {t("projects.launchEventOption", {
                              title: event.title,
                              date: formatDay(event.date, lng, viewerZone),
                              region: event.region.name,
                              projects: event._count.projects,
                            })}
                          </option>
                        ))}
                      </select>
                      <p className="field-hint">{t("projects.launchEventNewHint")}</p>
                    </>
                  ) : null}
                  <label htmlFor="launchTitle">{t("projects.launchTitle")}</label>
                  <input
                    id="launchTitle"
                    name="launchTitle"
                    defaultValue={`Launching ${project.acronym ?? project.title}`}
                  />
                  <label htmlFor="launchDate">{t("projects.launchDate")}</label>
                  <input id="launchDate" name="launchDate" type="date" required={launchEvents.length === 0} />
                  <label htmlFor="launchPlace">{t("projects.launchPlace")}</label>
                  <input id="launchPlace" name="launchPlace" />
                  <label htmlFor="launchedBy">{t("projects.launchedByField")}</label>
                  <input id="launchedBy" name="launchedBy" placeholder="Bupati …" />
                </fieldset>
              ) : null}
              <button type="submit" className="button primary">
                {t(`status.moveTo.${move.to}`)}
              </button>
            </Form>
          ))}
          {project.status !== "STOPPED" && can.update ? (
            <details>
              <summary>{t("status.moveTo.STOPPED")}</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="to" value="STOPPED" />
                <label htmlFor="stopReason">{t("projects.stopReason")}</label>
                <textarea id="stopReason" name="stopReason" rows={2} />
                <button type="submit" className="button danger">
                  {t("status.moveTo.STOPPED")}
                </button>
              </Form>
            </details>
          ) : null}
        </div>
        {project.launchEvent ? (
          <p>
            {t("projects.launchedBy", {
              date: formatDay(project.launchEvent.date, lng, viewerZone),
              who: project.launchEvent.launchedBy ?? "—",
              place: project.launchEvent.place ?? "—",
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">{t("projects.about")}</h2>
        {project.coverImage ? (
          <ProjectCover
            projectId={project.id}
            file={project.coverImage}
            title={project.acronym ?? project.title}
          />
        ) : null}
        {can.update ? (
          <details open={coverErrors.length > 0}>
            <summary>{t("projects.cover")}</summary>
            {coverErrors.length > 0 ? (
              <div className="form-errors" role="alert">
                {coverErrors.map((key) => (
                  <p key={key}>{t(key)}</p>
                ))}
              </div>
            ) : null}
            <Form method="post" encType="multipart/form-data" className="inline-fields">
              <input type="hidden" name="intent" value="cover" />
              <input type="hidden" name="version" value={project.version} />
              <label htmlFor="coverImage">{t("projects.coverUpload")}</label>
              <input
                id="coverImage"
                name="coverImage"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                aria-describedby="coverImage-hint"
                required
              />
              <p className="field-hint" id="coverImage-hint">
                {t("projects.coverHint")}
              </p>
              <button type="submit" className="button small">
                {project.coverImage ? t("projects.coverReplace") : t("projects.coverAdd")}
              </button>
            </Form>
            {project.coverImage ? (
              <Form method="post">
                <input type="hidden" name="intent" value="cover-remove" />
                <input type="hidden" name="version" value={project.version} />
                <button type="submit" className="button small danger">
                  {t("projects.coverRemove")}
                </button>
              </Form>
            ) : null}
          </details>
        ) : null}
        <dl className="facts">
          <dt>{t("projects.fields.kind")}</dt>
          <dd>{t(`projects.kind.${project.kind}`)}</dd>
          {project.spmField ? (
            <>
              <dt>{t("projects.fields.spmField")}</dt>
              <dd>{t(`spm.${project.spmField}`)}</dd>
            </>
          ) : null}
          <dt>{t("projects.leader")}</dt>
          <dd>{project.leader?.name ?? "—"}</dd>
          <dt>{t("projects.coach")}</dt>
          <dd>{project.coach?.name ?? "—"}</dd>
          <dt>{t("projects.mentor")}</dt>
          <dd>{project.mentor?.name ?? "—"}</dd>
          <dt>{t("projects.period")}</dt>
          <dd>
            {formatDay(project.startDate, lng)} – {formatDay(project.endDate, lng)}
          </dd>
        </dl>
        {(["problem", "evidence", "objectives", "benefits", "locus"] as const).map((key) =>
          project[key] ? (
            <div key={key}>
              <h3>{t(`projects.fields.${key}`)}</h3>
              <p className="prose">{project[key]}</p>
            </div>
          ) : null,
        )}
        {can.update ? (
          <details>
            <summary>{t("projects.edit")}</summary>
            <Form method="post" {...getFormProps(editForm)}>
              <input type="hidden" name="intent" value="edit" />
              <input type="hidden" name="version" value={project.version} />
              <FormErrors id={editForm.errorId} errors={editForm.errors} />
              <FormField field={edit.title} label={t("projects.fields.title")} />
              <FormField field={edit.acronym} label={t("projects.fields.acronym")} />
              <SelectField
                field={edit.kind}
                label={t("projects.fields.kind")}
                options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))}
              />
              <CohortFields fields={edit} cohorts={cohorts} />
              <FormField field={edit.organisationName} label={t("projects.fields.organisation")} />
              <FormField field={edit.sector} label={t("projects.fields.sector")} />
              <SelectField
                field={edit.spmField}
                label={t("projects.fields.spmField")}
                placeholder="—"
                options={SPM_FIELDS.map((f) => ({ value: f, label: t(`spm.${f}`) }))}
              />
              <TextareaField field={edit.problem} label={t("projects.fields.problem")} />
              <TextareaField field={edit.evidence} label={t("projects.fields.evidence")} />
              <TextareaField field={edit.objectives} label={t("projects.fields.objectives")} />
              <TextareaField field={edit.benefits} label={t("projects.fields.benefits")} />
              <FormField field={edit.locus} label={t("projects.fields.locus")} />
              <FormField field={edit.startDate} label={t("projects.fields.startDate")} type="date" />
              <FormField field={edit.endDate} label={t("projects.fields.endDate")} type="date" />
              <FormField
                field={edit.coachEmail}
                label={t("projects.fields.coachEmail")}
                hint={t("projects.fields.reviewerEmailHint")}
                type="email"
              />
              <FormField
                field={edit.mentorEmail}
                label={t("projects.fields.mentorEmail")}
                hint={t("projects.fields.reviewerEmailHint")}
                type="email"
              />
              <button type="submit" className="button primary">
                {t("common.save")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="checkins-heading">
        <h2 id="checkins-heading">{t("projects.checkIns")}</h2>
        {project.checkIns.length === 0 ? <p>{t("projects.noCheckIns")}</p> : null}
        <ul>
          {project.checkIns.map((c) => (
            <li key={c.id}>
              {formatInstant(c.createdAt, lng, viewerZone)} · {c.author?.name ?? "—"} ·{" "}
              {t(`projects.checkInStatus.${c.status}`)}: {c.note}
            </li>
          ))}
        </ul>
        {can.update ? (
          <Form method="post" {...getFormProps(checkInForm)}>
            <input type="hidden" name="intent" value="check-in" />
            <FormErrors id={checkInForm.errorId} errors={checkInForm.errors} />
            <SelectField
              field={checkIn.status}
              label={t("projects.checkInStatusLabel")}
              options={["ON_TRACK", "AT_RISK", "BLOCKED"].map((s) => ({
                value: s,
                label: t(`projects.checkInStatus.${s}`),
              }))}
            />
            <TextareaField field={checkIn.note} label={t("projects.checkInNote")} rows={2} />
            <button type="submit" className="button">
              {t("projects.addCheckIn")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("projects.comments")}</h2>
        {project.commentCount > project.comments.length ? (
          <p className="muted">
            {t("projects.commentsShown", { shown: project.comments.length, count: project.commentCount })}{" "}
            <a href="?komentar=semua#comments-heading">{t("projects.commentsShowAll")}</a>
          </p>
        ) : null}
        <ul className="comments">
          {project.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author?.name ?? "—"}</strong>{" "}
              <span className="muted">{formatInstant(c.createdAt, lng, viewerZone)}</span>
              <p className="prose">{c.body}</p>
              {c.notified.length > 0 ? (
                <p className="muted">{t("projects.notified", { names: c.notified.join(", ") })}</p>
              ) : null}
            </li>
          ))}
        </ul>
        {can.comment ? (
          <Form method="post" {...getFormProps(commentForm)}>
            <input type="hidden" name="intent" value="comment" />
            <FormErrors id={commentForm.errorId} errors={commentForm.errors} />
            <TextareaField
              field={comment.body}
              label={t("projects.commentLabel")}
              hint={t("projects.commentHint")}
              rows={2}
            />
            <MentionPicker fieldId={comment.body.id} people={mentionable} />
            <button type="submit" className="button">
              {t("projects.addComment")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
