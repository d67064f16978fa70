import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/require-user.server";
import { SessionSeriesForm } from "~/components/session-series-form";
import type { IntentResult } from "~/utils/form-action.server";
import { createSeriesFromForm, loadSeriesForm } from "~/modules/sessions/session-series.server";
import { requireParam } from "~/utils/route-params";

// a pairing's series: its participants with accounts are invited
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:create");
  return loadSeriesForm(request, scope, { pairingId: requireParam(params, "pairingId") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:create");
  return createSeriesFromForm(request, scope, { pairingId: requireParam(params, "pairingId") });
}

export default function NewPairingSeries() {
  return (
    <SessionSeriesForm data={useLoaderData<typeof loader>()} actionData={useActionData<IntentResult>()} />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
