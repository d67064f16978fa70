import { env } from "~/env.server";
import { listSitemapEntries } from "~/modules/catalogue/catalog.server";

function escapeXml(text: string) {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// public: the public pages (catalogue, published practices and lessons, regions) for search engines
export async function loader() {
  const entries = await listSitemapEntries();
  const urls = entries
    .map(
      (e) =>
        `  <url><loc>${escapeXml(env.APP_URL + e.path)}</loc>${
          e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""
        }</url>`,
    )
    .join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`,
    {
      headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    },
  );
}
