// The "Replikasi" section of a pairing page: what the mentee adopted, adapted or dropped and why,
// its indicators before → after (the change read in the indicator's good direction), the summary,
// and, for those who may record it, the forms (they work without JavaScript).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecimalField, FormErrors, FormField, SelectField, TextareaField } from "~/components/ui/form-field";
import {
  ADOPTION_KINDS,
  replicationItemSchema,
  replicationResultSchema,
  replicationSummarySchema,
} from "~/modules/pairings/replication-schemas";
import type { IntentResult } from "~/utils/form-action.server";
import { formatDay, formatNumber } from "~/utils/format";

export type ReplicationRecord = {
  summary: string | null;
  replicatedAt: string | Date | null;
  items: { id: string; kind: (typeof ADOPTION_KINDS)[number]; what: string; why: string | null }[];
  results: {
    id: string;
    indicator: string;
    unit: string;
    direction: "UP" | "DOWN";
    before: number;
    beforeYear: number;
    after: number | null;
    afterYear: number | null;
    source: string | null;
    change: { change: number; improvement: number; outcome: "better" | "worse" | "same" } | null;
  }[];
};

export function ReplicationChange({ result }: { result: ReplicationRecord["results"][number] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!result.change) return <span className="muted">{t("replication.noAfterYet")}</span>;
  const sign = result.change.change > 0 ? "+" : "";
  return (
    <span className={`change change-${result.change.outcome}`}>
      {sign}
      {formatNumber(result.change.change, lng)} {result.unit} (
      {t(`replication.outcome.${result.change.outcome}`)})
    </span>
  );
}

export function ReplicationTables({ record }: { record: ReplicationRecord }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <>
      {record.summary ? <p className="prose">{record.summary}</p> : null}
      {record.replicatedAt ? (
        <p>
          {t("replication.replicatedAt")}: {formatDay(record.replicatedAt, lng)}
        </p>
      ) : null}
      {record.items.length === 0 ? <p className="muted">{t("replication.noItems")}</p> : null}
      {ADOPTION_KINDS.map((kind) => {
        const items = record.items.filter((i) => i.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind}>
            <h3>{t(`replication.kinds.${kind}`)}</h3>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <strong>{item.what}</strong>
                  {item.why ? ` · ${t("replication.why")}: ${item.why}` : ""}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <h3>{t("replication.results")}</h3>
      {record.results.length === 0 ? (
        <p className="muted">{t("replication.noResults")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("replication.indicator")}</th>
              <th scope="col">{t("replication.before")}</th>
              <th scope="col">{t("replication.after")}</th>
              <th scope="col">{t("replication.change")}</th>
              <th scope="col">{t("replication.source")}</th>
            </tr>
          </thead>
          <tbody>
            {record.results.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.indicator}{" "}
                  <span className="muted">
                    ({r.direction === "UP" ? t("indicators.higherBetter") : t("indicators.lowerBetter")})
                  </span>
                </td>
                <td>
                  {formatNumber(r.before, lng)} {r.unit} ({r.beforeYear})
                </td>
                <td>{r.after === null ? "—" : `${formatNumber(r.after, lng)} ${r.unit} (${r.afterYear})`}</td>
                <td>
                  <ReplicationChange result={r} />
                </td>
                <td>{r.source ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ReplicationSection({
  record,
  canRecord,
  open,
  actionData,
}: {
  record: ReplicationRecord;
  canRecord: boolean;
  /** the pairing is ACTIVE or later */
  open: boolean;
  actionData: IntentResult | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [itemForm, item] = useForm({
    id: "replication-item",
    lastResult: actionData?.intent === "replication-item" ? actionData.result : undefined,
    defaultValue: { kind: "ADOPTED" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replicationItemSchema }),
  });
  const [resultForm, result] = useForm({
    id: "replication-result",
    lastResult: actionData?.intent === "replication-result" ? actionData.result : undefined,
    defaultValue: { direction: "UP" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replicationResultSchema(i18n.language) }),
  });
  const editable = canRecord && open;
  const removeError =
    actionData?.intent?.startsWith("replication-") && actionData.intent.endsWith("-remove")
      ? (actionData.result?.error?.[""] ?? undefined)
      : undefined;
  return (
    <section aria-labelledby="replication-heading" className="replication">
      <h2 id="replication-heading">{t("replication.title")}</h2>
      <ReplicationTables record={record} />
      {canRecord && !open ? <p className="muted">{t("replication.errors.notYet")}</p> : null}
      {editable ? (
        <>
          <FormErrors errors={removeError} />
          {record.items.length > 0 || record.results.length > 0 ? (
            <details>
              <summary>{t("replication.removeEntries")}</summary>
              <ul className="plain">
                {record.items.map((i) => (
                  <li key={i.id}>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="replication-item-remove" />
                      <input type="hidden" name="id" value={i.id} />
                      {t(`replication.kinds.${i.kind}`)}: {i.what}{" "}
                      <button type="submit" className="button small danger">
                        {t("replication.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
                {record.results.map((r) => (
                  <li key={r.id}>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="replication-result-remove" />
                      <input type="hidden" name="id" value={r.id} />
                      {r.indicator}{" "}
                      <button type="submit" className="button small danger">
                        {t("replication.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <Form method="post" {...getFormProps(itemForm)} className="inline-fields">
            <input type="hidden" name="intent" value="replication-item" />
            <FormErrors id={itemForm.errorId} errors={itemForm.errors} />
            <SelectField
              field={item.kind}
              label={t("replication.kind")}
              options={ADOPTION_KINDS.map((k) => ({ value: k, label: t(`replication.kinds.${k}`) }))}
            />
            <FormField field={item.what} label={t("replication.what")} />
            <FormField field={item.why} label={t("replication.why")} />
            <button type="submit" className="button">
              {t("replication.addItem")}
            </button>
          </Form>
          <Form method="post" {...getFormProps(resultForm)} className="inline-fields">
            <input type="hidden" name="intent" value="replication-result" />
            <FormErrors id={resultForm.errorId} errors={resultForm.errors} />
            <FormField field={result.indicator} label={t("replication.indicator")} />
            <FormField field={result.unit} label={t("replication.unit")} />
            <SelectField
              field={result.direction}
              label={t("indicators.direction")}
              options={[
                { value: "UP", label: t("indicators.higherBetter") },
                { value: "DOWN", label: t("indicators.lowerBetter") },
              ]}
            />
            <DecimalField field={result.before} label={t("replication.before")} />
            <FormField field={result.beforeYear} label={t("replication.beforeYear")} inputMode="numeric" />
            <DecimalField field={result.after} label={t("replication.after")} />
            <FormField field={result.afterYear} label={t("replication.afterYear")} inputMode="numeric" />
            <FormField field={result.source} label={t("replication.source")} />
            <button type="submit" className="button">
              {t("replication.addResult")}
            </button>
          </Form>
          <SummaryForm
            key={`${record.summary ?? ""}|${String(record.replicatedAt ?? "")}`}
            record={record}
            actionData={actionData}
          />
        </>
      ) : null}
    </section>
  );
}

/** Keyed by the saved values, so that after a save the form starts from what was saved. */
function SummaryForm({
  record,
  actionData,
}: {
  record: ReplicationRecord;
  actionData: IntentResult | undefined;
}) {
  const { t } = useTranslation();
  const [summaryForm, summary] = useForm({
    id: "replication-summary",
    lastResult: actionData?.intent === "replication-summary" ? actionData.result : undefined,
    defaultValue: {
      summary: record.summary ?? "",
      replicatedAt: record.replicatedAt ? new Date(record.replicatedAt).toISOString().slice(0, 10) : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replicationSummarySchema }),
  });
  return (
    <Form method="post" {...getFormProps(summaryForm)}>
      <input type="hidden" name="intent" value="replication-summary" />
      <FormErrors id={summaryForm.errorId} errors={summaryForm.errors} />
      <TextareaField field={summary.summary} label={t("replication.summary")} rows={3} />
      <FormField field={summary.replicatedAt} label={t("replication.replicatedAt")} type="date" />
      <button type="submit" className="button">
        {t("replication.saveSummary")}
      </button>
    </Form>
  );
}
