// The conference itself, in the browser only: a pre-join device check, then LiveKit's video
// conference layout (grid, chat, screen share), tuned for weak connections.
import "@livekit/components-styles";
import {
  LiveKitRoom,
  type LocalUserChoices,
  PreJoin,
  VideoConference,
  useRoomContext,
} from "@livekit/components-react";
import { startAudioOnly } from "~/livekit/audio-only";
import { useEffect, useRef, useState } from "react";

/** The audio-only switch: the others' cameras are not received and one's own camera goes off. */
function AudioOnlyToggle({ label, hint }: { label: string; hint: string }) {
  const room = useRoomContext();
  const [audioOnly, setAudioOnly] = useState(false);
  useEffect(() => (audioOnly ? startAudioOnly(room) : undefined), [room, audioOnly]);
  return (
    <div className="audio-only">
      <label>
        <input
          type="checkbox"
          checked={audioOnly}
          aria-describedby="audio-only-hint"
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setAudioOnly(on);
            if (on) void room.localParticipant.setCameraEnabled(false).catch(() => undefined);
          }}
        />{" "}
        {label}
      </label>
      <p id="audio-only-hint">{hint}</p>
    </div>
  );
}

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
  labels: {
    join: string;
    leave: string;
    camera: string;
    microphone: string;
    chooseCamera: string;
    chooseMicrophone: string;
    audioOnly: string;
    audioOnlyHint: string;
  };
}) {
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const [left, setLeft] = useState(false);
  const prejoin = useRef<HTMLDivElement>(null);
  // PreJoin's device-menu buttons are icons without a name; give them one, in the page's language
  useEffect(() => {
    const container = prejoin.current;
    if (!container) return;
    const name = () => {
      for (const [group, label] of [
        [".audio", labels.chooseMicrophone],
        [".video", labels.chooseCamera],
      ] as const) {
        const button = container.querySelector(`${group} .lk-button-menu`);
        if (button && button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
      }
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [choices, labels.chooseCamera, labels.chooseMicrophone]);
  if (left) return null;
  if (!choices) {
    return (
      <div data-lk-theme="default" className="prejoin" ref={prejoin}>
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
      <AudioOnlyToggle label={labels.audioOnly} hint={labels.audioOnlyHint} />
      <VideoConference />
    </LiveKitRoom>
  );
}
