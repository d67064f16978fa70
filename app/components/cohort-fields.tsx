// A training project's cohort in the project forms: pick an existing cohort, or name a new one
// (programme, batch, year, organiser) in the fields below. Works without JavaScript: the fields
// for a new cohort are always there and only read when "a new cohort" is picked.
import { useTranslation } from "react-i18next";
import { type AnyField, FormField, SelectField } from "~/components/ui/form-field";
import { NEW_COHORT, TRAINING_PROGRAMMES } from "~/modules/projects/project-schemas";

export type CohortOption = { id: string; programme: string; batch: string; year: number };

export function CohortFields({
  fields,
  cohorts,
}: {
  fields: {
    cohortId: AnyField;
    cohortProgramme: AnyField;
    cohortBatch: AnyField;
    cohortYear: AnyField;
    cohortOrganiser: AnyField;
  };
  cohorts: CohortOption[];
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("projects.cohort.legend")}</legend>
      <p className="field-hint">{t("projects.cohort.hint")}</p>
      <SelectField
        field={fields.cohortId}
        label={t("projects.cohort.pick")}
        placeholder={t("projects.cohort.none")}
        options={[
          ...cohorts.map((c) => ({
            value: c.id,
            label: `${t(`cohorts.programme.${c.programme}`)} ${c.batch} (${c.year})`,
          })),
          { value: NEW_COHORT, label: t("projects.cohort.new") },
        ]}
      />
      <SelectField
        field={fields.cohortProgramme}
        label={t("projects.cohort.programme")}
        placeholder="—"
        options={TRAINING_PROGRAMMES.map((p) => ({ value: p, label: t(`cohorts.programme.${p}`) }))}
      />
      <FormField
        field={fields.cohortBatch}
        label={t("projects.cohort.batch")}
        hint={t("projects.cohort.batchHint")}
      />
      <FormField field={fields.cohortYear} label={t("projects.cohort.year")} type="number" />
      <FormField field={fields.cohortOrganiser} label={t("projects.cohort.organiser")} />
    </fieldset>
  );
}
