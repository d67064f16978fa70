import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { recordsToCsv } from "~/utils/csv";
import { modelFilters, parseListFilters } from "~/modules/projects/project-filters";
import { listProjectsForUser } from "~/modules/projects/queries.server";

// the project list a person may see (with the list's filters), as CSV for a training report or a meeting
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const filters = parseListFilters(new URL(request.url).searchParams);
  const projects = await listProjectsForUser(scope, modelFilters(filters));
  const rows = projects.map((p) => ({
    id: p.id,
    title: p.title,
    acronym: p.acronym ?? "",
    kind: p.kind,
    status: p.status,
    at_risk: p.atRisk ? "yes" : "no",
    region_code: p.region.code,
    region: p.region.name,
    agency: p.organisation?.name ?? "",
    cohort: p.cohort ? `${p.cohort.programme} ${p.cohort.batch} ${p.cohort.year}` : "",
    launched_at: p.launchedAt ? new Date(p.launchedAt).toISOString().slice(0, 10) : "",
    sector: p.sector ?? "",
  }));
  return new Response(`\uFEFF${recordsToCsv(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lintas-proyek.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
