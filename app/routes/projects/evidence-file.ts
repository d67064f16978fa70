import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { mimeForEvidence, readEvidence } from "~/modules/projects/evidence.server";
import { findEvidenceForUser } from "~/modules/projects/milestones.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// an evidence file, for people who may read its project
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const file = requireParam(params, "file", "evidenceFile");
  invariantResponse(await findEvidenceForUser(scope, file), "Not found", { status: 404 });
  const bytes = await readEvidence(file);
  invariantResponse(bytes, "Not found", { status: 404 });
  return new Response(bytes, {
    headers: {
      "Content-Type": mimeForEvidence(file),
      "Content-Disposition": file.endsWith(".pdf") ? "attachment" : "inline",
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
