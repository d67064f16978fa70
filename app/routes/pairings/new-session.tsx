import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/require-user.server";
import { SessionSeriesForm } from "~/components/session-series-form";
import { seriesSchema } from "~/modules/sessions/session-series-schemas";
import { createSeriesFromForm, loadSeriesForm, requireHost } from "~/modules/sessions/session-series.server";
import { InvalidWallClockError } from "~/utils/dates";
import { type IntentResult, cannotMove, defineIntent, runIntents } from "~/utils/form-action.server";
import { requireParam } from "~/utils/route-params";

// a pairing's series: its participants with accounts are invited
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:create");
  return loadSeriesForm(request, scope, { pairingId: requireParam(params, "pairingId") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:create");
  const host = { pairingId: requireParam(params, "pairingId") };
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

export default function NewPairingSeries() {
  return (
    <SessionSeriesForm data={useLoaderData<typeof loader>()} actionData={useActionData<IntentResult>()} />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
