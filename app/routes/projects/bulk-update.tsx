import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { FieldErrors, FormErrors } from "~/components/ui/form-field";
import { titleMeta } from "~/i18n/translate";
import {
  type BulkProblem,
  type BulkRow,
  MAX_BULK_BYTES,
  MAX_BULK_ROWS,
  bulkConfirmSchema,
  bulkPreviewSchema,
  carriedBulkRowsSchema,
} from "~/modules/projects/bulk-update-schemas";
import { parseBulkFile } from "~/modules/projects/bulk-update-sheet.server";
import {
  type BulkChange,
  applyBulkUpdate,
  bulkHash,
  checkBulkRows,
  findBulkUpdate,
} from "~/modules/projects/bulk-update.server";
import { type IntentResult, defineIntent, done, refused, runIntents } from "~/utils/form-action.server";
import { formatNumber } from "~/utils/numbers";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "bulkUpdate.title");

// The sheet is written in Indonesian (headers, statuses, dd/mm/yyyy), so its numbers are read the
// Indonesian way whatever the page language: "1,22" is one and 22 hundredths (docs/decisions/0060).
const SHEET_LANGUAGE = "id";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "project:bulk-update");
  return null;
}

type Preview = {
  stage: "preview";
  changes: BulkChange[];
  problems: BulkProblem[];
  already: { fileName: string; createdAt: string } | null;
  payload: string;
  fileName: string;
};
type Answer = IntentResult &
  (
    | Preview
    | { stage: "applied"; changes: number }
    | { stage: "already"; fileName: string; createdAt: string }
    | { stage?: undefined }
  );

async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data"))
    return { formData: await request.formData(), tooLarge: false };
  try {
    const formData = await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: MAX_BULK_BYTES }),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "project:bulk-update");
  const { formData, tooLarge } = await readForm(request);
  if (tooLarge) {
    formData.set("intent", "preview");
    return runIntents(formData, {
      preview: defineIntent(bulkPreviewSchema, async () =>
        refused({ file: ["bulkUpdate.errors.tooLarge"] }, 400),
      ),
    });
  }
  const previewOf = async (rows: BulkRow[], fileName: string) => {
    const { changes, problems } = await checkBulkRows(user, rows, SHEET_LANGUAGE);
    const earlier = await findBulkUpdate(bulkHash(rows));
    const data: Omit<Preview, "stage"> & { stage: "preview" } = {
      stage: "preview",
      changes,
      problems,
      already: earlier ? { fileName: earlier.fileName, createdAt: earlier.createdAt.toISOString() } : null,
      payload: JSON.stringify(rows),
      fileName,
    };
    return done(data, { init: { status: problems.length > 0 ? 400 : 200 }, resetForm: false });
  };
  return runIntents(formData, {
    preview: defineIntent(bulkPreviewSchema, async () => {
      const file = formData.get("file");
      if (!(file instanceof File) || file.size === 0) return refused({ file: ["bulkUpdate.errors.noFile"] });
      const parsed = await parseBulkFile(new Uint8Array(await file.arrayBuffer()));
      if (!parsed.ok) return refused({ file: [parsed.key] });
      return previewOf(parsed.rows, file.name.slice(0, 200));
    }),
    confirm: defineIntent(bulkConfirmSchema, async ({ fileName, payload }) => {
      // the rows come back from the preview page: parsed and checked again, never trusted
      let rows: BulkRow[] | null = null;
      try {
        const parsed = carriedBulkRowsSchema.safeParse(JSON.parse(payload));
        rows = parsed.success ? parsed.data : null;
      } catch {
        rows = null;
      }
      if (!rows) return refused({ payload: ["bulkUpdate.errors.unreadable"] });
      const outcome = await applyBulkUpdate(user, fileName, rows, SHEET_LANGUAGE);
      if (outcome.status === "invalid" || outcome.status === "nothing") return previewOf(rows, fileName);
      if (outcome.status === "already")
        return done({
          stage: "already",
          fileName: outcome.fileName,
          createdAt: outcome.createdAt.toISOString(),
        });
      return done({ stage: "applied", changes: outcome.changes });
    }),
  });
}

export default function BulkUpdate() {
  const { t, i18n } = useTranslation();
  const data = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state === "submitting";
  const fileErrors = (data?.intent === "preview" ? data.result?.error?.file : undefined) ?? [];
  const formErrors = [...(data?.result?.error?.[""] ?? []), ...(data?.result?.error?.payload ?? [])];
  return (
    <main>
      <h1>{t("bulkUpdate.title")}</h1>
      <p>{t("bulkUpdate.intro")}</p>
      <FormErrors errors={formErrors} />
      {data?.stage === "applied" ? (
        <p role="status" className="notice">
          {t("bulkUpdate.applied", { count: data.changes })}
        </p>
      ) : null}
      {data?.stage === "already" ? (
        <p role="status" className="notice">
          {t("bulkUpdate.already", {
            fileName: data.fileName,
            date: new Date(data.createdAt).toLocaleDateString(i18n.language === "en" ? "en-GB" : "id-ID"),
          })}
        </p>
      ) : null}
      {data?.stage === "preview" ? <PreviewTables preview={data} /> : null}

      <section aria-labelledby="bulk-step1">
        <h2 id="bulk-step1">{t("bulkUpdate.step1")}</h2>
        <p>{t("bulkUpdate.downloadHint")}</p>
        <p>
          <a href="/proyek/pembaruan-massal.xlsx" download className="button">
            {t("bulkUpdate.download")}
          </a>
        </p>
      </section>
      <section aria-labelledby="bulk-step2">
        <h2 id="bulk-step2">{t("bulkUpdate.step2")}</h2>
        <Form method="post" encType="multipart/form-data" className="narrow">
          <input type="hidden" name="intent" value="preview" />
          <div className="field">
            <label htmlFor="bulk-file">{t("bulkUpdate.file")}</label>
            <p className="field-hint" id="bulk-file-hint">
              {t("bulkUpdate.fileHint", { max: MAX_BULK_ROWS })}
            </p>
            <input
              id="bulk-file"
              name="file"
              type="file"
              required
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileErrors.length ? "bulk-file-hint bulk-file-error" : "bulk-file-hint"}
              aria-invalid={fileErrors.length > 0 || undefined}
            />
            <FieldErrors id="bulk-file-error" errors={fileErrors.map((key) => t(key))} />
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("bulkUpdate.preview")}
          </button>
        </Form>
      </section>
    </main>
  );
}

function PreviewTables({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const statusLabel = (status: string) => t(`projects.workStatus.${status}`);
  const day = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "—");
  const sheetName = (sheet: BulkProblem["sheet"]) =>
    sheet === "milestone" ? t("bulkUpdate.sheetMilestones") : t("bulkUpdate.sheetIndicators");
  return (
    <section aria-labelledby="bulk-preview">
      <h2 id="bulk-preview">{t("bulkUpdate.step3")}</h2>
      <p>{preview.fileName}</p>
      {preview.problems.length > 0 ? (
        <div role="alert" className="form-errors">
          <p>{t("bulkUpdate.problemsSummary", { count: preview.problems.length })}</p>
          <ul>
            {preview.problems.map((problem) => (
              <li key={`${problem.sheet}-${problem.line}-${problem.key}`}>
                {t("bulkUpdate.rowLabel", { sheet: sheetName(problem.sheet), line: problem.line })}:{" "}
                {t(problem.key)}
              </li>
            ))}
          </ul>
        </div>
      ) : preview.already ? (
        <p role="status" className="notice">
          {t("bulkUpdate.already", {
            fileName: preview.already.fileName,
            date: new Date(preview.already.createdAt).toLocaleDateString(
              i18n.language === "en" ? "en-GB" : "id-ID",
            ),
          })}
        </p>
      ) : preview.changes.length === 0 ? (
        <p role="status" className="notice">
          {t("bulkUpdate.nothing")}
        </p>
      ) : (
        <p role="status" className="notice">
          {t("bulkUpdate.allGood", { count: preview.changes.length })}
        </p>
      )}
      {preview.changes.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>{t("bulkUpdate.changesCaption", { count: preview.changes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("bulkUpdate.row")}</th>
                <th scope="col">{t("bulkUpdate.project")}</th>
                <th scope="col">{t("bulkUpdate.item")}</th>
                <th scope="col">{t("bulkUpdate.change")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change) => (
                <tr key={`${change.kind}-${change.line}`}>
                  <th scope="row">
                    {t("bulkUpdate.rowLabel", {
                      sheet: sheetName(change.kind === "milestone" ? "milestone" : "indicator"),
                      line: change.line,
                    })}
                  </th>
                  <td>{change.project}</td>
                  <td>{change.kind === "milestone" ? change.title : change.name}</td>
                  <td>
                    {change.kind === "measurement" ? (
                      t("bulkUpdate.newMeasurement", {
                        value: formatNumber(change.value, i18n.language, { maximumFractionDigits: 4 }),
                        unit: change.unit,
                        date: day(change.measuredAt),
                      })
                    ) : (
                      <ul className="plain">
                        {change.status ? (
                          <li>
                            {t("bulkUpdate.statusChange", {
                              from: statusLabel(change.status.from),
                              to: statusLabel(change.status.to),
                            })}
                          </li>
                        ) : null}
                        {change.dueDate ? (
                          <li>
                            {t("bulkUpdate.dueChange", {
                              from: day(change.dueDate.from),
                              to: day(change.dueDate.to),
                            })}
                          </li>
                        ) : null}
                        {change.approve ? <li>{t("bulkUpdate.approve")}</li> : null}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.problems.length === 0 && !preview.already && preview.changes.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <input type="hidden" name="payload" value={preview.payload} />
          <button type="submit" className="button primary" disabled={busy}>
            {t("bulkUpdate.confirm", { count: preview.changes.length })}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
