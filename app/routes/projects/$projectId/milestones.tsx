import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { MilestoneTimeline } from "~/components/milestone-timeline";
import { FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import { SafeLink } from "~/components/ui/safe-link";
import { peopleWithAccounts } from "~/modules/projects/project-people";
import {
  HORIZONS,
  WORK_STATUSES,
  milestoneApproveSchema,
  milestoneSchema,
  milestoneUpdateSchema,
} from "~/modules/projects/project-schemas";
import {
  type MilestoneInput,
  OwnerNotOnProjectError,
  addMilestone,
  approveMilestone,
  assertMilestoneOwner,
  attachMilestoneEvidence,
  updateMilestone,
} from "~/modules/projects/milestones.server";
import { type IntentResult, cannotMove, defineIntent, runIntents } from "~/utils/form-action.server";
import { formatDay } from "~/utils/format";
import { requireParam } from "~/utils/route-params";
import { readUploadForm, uploadedBytes } from "~/utils/upload-form.server";
import type { loader as projectLoader } from "./layout";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "project:read");
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const id = requireParam(params, "projectId");
  const { formData, tooLarge } = await readUploadForm(request);
  if (tooLarge)
    return Response.json(
      {
        intent: "milestone-update",
        result: undefined,
        missing: ["evidence.tooLarge"],
      } satisfies IntentResult,
      { status: 413 },
    );

  /** Status, link and owner, with the uploaded evidence file first when there is one. */
  async function saveMilestoneUpdate(
    milestoneId: string,
    version: number,
    changes: Pick<MilestoneInput, "status" | "evidenceUrl" | "ownerId">,
  ) {
    const bytes = await uploadedBytes(formData, "evidenceFile");
    if (!bytes) {
      await updateMilestone(scope, id, milestoneId, version, changes);
      return;
    }
    // a refused owner is refused before the file is stored, so nothing is left behind
    await assertMilestoneOwner(scope, id, changes.ownerId);
    const stored = await attachMilestoneEvidence(scope, id, milestoneId, version, bytes);
    if (!stored.ok) return cannotMove([stored.error]);
    await updateMilestone(scope, id, milestoneId, version + 1, changes);
  }

  return runIntents(formData, {
    milestone: defineIntent(
      milestoneSchema,
      async ({ intent: _intent, ...milestone }) => {
        await addMilestone(scope, id, milestone);
      },
      {
        refuse: (error) =>
          error instanceof OwnerNotOnProjectError
            ? { key: "errors.ownerNotOnProject", field: "ownerId" }
            : undefined,
      },
    ),
    "milestone-update": defineIntent(
      milestoneUpdateSchema,
      async ({ milestoneId, version, status, evidenceUrl, ownerId }) =>
        saveMilestoneUpdate(milestoneId, version, {
          status,
          evidenceUrl,
          // an empty choice removes the owner; a form without the field keeps them
          ownerId: formData.has("ownerId") ? (ownerId ?? null) : undefined,
        }),
      {
        // the update form shows the owner refusal above the form
        refuse: (error) =>
          error instanceof OwnerNotOnProjectError ? { key: "errors.ownerNotOnProject" } : undefined,
      },
    ),
    "milestone-approve": defineIntent(milestoneApproveSchema, async ({ milestoneId }) => {
      await approveMilestone(scope, id, milestoneId);
    }),
  });
}

export default function ProjectMilestones() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const data = useRouteLoaderData<typeof projectLoader>("routes/projects/$projectId/layout");
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
  const owners = peopleWithAccounts(project);
  const ownerOptions = owners.map((person) => ({ value: person.id, label: person.name }));
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
                  {m.commitment ? (
                    <p>
                      {t("projects.fromPairing")}{" "}
                      <Link to={`/pasangan/${m.commitment.pairing.id}`}>{m.commitment.pairing.topic}</Link>
                    </p>
                  ) : null}
                  <p className="muted">
                    {t(`projects.workStatus.${m.status}`)} · {t("projects.dueDate")}:{" "}
                    {formatDay(m.dueDate, lng)} · {t("projects.milestoneOwner")}:{" "}
                    {m.owner?.name ?? m.commitment?.owner ?? "—"}
                    {m.approvedAt
                      ? ` · ✓ ${t("projects.approvedBy", { name: m.approvedBy?.name ?? "—" })}`
                      : training
                        ? ` · ${t("projects.notApproved")}`
                        : ""}
                  </p>
                  {m.evidenceUrl ? (
                    <p>
                      <SafeLink href={m.evidenceUrl} rel="noreferrer noopener">
                        {t("projects.evidenceLink")}
                      </SafeLink>
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
                      <label htmlFor={`mo-${m.id}`}>{t("projects.milestoneOwner")}</label>
                      <select id={`mo-${m.id}`} name="ownerId" defaultValue={m.ownerId ?? ""}>
                        <option value="">—</option>
                        {ownerOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
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
                  {training && can.review && !m.approvedAt && m.status !== "NOT_STARTED" ? (
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
              field={fields.ownerId}
              label={t("projects.milestoneOwner")}
              placeholder="—"
              options={ownerOptions}
            />
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

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
