import { env } from "~/env.server";
import { listPracticesForExport } from "~/modules/catalogue/catalog.server";
import { CONTENT_LICENCE } from "~/utils/licence";

// public: the catalogue as open data (schema: /schema/katalog.schema.json, docs/open-data.md)
export async function loader() {
  const practices = await listPracticesForExport();
  return Response.json(
    {
      source: "Lintas",
      url: `${env.APP_URL}/katalog`,
      license: { ...CONTENT_LICENCE },
      generatedAt: new Date().toISOString(),
      count: practices.length,
      practices: practices.map((p) => ({ ...p, url: `${env.APP_URL}/katalog/${p.slug}` })),
    },
    {
      headers: {
        "Cache-Control": "public, max-age=300",
        "Access-Control-Allow-Origin": "*",
        Link: `<${env.APP_URL}/schema/katalog.schema.json>; rel="describedby", <${CONTENT_LICENCE.url}>; rel="license"`,
      },
    },
  );
}
