import { listPracticesForExport } from "~/modules/catalogue/catalog.server";
import { recordsToCsv } from "~/utils/csv";
import { CONTENT_LICENCE } from "~/utils/licence";

// public: the catalogue as open data (CC BY 4.0, named in the Link header)
export async function loader() {
  const csv = recordsToCsv(await listPracticesForExport());
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lintas-katalog.csv"',
      "Cache-Control": "public, max-age=300",
      Link: `<${CONTENT_LICENCE.url}>; rel="license"`,
    },
  });
}
