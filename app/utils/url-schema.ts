// The one schema for a link someone types (milestone evidence, a practice's evidence and media),
// and the one check that decides whether a stored link may become an href. Only http(s): a
// javascript:, data: or vbscript: link is refused when stored and never rendered as a link.
import { z } from "zod";

export const URL_MAX_LENGTH = 1000;

// No whitespace or control characters anywhere: the URL parser silently drops tabs and newlines
// ("java\nscript:" parses as "javascript:") and extra slashes ("https:///host"), so the text must
// already be the link it claims to be.
const HTTP_URL = /^https?:\/\/[^\s\p{Cc}/\\][^\s\p{Cc}]*$/iu;

/** The link as an href when it is a well-formed http(s) URL with a host; null otherwise (show it as text). */
export function safeHref(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || text.length > URL_MAX_LENGTH || !HTTP_URL.test(text)) return null;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.host ? url.href : null;
  } catch {
    return null;
  }
}

/** An http(s) link, trimmed, at most URL_MAX_LENGTH characters; messages are i18n keys. */
export const httpUrl = z
  .string()
  .trim()
  .max(URL_MAX_LENGTH, "errors.tooLong")
  .refine((value) => value.length > URL_MAX_LENGTH || safeHref(value) !== null, "errors.url");
