// The facilitator's form to adjust a pairing's terms (a request from the catalogue before it is
// agreed, or a running pairing), folded away until opened; works without JavaScript.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type AnyField, FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import { METHODS, pairingAdjustSchema } from "~/models/pairing-schemas";
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
};

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
        type="url"
        hint={t("pairings.followUpHint")}
      />
    </>
  );
}

const day = (value: string | Date | null) => (value ? new Date(value).toISOString().slice(0, 10) : "");

export function PairingAdjustForm({
  pairing,
  actionData,
}: {
  pairing: Pairing;
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
        <button type="submit" className="button">
          {t("pairings.saveAdjustment")}
        </button>
      </Form>
    </details>
  );
}
