/**
 * Whether the browser says the link is weak or the person asked to save data (the Network
 * Information API: Chromium-based browsers, most phones in the regions). A browser that does not
 * say is taken at its word of nothing: not weak. Heavy code that a page can do without (the live
 * notes editor) then waits for the person to ask for it (docs/decisions/0067).
 */
export type ConnectionHint = { effectiveType?: string; saveData?: boolean } | undefined;

const WEAK = new Set(["slow-2g", "2g", "3g"]);

export function isWeakLink(connection: ConnectionHint): boolean {
  if (!connection) return false;
  return connection.saveData === true || WEAK.has(connection.effectiveType ?? "");
}

/** The browser's own hint, where it gives one. */
export function browserConnection(): ConnectionHint {
  if (typeof navigator === "undefined") return undefined;
  return (navigator as Navigator & { connection?: ConnectionHint }).connection;
}
