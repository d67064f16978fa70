import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { mimeForEvidence, readEvidence } from "~/modules/projects/evidence.server";
import { findProjectCover } from "~/modules/projects/cover.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// a project's cover image: public when the project has a public follow-up page, otherwise for
// people who may read the project; anything else looks missing
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const file = await findProjectCover(user, requireParam(params, "projectId"));
  invariantResponse(file, "Not found", { status: 404 });
  const bytes = await readEvidence(file);
  invariantResponse(bytes, "Not found", { status: 404 });
  return new Response(bytes, {
    headers: {
      "Content-Type": mimeForEvidence(file),
      "Content-Disposition": "inline",
      // the page links the image with its file name (?v=…), so a replaced cover is fetched anew
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
