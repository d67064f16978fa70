import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { PracticeForm } from "~/components/practice-form";
import { titleMeta } from "~/i18n/translate";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { practiceSchema } from "~/modules/catalogue/practice-schemas";
import {
  createPractice,
  lessonsForRegion,
  prefillFromLesson,
  prefillFromProject,
} from "~/modules/catalogue/practice.server";
import { OutOfScopeError } from "~/errors";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "curation.newTitle");

// curators (practice:curate): a new draft, prefilled from ?proyek=<id> or ?pelajaran=<slug>
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "practice:curate");
  const url = new URL(request.url);
  const projectId = url.searchParams.get("proyek");
  const lessonSlug = url.searchParams.get("pelajaran");
  const prefill = projectId
    ? await prefillFromProject(scope, projectId)
    : lessonSlug
      ? await prefillFromLesson(scope, lessonSlug)
      : null;
  const defaultValue = {
    regionCode: scope.user.regionCode ?? "",
    maturity: "IMPLEMENTED",
    ...prefill,
  };
  return {
    defaultValue,
    prefillMissing: Boolean((projectId || lessonSlug) && !prefill),
    regions: await listRegionsForPicker(),
    lessons: defaultValue.regionCode ? await lessonsForRegion(defaultValue.regionCode) : [],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "practice:curate");
  return runIntents(
    await request.formData(),
    {
      // the practice form (components/practice-form.tsx) sends intent "save", here and when editing
      save: defineIntent(
        practiceSchema,
        async (value) => {
          const input = await resolveRegionFields(value, ["regionCode"]);
          if (!input.value) return refused(input.fieldErrors);
          const practice = await createPractice(scope, input.value);
          return redirect(`/katalog/kelola/${practice.id}?dibuat=1`);
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

export default function NewPractice() {
  const { t } = useTranslation();
  const { defaultValue, prefillMissing, regions, lessons } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  return (
    <main className="narrow">
      <p className="muted">
        <Link to="/katalog/kelola">{t("curation.title")}</Link>
      </p>
      <h1>{t("curation.newTitle")}</h1>
      {prefillMissing ? (
        <p role="status" className="notice">
          {t("curation.prefillMissing")}
        </p>
      ) : null}
      <PracticeForm
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        regions={regions}
        lessons={lessons}
        submitLabel={t("curation.createDraft")}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
