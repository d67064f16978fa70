import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/require-user.server";
import { SessionSeriesForm } from "~/components/session-series-form";
import type { IntentResult } from "~/utils/form-action.server";
import { createSeriesFromForm, loadSeriesForm } from "~/modules/sessions/session-series.server";
import { requireParam } from "~/utils/route-params";

// a province's coordination meeting: its kabupaten/kota officers are invited by default
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:host");
  return loadSeriesForm(request, scope, { provinceCode: requireParam(params, "code", "regionCode") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requirePermission(request, "session:host");
  return createSeriesFromForm(request, scope, { provinceCode: requireParam(params, "code", "regionCode") });
}

export default function NewProvinceMeeting() {
  return (
    <SessionSeriesForm data={useLoaderData<typeof loader>()} actionData={useActionData<IntentResult>()} />
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
