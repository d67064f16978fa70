// One LiveKit room per session, named by the session's room name, carrying the session id.
import { RoomServiceClient } from "livekit-server-sdk";
import type { LiveKitConfig } from "~/livekit/config.server";

/** Rooms close 10 minutes after the last person leaves; an empty new room waits 30 minutes. */
const EMPTY_TIMEOUT_SECONDS = 30 * 60;
const DEPARTURE_TIMEOUT_SECONDS = 10 * 60;

function client(config: LiveKitConfig) {
  return new RoomServiceClient(config.httpUrl, config.apiKey, config.apiSecret);
}

export async function ensureRoom(config: LiveKitConfig, roomName: string, sessionId: string) {
  // CreateRoom is idempotent on the name: calling it for an existing room returns that room
  return client(config).createRoom({
    name: roomName,
    emptyTimeout: EMPTY_TIMEOUT_SECONDS,
    departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
    metadata: JSON.stringify({ sessionId }),
  });
}

export async function deleteRoom(config: LiveKitConfig, roomName: string) {
  await client(config).deleteRoom(roomName);
}
