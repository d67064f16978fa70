import { env } from "~/env.server";
import { listPracticesForExport } from "~/models/catalog.server";

// public: the catalogue as open data
export async function loader() {
  const practices = await listPracticesForExport();
  return Response.json(
    {
      source: "Lintas",
      url: `${env.APP_URL}/katalog`,
      generatedAt: new Date().toISOString(),
      count: practices.length,
      practices: practices.map((p) => ({ ...p, url: `${env.APP_URL}/katalog/${p.slug}` })),
    },
    { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } },
  );
}
