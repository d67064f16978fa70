// A table that may be wider than a phone's screen scrolls sideways inside this box, its first
// column kept in view (app/styles/app.css, docs/decisions/0050-phone-first.md). The box is a named
// region that takes the keyboard focus, so a table with no link or button inside can still be
// scrolled with the arrow keys (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must take the focus for the keyboard to scroll it
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
