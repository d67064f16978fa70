import type { ActionFunctionArgs } from "@remix-run/node";
import { liveKitConfig } from "~/livekit/config.server";
import { handleLiveKitWebhook } from "~/livekit/webhooks.server";

// public: LiveKit calls it; the signed Authorization header is the permission
export async function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const config = liveKitConfig();
  if (!config) return new Response("LiveKit is not configured", { status: 404 });
  const body = await request.text();
  if (body.length > 1_000_000) return new Response("Too large", { status: 413 });
  const result = await handleLiveKitWebhook(config, body, request.headers.get("Authorization"));
  return Response.json(result, { status: result.status });
}
