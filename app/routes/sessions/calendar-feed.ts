import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedIcs } from "~/calendar/ics.server";
import { listSessionsForCalendarToken } from "~/modules/sessions/calendar-feed.server";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

// public: the private, revocable token in the address is the permission (calendar apps cannot sign in).
// The address is /kalender/<token>.ics; React Router params are whole segments, so the suffix is ours to strip.
// A feed is METHOD:PUBLISH: each session with its ORGANIZER, nobody asked to answer.
export async function loader({ params }: LoaderFunctionArgs) {
  const token = requireParam(params, "token", "calendarFile").replace(/\.ics$/, "");
  const feed = await listSessionsForCalendarToken(token);
  invariantResponse(feed, "Not found", { status: 404 });
  return new Response(feedIcs(feed.user.name, feed.sessions), {
    // personal (names, times, rooms), and the address is the only key: no cache may keep it
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
