import { env } from "~/env.server";
import { listLessonsForCatalog, listPracticesForExport } from "~/modules/catalogue/catalog.server";
import { CONTENT_LICENCE } from "~/utils/licence";

function escapeXml(text: string) {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );
}

function entry({ url, title, updated, author, summary }: Record<string, string>) {
  return `  <entry>
    <id>${url}</id>
    <title>${escapeXml(title)}</title>
    <link href="${url}"/>
    <updated>${updated}</updated>
    <author><name>${escapeXml(author)}</name></author>
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
}

// public: published practices and lessons, newest first, as an Atom feed
export async function loader() {
  const [practices, { lessons }] = await Promise.all([listPracticesForExport(), listLessonsForCatalog()]);
  const items = [
    ...practices.map((p) => ({
      url: `${env.APP_URL}/katalog/${p.slug}`,
      title: p.name,
      updated: p.updated_at,
      author: p.region,
      summary: p.summary,
    })),
    ...lessons.map((l) => ({
      url: `${env.APP_URL}/pelajaran/${l.slug}`,
      title: l.title,
      updated: (l.publishedAt ?? new Date(0)).toISOString(),
      author: l.region?.name ?? "Lintas",
      summary: l.summary ?? "",
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = items[0]?.updated ?? new Date(0).toISOString();
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${env.APP_URL}/katalog</id>
  <title>Lintas · Katalog praktik</title>
  <link rel="self" href="${env.APP_URL}/katalog/feed.atom"/>
  <link rel="license" href="${CONTENT_LICENCE.url}"/>
  <rights>${CONTENT_LICENCE.name}</rights>
  <updated>${updated}</updated>
${items.map(entry).join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
