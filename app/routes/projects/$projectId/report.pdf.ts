import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { getLanguage } from "~/i18n/i18n.server";
import { renderProjectPdf } from "~/modules/projects/project-pdf.server";
import { getProjectForUser } from "~/modules/projects/queries.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// the project as a PDF for the training report: whoever may read the project, nobody else (404)
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const project = await getProjectForUser(scope, requireParam(params, "projectId"));
  invariantResponse(project, "Not found", { status: 404 });
  const language = await getLanguage(request);
  const timeZone = scope.user.timeZone ?? scope.user.region?.timeZone ?? project.region.timeZone;
  const pdf = await renderProjectPdf(project, { language, timeZone });
  const name = (project.acronym ?? project.title)
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="lintas-${name || "proyek"}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
