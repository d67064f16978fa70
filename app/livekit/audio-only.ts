// Audio only, for a weak connection: the browser stops subscribing to the others' cameras, so the
// LiveKit server sends no camera video at all; sound and shared screens are still received.
import { type Room, RoomEvent, Track } from "livekit-client";

type RoomLike = Pick<Room, "remoteParticipants" | "on" | "off">;

/** Subscribes to every remote camera, or to none; other tracks are left as they are. */
export function receiveCameras(room: RoomLike, receive: boolean) {
  for (const participant of room.remoteParticipants.values())
    for (const publication of participant.videoTrackPublications.values())
      if (publication.source === Track.Source.Camera && publication.isDesired !== receive)
        publication.setSubscribed(receive);
}

/**
 * Stops receiving cameras now and those published later (by people already in the room or joining
 * later); the returned function receives them again.
 */
export function startAudioOnly(room: RoomLike) {
  const apply = () => receiveCameras(room, false);
  apply();
  room.on(RoomEvent.TrackPublished, apply).on(RoomEvent.ParticipantConnected, apply);
  return () => {
    room.off(RoomEvent.TrackPublished, apply).off(RoomEvent.ParticipantConnected, apply);
    receiveCameras(room, true);
  };
}
