import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { getChangeReportForUser, renderChangeReportDocx } from "~/modules/projects/change-report.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// the official change-project report as an editable Word file: whoever may read the project (404 otherwise)
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const found = await getChangeReportForUser(scope, requireParam(params, "projectId"), {
    origin: new URL(request.url).origin,
  });
  invariantResponse(found, "Not found", { status: 404 });
  const docx = await renderChangeReportDocx(found.report);
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${found.fileName}.docx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
