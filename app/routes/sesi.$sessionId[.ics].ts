import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { sessionIcs } from "~/calendar/ics.server";
import { getSessionForUser } from "~/models/session.server";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:read");
  const session = await getSessionForUser(scope, params.sessionId ?? "");
  invariantResponse(session, "Not found", { status: 404 });
  return new Response(sessionIcs(session), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="lintas-${session.id}.ics"`,
    },
  });
}
