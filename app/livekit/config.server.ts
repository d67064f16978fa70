// LiveKit is optional: without LIVEKIT_URL/KEY/SECRET sessions are still scheduled, and the
// room page says clearly that no conference server is configured.
import { env } from "~/env.server";

export type LiveKitConfig = { url: string; httpUrl: string; apiKey: string; apiSecret: string };

export function liveKitConfig(
  source: Pick<typeof env, "LIVEKIT_URL" | "LIVEKIT_API_KEY" | "LIVEKIT_API_SECRET"> = env,
): LiveKitConfig | null {
  if (!source.LIVEKIT_URL || !source.LIVEKIT_API_KEY || !source.LIVEKIT_API_SECRET) return null;
  // the browser connects by WebSocket; the server API speaks HTTP(S) to the same host
  const httpUrl = source.LIVEKIT_URL.replace(/^ws(s?):\/\//, "http$1://");
  return {
    url: source.LIVEKIT_URL,
    httpUrl,
    apiKey: source.LIVEKIT_API_KEY,
    apiSecret: source.LIVEKIT_API_SECRET,
  };
}
