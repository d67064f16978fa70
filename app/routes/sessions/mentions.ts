// GET /sesi/:sessionId/sebutan?q=… — whom the session's notes can @-mention (people and regions
// of the session only), for the editor's suggestion list.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { mentionCandidates } from "~/modules/lessons/note-collab.server";
import { getSessionForUser } from "~/modules/sessions/queries.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const session = await getSessionForUser(scope, requireParam(params, "sessionId"));
  invariantResponse(session, "Not found", { status: 404 });
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 60);
  return Response.json(
    { items: await mentionCandidates(session.id, query) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
