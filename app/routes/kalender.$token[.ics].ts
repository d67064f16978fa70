import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedIcs } from "~/calendar/ics.server";
import { listSessionsForCalendarToken } from "~/models/session.server";
import { invariantResponse } from "~/utils/invariant";

// public: the private, revocable token in the address is the permission (calendar apps cannot sign in)
export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await listSessionsForCalendarToken(params.token ?? "");
  invariantResponse(feed, "Not found", { status: 404 });
  return new Response(feedIcs(feed.user.name, feed.sessions), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" },
  });
}
