import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { getChangeReportForUser, renderChangeReportPdf } from "~/modules/projects/change-report.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// the official change-project report as PDF, the same sections as the DOCX: whoever may read the project (404 otherwise)
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const found = await getChangeReportForUser(scope, requireParam(params, "projectId"), {
    origin: new URL(request.url).origin,
  });
  invariantResponse(found, "Not found", { status: 404 });
  const pdf = await renderChangeReportPdf(found.report);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${found.fileName}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
