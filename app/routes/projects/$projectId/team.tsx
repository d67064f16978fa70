import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { StakeholderGrid } from "~/components/stakeholder-grid";
import { WorkStatusForm } from "~/components/work-status-form";
import { FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import {
  assignmentSchema,
  assignmentStatusSchema,
  memberSchema,
  stakeholderSchema,
} from "~/modules/projects/project-schemas";
import { OwnerNotOnProjectError } from "~/modules/projects/milestones.server";
import {
  addAssignment,
  addStakeholder,
  addTeamMember,
  setAssignmentStatus,
} from "~/modules/projects/team.server";
import { type IntentResult, defineIntent, runIntents } from "~/utils/form-action.server";
import { formatDay } from "~/utils/format";
import type { loader as projectLoader } from "./layout";
import { requireParam } from "~/utils/route-params";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "project:read");
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const id = requireParam(params, "projectId");
  return runIntents(await request.formData(), {
    member: defineIntent(memberSchema, async (member) => {
      await addTeamMember(scope, id, member);
    }),
    assignment: defineIntent(
      assignmentSchema,
      async (assignment) => {
        await addAssignment(scope, id, assignment);
      },
      {
        refuse: (error) =>
          error instanceof OwnerNotOnProjectError
            ? { key: "errors.assigneeNotInTeam", field: "ownerId" }
            : undefined,
      },
    ),
    "assignment-status": defineIntent(assignmentStatusSchema, async ({ assignmentId, status }) => {
      await setAssignmentStatus(scope, id, assignmentId, status);
    }),
    stakeholder: defineIntent(stakeholderSchema, async (stakeholder) => {
      await addStakeholder(scope, id, stakeholder);
    }),
  });
}

export default function ProjectTeam() {
  const { t, i18n } = useTranslation();
  const data = useRouteLoaderData<typeof projectLoader>("routes/projects/$projectId/layout");
  const actionData = useActionData<IntentResult>();
  const lastFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const [memberForm, member] = useForm({
    id: "member",
    lastResult: lastFor("member"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberSchema }),
  });
  const [assignmentForm, assignment] = useForm({
    id: "assignment",
    lastResult: lastFor("assignment"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
  });
  const [stakeholderForm, stakeholder] = useForm({
    id: "stakeholder",
    lastResult: lastFor("stakeholder"),
    defaultValue: { influence: "3", interest: "3", internal: "true" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stakeholderSchema }),
  });
  if (data?.mode !== "member") return null;
  const { project, can } = data;
  const scale = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));
  return (
    <div>
      <section aria-labelledby="team-heading">
        <h2 id="team-heading">{t("projects.team")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("auth.fullName")}</th>
              <th scope="col">{t("projects.roleInTeam")}</th>
            </tr>
          </thead>
          <tbody>
            {project.members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.roleInTeam ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {can.update ? (
          <Form method="post" {...getFormProps(memberForm)} className="inline-fields">
            <input type="hidden" name="intent" value="member" />
            <FormErrors id={memberForm.errorId} errors={memberForm.errors} />
            <FormField field={member.name} label={t("auth.fullName")} />
            <FormField field={member.roleInTeam} label={t("projects.roleInTeam")} />
            <FormField field={member.email} label={t("projects.memberEmail")} type="email" />
            <button type="submit" className="button">
              {t("projects.addMember")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">{t("projects.assignments")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("projects.assignment")}</th>
              <th scope="col">{t("projects.owner")}</th>
              <th scope="col">{t("projects.dueDate")}</th>
              <th scope="col">{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {project.assignments.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{a.owner?.name ?? "—"}</td>
                <td>{formatDay(a.dueDate, i18n.language)}</td>
                <td>
                  {can.update ? (
                    <WorkStatusForm
                      intent="assignment-status"
                      idName="assignmentId"
                      id={a.id}
                      status={a.status}
                    />
                  ) : (
                    t(`projects.workStatus.${a.status}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {can.update ? (
          <Form method="post" {...getFormProps(assignmentForm)} className="inline-fields">
            <input type="hidden" name="intent" value="assignment" />
            <FormErrors id={assignmentForm.errorId} errors={assignmentForm.errors} />
            <FormField field={assignment.title} label={t("projects.assignment")} />
            <SelectField
              field={assignment.ownerId}
              label={t("projects.owner")}
              placeholder="—"
              options={project.members.map((m) => ({ value: m.id, label: m.name }))}
            />
            <FormField field={assignment.dueDate} label={t("projects.dueDate")} type="date" />
            <button type="submit" className="button">
              {t("projects.addAssignment")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="stakeholders-heading">
        <h2 id="stakeholders-heading">{t("projects.stakeholders")}</h2>
        <StakeholderGrid stakeholders={project.stakeholders} />
        {can.update ? (
          <Form method="post" {...getFormProps(stakeholderForm)} className="inline-fields">
            <input type="hidden" name="intent" value="stakeholder" />
            <FormErrors id={stakeholderForm.errorId} errors={stakeholderForm.errors} />
            <FormField field={stakeholder.name} label={t("auth.fullName")} />
            <SelectField field={stakeholder.influence} label={t("projects.influence")} options={scale} />
            <SelectField field={stakeholder.interest} label={t("projects.interest")} options={scale} />
            <SelectField
              field={stakeholder.internal}
              label={t("projects.internalLabel")}
              options={[
                { value: "true", label: t("projects.internal") },
                { value: "false", label: t("projects.external") },
              ]}
            />
            <FormField field={stakeholder.note} label={t("projects.note")} />
            <button type="submit" className="button">
              {t("projects.addStakeholder")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
