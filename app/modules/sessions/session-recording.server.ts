// Recording a session through LiveKit Egress (when configured). Session.egressId is set while a
// recording runs; the egress_ended webhook attaches the file to Session.recordingUrl.
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { LiveKitConfig } from "~/livekit/config.server";
import { egressConfig, startRoomRecording, stopRoomRecording } from "~/livekit/egress.server";
import { ensureRoom } from "~/livekit/rooms.server";
import { logActivity } from "~/modules/accounts/activity.server";
import { PairingRuleError } from "~/modules/pairings/pairing-status";
import { OutOfScopeError } from "~/errors";
import { mayManageSession } from "~/modules/sessions/queries.server";

type Actor = Pick<Scope, "user">;

export async function startSessionRecording(
  { user }: Actor,
  sessionId: string,
  config: LiveKitConfig | null = egressConfig(),
) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
  if (!config) throw new PairingRuleError("recording.notAvailable");
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { roomName: true, status: true, egressId: true },
  });
  if (session.status === "CANCELLED" || session.status === "HELD")
    throw new PairingRuleError("recording.errors.sessionOver");
  if (session.egressId) throw new PairingRuleError("recording.errors.running");
  let egressId: string;
  try {
    await ensureRoom(config, session.roomName, sessionId);
    egressId = await startRoomRecording(config, session.roomName);
  } catch {
    throw new PairingRuleError("recording.errors.unreachable");
  }
  // only one recording at a time: a second start that raced this one loses
  const { count } = await prisma.session.updateMany({
    where: { id: sessionId, egressId: null },
    data: { egressId },
  });
  if (count !== 1) {
    await stopRoomRecording(config, egressId).catch(() => undefined);
    throw new PairingRuleError("recording.errors.running");
  }
  await logActivity({
    actorId: user.id,
    action: "session.recording_started",
    subjectType: "Session",
    subjectId: sessionId,
    data: { egressId },
  });
  return egressId;
}

export async function stopSessionRecording(
  { user }: Actor,
  sessionId: string,
  config: LiveKitConfig | null = egressConfig(),
) {
  if (!(await mayManageSession(user, sessionId))) throw new OutOfScopeError("not allowed");
  if (!config) throw new PairingRuleError("recording.notAvailable");
  const { egressId } = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { egressId: true },
  });
  if (!egressId) throw new PairingRuleError("recording.errors.notRunning");
  try {
    await stopRoomRecording(config, egressId);
  } catch {
    throw new PairingRuleError("recording.errors.unreachable");
  }
  await prisma.session.updateMany({ where: { id: sessionId, egressId }, data: { egressId: null } });
  await logActivity({
    actorId: user.id,
    action: "session.recording_stopped",
    subjectType: "Session",
    subjectId: sessionId,
    data: { egressId },
  });
}
