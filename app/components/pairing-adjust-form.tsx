// The facilitator's form to adjust a pairing's terms (a request from the catalogue before it is
// agreed, or a running pairing), folded away until opened; works without JavaScript.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type AnyField, FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import { METHODS, pairingAdjustSchema } from "~/modules/pairings/pairing-schemas";
import type { IntentResult } from "~/utils/form-action.server";

type Pairing = {
  topic: string;
  sector: string | null;
  supportingProgramme: string | null;
  goals: string | null;
  method: string;
  plannedSessions: number | null;
  periodStart: string | Date | null;
  periodEnd: string | Date | null;
  followUpChannel: string | null;
  mentorProjectId: string | null;
  practiceId: string | null;
  menteeProjectId: string | null;
  mentorGroupId: string | null;
  menteeGroupId: string | null;
};

type Option = { value: string; label: string };
/** The choices of a pairing's record, each from its side's region (listPairingRecordChoices). */
export type RecordChoices = {
  mentorProjects: Option[];
  practices: Option[];
  menteeProjects: Option[];
  mentorGroups: Option[];
  menteeGroups: Option[];
};
type RecordField = "mentorProjectId" | "practiceId" | "menteeProjectId" | "mentorGroupId" | "menteeGroupId";

type PlanField =
  | "topic"
  | "sector"
  | "supportingProgramme"
  | "goals"
  | "method"
  | "plannedSessions"
  | "periodStart"
  | "periodEnd"
  | "followUpChannel";

/**
 * The fields of a pairing's plan, shared by the new-pairing form and the facilitator's adjustment;
 * `afterSector` is where the new-pairing form adds its facilitator.
 */
export function PairingPlanFields({
  fields,
  afterSector,
}: {
  fields: Record<PlanField, AnyField>;
  afterSector?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField field={fields.topic} label={t("map.topic")} />
      <FormField field={fields.sector} label={t("projects.fields.sector")} />
      {afterSector}
      <FormField field={fields.supportingProgramme} label={t("pairings.supportingProgramme")} />
      <TextareaField field={fields.goals} label={t("pairings.goals")} />
      <SelectField
        field={fields.method}
        label={t("pairings.method")}
        options={METHODS.map((m) => ({ value: m, label: t(`pairings.methods.${m}`) }))}
      />
      <FormField field={fields.plannedSessions} label={t("pairings.plannedSessions")} type="number" />
      <FormField field={fields.periodStart} label={t("pairings.periodStart")} type="date" />
      <FormField field={fields.periodEnd} label={t("pairings.periodEnd")} type="date" />
      <FormField
        field={fields.followUpChannel}
        label={t("pairings.followUpChannel")}
        hint={t("pairings.followUpHint")}
      />
    </>
  );
}

/**
 * What the pairing builds on: the mentor's project or catalogue practice, the mentee's project and
 * each side's Pokja. A side whose region is not known yet (`null`) shows no selects.
 */
export function PairingRecordFields({
  fields,
  mentor,
  mentee,
}: {
  fields: Record<RecordField, AnyField>;
  mentor: Pick<RecordChoices, "mentorProjects" | "practices" | "mentorGroups"> | null;
  mentee: Pick<RecordChoices, "menteeProjects" | "menteeGroups"> | null;
}) {
  const { t } = useTranslation();
  const none = t("pairings.none");
  return (
    <>
      {mentor ? (
        <>
          <SelectField
            field={fields.mentorProjectId}
            label={t("pairings.mentorProject")}
            options={mentor.mentorProjects}
            placeholder={none}
          />
          <SelectField
            field={fields.practiceId}
            label={t("pairings.practice")}
            options={mentor.practices}
            placeholder={none}
          />
          <SelectField
            field={fields.mentorGroupId}
            label={t("pairings.mentorGroup")}
            options={mentor.mentorGroups}
            placeholder={none}
          />
        </>
      ) : null}
      {mentee ? (
        <>
          <SelectField
            field={fields.menteeProjectId}
            label={t("pairings.menteeProject")}
            options={mentee.menteeProjects}
            placeholder={none}
          />
          <SelectField
            field={fields.menteeGroupId}
            label={t("pairings.menteeGroup")}
            options={mentee.menteeGroups}
            placeholder={none}
          />
        </>
      ) : null}
    </>
  );
}

const day = (value: string | Date | null) => (value ? new Date(value).toISOString().slice(0, 10) : "");

export function PairingAdjustForm({
  pairing,
  choices,
  actionData,
}: {
  pairing: Pairing;
  choices: RecordChoices;
  actionData: IntentResult | undefined;
}) {
  const { t } = useTranslation();
  const lastResult = actionData?.intent === "adjust" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "adjust",
    lastResult,
    defaultValue: {
      topic: pairing.topic,
      sector: pairing.sector ?? "",
      supportingProgramme: pairing.supportingProgramme ?? "",
      goals: pairing.goals ?? "",
      method: pairing.method,
      plannedSessions: pairing.plannedSessions?.toString() ?? "",
      periodStart: day(pairing.periodStart),
      periodEnd: day(pairing.periodEnd),
      followUpChannel: pairing.followUpChannel ?? "",
      mentorProjectId: pairing.mentorProjectId ?? "",
      practiceId: pairing.practiceId ?? "",
      menteeProjectId: pairing.menteeProjectId ?? "",
      mentorGroupId: pairing.mentorGroupId ?? "",
      menteeGroupId: pairing.menteeGroupId ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pairingAdjustSchema }),
  });
  return (
    <details open={Boolean(lastResult?.error)}>
      <summary>{t("pairings.adjust")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="adjust" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <PairingPlanFields fields={fields} />
        <PairingRecordFields fields={fields} mentor={choices} mentee={choices} />
        <button type="submit" className="button">
          {t("pairings.saveAdjustment")}
        </button>
      </Form>
    </details>
  );
}
