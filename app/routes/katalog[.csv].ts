import { listPracticesForExport, toCsv } from "~/models/catalog.server";

// public: the catalogue as open data
export async function loader() {
  const csv = toCsv(await listPracticesForExport());
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lintas-katalog.csv"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
