// The lesson form of the lesson workspace: the title, the summary and every template field, as
// typed (lists one item a line). Works without JavaScript; a refused field comes back next to
// itself with everything typed kept.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import { SPM_FIELDS, lessonFormSchema } from "~/modules/lessons/lesson-schemas";
import type { IntentResult } from "~/utils/form-action.server";

/** The template's text fields in the form's order: their rows, and whether they have a hint. */
const TEXT_FIELDS = [
  { name: "context", rows: 6, hint: true },
  { name: "mentorSteps", rows: 6, hint: true },
  { name: "results", rows: 4, hint: false },
  { name: "indicators", rows: 4, hint: true },
  { name: "successFactors", rows: 4, hint: true },
  { name: "obstacles", rows: 4, hint: false },
] as const;
const NEED_FIELDS = ["needPolicy", "needBudget", "needPeople", "needTime"] as const;

export function LessonForm({
  defaultValue,
  actionData,
  published,
}: {
  /** the stored lesson as the form shows it, or the suggested title of a new one */
  defaultValue: Record<string, string>;
  actionData: IntentResult | undefined;
  published: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "lesson",
    lastResult: actionData?.intent === "save" ? actionData.result : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lessonFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const label = (name: string) => t(`lessonTemplate.fields.${name}`);
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <FormField field={fields.title} label={label("title")} />
      <TextareaField field={fields.summary} label={label("summary")} rows={2} />
      {TEXT_FIELDS.map((f) => (
        <TextareaField
          key={f.name}
          field={fields[f.name]}
          label={label(f.name)}
          hint={f.hint ? t(`lessonTemplate.hints.${f.name}`) : undefined}
          rows={f.rows}
        />
      ))}
      <fieldset>
        <legend>{label("needs")}</legend>
        {NEED_FIELDS.map((name) => (
          <TextareaField key={name} field={fields[name]} label={label(name)} rows={2} />
        ))}
      </fieldset>
      <TextareaField
        field={fields.replicationSteps}
        label={label("replicationSteps")}
        hint={t("lessonTemplate.hints.replicationSteps")}
        rows={5}
      />
      <TextareaField field={fields.contacts} label={label("contacts")} rows={2} />
      <FormField field={fields.sector} label={label("sector")} />
      <SelectField
        field={fields.spmField}
        label={label("spmField")}
        placeholder={t("common.none")}
        options={SPM_FIELDS.map((f) => ({ value: f, label: t(`spm.${f}`) }))}
      />
      <FormField field={fields.tags} label={label("tags")} hint={t("lessonTemplate.hints.tags")} />
      <button type="submit" className="button primary">
        {published ? t("lessonTemplate.saveUpdate") : t("lessonTemplate.save")}
      </button>
    </Form>
  );
}
