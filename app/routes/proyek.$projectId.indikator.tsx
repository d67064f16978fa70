import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { IndicatorChart } from "~/components/indicator-chart";
import { FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import { indicatorSchema, measurementSchema } from "~/models/project-schemas";
import { addIndicator, addMeasurement } from "~/models/project.server";
import { type IntentResult, runIntent, unknownIntent } from "~/utils/form-action.server";
import type { loader as projectLoader } from "./proyek.$projectId";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "project:read");
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const id = params.projectId ?? "";
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "indicator": {
      const submission = parseWithZod(formData, { schema: indicatorSchema });
      return runIntent("indicator", submission, async () => {
        if (submission.status !== "success") return;
        const { intent: _intent, ...input } = submission.value;
        await addIndicator(scope, id, input);
      });
    }
    case "measurement": {
      const submission = parseWithZod(formData, { schema: measurementSchema });
      return runIntent("measurement", submission, async () => {
        if (submission.status !== "success") return;
        const { intent: _intent, indicatorId, ...input } = submission.value;
        await addMeasurement(scope, id, indicatorId, input);
      });
    }
    default:
      return unknownIntent();
  }
}

export default function ProjectIndicators() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof projectLoader>("routes/proyek.$projectId");
  const actionData = useActionData<IntentResult>();
  const [indicatorForm, indicator] = useForm({
    id: "indicator",
    lastResult: actionData?.intent === "indicator" ? actionData.result : undefined,
    defaultValue: { direction: "UP" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: indicatorSchema }),
  });
  const [measurementForm, measurement] = useForm({
    id: "measurement",
    lastResult: actionData?.intent === "measurement" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: measurementSchema }),
  });
  if (data?.mode !== "member") return null;
  const { project, can } = data;
  return (
    <div>
      {project.indicators.length === 0 ? <p>{t("indicators.none")}</p> : null}
      {project.indicators.map((i) => (
        <IndicatorChart key={i.id} indicator={i} />
      ))}
      {can.update && project.indicators.length > 0 ? (
        <section aria-labelledby="new-measurement">
          <h2 id="new-measurement">{t("indicators.addMeasurement")}</h2>
          <Form method="post" {...getFormProps(measurementForm)} className="inline-fields">
            <input type="hidden" name="intent" value="measurement" />
            <FormErrors id={measurementForm.errorId} errors={measurementForm.errors} />
            <SelectField
              field={measurement.indicatorId}
              label={t("indicators.indicator")}
              options={project.indicators.map((i) => ({ value: i.id, label: i.name }))}
            />
            <FormField
              field={measurement.value}
              label={t("indicators.value")}
              type="number"
              hint={t("indicators.decimalHint")}
            />
            <FormField field={measurement.measuredAt} label={t("indicators.measuredAt")} type="date" />
            <FormField field={measurement.periodLabel} label={t("indicators.period")} />
            <FormField field={measurement.source} label={t("indicators.source")} />
            <button type="submit" className="button primary">
              {t("indicators.addMeasurement")}
            </button>
          </Form>
        </section>
      ) : null}
      {can.update ? (
        <section aria-labelledby="new-indicator">
          <h2 id="new-indicator">{t("indicators.add")}</h2>
          <Form method="post" {...getFormProps(indicatorForm)} className="inline-fields">
            <input type="hidden" name="intent" value="indicator" />
            <FormErrors id={indicatorForm.errorId} errors={indicatorForm.errors} />
            <FormField field={indicator.name} label={t("indicators.name")} />
            <FormField field={indicator.unit} label={t("indicators.unit")} hint="%, km, kunjungan, orang" />
            <SelectField
              field={indicator.direction}
              label={t("indicators.direction")}
              options={[
                { value: "UP", label: t("indicators.higherBetter") },
                { value: "DOWN", label: t("indicators.lowerBetter") },
              ]}
            />
            <FormField field={indicator.baseline} label={t("indicators.baseline")} type="number" />
            <FormField field={indicator.baselineYear} label={t("indicators.baselineYear")} type="number" />
            <FormField field={indicator.target} label={t("indicators.target")} type="number" />
            <FormField field={indicator.targetYear} label={t("indicators.targetYear")} type="number" />
            <button type="submit" className="button primary">
              {t("indicators.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
