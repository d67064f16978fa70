// Short-lived join tokens: identity = user id, name = display name and region.
import { AccessToken } from "livekit-server-sdk";
import type { LiveKitConfig } from "~/livekit/config.server";

export type JoinRole = "moderator" | "participant" | "observer";

export async function joinToken(
  config: LiveKitConfig,
  { roomName, identity, name, role }: { roomName: string; identity: string; name: string; role: JoinRole },
) {
  const token = new AccessToken(config.apiKey, config.apiSecret, { identity, name, ttl: "15m" });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    roomAdmin: role === "moderator",
    canPublish: role !== "observer",
    canPublishData: role !== "observer",
    canSubscribe: true,
  });
  return token.toJwt();
}
