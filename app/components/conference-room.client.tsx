// The conference itself, in the browser only: a pre-join device check, then LiveKit's video
// conference layout (grid, chat, screen share), tuned for weak connections.
import "@livekit/components-styles";
import { LiveKitRoom, type LocalUserChoices, PreJoin, VideoConference } from "@livekit/components-react";
import { useState } from "react";

export default function ConferenceRoom({
  serverUrl,
  token,
  displayName,
  canPublish,
  labels,
}: {
  serverUrl: string;
  token: string;
  displayName: string;
  canPublish: boolean;
  labels: { join: string; leave: string; camera: string; microphone: string };
}) {
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const [left, setLeft] = useState(false);
  if (left) return null;
  if (!choices) {
    return (
      <div data-lk-theme="default" className="prejoin">
        <PreJoin
          defaults={{ username: displayName, videoEnabled: canPublish, audioEnabled: canPublish }}
          joinLabel={labels.join}
          camLabel={labels.camera}
          micLabel={labels.microphone}
          userLabel={displayName}
          persistUserChoices
          onSubmit={setChoices}
        />
      </div>
    );
  }
  return (
    <LiveKitRoom
      data-lk-theme="default"
      serverUrl={serverUrl}
      token={token}
      connect
      video={canPublish && choices.videoEnabled}
      audio={canPublish && choices.audioEnabled}
      // weak connections: receive only the resolution shown, send only layers someone watches
      options={{ adaptiveStream: true, dynacast: true }}
      onDisconnected={() => setLeft(true)}
      style={{ height: "75vh" }}
    >
      <VideoConference />
    </LiveKitRoom>
  );
}
