import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { sessionIcs } from "~/calendar/ics.server";
import { getSessionForUser } from "~/modules/sessions/queries.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// The session's calendar file, for anyone who may see the session. The documented address
// /sesi/<id>.ics redirects here: the session page's route renders HTML for a browser's
// document request whatever its loader returns, so the file needs a resource route of its own.
// A download is a copy (METHOD:PUBLISH), not an invitation: the emailed files are the REQUESTs.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const session = await getSessionForUser(scope, requireParam(params, "sessionId"));
  invariantResponse(session, "Not found", { status: 404 });
  return new Response(sessionIcs(session), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="lintas-${session.id}.ics"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
