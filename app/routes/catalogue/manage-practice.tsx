import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { PracticeForm } from "~/components/practice-form";
import { FormErrors } from "~/components/ui/form-field";
import {
  PUBLICATION_STATUSES,
  practiceSchema,
  practiceStatusSchema,
} from "~/modules/catalogue/practice-schemas";
import {
  PracticeIncompleteError,
  getPracticeForCuration,
  lessonsForRegion,
  practiceFormValues,
  setPracticeStatus,
  updatePractice,
} from "~/modules/catalogue/practice.server";
import { OutOfScopeError } from "~/errors";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
import { type IntentResult, cannotMove, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { formatDay } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.name} · Lintas` : "Lintas" },
];

// curators (practice:curate) whose scope covers the practice; others get 404
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "practice:curate");
  const practice = await getPracticeForCuration(scope, requireParam(params, "id"));
  invariantResponse(practice, "Not found", { status: 404 });
  return {
    practice: {
      id: practice.id,
      slug: practice.slug,
      name: practice.name,
      status: practice.status,
      publishedAt: practice.publishedAt,
      region: practice.region,
      project: practice.project,
    },
    defaultValue: practiceFormValues(practice),
    regions: await listRegionsForPicker(),
    lessons: await lessonsForRegion(practice.region.code),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "practice:curate");
  const id = requireParam(params, "id");
  return runIntents(
    await request.formData(),
    {
      status: defineIntent(practiceStatusSchema, async ({ status }) => {
        try {
          await setPracticeStatus(scope, id, status);
        } catch (error) {
          if (error instanceof PracticeIncompleteError) return cannotMove(error.missing);
          if (error instanceof OutOfScopeError) throw new Response("Not found", { status: 404 });
          throw error;
        }
        return redirect(`/katalog/kelola/${id}?status=${status}`);
      }),
      save: defineIntent(
        practiceSchema,
        async (value) => {
          const input = await resolveRegionFields(value, ["regionCode"]);
          if (!input.value) return refused(input.fieldErrors);
          try {
            await updatePractice(scope, id, input.value);
          } catch (error) {
            // out of scope: a practice the curator cannot see is not found; one they can, a region they may not give it
            if (error instanceof OutOfScopeError && !(await getPracticeForCuration(scope, id)))
              throw new Response("Not found", { status: 404 });
            throw error;
          }
          return redirect(`/katalog/kelola/${id}?disimpan=1`);
        },
        {
          refuse: (error) =>
            error instanceof OutOfScopeError
              ? { key: "curation.errors.regionOutOfScope", field: "regionCode", status: 403 }
              : undefined,
        },
      ),
    },
    { defaultIntent: "save" },
  );
}

/** The publication form's errors: what is missing before publishing, or the choice refused. */
function statusErrors(actionData: IntentResult | undefined) {
  if (actionData?.intent !== "status") return undefined;
  if (actionData.missing?.length) return ["curation.errors.incomplete"];
  const errors = Object.values(actionData.result?.error ?? {}).flatMap((keys) => keys ?? []);
  return errors.length > 0 ? [...new Set(errors)] : ["errors.choice"];
}

export default function CuratePractice() {
  const { t, i18n } = useTranslation();
  const { practice, defaultValue, regions, lessons } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [params] = useSearchParams();
  const saveResult = actionData?.intent === "save" ? actionData.result : undefined;
  return (
    <main className="narrow">
      <p className="muted">
        <Link to="/katalog/kelola">{t("curation.title")}</Link>
      </p>
      <h1>{practice.name}</h1>
      {params.has("dibuat") || params.has("disimpan") || params.has("status") ? (
        <p role="status" className="notice">
          {t(params.has("dibuat") ? "curation.created" : "curation.saved")}
        </p>
      ) : null}
      <section aria-labelledby="publication-heading" className="card">
        <h2 id="publication-heading">{t("curation.publication")}</h2>
        <p>
          {t("curation.fields.status")}: <strong>{t(`curation.status.${practice.status}`)}</strong>
          {practice.publishedAt
            ? ` · ${t("catalog.publishedOn", { date: formatDay(practice.publishedAt, i18n.language, practice.region.timeZone) })}`
            : ""}
          {practice.status === "PUBLISHED" ? (
            <>
              {" · "}
              <Link to={`/katalog/${practice.slug}`}>{t("curation.viewPublic")}</Link>
            </>
          ) : null}
        </p>
        {practice.project ? (
          <p>
            {t("curation.fromProjectLabel")}:{" "}
            <Link to={`/proyek/${practice.project.id}`}>{practice.project.title}</Link>
          </p>
        ) : null}
        <FormErrors errors={statusErrors(actionData)} />
        {actionData?.intent === "status" && actionData.missing?.length ? (
          <p>{actionData.missing.map((key) => t(`curation.fields.${key}`)).join(", ")}</p>
        ) : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="status" />
          {PUBLICATION_STATUSES.filter((s) => s !== practice.status).map((status) => (
            <button key={status} type="submit" name="status" value={status} className="button">
              {t(`curation.moveTo.${status}`)}
            </button>
          ))}
        </Form>
      </section>
      <PracticeForm
        defaultValue={defaultValue}
        lastResult={saveResult}
        regions={regions}
        lessons={lessons}
        submitLabel={t("common.save")}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
