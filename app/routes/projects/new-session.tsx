import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/require-user.server";
import { SessionSeriesForm } from "~/components/session-series-form";
import { seriesSchema } from "~/modules/sessions/session-series-schemas";
import { createSeriesFromForm, loadSeriesForm, requireHost } from "~/modules/sessions/session-series.server";
import { InvalidWallClockError } from "~/utils/dates";
import { type IntentResult, cannotMove, defineIntent, runIntents } from "~/utils/form-action.server";
import { requireParam } from "~/utils/route-params";

// a change project's team meeting (or series): the project's people are invited by default
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:host");
  return loadSeriesForm(request, scope, { projectId: requireParam(params, "projectId") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:host");
  const host = { projectId: requireParam(params, "projectId") };
  const { backPath } = await requireHost(scope.user, host);
  return runIntents(
    await request.formData(),
    {
      series: defineIntent(seriesSchema, async (series) => {
        try {
          await createSeriesFromForm(scope, host, series);
        } catch (error) {
          if (error instanceof InvalidWallClockError) return cannotMove(["errors.date"]);
          throw error;
        }
        return redirect(backPath);
      }),
    },
    { defaultIntent: "series" },
  );
}

export default function NewProjectSessions() {
  return (
    <SessionSeriesForm data={useLoaderData<typeof loader>()} actionData={useActionData<IntentResult>()} />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
