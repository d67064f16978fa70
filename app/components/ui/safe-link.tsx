import type { ReactNode } from "react";
import { safeHref } from "~/utils/url-schema";

/** A link someone typed, as a link only when it is http(s); a stored legacy javascript: or data:
 * link is shown as plain text, never as a clickable href. */
export function SafeLink({ href, rel, children }: { href: string; rel: string; children: ReactNode }) {
  const safe = safeHref(href);
  return safe ? (
    <a href={safe} rel={rel}>
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}
