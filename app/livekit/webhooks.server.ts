// LiveKit webhooks: signature checked with the SDK's WebhookReceiver, stale events refused,
// each event applied once (its id is stored in the same transaction), unknown rooms ignored
// with a 200 so LiveKit does not retry them. Attendance and the session's status follow; a
// finished recording (egress_ended) attaches its file to the session.
import { WebhookReceiver } from "livekit-server-sdk";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { LiveKitConfig } from "~/livekit/config.server";

const MAX_AGE_SECONDS = 10 * 60;

export type WebhookOutcome =
  | { status: 401; reason: "bad-signature" | "stale" }
  | { status: 200; outcome: "applied" | "duplicate" | "unknown-room" | "ignored" };

export async function handleLiveKitWebhook(
  config: LiveKitConfig,
  body: string,
  authHeader: string | null,
  now = new Date(),
): Promise<WebhookOutcome> {
  let event: Awaited<ReturnType<WebhookReceiver["receive"]>>;
  try {
    event = await new WebhookReceiver(config.apiKey, config.apiSecret).receive(body, authHeader ?? undefined);
  } catch {
    return { status: 401, reason: "bad-signature" };
  }
  const createdAt = Number(event.createdAt);
  if (!event.id || !createdAt || Math.abs(now.getTime() / 1000 - createdAt) > MAX_AGE_SECONDS)
    return { status: 401, reason: "stale" };

  // egress events carry the room in their egress info, not in `room`
  const roomName = event.room?.name || event.egressInfo?.roomName;
  const session = roomName
    ? await prisma.session.findUnique({ where: { roomName }, select: { id: true } })
    : null;
  if (!session) return { status: 200, outcome: "unknown-room" };
  const at = new Date(createdAt * 1000);

  try {
    return await prisma.$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { id: event.id, kind: event.event } });
      switch (event.event) {
        case "room_started":
          await tx.session.updateMany({
            where: { id: session.id, status: "SCHEDULED" },
            data: { status: "LIVE", startedAt: at },
          });
          return { status: 200, outcome: "applied" } as const;
        case "room_finished":
          await tx.session.updateMany({
            where: { id: session.id, status: { in: ["SCHEDULED", "LIVE"] } },
            data: { status: "HELD", endedAt: at },
          });
          await tx.attendance.updateMany({
            where: { sessionId: session.id, leftAt: null },
            data: { leftAt: at },
          });
          return { status: 200, outcome: "applied" } as const;
        case "participant_joined": {
          const identity = event.participant?.identity ?? "";
          const user = await tx.user.findUnique({
            where: { id: identity },
            select: { id: true, name: true, regionCode: true },
          });
          await tx.attendance.create({
            data: {
              sessionId: session.id,
              identity,
              name: event.participant?.name || user?.name || identity,
              userId: user?.id ?? null,
              regionCode: user?.regionCode ?? null,
              joinedAt: at,
              source: "LIVEKIT",
            },
          });
          await tx.session.updateMany({
            where: { id: session.id, status: "SCHEDULED" },
            data: { status: "LIVE", startedAt: at },
          });
          return { status: 200, outcome: "applied" } as const;
        }
        case "participant_left": {
          const open = await tx.attendance.findFirst({
            where: { sessionId: session.id, identity: event.participant?.identity ?? "", leftAt: null },
            orderBy: { joinedAt: "desc" },
          });
          if (open) await tx.attendance.update({ where: { id: open.id }, data: { leftAt: at } });
          return { status: 200, outcome: "applied" } as const;
        }
        case "egress_ended": {
          // the recording's file (its location in the Egress storage, else its name) becomes the
          // session's recording link; the running egress id is cleared
          const info = event.egressInfo;
          const file = info?.fileResults?.[0];
          const location = file?.location || file?.filename || "";
          if (location)
            await tx.session.update({ where: { id: session.id }, data: { recordingUrl: location } });
          if (info?.egressId)
            await tx.session.updateMany({
              where: { id: session.id, egressId: info.egressId },
              data: { egressId: null },
            });
          return { status: 200, outcome: "applied" } as const;
        }
        default:
          return { status: 200, outcome: "ignored" } as const;
      }
    });
  } catch (error) {
    // the same event delivered again: its id is already stored
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { status: 200, outcome: "duplicate" };
    throw error;
  }
}
