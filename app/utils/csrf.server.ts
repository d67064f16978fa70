// CSRF protection for every mutating request, in one place (server/start.ts applies it
// before Remix): a write must come from a page of this site. Browsers send Sec-Fetch-Site
// and Origin on every form post and fetch; the SameSite=Lax session cookie is the second wall.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths that receive signed machine-to-machine posts (they verify their own signature). */
export const CSRF_EXEMPT_PATHS = ["/api/livekit/webhook"];

export function isCrossSiteWrite({
  method,
  path,
  host,
  origin,
  secFetchSite,
}: {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (CSRF_EXEMPT_PATHS.includes(path)) return false;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") return true;
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  // neither header: not a browser (curl, tests); the cookie is SameSite=Lax anyway
  return false;
}
