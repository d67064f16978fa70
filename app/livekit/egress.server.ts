// Optional recording through LiveKit Egress: only when LIVEKIT_EGRESS_ENABLED=true and LiveKit is
// configured. A room-composite recording to one MP4 file in the storage the Egress service is
// configured with; the file's location arrives with the egress_ended webhook.
import { EgressClient, EncodedFileOutput, EncodedFileType } from "livekit-server-sdk";
import { env } from "~/env.server";
import { type LiveKitConfig, liveKitConfig } from "~/livekit/config.server";

/** The LiveKit configuration when recording is available, otherwise null. */
export function egressConfig(
  source: Pick<
    typeof env,
    "LIVEKIT_URL" | "LIVEKIT_API_KEY" | "LIVEKIT_API_SECRET" | "LIVEKIT_EGRESS_ENABLED"
  > = env,
): LiveKitConfig | null {
  return source.LIVEKIT_EGRESS_ENABLED === "true" ? liveKitConfig(source) : null;
}

function client(config: LiveKitConfig) {
  return new EgressClient(config.httpUrl, config.apiKey, config.apiSecret);
}

export async function startRoomRecording(config: LiveKitConfig, roomName: string) {
  const output = new EncodedFileOutput({
    fileType: EncodedFileType.MP4,
    // Egress fills in {room_name} and {time}
    filepath: "lintas/{room_name}-{time}.mp4",
  });
  const info = await client(config).startRoomCompositeEgress(roomName, output, { layout: "grid" });
  return info.egressId;
}

export async function stopRoomRecording(config: LiveKitConfig, egressId: string) {
  await client(config).stopEgress(egressId);
}
