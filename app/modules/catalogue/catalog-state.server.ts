// When the public catalogue last changed: CatalogState's one row, moved by database triggers in
// the same transaction as any change a catalogue page shows (migration catalog_state).
import type { SqlDriver } from "~/db/database.server";

/**
 * The public catalogue's pages: the search page, a practice page, the feed; not /katalog/baru or
 * /katalog/kelola/…, also with a trailing slash or as single-fetch data (/katalog/baru.data).
 */
export const CATALOG_PAGE_PATHS = /^\/katalog(?:\/(?!(?:baru|kelola)(?:[/.]|$))[^/]+)?\/?$/;

/**
 * The time of the last change and the transaction that made it (the row's xmin): PGlite's clock
 * counts milliseconds, so two changes within one millisecond share a time but not a transaction.
 */
export async function catalogStamp(sql: Pick<SqlDriver, "query">): Promise<string> {
  const [row] = await sql.query<{ stamp: string }>(
    `SELECT "changedAt"::text || ' ' || xmin::text AS stamp FROM "CatalogState" WHERE id = 1`,
  );
  return row?.stamp ?? "none";
}
