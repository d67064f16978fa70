// Reminders and invitations by WhatsApp (issue 22, item 8): through the job queue and the Cloud
// API's stand-in (tests/fixtures/whatsapp.ts), once per person and session, none when the operator
// has not switched it on, a 5xx retried with backoff.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { env, parseEnv } from "~/env.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { deliverWhatsAppMessage } from "~/modules/notifications/whatsapp.server";
import { runDueJobs } from "~/jobs/worker.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { scheduleReminders } from "~/modules/sessions/reminder.server";
import { moveSession } from "~/modules/sessions/reschedule.server";
import { inviteToSession } from "~/modules/sessions/session-agenda.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";
import { startWhatsAppStandIn } from "../fixtures/whatsapp";

const HOUR = 3_600_000;

/**
 * When the day reminder runs: the next 10:00 UTC at least two hours away (17:00 WIB, 18:00 WITA),
 * so a session 20 hours later is "tomorrow" on both sides' calendars whatever the time of day the
 * test runs (from an arbitrary hour, 20 hours later can be the same calendar day).
 */
function reminderTime(): Date {
  const day = 24 * HOUR;
  const earliest = Date.now() + 2 * HOUR;
  const tenToday = Math.floor(earliest / day) * day + 10 * HOUR;
  return new Date(tenToday >= earliest ? tenToday : tenToday + day);
}
const quiet = { warn: () => {} };
let standIn: Awaited<ReturnType<typeof startWhatsAppStandIn>>;
let facilitator: Awaited<ReturnType<typeof actorFor>>;
let pairingId: string;
const people = {} as Record<"kendari" | "blitar" | "noNumber", { id: string; email: string }>;

const ids = () => Object.values(people).map((p) => p.id);

function useWhatsApp(on: boolean) {
  env.WHATSAPP_TOKEN = on ? "token-uji" : undefined;
  env.WHATSAPP_PHONE_NUMBER_ID = on ? "109876" : undefined;
  env.WHATSAPP_API_URL = standIn.apiUrl;
}

/** "2026-12-01T09:00" in Asia/Jakarta, for createSessionSeries */
function wibLocal(instant: Date) {
  return new Date(instant.getTime() + 7 * HOUR).toISOString().slice(0, 16);
}

async function newSession(startsAt: Date, title: string) {
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title,
    firstLocal: wibLocal(startsAt),
    timeZone: "Asia/Jakarta",
    durationMinutes: 90,
    count: 1,
    intervalWeeks: 1,
  });
  await prisma.sessionInvitee.createMany({
    data: Object.values(people).map((p) => ({ sessionId: sessions[0].id, userId: p.id })),
  });
  return sessions[0];
}

function runJobs(now: Date) {
  return Promise.all(
    ["process-a", "process-b"].map((workerId) =>
      runDueJobs({ workerId, handlers: jobHandlers, now: () => now, log: quiet }),
    ),
  );
}

/** the reminder scheduler, then the jobs, at `now` */
async function remindAt(now: Date) {
  await scheduleReminders(now);
  await runJobs(now);
}

beforeAll(async () => {
  standIn = await startWhatsAppStandIn();
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  people.kendari = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Andi Kendari" });
  people.blitar = await createPerson({ role: "PARTICIPANT", regionCode: "35.72", name: "Sri Blitar" });
  people.noNumber = await createPerson({ role: "PARTICIPANT", regionCode: "35.72", name: "Tanpa Nomor" });
  await prisma.user.update({
    where: { id: people.kendari.id },
    data: { whatsapp: "+6281234567890", locale: "en" },
  });
  await prisma.user.update({ where: { id: people.blitar.id }, data: { whatsapp: "+6285211112222" } });
  pairingId = (
    await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "WhatsApp",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
});

beforeEach(async () => {
  useWhatsApp(false);
  standIn.calls.length = 0;
  await prisma.job.deleteMany();
});

afterAll(async () => {
  useWhatsApp(false);
  await standIn?.close();
});

describe("reminders by WhatsApp", () => {
  it("sends exactly one reminder per person with a number, per session, in their language, with both clocks", async () => {
    useWhatsApp(true);
    const now = reminderTime();
    const startsAt = new Date(now.getTime() + 20 * HOUR);
    const session = await newSession(startsAt, "Sesi WhatsApp");

    // the day reminder, by two workers at once, then the 15-minute one, then the session moved
    // by ten minutes (a new sequence: email reminders again) and its reminders again
    await remindAt(now);
    await remindAt(now);
    await remindAt(new Date(startsAt.getTime() - 10 * 60_000));
    await moveSession(facilitator, session.id, {
      startLocal: wibLocal(new Date(startsAt.getTime() + 10 * 60_000)),
      timeZone: "Asia/Jakarta",
      durationMinutes: 90,
    });
    await remindAt(new Date(startsAt.getTime() - 5 * 60_000));

    expect(standIn.calls.map((c) => c.body.to).sort()).toEqual(["6281234567890", "6285211112222"]);
    for (const call of standIn.calls) {
      expect(call.path).toBe("/v21.0/109876/messages");
      expect(call.authorization).toBe("Bearer token-uji");
      expect(call.body).toMatchObject({ messaging_product: "whatsapp", type: "text" });
    }
    const toKendari = standIn.calls.find((c) => c.body.to === "6281234567890")!.body.text!.body;
    const toBlitar = standIn.calls.find((c) => c.body.to === "6285211112222")!.body.text!.body;
    expect(toKendari.split("\n")[0]).toBe("Reminder: tomorrow");
    expect(toBlitar.split("\n")[0]).toBe("Pengingat: besok");
    expect(toBlitar).toContain("*Sesi WhatsApp*");
    expect(toBlitar).toMatch(/Kota Kendari: .+ WITA/);
    expect(toBlitar).toMatch(/Kota Blitar: .+ WIB/);
    expect(toBlitar).toContain(`Bergabung: ${env.APP_URL}/sesi/${session.id}/ruang`);
    expect(toBlitar).toContain(`Kalender (.ics): ${env.APP_URL}/sesi/${session.id}/kalender.ics`);
    // the reminder email carries the same message as a "forward to WhatsApp" link
    const mail = await prisma.outboxMessage.findFirstOrThrow({
      where: {
        to: people.blitar.email,
        subject: { startsWith: "Pengingat:" },
        text: { contains: session.id },
      },
      // the first: the day reminder, whose message went by WhatsApp
      orderBy: { createdAt: "asc" },
    });
    const share = mail.text.match(/https:\/\/wa\.me\/\?text=\S+/)?.[0];
    expect(new URL(share!).searchParams.get("text")).toBe(toBlitar);
    // the email reminders still went to everyone
    expect(
      await prisma.notification.count({
        where: { link: `/sesi/${session.id}`, kind: "session-reminder-day", userId: { in: ids() } },
      }),
    ).toBe(3);
  });

  it("sends nothing and queues nothing when the operator has not switched WhatsApp on", async () => {
    const now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const startsAt = new Date(now.getTime() + 20 * HOUR);
    const session = await newSession(startsAt, "Sesi tanpa WhatsApp");
    await remindAt(now);
    expect(
      await prisma.notification.count({
        where: { link: `/sesi/${session.id}`, kind: "session-reminder-day", userId: { in: ids() } },
      }),
    ).toBe(3);
    expect(await prisma.job.count({ where: { kind: "whatsapp.send" } })).toBe(0);
    expect(standIn.calls).toHaveLength(0);
  });

  it("retries a 5xx with backoff and then sends once", async () => {
    useWhatsApp(true);
    const now = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const startsAt = new Date(now.getTime() + 20 * HOUR);
    await newSession(startsAt, "Sesi coba lagi");
    standIn.failNext(500, 503);
    await remindAt(now);
    expect(standIn.calls).toHaveLength(0);
    const jobs = await prisma.job.findMany({ where: { kind: "whatsapp.send" } });
    expect(jobs).toHaveLength(2);
    expect(jobs.every((job) => job.doneAt === null && job.lastError?.includes("WhatsApp API 50"))).toBe(true);
    // not before the backoff
    await runJobs(new Date(now.getTime() + 10_000));
    expect(standIn.calls).toHaveLength(0);
    await runJobs(new Date(now.getTime() + 31_000));
    expect(standIn.calls.map((c) => c.body.to).sort()).toEqual(["6281234567890", "6285211112222"]);
    await runJobs(new Date(now.getTime() + 10 * 60_000));
    expect(standIn.calls).toHaveLength(2);
  });
});

describe("the operator's settings", () => {
  it("are off by default and need the token and the phone number id together", () => {
    const base = { NODE_ENV: "test" };
    expect(parseEnv(base)).toMatchObject({ WHATSAPP_API_URL: "https://graph.facebook.com/v21.0" });
    expect(parseEnv(base).WHATSAPP_TOKEN).toBeUndefined();
    expect(() => parseEnv({ ...base, WHATSAPP_TOKEN: "t" })).toThrow(/WHATSAPP_PHONE_NUMBER_ID/);
    expect(parseEnv({ ...base, WHATSAPP_TOKEN: "t", WHATSAPP_PHONE_NUMBER_ID: "1" })).toMatchObject({
      WHATSAPP_TOKEN: "t",
      WHATSAPP_PHONE_NUMBER_ID: "1",
    });
  });
});

describe("one message through the Cloud API", () => {
  it("goes as the operator's approved template when one is set, on one line", async () => {
    useWhatsApp(true);
    env.WHATSAPP_TEMPLATE = "lintas_pesan";
    try {
      expect(await deliverWhatsAppMessage({ to: "+6281234567890", text: "*Sesi*\nBergabung: x" })).toBe(
        "sent",
      );
    } finally {
      env.WHATSAPP_TEMPLATE = undefined;
    }
    expect(standIn.calls[0].body).toEqual({
      messaging_product: "whatsapp",
      to: "6281234567890",
      type: "template",
      template: {
        name: "lintas_pesan",
        language: { code: "id" },
        components: [{ type: "body", parameters: [{ type: "text", text: "*Sesi* · Bergabung: x" }] }],
      },
    });
  });

  it("does not retry a refusal (a number without WhatsApp), and throws on a 5xx so the job retries", async () => {
    useWhatsApp(true);
    standIn.failNext(400, 502);
    expect(await deliverWhatsAppMessage({ to: "+6281234567890", text: "x" }, quiet)).toBe("refused");
    await expect(deliverWhatsAppMessage({ to: "+6281234567890", text: "x" }, quiet)).rejects.toThrow(
      /WhatsApp API 502/,
    );
    expect(standIn.calls).toHaveLength(0);
  });
});

describe("invitations by WhatsApp", () => {
  it("invites a person added to a session once, by WhatsApp too", async () => {
    useWhatsApp(true);
    const startsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR);
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId,
      title: "Sesi undangan",
      firstLocal: wibLocal(startsAt),
      timeZone: "Asia/Jakarta",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const invite = () =>
      inviteToSession(facilitator, sessions[0].id, {
        emails: [people.blitar.email, people.noNumber.email],
        workingGroupIds: [],
      });
    await invite();
    await invite();
    await runJobs(new Date());
    expect(standIn.calls).toHaveLength(1);
    const text = standIn.calls[0].body.text!.body;
    expect(standIn.calls[0].body.to).toBe("6285211112222");
    expect(text.split("\n").slice(0, 2)).toEqual(["Undangan sesi Lintas", "*Sesi undangan*"]);
    expect(text).toContain(`/sesi/${sessions[0].id}/ruang`);
  });

  it("invites to a new series with one message per person listing every session", async () => {
    useWhatsApp(true);
    const seriesPairing = await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "Rangkaian WhatsApp",
      method: "PRIVATE_TELECONFERENCE",
    });
    await addParticipant(facilitator, seriesPairing.id, {
      side: "MENTEE",
      name: "Sri Blitar",
      email: people.blitar.email,
      isLead: false,
    });
    const startsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR);
    const { sessions } = await createSessionSeries(facilitator, {
      pairingId: seriesPairing.id,
      title: "Rangkaian",
      firstLocal: wibLocal(startsAt),
      timeZone: "Asia/Jakarta",
      durationMinutes: 60,
      count: 3,
      intervalWeeks: 1,
    });
    await runJobs(new Date());
    expect(standIn.calls.map((c) => c.body.to)).toEqual(["6285211112222"]);
    const text = standIn.calls[0].body.text!.body;
    expect(text.split("\n").slice(0, 3)).toEqual(["Undangan sesi Lintas", "*Rangkaian*", "3 sesi"]);
    for (const session of sessions) expect(text).toContain(`/sesi/${session.id}/ruang`);
    expect(text.match(/WITA/g)).toHaveLength(3);
  });
});
