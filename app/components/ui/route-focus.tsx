// After a client-side navigation to another page (issue #12) the focus moves to the new page's
// <main> and its title is read out, so keyboard and screen-reader users start on the new page
// instead of at the link they left (a full page load already starts at the top on its own).
import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** The element the focus moves to: the page's <main>, else the skip links' target. */
function pageContent(): HTMLElement | null {
  return document.querySelector<HTMLElement>("#konten main") ?? document.getElementById("konten");
}

export function RouteFocus() {
  const { pathname, hash } = useLocation();
  const previous = useRef(pathname);
  // the page's title, and a new node each time: two pages with the same title are both read out
  const [announcement, setAnnouncement] = useState({ title: "", count: 0 });

  useEffect(() => {
    // the first load, a form that stays on its page (validation errors) and a search keep the focus
    if (previous.current === pathname) return;
    previous.current = pathname;
    // the new page is rendered, <Meta> included: its title is the document's
    setAnnouncement(({ count }) => ({ title: document.title, count: count + 1 }));
    // an address with a fragment goes to that part of the page, as the browser does it
    if (hash) return;
    const content = pageContent();
    if (!content) return;
    // focusable by script only, never a Tab stop
    if (!content.hasAttribute("tabindex")) content.setAttribute("tabindex", "-1");
    // the scroll position is ScrollRestoration's (the top, or where the page was on Back)
    content.focus({ preventScroll: true });
  }, [pathname, hash]);

  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      <span key={announcement.count}>{announcement.title}</span>
    </p>
  );
}
