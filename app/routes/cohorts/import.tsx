import { type SubmissionResult, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { FieldErrors, FormErrors, FormField, SelectField } from "~/components/ui/form-field";
import {
  HEADER_ALIASES,
  IMPORT_FIELDS,
  type ImportRow,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  PROGRAMMES,
  REQUIRED_COLUMNS,
  type RowProblem,
  cohortImportSchema,
} from "~/modules/projects/cohort-import-schemas";
import {
  carriedRowsSchema,
  checkRows,
  findImport,
  importCohort,
  importHash,
  normaliseCohort,
  parseCohortFile,
} from "~/modules/projects/cohort-import.server";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "cohortImport.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "cohort:import");
  return null;
}

type Preview = {
  stage: "preview";
  rows: ImportRow[];
  problems: RowProblem[];
  already: string | null;
  payload: string;
  fileName: string;
  cohort: { programme: string; batch: string; year: number; organiser: string };
};
type Outcome =
  | ({ result: SubmissionResult<string[]> } & (
      | { stage: "form"; fileError?: { key: string; columns?: string[] } }
      | Preview
      | { stage: "already"; cohortId: string }
      | { stage: "done"; cohortId: string; invited: number; projects: number; skipped: number }
    ))
  | undefined;

async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data"))
    return { formData: await request.formData(), tooLarge: false };
  try {
    const formData = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "cohort:import");
  const { formData, tooLarge } = await readForm(request);
  const submission = parseWithZod(formData, { schema: cohortImportSchema });
  if (tooLarge)
    return Response.json(
      { stage: "form", result: submission.reply(), fileError: { key: "cohortImport.errors.tooLarge" } },
      { status: 413 },
    );
  if (submission.status !== "success")
    return Response.json({ stage: "form", result: submission.reply() }, { status: 400 });
  const cohort = normaliseCohort({ ...submission.value, organiser: submission.value.organiser ?? "" });

  if (submission.value.intent === "confirm") {
    // the rows come back from the preview page: parsed and checked again, never trusted
    let rows: ImportRow[] | null = null;
    try {
      const parsed = carriedRowsSchema.safeParse(JSON.parse(String(formData.get("payload") ?? "")));
      rows = parsed.success ? parsed.data : null;
    } catch {
      rows = null;
    }
    if (!rows)
      return Response.json(
        { stage: "form", result: submission.reply(), fileError: { key: "cohortImport.errors.unreadable" } },
        { status: 400 },
      );
    const fileName = String(formData.get("fileName") ?? "").slice(0, 200) || "impor.csv";
    const outcome = await importCohort(user.id, cohort, fileName, rows);
    if (outcome.status === "invalid")
      return Response.json(
        {
          stage: "preview",
          result: submission.reply(),
          rows,
          problems: outcome.problems,
          already: null,
          payload: JSON.stringify(rows),
          fileName,
          cohort,
        } satisfies Preview & { result: unknown },
        { status: 400 },
      );
    if (outcome.status === "already")
      return { stage: "already" as const, result: submission.reply(), cohortId: outcome.cohortId };
    return { ...outcome, stage: "done" as const, result: submission.reply({ resetForm: true }) };
  }

  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return Response.json(
      {
        stage: "form",
        result: submission.reply({ fieldErrors: { file: ["cohortImport.errors.noFile"] } }),
      },
      { status: 400 },
    );
  const parsed = await parseCohortFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok)
    return Response.json(
      {
        stage: "form",
        result: submission.reply(),
        fileError: { key: parsed.key, columns: parsed.columns },
      },
      { status: 400 },
    );
  const problems = await checkRows(parsed.rows);
  const earlier = problems.length === 0 ? await findImport(importHash(cohort, parsed.rows)) : null;
  return {
    stage: "preview" as const,
    result: submission.reply(),
    rows: parsed.rows,
    problems,
    already: earlier?.cohortId ?? null,
    payload: JSON.stringify(parsed.rows),
    fileName: file.name.slice(0, 200),
    cohort,
  };
}

const COLUMN_KEYS: Record<(typeof IMPORT_FIELDS)[number], string> = {
  email: "cohortImport.columns.email",
  name: "cohortImport.columns.name",
  position: "cohortImport.columns.position",
  regionCode: "cohortImport.columns.regionCode",
  agency: "cohortImport.columns.agency",
  title: "cohortImport.columns.title",
  acronym: "cohortImport.columns.acronym",
  sector: "cohortImport.columns.sector",
};

export default function CohortImport() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>() as Outcome;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { year: String(new Date().getFullYear()) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cohortImportSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const fileErrors = [
    ...(data?.result?.error?.file ?? []).map((key) => t(key)),
    ...(data?.stage === "form" && data.fileError
      ? [
          t(data.fileError.key, {
            columns: (data.fileError.columns ?? []).map((c) => t(COLUMN_KEYS[c as never])).join(", "),
            max: MAX_IMPORT_ROWS,
          }),
        ]
      : []),
  ];
  return (
    <main>
      <h1>{t("cohortImport.title")}</h1>
      <p>{t("cohortImport.intro")}</p>

      {data?.stage === "done" ? (
        <div role="status" className="notice">
          <p>
            {t("cohortImport.done", {
              projects: data.projects,
              invited: data.invited,
              skipped: data.skipped,
            })}
          </p>
          <p>
            <Link to={`/angkatan/${data.cohortId}`}>{t("cohortImport.openCohort")}</Link>
          </p>
        </div>
      ) : null}
      {data?.stage === "already" ? (
        <div role="status" className="notice">
          <p>{t("cohortImport.already")}</p>
          <p>
            <Link to={`/angkatan/${data.cohortId}`}>{t("cohortImport.openCohort")}</Link>
          </p>
        </div>
      ) : null}

      {data?.stage === "preview" ? <PreviewTable preview={data} /> : null}

      <section aria-labelledby="import-form-heading">
        <h2 id="import-form-heading">{t("cohortImport.step1")}</h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="narrow">
          <input type="hidden" name="intent" value="preview" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField
            field={fields.programme}
            label={t("cohortImport.programme")}
            placeholder="—"
            options={PROGRAMMES.map((p) => ({ value: p, label: t(`cohorts.programme.${p}`) }))}
          />
          <FormField
            field={fields.batch}
            label={t("cohortImport.batch")}
            hint={t("cohortImport.batchHint")}
          />
          <FormField field={fields.year} label={t("cohortImport.year")} type="number" />
          <FormField
            field={fields.organiser}
            label={t("cohortImport.organiser")}
            hint={t("cohortImport.organiserHint")}
          />
          <div className="field">
            <label htmlFor="import-file">{t("cohortImport.file")}</label>
            <p className="field-hint" id="import-file-hint">
              {t("cohortImport.fileHint", { max: MAX_IMPORT_ROWS })}
            </p>
            <input
              id="import-file"
              name="file"
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-hint"
              aria-invalid={fileErrors.length > 0 || undefined}
            />
            <FieldErrors id="import-file-error" errors={fileErrors} />
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("cohortImport.preview")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="import-columns-heading">
        <h2 id="import-columns-heading">{t("cohortImport.columnsTitle")}</h2>
        <p>
          <a href="/angkatan/templat-impor.csv" download className="button">
            {t("cohortImport.template")}
          </a>
        </p>
        <table>
          <caption>{t("cohortImport.columnsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cohortImport.column")}</th>
              <th scope="col">{t("cohortImport.headers")}</th>
              <th scope="col">{t("cohortImport.required")}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_FIELDS.map((field) => (
              <tr key={field}>
                <th scope="row">{t(COLUMN_KEYS[field])}</th>
                <td>
                  {HEADER_ALIASES[field].map((alias, i) => (
                    <span key={alias}>
                      {i > 0 ? ", " : ""}
                      <code>{alias}</code>
                    </span>
                  ))}
                </td>
                <td>{REQUIRED_COLUMNS.includes(field) ? t("cohortImport.yes") : t("cohortImport.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t("cohortImport.regionCodeNote")}</p>
      </section>
    </main>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const problemsByLine = new Map<number, RowProblem[]>();
  for (const problem of preview.problems)
    problemsByLine.set(problem.line, [...(problemsByLine.get(problem.line) ?? []), problem]);
  const badRows = problemsByLine.size;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("cohortImport.step2")}</h2>
      <p>
        {t(`cohorts.programme.${preview.cohort.programme}`)} {preview.cohort.batch} ({preview.cohort.year})
        {preview.cohort.organiser ? ` · ${preview.cohort.organiser}` : ""} · {preview.fileName}
      </p>
      {badRows > 0 ? (
        <div role="alert" className="form-errors">
          <p>{t("cohortImport.problemsSummary", { rows: badRows, total: preview.rows.length })}</p>
          <ul>
            {[...problemsByLine.entries()].map(([line, problems]) => (
              <li key={line}>
                {t("cohortImport.rowLabel", { line })}: {problems.map((p) => t(p.key)).join("; ")}
              </li>
            ))}
          </ul>
        </div>
      ) : preview.already ? (
        <div role="status" className="notice">
          <p>{t("cohortImport.already")}</p>
          <p>
            <Link to={`/angkatan/${preview.already}`}>{t("cohortImport.openCohort")}</Link>
          </p>
        </div>
      ) : (
        <p role="status" className="notice">
          {t("cohortImport.allGood", { total: preview.rows.length })}
        </p>
      )}
      <div className="table-scroll">
        <table className="import-preview">
          <caption>{t("cohortImport.previewCaption", { total: preview.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cohortImport.row")}</th>
              {IMPORT_FIELDS.map((field) => (
                <th scope="col" key={field}>
                  {t(COLUMN_KEYS[field])}
                </th>
              ))}
              <th scope="col">{t("cohortImport.problems.label")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const problems = problemsByLine.get(row.line) ?? [];
              return (
                <tr key={row.line} className={problems.length ? "row-problem" : undefined}>
                  <th scope="row">{row.line}</th>
                  {IMPORT_FIELDS.map((field) => (
                    <td
                      key={field}
                      className={problems.some((p) => p.field === field) ? "cell-problem" : undefined}
                    >
                      {row[field]}
                    </td>
                  ))}
                  <td>{problems.length ? problems.map((p) => t(p.key)).join("; ") : t("cohortImport.ok")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {badRows === 0 && !preview.already ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="programme" value={preview.cohort.programme} />
          <input type="hidden" name="batch" value={preview.cohort.batch} />
          <input type="hidden" name="year" value={preview.cohort.year} />
          <input type="hidden" name="organiser" value={preview.cohort.organiser} />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <input type="hidden" name="payload" value={preview.payload} />
          <button type="submit" className="button primary" disabled={busy}>
            {t("cohortImport.confirm", { total: preview.rows.length })}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
