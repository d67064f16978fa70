// A time everyone can make: the facilitator offers candidate slots for a pairing's session (or a
// whole series), each invitee answers yes / if need be / no per slot in their own zone, signed in
// or through a personal link (a token of which only the sha256 is kept, like invitations), and the
// slot the facilitator picks becomes the session(s), scheduled and invited by createSessionSeries.
// Every instant is stored in UTC and shown per person in their zone (WIB, WITA, WIT), so no slot
// shifts a day between Jayapura and Jakarta (docs/decisions/0055-time-poll.md).
import { randomBytes } from "node:crypto";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { ConflictError, OutOfScopeError, RuleError } from "~/errors";
import type { Prisma } from "~/generated/prisma/client";
import type { TimePollChoice } from "~/generated/prisma/enums";
import { fixedT } from "~/i18n/translate";
import { logActivity } from "~/modules/accounts/activity.server";
import { type CurrentUser, hashToken } from "~/modules/accounts/user.server";
import { queueEmail } from "~/modules/notifications/outbox.server";
import { mayOnPairing } from "~/modules/pairings/queries.server";
import { findConflicts } from "~/modules/sessions/reschedule.server";
import { createSessionSeries, seriesStarts } from "~/modules/sessions/schedule.server";
import type { OpenPollValues, PollChoice } from "~/modules/sessions/time-poll-schemas";
import { formatInstant, parseWallClock, toWallClock } from "~/utils/dates";

type Actor = Pick<Scope, "user">;

/** Whether the person may open, read the grid of and decide a pairing's polls. */
export function mayManagePolls(user: CurrentUser, pairingId: string) {
  return mayOnPairing(user, pairingId, "poll:manage");
}

type Asked = { userId: string | null; name: string; email: string; locale: string; timeZone: string };

/**
 * Who a poll asks: the pairing's participants with an active account (the people a series would
 * invite), and those without one for whom the facilitator gave an email (by participant id). An
 * email that belongs to an account asks that account.
 */
async function askedFor(
  pairingId: string,
  pollZone: string,
  guestEmails: Record<string, string | undefined>,
  excludeUserId: string,
): Promise<Asked[]> {
  const participants = await prisma.pairingParticipant.findMany({
    where: { pairingId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      region: { select: { timeZone: true } },
      user: { select: askedUserSelect },
    },
  });
  const emails = Object.values(guestEmails).filter((e): e is string => Boolean(e));
  const accounts = new Map(
    (
      await prisma.user.findMany({
        where: { email: { in: emails }, deactivatedAt: null },
        select: askedUserSelect,
      })
    ).map((u) => [u.email, u]),
  );
  const asked = new Map<string, Asked>();
  const fromAccount = (u: Prisma.UserGetPayload<{ select: typeof askedUserSelect }>): Asked => ({
    userId: u.id,
    name: u.name,
    email: u.email,
    locale: u.locale,
    timeZone: u.timeZone ?? u.region?.timeZone ?? pollZone,
  });
  for (const p of participants) {
    const email = guestEmails[p.id];
    const account = p.user ?? (email ? accounts.get(email) : undefined);
    if (account) {
      if (!account.deactivatedAt && account.id !== excludeUserId)
        asked.set(account.email, fromAccount(account));
    } else if (email && !asked.has(email))
      asked.set(email, { userId: null, name: p.name, email, locale: "id", timeZone: p.region.timeZone });
  }
  return [...asked.values()];
}

const askedUserSelect = {
  id: true,
  name: true,
  email: true,
  locale: true,
  timeZone: true,
  deactivatedAt: true,
  region: { select: { timeZone: true } },
} as const;

/** The pairing's participants without an account: the form asks for an email to send their link to. */
export async function listParticipantsWithoutAccount(pairingId: string) {
  return prisma.pairingParticipant.findMany({
    where: { pairingId, userId: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, region: { select: { name: true } } },
  });
}

/**
 * Opens a poll with the slots given as wall clocks in `timeZone`, asks everyone `askedFor` finds
 * (an email with their personal link; those with an account also a notification in the app) and
 * returns the poll with each person's token by email (shown nowhere else; only its hash is kept).
 */
export async function openTimePoll(
  { user }: Actor,
  pairingId: string,
  input: OpenPollValues,
  now = new Date(),
) {
  if (!(await mayManagePolls(user, pairingId))) throw new OutOfScopeError("not allowed");
  // a time that does not exist (30 February) is the form's error, before anything is written
  const starts = input.slot.map((slot) => parseWallClock(slot, input.timeZone));
  if (starts.some((start) => start.getTime() <= now.getTime())) throw new RuleError("timePoll.errors.past");
  const invitees = await askedFor(pairingId, input.timeZone, input.guest ?? {}, user.id);
  if (invitees.length === 0) throw new RuleError("timePoll.errors.nobody");
  const tokens = new Map(invitees.map((p) => [p.email, randomBytes(32).toString("base64url")]));
  return prisma.$transaction(async (tx) => {
    // one open poll per pairing: two facilitators opening at once wait for each other here
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`time-poll:${pairingId}`}))`;
    if (await tx.timePoll.count({ where: { pairingId, status: "OPEN" } }))
      throw new RuleError("timePoll.errors.alreadyOpen");
    const poll = await tx.timePoll.create({
      data: {
        pairingId,
        title: input.title,
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        count: input.count,
        intervalWeeks: input.intervalWeeks,
        createdById: user.id,
        slots: {
          create: [...starts].sort((a, b) => a.getTime() - b.getTime()).map((startsAt) => ({ startsAt })),
        },
        invitees: {
          create: invitees.map(({ locale: _locale, ...p }) => ({
            ...p,
            tokenHash: hashToken(tokens.get(p.email)!),
          })),
        },
      },
      include: { slots: { orderBy: { startsAt: "asc" } } },
    });
    for (const person of invitees) {
      const t = fixedT(person.locale);
      const language = person.locale === "en" ? "en" : "id";
      const values = {
        name: person.name,
        title: input.title,
        facilitator: user.name,
        slots: poll.slots.map((s) => `- ${formatInstant(s.startsAt, person.timeZone, language)}`).join("\n"),
        link: `${env.APP_URL}/pilih-waktu/${tokens.get(person.email)}`,
      };
      await queueEmail(
        {
          to: person.email,
          subject: t("timePoll.openedSubject", values),
          text: t("timePoll.openedBody", values),
        },
        tx,
      );
      if (person.userId)
        await tx.notification.create({
          data: {
            userId: person.userId,
            kind: "time-poll-opened",
            title: t("timePoll.openedNotification", values),
            link: `/pasangan/${pairingId}/pilih-waktu`,
          },
        });
    }
    await logActivity(
      {
        actorId: user.id,
        action: "time_poll.opened",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { title: input.title, slots: starts.length, asked: invitees.length },
      },
      tx,
    );
    return { poll, tokens };
  });
}

/** The invitee a personal link belongs to, or null (unknown token). */
export async function findInviteeByToken(token: string) {
  return prisma.timePollInvitee.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, pollId: true, userId: true, poll: { select: { pairingId: true } } },
  });
}

/** The signed-in person's place in the pairing's newest poll, or null when they are not asked. */
export async function findInviteeForUser(userId: string, pairingId: string) {
  return prisma.timePollInvitee.findFirst({
    where: { userId, poll: { pairingId } },
    orderBy: { poll: { createdAt: "desc" } },
    select: { id: true, pollId: true, userId: true, poll: { select: { pairingId: true } } },
  });
}

/** Every session start a slot stands for (one, or the whole series from it). */
function startsOf(poll: { timeZone: string; count: number; intervalWeeks: number }, startsAt: Date) {
  return seriesStarts({ firstLocal: toWallClock(startsAt, poll.timeZone), ...poll });
}

/**
 * What one invitee sees: every slot, their answer, and the other Lintas sessions they already have
 * then (theirs: the titles are shown). The pairing's zones come along so the page can show the
 * other side's clock.
 */
export async function getAnswerSheet(inviteeId: string) {
  const invitee = await prisma.timePollInvitee.findUniqueOrThrow({
    where: { id: inviteeId },
    select: {
      id: true,
      userId: true,
      name: true,
      timeZone: true,
      answers: { select: { slotId: true, choice: true } },
      poll: {
        select: {
          id: true,
          title: true,
          status: true,
          timeZone: true,
          durationMinutes: true,
          count: true,
          intervalWeeks: true,
          chosenSlotId: true,
          slots: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } },
          pairing: {
            select: {
              id: true,
              topic: true,
              mentorRegion: { select: { name: true, timeZone: true } },
              menteeRegion: { select: { name: true, timeZone: true } },
            },
          },
        },
      },
    },
  });
  const { poll } = invitee;
  const answers = new Map(invitee.answers.map((a) => [a.slotId, a.choice]));
  const slots = await Promise.all(
    poll.slots.map(async (slot) => ({
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      choice: (answers.get(slot.id) ?? null) as PollChoice | null,
      // someone without an account has no other Lintas sessions
      conflicts: invitee.userId ? await conflictsOver([invitee.userId], poll, slot.startsAt) : [],
    })),
  );
  return {
    invitee: { id: invitee.id, name: invitee.name, zone: invitee.timeZone },
    poll: pollSummary(poll),
    slots,
  };
}

function pollSummary(poll: {
  id: string;
  title: string;
  status: "OPEN" | "DECIDED";
  timeZone: string;
  durationMinutes: number;
  count: number;
  intervalWeeks: number;
  chosenSlotId: string | null;
  pairing: {
    id: string;
    topic: string;
    mentorRegion: { name: string; timeZone: string };
    menteeRegion: { name: string; timeZone: string };
  };
}) {
  const { pairing, ...rest } = poll;
  return {
    ...rest,
    pairing: {
      id: pairing.id,
      topic: pairing.topic,
      sides: [pairing.mentorRegion, pairing.menteeRegion],
    },
  };
}

/** The sessions of these people overlapping any session the slot stands for (a series: each one). */
async function conflictsOver(
  userIds: string[],
  poll: { timeZone: string; count: number; intervalWeeks: number; durationMinutes: number },
  startsAt: Date,
  viewer?: CurrentUser,
) {
  const found = await Promise.all(
    startsOf(poll, startsAt).map((start) =>
      findConflicts(userIds, start, poll.durationMinutes, undefined, viewer),
    ),
  );
  const byId = new Map(found.flat().map((c) => [c.id, c]));
  return [...byId.values()].map((c) => ({
    id: c.id,
    title: c.title,
    startsAt: c.startsAt.toISOString(),
    people: c.people,
  }));
}

/**
 * Saves an invitee's answers (only for the slots of their own poll; others are ignored) while the
 * poll is open: a poll decided meanwhile refuses (ConflictError), read and written in one statement
 * order under the poll's row lock.
 */
export async function answerTimePoll(inviteeId: string, answers: Record<string, PollChoice>) {
  return prisma.$transaction(async (tx) => {
    const invitee = await tx.timePollInvitee.findUniqueOrThrow({
      where: { id: inviteeId },
      select: { pollId: true, poll: { select: { slots: { select: { id: true } } } } },
    });
    // the pick takes this row for update: an answer and a pick never cross
    const [poll] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM "TimePoll" WHERE id = ${invitee.pollId} FOR SHARE`;
    if (poll?.status !== "OPEN") throw new ConflictError("poll decided");
    const slotIds = new Set(invitee.poll.slots.map((s) => s.id));
    const given = Object.entries(answers).filter(([slotId]) => slotIds.has(slotId));
    for (const [slotId, choice] of given)
      await tx.timePollAnswer.upsert({
        where: { inviteeId_slotId: { inviteeId, slotId } },
        create: { inviteeId, slotId, choice: choice as TimePollChoice },
        update: { choice: choice as TimePollChoice },
      });
    return given.length;
  });
}

/** The pairing's newest poll as its manager sees it: each slot with its counts, answers and conflicts. */
export async function getPollGrid(user: CurrentUser, pairingId: string) {
  if (!(await mayManagePolls(user, pairingId))) throw new OutOfScopeError("not allowed");
  const poll = await prisma.timePoll.findFirst({
    where: { pairingId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      timeZone: true,
      durationMinutes: true,
      count: true,
      intervalWeeks: true,
      chosenSlotId: true,
      seriesId: true,
      slots: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, answers: { select: { inviteeId: true, choice: true } } },
      },
      invitees: {
        orderBy: { name: "asc" },
        select: { id: true, userId: true, name: true, timeZone: true },
      },
      pairing: {
        select: {
          id: true,
          topic: true,
          mentorRegion: { select: { name: true, timeZone: true } },
          menteeRegion: { select: { name: true, timeZone: true } },
        },
      },
    },
  });
  if (!poll) return null;
  const userIds = poll.invitees.flatMap((i) => (i.userId ? [i.userId] : []));
  const slots = await Promise.all(
    poll.slots.map(async (slot) => {
      const choices = new Map(slot.answers.map((a) => [a.inviteeId, a.choice as PollChoice]));
      const counts = { YES: 0, IF_NEED_BE: 0, NO: 0 };
      for (const choice of choices.values()) counts[choice] += 1;
      return {
        id: slot.id,
        startsAt: slot.startsAt.toISOString(),
        counts,
        unanswered: poll.invitees.length - choices.size,
        choices: poll.invitees.map((i) => choices.get(i.id) ?? null),
        conflicts: await conflictsOver(userIds, poll, slot.startsAt, user),
      };
    }),
  );
  const { invitees, slots: _slots, ...rest } = poll;
  return {
    poll: { ...pollSummary(rest), seriesId: poll.seriesId },
    invitees: invitees.map((i) => ({
      id: i.id,
      name: i.name,
      zone: i.timeZone,
      hasAccount: i.userId !== null,
    })),
    slots,
  };
}

/**
 * The facilitator's pick: the poll is claimed (OPEN → DECIDED, in one conditional statement, so a
 * second pick or a late answer finds it decided), then the slot becomes the session or the series
 * through createSessionSeries, which invites everyone asked. Should scheduling fail, the poll is
 * opened again.
 */
export async function pickTimePollSlot({ user }: Actor, pairingId: string, slotId: string) {
  if (!(await mayManagePolls(user, pairingId))) throw new OutOfScopeError("not allowed");
  const poll = await prisma.timePoll.findFirst({
    where: { pairingId, status: "OPEN", slots: { some: { id: slotId } } },
    select: {
      id: true,
      title: true,
      timeZone: true,
      durationMinutes: true,
      count: true,
      intervalWeeks: true,
      slots: { where: { id: slotId }, select: { startsAt: true } },
      invitees: { select: { userId: true, name: true, email: true, timeZone: true } },
    },
  });
  if (!poll) throw new ConflictError("no open poll with this slot");
  const { count: claimed } = await prisma.timePoll.updateMany({
    where: { id: poll.id, status: "OPEN" },
    data: { status: "DECIDED", chosenSlotId: slotId, decidedAt: new Date() },
  });
  if (claimed === 0) throw new ConflictError("decided meanwhile");
  let created: Awaited<ReturnType<typeof createSessionSeries>>;
  try {
    created = await createSessionSeries(
      { user },
      {
        pairingId,
        title: poll.title,
        firstLocal: toWallClock(poll.slots[0].startsAt, poll.timeZone),
        timeZone: poll.timeZone,
        durationMinutes: poll.durationMinutes,
        count: poll.count,
        intervalWeeks: poll.intervalWeeks,
        inviteeIds: poll.invitees.flatMap((i) => (i.userId ? [i.userId] : [])),
      },
    );
  } catch (error) {
    await prisma.timePoll.updateMany({
      where: { id: poll.id, status: "DECIDED", chosenSlotId: slotId },
      data: { status: "OPEN", chosenSlotId: null, decidedAt: null },
    });
    throw error;
  }
  const { series, sessions } = created;
  await prisma.$transaction(async (tx) => {
    await tx.timePoll.update({ where: { id: poll.id }, data: { seriesId: series.id } });
    // those who are not the sessions' invitees (no account, or an account that is not the
    // pairing's participant) were not written to by createSessionSeries: they hear the time by
    // email, on their own clock
    const invited = new Set(
      (
        await tx.sessionInvitee.findMany({ where: { sessionId: sessions[0].id }, select: { userId: true } })
      ).map((i) => i.userId),
    );
    for (const guest of poll.invitees.filter((i) => !i.userId || !invited.has(i.userId))) {
      const t = fixedT("id");
      const values = {
        name: guest.name,
        title: poll.title,
        when: sessions.map((s) => `- ${formatInstant(s.startsAt, guest.timeZone, "id")}`).join("\n"),
      };
      await queueEmail(
        {
          to: guest.email,
          subject: t("timePoll.decidedSubject", values),
          text: t("timePoll.decidedBody", values),
        },
        tx,
      );
    }
    await logActivity(
      {
        actorId: user.id,
        action: "time_poll.decided",
        subjectType: "Pairing",
        subjectId: pairingId,
        data: { title: poll.title, sessions: sessions.length },
      },
      tx,
    );
  });
  return { series, sessions };
}
