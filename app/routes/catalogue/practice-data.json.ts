import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { listPracticesForExport } from "~/modules/catalogue/catalog.server";
import { CONTENT_LICENCE } from "~/utils/licence";
import { requireParam } from "~/utils/route-params";

// public: one published practice as open data, in the shape of an item of /katalog.json
export async function loader({ params }: LoaderFunctionArgs) {
  const [practice] = await listPracticesForExport({ slug: requireParam(params, "slug", "slug") });
  if (!practice) throw Response.json({ error: "not found" }, { status: 404 });
  return Response.json(
    { license: { ...CONTENT_LICENCE }, ...practice, url: `${env.APP_URL}/katalog/${practice.slug}` },
    {
      headers: {
        "Cache-Control": "public, max-age=300",
        "Access-Control-Allow-Origin": "*",
        Link: `<${env.APP_URL}/schema/katalog.schema.json>; rel="describedby", <${CONTENT_LICENCE.url}>; rel="license"`,
      },
    },
  );
}
