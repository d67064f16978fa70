// The conference itself, in the browser only: a pre-join device check (with the audio-only choice
// for weak connections), then LiveKit's video conference layout (grid, chat, screen share), tuned
// for weak connections. While the server is unreachable the pre-join still works; the choices are
// kept and the room joins once the page finds the server (docs/decisions/0058). A connection that
// fails or drops is tried again with backoff.
import "@livekit/components-styles";
import {
  LiveKitRoom,
  type LocalUserChoices,
  PreJoin,
  VideoConference,
  useRoomContext,
} from "@livekit/components-react";
import { startAudioOnly } from "~/livekit/audio-only";
import { DisconnectReason } from "livekit-client";
import { useEffect, useRef, useState } from "react";

/** The audio-only switch: the others' cameras are not received and one's own camera goes off. */
function AudioOnlyToggle({ label, hint, initial }: { label: string; hint: string; initial: boolean }) {
  const room = useRoomContext();
  const [audioOnly, setAudioOnly] = useState(initial);
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

/** Seconds before reconnecting after failure n (1-based): 2, 4, 8, 16, then every 30. */
function reconnectDelayMs(failures: number) {
  return Math.min(30, 2 ** failures) * 1000;
}

export default function ConferenceRoom({
  serverUrl,
  token,
  reachable,
  displayName,
  canPublish,
  labels,
}: {
  serverUrl: string;
  token: string;
  /** false while the page could not reach the server: the pre-join only, choices kept */
  reachable: boolean;
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
    waitingToJoin: string;
    connectionLost: string;
  };
}) {
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const [audioOnly, setAudioOnly] = useState(false);
  const [left, setLeft] = useState(false);
  // failed or dropped connections so far; the room is mounted again after a backoff
  const [failures, setFailures] = useState(0);
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setWaiting(false), reconnectDelayMs(failures));
    return () => clearTimeout(timer);
  }, [waiting, failures]);
  const failed = () => {
    setFailures((n) => n + 1);
    setWaiting(true);
  };
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
        {canPublish ? (
          <div className="audio-only">
            <label>
              <input
                type="checkbox"
                checked={audioOnly}
                aria-describedby="prejoin-audio-only-hint"
                onChange={(event) => setAudioOnly(event.currentTarget.checked)}
              />{" "}
              {labels.audioOnly}
            </label>
            <p id="prejoin-audio-only-hint">{labels.audioOnlyHint}</p>
          </div>
        ) : null}
        <PreJoin
          defaults={{ username: displayName, videoEnabled: canPublish, audioEnabled: canPublish }}
          joinLabel={labels.join}
          camLabel={labels.camera}
          micLabel={labels.microphone}
          userLabel={displayName}
          persistUserChoices
          onSubmit={(chosen) => setChoices(audioOnly ? { ...chosen, videoEnabled: false } : chosen)}
        />
      </div>
    );
  }
  if (!reachable || waiting) {
    return (
      <p role="status" className="notice">
        {failures > 0 ? labels.connectionLost : labels.waitingToJoin}
      </p>
    );
  }
  return (
    <LiveKitRoom
      key={failures}
      data-lk-theme="default"
      serverUrl={serverUrl}
      token={token}
      connect
      video={canPublish && choices.videoEnabled}
      audio={canPublish && choices.audioEnabled}
      // weak connections: receive only the resolution shown, send only layers someone watches
      options={{ adaptiveStream: true, dynacast: true }}
      onError={failed}
      // leaving is the person's choice; anything else (the server gone) is tried again
      onDisconnected={(reason) =>
        reason === DisconnectReason.CLIENT_INITIATED || reason === undefined ? setLeft(true) : failed()
      }
      style={{ height: "75vh" }}
    >
      <AudioOnlyToggle label={labels.audioOnly} hint={labels.audioOnlyHint} initial={audioOnly} />
      <VideoConference />
    </LiveKitRoom>
  );
}
