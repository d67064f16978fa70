import { env } from "~/env.server";
import { listPracticesForExport } from "~/models/catalog.server";

function escapeXml(text: string) {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

// public: new and updated practices as an Atom feed
export async function loader() {
  const practices = await listPracticesForExport();
  const updated =
    practices
      .map((p) => p.updated_at)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const entries = practices
    .map(
      (p) => `  <entry>
    <id>${env.APP_URL}/katalog/${p.slug}</id>
    <title>${escapeXml(p.name)}</title>
    <link href="${env.APP_URL}/katalog/${p.slug}"/>
    <updated>${p.updated_at}</updated>
    <author><name>${escapeXml(p.region)}</name></author>
    <summary>${escapeXml(p.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${env.APP_URL}/katalog</id>
  <title>Lintas · Katalog praktik</title>
  <link rel="self" href="${env.APP_URL}/katalog/feed.atom"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
