import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { MilestoneTimeline } from "~/components/milestone-timeline";
import { FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import { maxEvidenceBytes } from "~/models/evidence.server";
import {
  HORIZONS,
  WORK_STATUSES,
  milestoneApproveSchema,
  milestoneSchema,
  milestoneUpdateSchema,
} from "~/models/project-schemas";
import {
  addMilestone,
  approveMilestone,
  attachMilestoneEvidence,
  updateMilestone,
} from "~/models/project.server";
import { type IntentResult, runIntent, unknownIntent } from "~/utils/form-action.server";
import { formatDay } from "~/utils/format";
import type { loader as projectLoader } from "./proyek.$projectId";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "project:read");
  return null;
}

async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data"))
    return { formData: await request.formData(), tooLarge: false };
  try {
    const formData = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: maxEvidenceBytes() }),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const id = params.projectId ?? "";
  const { formData, tooLarge } = await readForm(request);
  if (tooLarge)
    return Response.json(
      {
        intent: "milestone-update",
        result: undefined,
        missing: ["evidence.tooLarge"],
      } satisfies IntentResult,
      { status: 413 },
    );
  switch (formData.get("intent")) {
    case "milestone": {
      const submission = parseWithZod(formData, { schema: milestoneSchema });
      return runIntent("milestone", submission, async () => {
        if (submission.status !== "success") return;
        const { intent: _intent, ...input } = submission.value;
        await addMilestone(scope, id, input);
      });
    }
    case "milestone-update": {
      const submission = parseWithZod(formData, { schema: milestoneUpdateSchema });
      return runIntent("milestone-update", submission, async () => {
        if (submission.status !== "success") return;
        const { milestoneId, version, status, evidenceUrl } = submission.value;
        const file = formData.get("evidenceFile");
        if (file instanceof File && file.size > 0) {
          const stored = await attachMilestoneEvidence(
            scope,
            id,
            milestoneId,
            version,
            new Uint8Array(await file.arrayBuffer()),
          );
          if (!stored.ok) return { missing: [stored.error] };
          await updateMilestone(scope, id, milestoneId, version + 1, { status, evidenceUrl });
        } else {
          await updateMilestone(scope, id, milestoneId, version, { status, evidenceUrl });
        }
      });
    }
    case "milestone-approve": {
      const submission = parseWithZod(formData, { schema: milestoneApproveSchema });
      return runIntent("milestone-approve", submission, async () => {
        if (submission.status === "success") await approveMilestone(scope, id, submission.value.milestoneId);
      });
    }
    default:
      return unknownIntent();
  }
}

export default function ProjectMilestones() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const data = useRouteLoaderData<typeof projectLoader>("routes/proyek.$projectId");
  const actionData = useActionData<IntentResult>();
  const [form, fields] = useForm({
    id: "milestone",
    lastResult: actionData?.intent === "milestone" ? actionData.result : undefined,
    defaultValue: { horizon: "SHORT", status: "NOT_STARTED" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: milestoneSchema }),
  });
  if (data?.mode !== "member") return null;
  const { project, can } = data;
  const training = project.kind === "TRAINING_CHANGE_PROJECT";
  return (
    <div>
      <MilestoneTimeline milestones={project.milestones} />
      {actionData &&
      actionData.intent !== "milestone" &&
      (actionData.missing || actionData.result?.error?.[""]) ? (
        <div className="form-errors" role="alert">
          {(actionData.missing ?? actionData.result?.error?.[""] ?? []).map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      ) : null}
      {HORIZONS.map((horizon) => (
        <section key={horizon} aria-labelledby={`h-${horizon}`}>
          <h2 id={`h-${horizon}`}>{t(`projects.horizon.${horizon}`)}</h2>
          <ul className="milestones">
            {project.milestones
              .filter((m) => m.horizon === horizon)
              .map((m) => (
                <li key={m.id} className="card">
                  <h3>{m.title}</h3>
                  <p className="muted">
                    {t(`projects.workStatus.${m.status}`)} · {t("projects.dueDate")}:{" "}
                    {formatDay(m.dueDate, lng)}
                    {m.approvedAt
                      ? ` · ✓ ${t("projects.approvedBy", { name: m.approvedBy?.name ?? "—" })}`
                      : training
                        ? ` · ${t("projects.notApproved")}`
                        : ""}
                  </p>
                  {m.evidenceUrl ? (
                    <p>
                      <a href={m.evidenceUrl} rel="noreferrer noopener">
                        {t("projects.evidenceLink")}
                      </a>
                    </p>
                  ) : null}
                  {m.evidenceFile ? (
                    <p>
                      <a href={`/bukti/${m.evidenceFile}`}>{t("projects.evidenceFile")}</a>
                    </p>
                  ) : null}
                  {can.update ? (
                    <Form method="post" encType="multipart/form-data" className="inline-fields">
                      <input type="hidden" name="intent" value="milestone-update" />
                      <input type="hidden" name="milestoneId" value={m.id} />
                      <input type="hidden" name="version" value={m.version} />
                      <label htmlFor={`ms-${m.id}`}>{t("admin.status")}</label>
                      <select id={`ms-${m.id}`} name="status" defaultValue={m.status}>
                        {WORK_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`projects.workStatus.${s}`)}
                          </option>
                        ))}
                      </select>
                      <label htmlFor={`mu-${m.id}`}>{t("projects.evidenceLink")}</label>
                      <input
                        id={`mu-${m.id}`}
                        name="evidenceUrl"
                        type="url"
                        defaultValue={m.evidenceUrl ?? ""}
                      />
                      <label htmlFor={`mf-${m.id}`}>{t("projects.evidenceUpload")}</label>
                      <input
                        id={`mf-${m.id}`}
                        name="evidenceFile"
                        type="file"
                        accept="image/jpeg,image/png,image/webp,application/pdf"
                      />
                      <button type="submit" className="button small">
                        {t("common.save")}
                      </button>
                    </Form>
                  ) : null}
                  {training && can.review && !m.approvedAt ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="milestone-approve" />
                      <input type="hidden" name="milestoneId" value={m.id} />
                      <button type="submit" className="button small primary">
                        {t("projects.approve")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {can.update ? (
        <section aria-labelledby="new-milestone">
          <h2 id="new-milestone">{t("projects.addMilestone")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="milestone" />
            <FormErrors id={form.errorId} errors={form.errors} />
            <FormField field={fields.title} label={t("projects.milestoneTitle")} />
            <SelectField
              field={fields.horizon}
              label={t("projects.horizonLabel")}
              options={HORIZONS.map((h) => ({ value: h, label: t(`projects.horizon.${h}`) }))}
            />
            <FormField field={fields.dueDate} label={t("projects.dueDate")} type="date" />
            <SelectField
              field={fields.status}
              label={t("admin.status")}
              options={WORK_STATUSES.map((s) => ({ value: s, label: t(`projects.workStatus.${s}`) }))}
            />
            <FormField field={fields.evidenceUrl} label={t("projects.evidenceLink")} type="url" />
            <button type="submit" className="button primary">
              {t("projects.addMilestone")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
