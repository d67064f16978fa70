// The database's snapshot as text ("xmin:xmax:in-progress ids", PostgreSQL's pg_current_snapshot):
// two requests that read the same snapshot see exactly the same data, and every commit anywhere
// (in this process or another) gives a new one. No trigger, no lock, one trivial query: the change
// stamp of the signed-in page cache (docs/decisions/0032).
import type { SqlDriver } from "~/db/database.server";

export async function databaseSnapshot(sql: Pick<SqlDriver, "query">): Promise<string> {
  const [row] = await sql.query<{ snapshot: string }>(`SELECT pg_current_snapshot()::text AS snapshot`);
  if (!row) throw new Error("no snapshot");
  return row.snapshot;
}

/**
 * Pages kept for signed-in people while nothing in the database changed: a project's pages, a
 * pairing's page, the dashboards and a region's page. Their loaders only read (a loader that
 * writes, such as the LiveKit room page, must never be listed here); their forms post elsewhere
 * or to themselves, and a POST is never kept. Also as single-fetch data (`….data`).
 */
export const SIGNED_IN_PAGE_PATHS = new RegExp(
  "^(?:" +
    [
      // a project and its tabs, not /proyek/baru
      String.raw`/proyek/(?!baru(?:[/.]|$))[^/.]+(?:/(?:tim|tonggak|indikator|linimasa))?`,
      // a pairing, not /pasangan/baru
      String.raw`/pasangan/(?!baru(?:[/.]|$))[^/.]+`,
      // the dashboards, not their printable reports
      String.raw`/dasbor(?:/(?:wilayah|provinsi)/\d+(?:\.\d+)*|/angkatan/[^/.]+)?`,
      // a region's page (codes such as 74.71)
      String.raw`/wilayah/\d+(?:\.\d+)*`,
    ].join("|") +
    String.raw`)(?:\.data)?/?$`,
);
