// The practice curation form (new and edit): catalogue fields, the innovation-index fields and
// the lessons it cites. Works without JavaScript; errors come back next to their field.
import { type SubmissionResult, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegionPicker } from "~/components/region-picker";
import { FieldErrors, FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import {
  INNOVATION_FORMS,
  INNOVATION_INITIATORS,
  INNOVATION_STAGES,
  INNOVATION_TYPES,
  MATURITIES,
  practiceSchema,
} from "~/modules/catalogue/practice-schemas";
import { SPM_FIELDS } from "~/modules/projects/project-schemas";

/** The innovation-index choices, each a field named like its i18n keys. */
const IID_CHOICES = [
  ["innovationForm", INNOVATION_FORMS],
  ["innovationType", INNOVATION_TYPES],
  ["innovationInitiator", INNOVATION_INITIATORS],
  ["innovationStage", INNOVATION_STAGES],
] as const;

export type PracticeFormValues = Record<string, string | string[] | undefined>;

export function PracticeForm({
  defaultValue,
  lastResult,
  regions,
  lessons,
  submitLabel,
}: {
  defaultValue: PracticeFormValues;
  lastResult: SubmissionResult<string[]> | undefined;
  regions: { code: string; label: string }[];
  lessons: { id: string; title: string }[];
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "practice",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: practiceSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const chosenLessons = new Set(
    ([] as (string | undefined)[]).concat(fields.lessonIds.initialValue as string[] | string | undefined),
  );
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name={fields.projectId.name} value={String(fields.projectId.initialValue ?? "")} />
      <input type="hidden" name={fields.loadedAt.name} value={String(fields.loadedAt.initialValue ?? "")} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset>
        <legend>{t("curation.sections.practice")}</legend>
        <FormField field={fields.name} label={t("curation.fields.name")} />
        <TextareaField field={fields.summary} label={t("curation.fields.summary")} rows={3} />
        <RegionPicker field={fields.regionCode} label={t("curation.fields.region")} regions={regions} />
        <FormField field={fields.organisationName} label={t("curation.fields.agency")} />
        <FormField field={fields.sector} label={t("curation.fields.sector")} />
        <SelectField
          field={fields.spmField}
          label={t("curation.fields.spmField")}
          placeholder="—"
          options={options(SPM_FIELDS, "spm")}
        />
        <FormField
          field={fields.tags}
          label={t("curation.fields.tags")}
          hint={t("curation.fields.tagsHint")}
        />
        <SelectField
          field={fields.maturity}
          label={t("curation.fields.maturity")}
          options={options(MATURITIES, "catalog.maturity")}
        />
        <FormField field={fields.startedYear} label={t("curation.fields.startedYear")} type="number" />
      </fieldset>
      <fieldset>
        <legend>{t("curation.sections.content")}</legend>
        <TextareaField field={fields.problem} label={t("catalog.fields.problem")} />
        <TextareaField field={fields.solution} label={t("catalog.fields.solution")} rows={6} />
        <TextareaField
          field={fields.results}
          label={t("catalog.fields.results")}
          hint={t("curation.fields.resultsHint")}
        />
        <TextareaField field={fields.cost} label={t("curation.fields.cost")} rows={3} />
        <TextareaField field={fields.resources} label={t("curation.fields.resources")} rows={3} />
        <FormField field={fields.mediaUrl} label={t("curation.fields.mediaUrl")} type="url" />
      </fieldset>
      <fieldset>
        <legend>{t("curation.sections.contact")}</legend>
        <p className="field-hint">{t("curation.fields.contactHint")}</p>
        <FormField field={fields.contactName} label={t("curation.fields.contactName")} />
        <FormField field={fields.contactEmail} label={t("curation.fields.contactEmail")} type="email" />
      </fieldset>
      <fieldset>
        <legend>{t("curation.sections.iid")}</legend>
        <p className="field-hint">{t("curation.iidHint")}</p>
        {IID_CHOICES.map(([name, values]) => (
          <SelectField
            key={name}
            field={fields[name]}
            label={t(`curation.fields.${name}`)}
            placeholder="—"
            options={options(values, `curation.${name}`)}
          />
        ))}
        <FormField field={fields.governmentAffair} label={t("curation.fields.governmentAffair")} />
        <FormField field={fields.evidenceUrl} label={t("curation.fields.evidenceUrl")} type="url" />
      </fieldset>
      {lessons.length > 0 ? (
        <fieldset>
          <legend>{t("catalog.lessons")}</legend>
          {lessons.map((lesson) => (
            <div key={lesson.id} className="checkbox">
              <input
                type="checkbox"
                id={`lesson-${lesson.id}`}
                name={fields.lessonIds.name}
                value={lesson.id}
                defaultChecked={chosenLessons.has(lesson.id)}
              />
              <label htmlFor={`lesson-${lesson.id}`}>{lesson.title}</label>
            </div>
          ))}
          <FieldErrors id={fields.lessonIds.errorId} errors={fields.lessonIds.errors?.map((key) => t(key))} />
        </fieldset>
      ) : null}
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}
