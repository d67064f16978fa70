// Tells a project's coach and mentor that something waits for their approval: a proposed project,
// a milestone marked done. In the app and by email (the outbox), each in the person's language,
// inside the transaction of the write that caused it; the person who made the move is not told.
import { env } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";
import { fixedT } from "~/i18n/translate";
import { queueEmail } from "~/modules/notifications/outbox.server";

type Notice =
  | { kind: "project-proposed"; link: string; values: { title: string; by: string } }
  | { kind: "milestone-ready"; link: string; values: { title: string; milestone: string; by: string } };

const KEYS = {
  "project-proposed": "projectNotices.proposed",
  "milestone-ready": "projectNotices.milestoneReady",
} as const;

export async function notifyApprovers(
  tx: Prisma.TransactionClient,
  projectId: string,
  actorId: string,
  notice: Notice,
) {
  const project = await tx.changeProject.findUnique({
    where: { id: projectId },
    select: {
      coach: { select: { id: true, email: true, locale: true } },
      mentor: { select: { id: true, email: true, locale: true } },
    },
  });
  const approvers = new Map<string, { id: string; email: string; locale: string }>();
  for (const person of [project?.coach, project?.mentor])
    if (person && person.id !== actorId) approvers.set(person.id, person);
  const key = KEYS[notice.kind];
  for (const person of approvers.values()) {
    const t = fixedT(person.locale);
    const title = t(`${key}Title`, notice.values);
    await tx.notification.create({
      data: { userId: person.id, kind: notice.kind, title, link: notice.link },
    });
    await queueEmail(
      {
        to: person.email,
        subject: title,
        text: t(`${key}Body`, { ...notice.values, link: `${env.APP_URL}${notice.link}` }),
      },
      tx,
    );
  }
  return [...approvers.keys()];
}
