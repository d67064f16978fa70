import type { LoaderFunctionArgs } from "@remix-run/node";
import { grantsFor } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { env } from "~/env.server";
import { innovationCsv, listInnovationRows } from "~/modules/projects/innovation-export.server";
import { invariantResponse } from "~/utils/invariant";
import { CONTENT_LICENCE } from "~/utils/licence";
import { requireParam } from "~/utils/route-params";

// public: a region's published practices in the innovation-index shape; its curators also get drafts
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = requireParam(params, "code", "regionCode");
  const user = await getUser(request);
  const curatorGrants = user ? grantsFor(user.memberships, "practice:curate") : undefined;
  const rows = await listInnovationRows(code, { curatorGrants, appUrl: env.APP_URL });
  invariantResponse(rows, "Not found", { status: 404 });
  return new Response(`\uFEFF${innovationCsv(rows.rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="inovasi-daerah-${code}.csv"`,
      "Cache-Control": curatorGrants?.length ? "private, no-store" : "public, max-age=300",
      Link: `<${CONTENT_LICENCE.url}>; rel="license"`,
    },
  });
}
