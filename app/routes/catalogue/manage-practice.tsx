import { parseWithZod } from "@conform-to/zod";
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
import { ConflictError, OutOfScopeError } from "~/errors";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
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
  const formData = await request.formData();
  if (formData.get("intent") === "status") {
    const parsed = practiceStatusSchema.safeParse({ status: formData.get("status") });
    if (!parsed.success) return Response.json({ statusErrors: ["errors.choice"] }, { status: 400 });
    try {
      await setPracticeStatus(scope, id, parsed.data.status);
    } catch (error) {
      if (error instanceof PracticeIncompleteError)
        return Response.json(
          { statusErrors: ["curation.errors.incomplete"], missing: error.missing },
          { status: 400 },
        );
      if (error instanceof OutOfScopeError) throw new Response("Not found", { status: 404 });
      throw error;
    }
    return redirect(`/katalog/kelola/${id}?status=${parsed.data.status}`);
  }
  const submission = parseWithZod(formData, { schema: practiceSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const input = await resolveRegionFields(submission.value, ["regionCode"]);
  if (!input.value)
    return Response.json(submission.reply({ fieldErrors: input.fieldErrors }), { status: 400 });
  try {
    await updatePractice(scope, id, input.value);
  } catch (error) {
    if (error instanceof ConflictError)
      return Response.json(submission.reply({ formErrors: ["errors.conflict"] }), { status: 409 });
    if (error instanceof OutOfScopeError) {
      if (!(await getPracticeForCuration(scope, id))) throw new Response("Not found", { status: 404 });
      return Response.json(
        submission.reply({ fieldErrors: { regionCode: ["curation.errors.regionOutOfScope"] } }),
        { status: 403 },
      );
    }
    throw error;
  }
  return redirect(`/katalog/kelola/${id}?disimpan=1`);
}

type ActionData = { statusErrors?: string[]; missing?: string[] } & Record<string, unknown>;

export default function CuratePractice() {
  const { t, i18n } = useTranslation();
  const { practice, defaultValue, regions, lessons } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const saveResult = actionData && !actionData.statusErrors ? actionData : undefined;
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
        <FormErrors errors={actionData?.statusErrors} />
        {actionData?.missing?.length ? (
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
        lastResult={saveResult as Parameters<typeof PracticeForm>[0]["lastResult"]}
        regions={regions}
        lessons={lessons}
        submitLabel={t("common.save")}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
