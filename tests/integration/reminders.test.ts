import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { runDueJobs } from "~/jobs/worker.server";
import { flagDueCheckIns } from "~/modules/projects/check-in-due.server";
import { createPairing } from "~/modules/pairings/create.server";
import { reminderKey, scheduleReminders, sendSessionReminder } from "~/modules/sessions/reminder.server";
import { cancelSession, moveSession } from "~/modules/sessions/reschedule.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

let facilitator: Awaited<ReturnType<typeof actorFor>>;
let kendari: { id: string; email: string };
let pairingId: string;
const quiet = { warn: () => {} };
const HOUR = 3_600_000;

/** "2026-12-01T09:00" in Asia/Jakarta, for createSessionSeries */
function wibLocal(instant: Date) {
  return new Date(instant.getTime() + 7 * HOUR).toISOString().slice(0, 16);
}

async function newSession(startsAt: Date, title = "Sesi L2T2") {
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title,
    firstLocal: wibLocal(startsAt),
    timeZone: "Asia/Jakarta",
    durationMinutes: 90,
    count: 1,
    intervalWeeks: 1,
  });
  await prisma.sessionInvitee.create({ data: { sessionId: sessions[0].id, userId: kendari.id } });
  return sessions[0];
}

/** Two workers claiming at the same moment, as two app processes would. */
function runTwoWorkers(now: Date) {
  return Promise.all(
    ["process-a", "process-b"].map((workerId) =>
      runDueJobs({ workerId, handlers: jobHandlers, now: () => now, log: quiet }),
    ),
  );
}

/** the reminders only (a move or a cancellation also tells the invitees, with the same link) */
async function remindersFor(sessionId: string) {
  const link = `/sesi/${sessionId}`;
  const notifications = await prisma.notification.findMany({
    where: { link, kind: { startsWith: "session-reminder" } },
    orderBy: { userId: "asc" },
  });
  const mails = await prisma.outboxMessage.findMany({
    where: {
      text: { contains: link },
      OR: [{ subject: { startsWith: "Pengingat:" } }, { subject: { startsWith: "Reminder:" } }],
    },
    orderBy: { to: "asc" },
  });
  return { notifications, mails };
}

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR", name: "Fasilitator Uji" })).id);
  kendari = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Andi Kendari" });
  await prisma.user.update({ where: { id: kendari.id }, data: { locale: "en" } });
  pairingId = (
    await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "Pengingat",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
});

beforeEach(async () => {
  await prisma.job.deleteMany();
});

describe("session reminders", () => {
  it("sends each reminder once to every invitee, in their language and zone, even with two workers", async () => {
    const now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const startsAt = new Date(now.getTime() + 30 * HOUR);
    const session = await newSession(startsAt, "Sesi pengingat");
    // 30 hours ahead: beyond the horizon
    expect(await scheduleReminders(now)).toBe(0);

    const dayBefore = new Date(startsAt.getTime() - 24 * HOUR);
    const scheduledAt = new Date(dayBefore.getTime() - 30 * 60_000);
    expect(await scheduleReminders(scheduledAt)).toBe(2);
    expect(await scheduleReminders(scheduledAt)).toBe(0);
    const keys = (await prisma.job.findMany({ select: { key: true, runAt: true } })).map((j) => [
      j.key,
      j.runAt.toISOString(),
    ]);
    expect(keys).toEqual(
      expect.arrayContaining([
        [reminderKey("day", session.id, 0), dayBefore.toISOString()],
        [reminderKey("15", session.id, 0), new Date(startsAt.getTime() - 15 * 60_000).toISOString()],
      ]),
    );

    // not yet due
    await runTwoWorkers(scheduledAt);
    expect((await remindersFor(session.id)).mails).toHaveLength(0);

    await runTwoWorkers(dayBefore);
    const { notifications, mails } = await remindersFor(session.id);
    expect(mails).toHaveLength(2);
    expect(notifications).toHaveLength(2);
    const english = mails.find((m) => m.to === kendari.email)!;
    expect(english.subject).toBe("Reminder: Sesi pengingat tomorrow");
    // Kendari keeps WITA: one hour ahead of the WIB the session was entered in
    const witaHour = String((startsAt.getUTCHours() + 8) % 24).padStart(2, "0");
    expect(english.text).toContain(`${witaHour}:00 WITA`);
    const indonesian = mails.find((m) => m.to !== kendari.email)!;
    expect(indonesian.subject).toBe("Pengingat: Sesi pengingat besok");
    const wibHour = String((startsAt.getUTCHours() + 7) % 24).padStart(2, "0");
    expect(indonesian.text).toContain(`${wibHour}.00 WIB`);
    expect(notifications.map((n) => n.kind)).toEqual(["session-reminder-day", "session-reminder-day"]);
    expect(
      (await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).remindedDayAt,
    ).not.toBeNull();

    // the same reminder run again (a retry, a stale lock) sends nothing more
    const again = await Promise.all([
      sendSessionReminder({ sessionId: session.id, sequence: 0, which: "day" }, dayBefore),
      sendSessionReminder({ sessionId: session.id, sequence: 0, which: "day" }, dayBefore),
    ]);
    expect(again).toEqual(["already-sent", "already-sent"]);

    await runTwoWorkers(new Date(startsAt.getTime() - 15 * 60_000));
    const after = await remindersFor(session.id);
    expect(after.mails).toHaveLength(4);
    expect(
      after.mails.filter((m) => m.subject === "Reminder: Sesi pengingat starts in 15 minutes"),
    ).toHaveLength(1);
    expect(after.notifications.filter((n) => n.kind === "session-reminder-15")).toHaveLength(2);
  });

  it("sends a moved session's reminders at the new time only", async () => {
    const now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const startsAt = new Date(now.getTime() + 20 * HOUR);
    const session = await newSession(startsAt, "Sesi dipindah");
    expect(await scheduleReminders(now)).toBe(2);

    const movedTo = new Date(startsAt.getTime() + 48 * HOUR);
    await moveSession(facilitator, session.id, {
      startLocal: wibLocal(movedTo),
      timeZone: "Asia/Jakarta",
      durationMinutes: 90,
    });
    // the old jobs come due and find a newer sequence
    await runTwoWorkers(new Date(startsAt.getTime() - 10 * 60_000));
    expect((await remindersFor(session.id)).mails).toHaveLength(0);
    const old = await prisma.job.findMany({
      where: { key: { startsWith: "reminder:" }, doneAt: { not: null } },
    });
    expect(old).toHaveLength(2);

    const newDayBefore = new Date(movedTo.getTime() - 24 * HOUR);
    expect(await scheduleReminders(new Date(newDayBefore.getTime() - HOUR))).toBe(2);
    expect(await prisma.job.count({ where: { key: reminderKey("day", session.id, 1) } })).toBe(1);
    await runTwoWorkers(newDayBefore);
    const { mails } = await remindersFor(session.id);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.subject.includes("Sesi dipindah"))).toBe(true);
  });

  it("sends nothing for a cancelled session", async () => {
    const now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const startsAt = new Date(now.getTime() + 10 * HOUR);
    const session = await newSession(startsAt, "Sesi batal");
    expect(await scheduleReminders(now)).toBe(2);
    await cancelSession(facilitator, session.id, "Banjir", null);
    await runTwoWorkers(now);
    await runTwoWorkers(new Date(startsAt.getTime() - 15 * 60_000));
    expect(await remindersFor(session.id)).toEqual({ notifications: [], mails: [] });
    expect(await scheduleReminders(now)).toBe(0);
  });

  it("sends the day reminder at once for a session set up less than a day ahead, and none an hour before", async () => {
    const now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const soon = await newSession(new Date(now.getTime() + 3 * HOUR), "Sesi mendadak");
    const verySoon = await newSession(new Date(now.getTime() + 40 * 60_000), "Sesi sangat mendadak");
    await scheduleReminders(now);
    await runTwoWorkers(now);
    expect((await remindersFor(soon.id)).mails).toHaveLength(2);
    expect((await remindersFor(verySoon.id)).mails).toHaveLength(0);
    await runTwoWorkers(new Date(now.getTime() + 25 * 60_000));
    expect((await remindersFor(verySoon.id)).notifications.map((n) => n.kind)).toEqual([
      "session-reminder-15",
      "session-reminder-15",
    ]);
  });
});

describe("the day reminder's words (issue 22)", () => {
  it("says today for a session later the same day, tomorrow for one after midnight, on each invitee's clock", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const at = (hourUtc: number) =>
      new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), hourUtc));
    // 08.00 WIB (09.00 WITA): a session at 11.00 WIB (12.00 WITA) is today for both
    const sameDay = await newSession(at(4), "Sesi siang");
    await scheduleReminders(at(1));
    await runTwoWorkers(at(1));
    const today = await remindersFor(sameDay.id);
    expect(today.mails.length).toBeGreaterThan(0);
    for (const mail of today.mails) expect(mail.subject).toMatch(/hari ini$|today$/);
    for (const n of today.notifications) expect(n.title).toMatch(/^(Hari ini|Today):/);
    // 22.00 WIB (23.00 WITA): a session at 01.00 WIB (02.00 WITA) is tomorrow for both
    const afterMidnight = await newSession(at(18), "Sesi dini hari");
    await scheduleReminders(at(15));
    await runTwoWorkers(at(15));
    const next = await remindersFor(afterMidnight.id);
    expect(next.mails.length).toBeGreaterThan(0);
    for (const mail of next.mails) expect(mail.subject).toMatch(/besok$|tomorrow$/);
    for (const n of next.notifications) expect(n.title).toMatch(/^(Besok|Tomorrow):/);
  });
});

describe("check-ins due", () => {
  it("tells the leader once when a launched project's 3-month check-in falls due", async () => {
    const leader = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
    const launchedAt = new Date(Date.now() - 100 * 86_400_000);
    const project = await prisma.changeProject.create({
      data: {
        title: "SIAP BPKAD",
        kind: "REGIONAL_INNOVATION",
        status: "LAUNCHED",
        launchedAt,
        leaderId: leader.id,
        regionCode: "35.72",
      },
    });
    expect(await flagDueCheckIns()).toBe(1);
    expect(await flagDueCheckIns()).toBe(0);
    const [notification] = await prisma.notification.findMany({ where: { userId: leader.id } });
    expect(notification).toMatchObject({ kind: "checkin-due-3", link: `/proyek/${project.id}` });
    expect(notification.title).toContain("SIAP BPKAD");
    // a check-in made in time: the 6-month one is not flagged before it is due
    await prisma.checkIn.create({ data: { projectId: project.id, status: "ON_TRACK", note: "Berjalan" } });
    expect(await flagDueCheckIns(new Date(launchedAt.getTime() + 150 * 86_400_000))).toBe(0);
  });
});
