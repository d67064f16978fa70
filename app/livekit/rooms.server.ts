// One LiveKit room per session, named by the session's room name, carrying the session id.
import { RoomServiceClient } from "livekit-server-sdk";
import type { LiveKitConfig } from "~/livekit/config.server";

/** Rooms close 10 minutes after the last person leaves; an empty new room waits 30 minutes. */
const EMPTY_TIMEOUT_SECONDS = 30 * 60;
const DEPARTURE_TIMEOUT_SECONDS = 10 * 60;

/**
 * How long the room page waits for LiveKit before it answers "unreachable" (docs/decisions/0058):
 * the SDK's own default is 10 s per request, and an unresolvable or firewalled host held the
 * page for 6–10 s. The browser then retries with backoff while the person tests their devices.
 */
export const ROOM_CHECK_TIMEOUT_MS = 800;

function client(config: LiveKitConfig, timeoutMs?: number) {
  return new RoomServiceClient(
    config.httpUrl,
    config.apiKey,
    config.apiSecret,
    // the SDK counts its timeout in seconds
    timeoutMs ? { requestTimeout: timeoutMs / 1000 } : undefined,
  );
}

export async function ensureRoom(
  config: LiveKitConfig,
  roomName: string,
  sessionId: string,
  { timeoutMs }: { timeoutMs?: number } = {},
) {
  // CreateRoom is idempotent on the name: calling it for an existing room returns that room
  return client(config, timeoutMs).createRoom({
    name: roomName,
    emptyTimeout: EMPTY_TIMEOUT_SECONDS,
    departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
    metadata: JSON.stringify({ sessionId }),
  });
}

export async function deleteRoom(config: LiveKitConfig, roomName: string) {
  await client(config).deleteRoom(roomName);
}
