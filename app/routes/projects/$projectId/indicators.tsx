import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { IndicatorChart } from "~/components/indicator-chart";
import { DecimalField, FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import { getLanguage } from "~/i18n/i18n.server";
import { indicatorSchema, measurementSchema } from "~/modules/projects/project-schemas";
import { addIndicator, addMeasurement } from "~/modules/projects/indicators.server";
import { type IntentResult, defineIntent, runIntents } from "~/utils/form-action.server";
import type { loader as projectLoader } from "./layout";
import { requireParam } from "~/utils/route-params";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "project:read");
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const id = requireParam(params, "projectId");
  const language = await getLanguage(request);
  return runIntents(await request.formData(), {
    indicator: defineIntent(indicatorSchema(language), async ({ intent: _intent, ...indicator }) => {
      await addIndicator(scope, id, indicator);
    }),
    measurement: defineIntent(
      measurementSchema(language),
      async ({ intent: _intent, indicatorId, ...measurement }) => {
        await addMeasurement(scope, id, indicatorId, measurement);
      },
    ),
  });
}

export default function ProjectIndicators() {
  const { t, i18n } = useTranslation();
  const data = useRouteLoaderData<typeof projectLoader>("routes/projects/$projectId/layout");
  const actionData = useActionData<IntentResult>();
  const [indicatorForm, indicator] = useForm({
    id: "indicator",
    lastResult: actionData?.intent === "indicator" ? actionData.result : undefined,
    defaultValue: { direction: "UP" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: indicatorSchema(i18n.language) }),
  });
  const [measurementForm, measurement] = useForm({
    id: "measurement",
    lastResult: actionData?.intent === "measurement" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: measurementSchema(i18n.language) }),
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
            <DecimalField field={measurement.value} label={t("indicators.value")} />
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
            <FormField field={indicator.unit} label={t("indicators.unit")} hint={t("indicators.unitHint")} />
            <SelectField
              field={indicator.direction}
              label={t("indicators.direction")}
              options={[
                { value: "UP", label: t("indicators.higherBetter") },
                { value: "DOWN", label: t("indicators.lowerBetter") },
              ]}
            />
            <DecimalField field={indicator.baseline} label={t("indicators.baseline")} />
            <FormField
              field={indicator.baselineYear}
              label={t("indicators.baselineYear")}
              inputMode="numeric"
            />
            <DecimalField field={indicator.target} label={t("indicators.target")} />
            <FormField field={indicator.targetYear} label={t("indicators.targetYear")} inputMode="numeric" />
            <button type="submit" className="button primary">
              {t("indicators.add")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
