import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { CohortFields } from "~/components/cohort-fields";
import { RegionPicker } from "~/components/region-picker";
import { FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import { listCohortsForPicker } from "~/modules/projects/cohort.server";
import {
  PROJECT_KINDS,
  SPM_FIELDS,
  newProjectSchema,
  withCohortChoice,
} from "~/modules/projects/project-schemas";
import { OutOfScopeError } from "~/errors";
import { CohortNotFoundError, createProject } from "~/modules/projects/details.server";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
import { titleMeta } from "~/i18n/translate";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "projects.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "project:create");
  return {
    regions: await listRegionsForPicker(),
    cohorts: await listCohortsForPicker(),
    defaultRegion: user.regionCode ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:create");
  return runIntents(
    await request.formData(),
    {
      create: defineIntent(
        newProjectSchema,
        async (value) => {
          const input = await resolveRegionFields(value, ["regionCode"]);
          if (!input.value) return refused(input.fieldErrors);
          const project = await createProject(scope, withCohortChoice(input.value));
          return redirect(`/proyek/${project.id}`);
        },
        {
          refuse: (error) =>
            error instanceof OutOfScopeError
              ? { key: "errors.regionOutOfScope", field: "regionCode", status: 403 }
              : error instanceof CohortNotFoundError
                ? { key: "errors.cohortUnknown", field: "cohortId" }
                : undefined,
        },
      ),
    },
    { defaultIntent: "create" },
  );
}

export default function NewProject() {
  const { t } = useTranslation();
  const { regions, cohorts, defaultRegion } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { regionCode: defaultRegion, kind: "TRAINING_CHANGE_PROJECT" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newProjectSchema }),
    shouldValidate: "onBlur",
    // once a message shows, it goes as soon as the field is right: removed on blur instead, it
    // would shift the submit button away from under the pointer and swallow the click
    shouldRevalidate: "onInput",
  });
  return (
    <main className="narrow">
      <h1>{t("projects.newTitle")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.title} label={t("projects.fields.title")} />
        <FormField
          field={fields.acronym}
          label={t("projects.fields.acronym")}
          hint={t("projects.fields.acronymHint")}
        />
        <SelectField
          field={fields.kind}
          label={t("projects.fields.kind")}
          options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))}
        />
        <CohortFields fields={fields} cohorts={cohorts} />
        <RegionPicker field={fields.regionCode} label={t("projects.fields.region")} regions={regions} />
        <FormField
          field={fields.organisationName}
          label={t("projects.fields.organisation")}
          hint={t("projects.fields.organisationHint")}
        />
        <FormField field={fields.sector} label={t("projects.fields.sector")} />
        <SelectField
          field={fields.spmField}
          label={t("projects.fields.spmField")}
          placeholder="—"
          options={SPM_FIELDS.map((f) => ({ value: f, label: t(`spm.${f}`) }))}
        />
        <TextareaField field={fields.problem} label={t("projects.fields.problem")} />
        <TextareaField field={fields.evidence} label={t("projects.fields.evidence")} />
        <TextareaField field={fields.objectives} label={t("projects.fields.objectives")} />
        <TextareaField field={fields.benefits} label={t("projects.fields.benefits")} />
        <FormField field={fields.locus} label={t("projects.fields.locus")} />
        <FormField field={fields.startDate} label={t("projects.fields.startDate")} type="date" />
        <FormField field={fields.endDate} label={t("projects.fields.endDate")} type="date" />
        <button type="submit" className="button primary">
          {t("projects.create")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
