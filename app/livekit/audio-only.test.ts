// The audio-only switch against a room stand-in: what it asks the server to send (subscriptions),
// for cameras already there, cameras published later, and people joining later.
import { EventEmitter } from "node:events";
import { type Room, RoomEvent, Track } from "livekit-client";
import { describe, expect, it } from "vitest";
import { startAudioOnly } from "~/livekit/audio-only";

/** A remote publication that keeps the subscription wish as livekit-client's does. */
function publication(source: Track.Source) {
  const wish: boolean[] = [];
  return {
    source,
    wish,
    get isDesired() {
      return wish.at(-1) ?? true;
    },
    setSubscribed(subscribed: boolean) {
      wish.push(subscribed);
    },
  };
}

function standInRoom() {
  const events = new EventEmitter();
  const participants = new Map<
    string,
    { videoTrackPublications: Map<string, ReturnType<typeof publication>> }
  >();
  const room = {
    remoteParticipants: participants,
    on: (event: string, listener: () => void) => (events.on(event, listener), room),
    off: (event: string, listener: () => void) => (events.off(event, listener), room),
  };
  const join = (identity: string, ...sources: Track.Source[]) => {
    const videoTrackPublications = new Map(
      sources.map((source, i) => [`TR_${identity}_${i}`, publication(source)]),
    );
    participants.set(identity, { videoTrackPublications });
    return [...videoTrackPublications.values()];
  };
  return { room: room as unknown as Room, events, join };
}

describe("audio only", () => {
  it("stops receiving cameras but not shared screens, and receives them again when turned off", () => {
    const { room, join } = standInRoom();
    const [camera, screen] = join("dewi", Track.Source.Camera, Track.Source.ScreenShare);
    const stop = startAudioOnly(room);
    expect(camera.wish).toEqual([false]);
    expect(screen.wish).toEqual([]);
    stop();
    expect(camera.wish).toEqual([false, true]);
    expect(screen.wish).toEqual([]);
  });

  it("also stops cameras published later and those of people who join later, until turned off", () => {
    const { room, events, join } = standInRoom();
    const stop = startAudioOnly(room);
    const [late] = join("rina", Track.Source.Camera);
    events.emit(RoomEvent.ParticipantConnected);
    expect(late.wish).toEqual([false]);
    const [later] = join("budi", Track.Source.Camera);
    events.emit(RoomEvent.TrackPublished);
    expect(later.wish).toEqual([false]);
    // asked once each, not again at every event
    expect(late.wish).toEqual([false]);
    stop();
    const [after] = join("sari", Track.Source.Camera);
    events.emit(RoomEvent.TrackPublished);
    expect(after.wish).toEqual([]);
    expect(events.listenerCount(RoomEvent.TrackPublished)).toBe(0);
    expect(events.listenerCount(RoomEvent.ParticipantConnected)).toBe(0);
  });
});
