import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { TEMPLATE_CSV } from "~/modules/projects/cohort-import.server";

// the cohort import template: the accepted headers and one example row
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "cohort:import");
  return new Response(TEMPLATE_CSV, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lintas-templat-impor-angkatan.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
