// A route's address parameters, checked once: missing or malformed is "Not found" (404), before any
// query sees it. The formats are what Lintas itself hands out, with room to spare.
import { invariantResponse } from "~/utils/invariant";

export const PARAM_FORMATS = {
  /** cuid ("cm3k…", 25 characters) and the seed's readable ids ("demo-project-sanitasi-lampung-barat") */
  id: /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$/,
  /** a practice's or lesson's slug: slugify keeps a-z, 0-9 and hyphens, at most 80 */
  slug: /^[a-z0-9][a-z0-9-]{0,119}$/,
  /** a Kemendagri code of a province ("74") or kabupaten/kota ("74.71") */
  regionCode: /^\d{2}(\.\d{2})?$/,
  /** an invitation or password-reset token: base64url of 32 random bytes (43 characters) */
  token: /^[A-Za-z0-9_-]{1,128}$/,
  /** a calendar feed's address, /kalender/<token>.ics (the suffix is optional) */
  calendarFile: /^[A-Za-z0-9_-]{1,128}(\.ics)?$/,
  /** an evidence file as stored: 16 random bytes in hex, a photo's size (-WxH) and its type */
  evidenceFile: /^[0-9a-f]{32}(-[1-9][0-9]{0,4}x[1-9][0-9]{0,4})?\.(jpg|png|webp|pdf)$/,
} satisfies Record<string, RegExp>;

export type ParamFormat = keyof typeof PARAM_FORMATS;

/**
 * The named parameter when it is there and has the format, else a thrown 404 Response (shown by the
 * route's error boundary): `requireParam(params, "projectId")`, `requireParam(params, "code", "regionCode")`.
 */
export function requireParam(
  params: Readonly<Record<string, string | undefined>>,
  name: string,
  format: ParamFormat = "id",
): string {
  const value = params[name];
  invariantResponse(value !== undefined && PARAM_FORMATS[format].test(value), "Not found", {
    status: 404,
  });
  return value;
}
