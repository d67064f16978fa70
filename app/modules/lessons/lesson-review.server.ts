// The review of a lesson reaches people: the queue of lessons waiting for review (/tinjauan), scoped
// by the permission map's "lesson:review" (facilitators all; others the pairings they lead), and the
// notifications in the app: to the facilitators when a lesson is submitted, to its authors when a
// review comment or a decision (published, sent back) comes back. Decision 0047.
import type { Grant } from "~/auth/permissions";
import { grantsFor } from "~/auth/permissions";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { fixedT } from "~/i18n/translate";
import type { CurrentUser } from "~/modules/accounts/user.server";

type Tx = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;
const QUEUE_LIMIT = 200;

/**
 * The pairings whose lessons a person reviews, or null for every lesson (a grant of "all").
 * Region grants (no role has one today) cover the pairings of the region on either side.
 */
function reviewPairingWhere(userId: string, grants: Grant[]): Prisma.PairingWhereInput | null {
  const or: Prisma.PairingWhereInput[] = [];
  for (const grant of grants) {
    switch (grant.scope) {
      case "all":
        return null;
      case "province":
        if (grant.regionCode)
          or.push(
            { mentorRegion: { provinceCode: grant.regionCode } },
            { menteeRegion: { provinceCode: grant.regionCode } },
          );
        break;
      case "region":
        if (grant.regionCode)
          or.push({ mentorRegionCode: grant.regionCode }, { menteeRegionCode: grant.regionCode });
        break;
      default:
        // a lead of either side, with an account
        or.push({ participants: { some: { userId, isLead: true } } });
        break;
    }
  }
  return { OR: or };
}

/** Lessons the person may review: every one for a facilitator, else those of pairings they lead. */
export function reviewWhere(userId: string, grants: Grant[]): Prisma.LessonWhereInput {
  if (grants.length === 0) return { id: { in: [] } };
  const pairing = reviewPairingWhere(userId, grants);
  return pairing ? { pairing } : {};
}

/** Whether the person may comment on the lesson of this session (lesson:review in scope). */
export async function mayReviewSession(user: CurrentUser, sessionId: string) {
  const grants = grantsFor(user.memberships, "lesson:review");
  if (grants.length === 0) return false;
  const pairing = reviewPairingWhere(user.id, grants);
  const count = await prisma.session.count({ where: { id: sessionId, ...(pairing ? { pairing } : {}) } });
  return count > 0;
}

/** When each lesson was last submitted for review (its "lesson.review_requested" activity). */
async function submittedAt(lessonIds: string[]) {
  if (lessonIds.length === 0) return new Map<string, Date>();
  const rows = await prisma.activityLog.groupBy({
    by: ["subjectId"],
    where: { subjectType: "Lesson", action: "lesson.review_requested", subjectId: { in: lessonIds } },
    _max: { createdAt: true },
  });
  return new Map(rows.flatMap((r) => (r._max.createdAt ? [[r.subjectId, r._max.createdAt] as const] : [])));
}

/** Whole days from `since` to `now` (0 on the day of submission). */
export function daysWaiting(since: Date, now: Date) {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/**
 * The lessons waiting for review that the person may review, the longest-waiting first: title,
 * pairing and its regions, author, when submitted, whole days waited, open comments, and the
 * session whose lesson page is the review.
 */
export async function listReviewQueue(user: CurrentUser, grants: Grant[], now = new Date()) {
  const lessons = await prisma.lesson.findMany({
    where: { AND: [{ status: "IN_REVIEW", sessionId: { not: null } }, reviewWhere(user.id, grants)] },
    orderBy: { updatedAt: "asc" },
    take: QUEUE_LIMIT,
    select: {
      id: true,
      title: true,
      sessionId: true,
      updatedAt: true,
      author: { select: { name: true } },
      session: { select: { title: true, startsAt: true, timeZone: true } },
      pairing: {
        select: {
          topic: true,
          mentorRegion: { select: { name: true } },
          menteeRegion: { select: { name: true } },
        },
      },
      _count: { select: { comments: { where: { resolvedAt: null } } } },
    },
  });
  const submitted = await submittedAt(lessons.map((l) => l.id));
  return lessons
    .map(({ _count, updatedAt, ...lesson }) => {
      // a lesson put in review before submissions were logged waits since its last change
      const since = submitted.get(lesson.id) ?? updatedAt;
      return {
        ...lesson,
        sessionId: lesson.sessionId!,
        submittedAt: since,
        waitingDays: daysWaiting(since, now),
        openComments: _count.comments,
      };
    })
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

// ── notifications ──

type LessonForNotice = {
  id: string;
  title: string;
  sessionId: string | null;
  pairingId: string | null;
  authorId: string | null;
};

type NoticeKind = "requested" | "comment" | "published" | "sent-back";

/**
 * The facilitators a submitted lesson goes to: those of the pairing's facilitating organisation
 * (by membership or by the person's organisation) when it has any, otherwise every facilitator.
 */
async function facilitatorsFor(tx: Tx, lesson: LessonForNotice) {
  const active = { role: "FACILITATOR" as const, user: { deactivatedAt: null } };
  const pairing = lesson.pairingId
    ? await tx.pairing.findUnique({ where: { id: lesson.pairingId }, select: { facilitatorOrgId: true } })
    : null;
  const orgId = pairing?.facilitatorOrgId;
  const ofOrg = orgId
    ? await tx.membership.findMany({
        where: { ...active, OR: [{ organisationId: orgId }, { user: { organisationId: orgId } }] },
        select: { userId: true },
        distinct: ["userId"],
      })
    : [];
  if (ofOrg.length > 0) return ofOrg.map((m) => m.userId);
  const all = await tx.membership.findMany({ where: active, select: { userId: true }, distinct: ["userId"] });
  return all.map((m) => m.userId);
}

/** The lesson's authors: who drafted it and who submitted it for review, still active. */
async function authorsOf(tx: Tx, lesson: LessonForNotice) {
  const submitters = await tx.activityLog.findMany({
    where: { subjectType: "Lesson", subjectId: lesson.id, action: "lesson.review_requested" },
    select: { actorId: true },
    distinct: ["actorId"],
  });
  return [lesson.authorId, ...submitters.map((s) => s.actorId)].filter((id): id is string => Boolean(id));
}

async function notify(
  tx: Tx,
  userIds: string[],
  actorId: string,
  kind: NoticeKind,
  lesson: LessonForNotice,
  link: string,
  values: Record<string, string> = {},
  textKey: string = kind,
) {
  const ids = [...new Set(userIds)].filter((id) => id !== actorId);
  if (ids.length === 0) return 0;
  const people = await tx.user.findMany({
    where: { id: { in: ids }, deactivatedAt: null },
    select: { id: true, locale: true },
  });
  // review comments: one unread notice per lesson and person, however many comments follow
  const already =
    kind === "comment"
      ? new Set(
          (
            await tx.notification.findMany({
              where: { userId: { in: ids }, kind: "lesson-review-comment", link, readAt: null },
              select: { userId: true },
            })
          ).map((n) => n.userId),
        )
      : new Set<string>();
  const data = people
    .filter((person) => !already.has(person.id))
    .map((person) => ({
      userId: person.id,
      kind: `lesson-review-${kind}`,
      title: fixedT(person.locale)(`reviewQueue.notice.${textKey}`, { title: lesson.title, ...values }),
      link,
    }));
  if (data.length > 0) await tx.notification.createMany({ data });
  return data.length;
}

const workspaceLink = (lesson: LessonForNotice) => `/sesi/${lesson.sessionId}/pelajaran`;

/** A lesson was submitted for review: its facilitators hear of it, with the pairing named. */
export async function notifyReviewRequested(tx: Tx, lesson: LessonForNotice, actorId: string) {
  const pairing = lesson.pairingId
    ? await tx.pairing.findUnique({
        where: { id: lesson.pairingId },
        select: { mentorRegion: { select: { name: true } }, menteeRegion: { select: { name: true } } },
      })
    : null;
  const regions = pairing ? `${pairing.mentorRegion.name} → ${pairing.menteeRegion.name}` : "—";
  return notify(tx, await facilitatorsFor(tx, lesson), actorId, "requested", lesson, workspaceLink(lesson), {
    regions,
  });
}

const REASON_IN_NOTICE = 200;

/** A review comment, a publication or a sending back (with its reason): the authors hear of it. */
export async function notifyAuthors(
  tx: Tx,
  lesson: LessonForNotice,
  actorId: string,
  kind: Exclude<NoticeKind, "requested">,
  { link = workspaceLink(lesson), reason = "" }: { link?: string; reason?: string } = {},
) {
  const short = reason.length > REASON_IN_NOTICE ? `${reason.slice(0, REASON_IN_NOTICE - 1)}…` : reason;
  const key = kind === "sent-back" && short ? "sent-back-reason" : kind;
  return notify(tx, await authorsOf(tx, lesson), actorId, kind, lesson, link, { reason: short }, key);
}
