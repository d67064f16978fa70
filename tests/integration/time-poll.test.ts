// Issue #22 item 7: a time poll across WIB/WITA/WIT. The facilitator proposes slots (single or a
// series), each participant with an account answers yes / if need be / no, signed in or through a
// personal link (a token kept only as its sha256), sees each slot in their own zone and the other
// side's clock, and their other sessions at that time; the facilitator sees the counts and picks,
// and the pick becomes the session(s) with invitations in each person's zone. Slots near midnight
// in WIT must not shift a day for Blitar (WIB) or Kendari (WITA).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { hashToken } from "~/modules/accounts/user.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import {
  answerTimePoll,
  findInviteeByToken,
  getAnswerSheet,
  getPollGrid,
  openTimePoll,
} from "~/modules/sessions/time-poll.server";
import * as pollRoute from "~/routes/pairings/time-poll";
import * as answerRoute from "~/routes/pairings/time-poll-answer";
import { formatInstant } from "~/utils/dates";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

type Person = { id: string; name: string; email: string };
let facilitator: Person;
let kendari: Person; // mentor side, Kota Kendari, WITA
let blitar: Person; // mentee side, Kota Blitar, WIB
let outsider: Person; // an officer of Konawe Selatan: not in the pairing
let pairingId: string;

const base = (id: string) => `/pasangan/${id}/pilih-waktu`;

async function newPairing(topic: string) {
  const actor = await actorFor(facilitator.id);
  const id = (
    await createPairing(actor, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic,
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  for (const [side, person] of [
    ["MENTOR", kendari],
    ["MENTEE", blitar],
  ] as const)
    await addParticipant(actor, id, { side, name: person.name, email: person.email, isLead: true });
  return id;
}

const pollInput = (slot: string[], extra: Partial<{ count: number; timeZone: string }> = {}) => ({
  title: "Teleconference L2T2",
  timeZone: (extra.timeZone ?? "Asia/Makassar") as "Asia/Makassar",
  durationMinutes: 90,
  count: extra.count ?? 1,
  intervalWeeks: 1,
  slot,
});

beforeAll(async () => {
  await ensureRegions();
  facilitator = await createPerson({ role: "FACILITATOR", name: "Rina Fasilitator" });
  kendari = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Andi Kendari" });
  blitar = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72", name: "Dewi Blitar" });
  outsider = await createPerson({ role: "REGION_OFFICER", regionCode: "74.05", name: "Budi Konsel" });
  pairingId = await newPairing("L2T2");
});

describe("opening a poll", () => {
  it("asks each participant with an account by email (personal link) and in the app; keeps only token hashes", async () => {
    const id = await newPairing("Opening");
    const actor = await actorFor(facilitator.id);
    const { poll, tokens } = await openTimePoll(
      actor,
      id,
      pollInput(["2027-03-02T09:00", "2027-03-03T13:00"]),
    );
    expect(tokens.size).toBe(2);
    const invitees = await prisma.timePollInvitee.findMany({ where: { pollId: poll.id } });
    expect(invitees.map((i) => i.userId).sort()).toEqual([kendari.id, blitar.id].sort());
    for (const invitee of invitees) {
      const token = tokens.get(invitee.email)!;
      expect(invitee.tokenHash).toBe(hashToken(token));
      expect(invitee.tokenHash).not.toContain(token);
    }
    const mail = await prisma.outboxMessage.findFirstOrThrow({
      where: { to: blitar.email, subject: { contains: "Teleconference L2T2" } },
    });
    expect(mail.text).toContain(`/pilih-waktu/${tokens.get(blitar.email)}`);
    // Blitar reads the slots on its own clock: 09.00 WITA is 08.00 WIB
    expect(mail.text).toContain("Selasa, 2 Maret 2027 08.00 WIB");
    const note = await prisma.notification.findFirstOrThrow({
      where: { userId: kendari.id, kind: "time-poll-opened" },
    });
    expect(note.link).toBe(base(id));
    // one open poll per pairing
    await expect(
      openTimePoll(actor, id, pollInput(["2027-03-04T09:00", "2027-03-05T09:00"])),
    ).rejects.toThrow(/alreadyOpen/);
  });

  it("refuses bad input next to the slots with 400, the input kept and nothing written", async () => {
    const id = await newPairing("Bad input");
    const cookie = await cookieFor(facilitator.id);
    const cases: [Record<string, string>, string][] = [
      [{ "slot[0]": "2027-03-02T09:00" }, "timePoll.errors.twoSlots"],
      [{ "slot[0]": "2027-02-30T09:00", "slot[1]": "2027-03-02T09:00" }, "errors.date"],
      [{ "slot[0]": "2020-01-27T09:00", "slot[1]": "2027-03-02T09:00" }, "timePoll.errors.past"],
      [{ "slot[0]": "2027-03-02T09:00", "slot[1]": "2027-03-02T09:00" }, "timePoll.errors.sameSlot"],
      [{ "slot[0]": "besok pagi", "slot[1]": "2027-03-02T09:00" }, "errors.date"],
    ];
    for (const [slots, key] of cases) {
      const response = await callRoute(
        pollRoute.action,
        formRequest(
          base(id),
          {
            intent: "open",
            title: "Sesi",
            timeZone: "Asia/Makassar",
            durationMinutes: "90",
            count: "1",
            intervalWeeks: "1",
            ...slots,
          },
          cookie,
        ),
        { pairingId: id },
      );
      expect(response.status, key).toBe(400);
      const body = await response.json();
      const errors = Object.entries(body.result.error ?? {}).filter(([field]) => field.startsWith("slot"));
      expect(
        errors.flatMap(([, messages]) => messages),
        key,
      ).toContain(key);
      expect(body.result.initialValue.title).toBe("Sesi");
    }
    expect(await prisma.timePoll.count({ where: { pairingId: id } })).toBe(0);
    const zone = await callRoute(
      pollRoute.action,
      formRequest(
        base(id),
        {
          intent: "open",
          title: "Sesi",
          timeZone: "Europe/Paris",
          durationMinutes: "90",
          count: "1",
          intervalWeeks: "1",
          "slot[0]": "2027-03-02T09:00",
          "slot[1]": "2027-03-03T09:00",
        },
        cookie,
      ),
      { pairingId: id },
    );
    expect(zone.status).toBe(400);
    expect((await zone.json()).result.error.timeZone).toEqual(["errors.choice"]);
    expect(await prisma.timePoll.count({ where: { pairingId: id } })).toBe(0);
  });
});

describe("slots near midnight in WIT", () => {
  it("shows each side its own day: 23.30 WIT is 21.30 WIB the same day, 00.30 WIT is 22.30 WIB the day before", async () => {
    const id = await newPairing("Midnight");
    const actor = await actorFor(facilitator.id);
    const { poll, tokens } = await openTimePoll(
      actor,
      id,
      pollInput(["2027-01-12T23:30", "2027-01-13T00:30"], { timeZone: "Asia/Jayapura" }),
    );
    expect(poll.slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-01-12T14:30:00.000Z",
      "2027-01-12T15:30:00.000Z",
    ]);
    const blitarSheet = await getAnswerSheet((await findInviteeByToken(tokens.get(blitar.email)!))!.id);
    expect(blitarSheet.invitee.zone).toBe("Asia/Jakarta");
    expect(blitarSheet.slots.map((s) => formatInstant(s.startsAt, blitarSheet.invitee.zone, "id"))).toEqual([
      "Selasa, 12 Januari 2027 21.30 WIB",
      "Selasa, 12 Januari 2027 22.30 WIB",
    ]);
    const kendariSheet = await getAnswerSheet((await findInviteeByToken(tokens.get(kendari.email)!))!.id);
    expect(kendariSheet.slots.map((s) => formatInstant(s.startsAt, kendariSheet.invitee.zone, "en"))).toEqual(
      ["Tuesday, 12 January 2027 22:30 WITA", "Tuesday, 12 January 2027 23:30 WITA"],
    );
    // the page the personal link opens carries the same instants
    const page = await callRoute(answerRoute.loader, getRequest(`/pilih-waktu/${tokens.get(blitar.email)}`), {
      token: tokens.get(blitar.email)!,
    });
    expect((await page.json()).sheet.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      "2027-01-12T14:30:00.000Z",
      "2027-01-12T15:30:00.000Z",
    ]);
    // picked, the 00.30 WIT slot becomes a session invited on the right day in each zone
    const cookie = await cookieFor(facilitator.id);
    const pick = await callRoute(
      pollRoute.action,
      formRequest(base(id), { intent: "pick", slotId: poll.slots[1].id }, cookie),
      { pairingId: id },
    );
    expect(pick.status).toBe(302);
    const session = await prisma.session.findFirstOrThrow({ where: { pairingId: id } });
    expect(session.startsAt.toISOString()).toBe("2027-01-12T15:30:00.000Z");
    expect(session.timeZone).toBe("Asia/Jayapura");
    const blitarMail = await prisma.outboxMessage.findFirstOrThrow({
      where: { to: blitar.email, text: { contains: session.id } },
    });
    expect(blitarMail.text).toContain("Selasa, 12 Januari 2027 22.30 WIB");
    const kendariMail = await prisma.outboxMessage.findFirstOrThrow({
      where: { to: kendari.email, text: { contains: session.id } },
    });
    expect(kendariMail.text).toContain("Selasa, 12 Januari 2027 23.30 WITA");
  });
});

describe("answering", () => {
  it("through the personal link, without an account, for its own sheet only", async () => {
    const id = await newPairing("Token");
    const other = await newPairing("Token other");
    const actor = await actorFor(facilitator.id);
    const { poll, tokens } = await openTimePoll(
      actor,
      id,
      pollInput(["2027-04-06T09:00", "2027-04-07T09:00"]),
    );
    const { poll: otherPoll } = await openTimePoll(
      actor,
      other,
      pollInput(["2027-04-08T09:00", "2027-04-09T09:00"]),
    );
    const token = tokens.get(blitar.email)!;
    const page = await callRoute(answerRoute.loader, getRequest(`/pilih-waktu/${token}`), { token });
    expect(page.status).toBe(200);
    const { sheet } = await page.json();
    expect(sheet.invitee.name).toBe("Dewi Blitar");
    expect(answerRoute.headers({} as never)).toEqual({ "Cache-Control": "private, no-store" });

    const response = await callRoute(
      answerRoute.action,
      formRequest(`/pilih-waktu/${token}`, {
        [`answer.${poll.slots[0].id}`]: "YES",
        [`answer.${poll.slots[1].id}`]: "IF_NEED_BE",
        // a slot of another poll is not this sheet's: ignored
        [`answer.${otherPoll.slots[0].id}`]: "NO",
      }),
      { token },
    );
    expect(response.status).toBe(200);
    expect((await response.json()).saved).toBe(true);
    const answers = await prisma.timePollAnswer.findMany({
      where: { invitee: { userId: blitar.id } },
      select: { slotId: true, choice: true },
      orderBy: { slotId: "asc" },
    });
    expect(answers).toEqual(
      [
        { slotId: poll.slots[0].id, choice: "YES" },
        { slotId: poll.slots[1].id, choice: "IF_NEED_BE" },
      ].sort((a, b) => a.slotId.localeCompare(b.slotId)),
    );
    // answering again changes the answer, it does not add one
    await answerTimePoll((await findInviteeByToken(token))!.id, { [poll.slots[0].id]: "NO" });
    expect(
      await prisma.timePollAnswer.findMany({ where: { slotId: poll.slots[0].id }, select: { choice: true } }),
    ).toEqual([{ choice: "NO" }]);

    // a bad choice: 400 next to the slot, nothing written
    const bad = await callRoute(
      answerRoute.action,
      formRequest(`/pilih-waktu/${token}`, { [`answer.${poll.slots[1].id}`]: "MAYBE" }),
      { token },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error[`answer.${poll.slots[1].id}`]).toEqual(["errors.choice"]);
    expect(
      await prisma.timePollAnswer.findFirst({
        where: { slotId: poll.slots[1].id },
        select: { choice: true },
      }),
    ).toEqual({ choice: "IF_NEED_BE" });

    // an unknown or malformed token opens nothing
    for (const wrong of ["x".repeat(43), "../../etc"]) {
      const missing = await callRoute(answerRoute.loader, getRequest(`/pilih-waktu/${wrong}`), {
        token: wrong,
      });
      expect(missing.status).toBe(404);
    }
  });

  it("signed in on the pairing's poll page, with the other Lintas sessions at that time shown", async () => {
    const id = await newPairing("Signed in");
    const actor = await actorFor(facilitator.id);
    // Blitar already has a session at the first slot
    await createSessionSeries(actor, {
      pairingId,
      title: "Sesi lain",
      firstLocal: "2027-05-04T10:00",
      timeZone: "Asia/Makassar",
      durationMinutes: 60,
      count: 1,
      intervalWeeks: 1,
    });
    const { poll } = await openTimePoll(actor, id, pollInput(["2027-05-04T10:30", "2027-05-05T10:00"]));
    const cookie = await cookieFor(blitar.id);
    const page = await callRoute(pollRoute.loader, getRequest(base(id), cookie), { pairingId: id });
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.manage).toBe(false);
    expect(data.grid).toBeNull();
    expect(data.sheet.slots[0].conflicts.map((c: { title: string }) => c.title)).toEqual(["Sesi lain"]);
    expect(data.sheet.slots[1].conflicts).toEqual([]);
    const response = await callRoute(
      pollRoute.action,
      formRequest(
        base(id),
        { intent: "answer", [`answer.${poll.slots[0].id}`]: "NO", [`answer.${poll.slots[1].id}`]: "YES" },
        cookie,
      ),
      { pairingId: id },
    );
    expect(response.status).toBe(200);
    const grid = await getPollGrid((await actorFor(facilitator.id)).user, id);
    expect(grid!.slots.map((s) => s.counts)).toEqual([
      { YES: 0, IF_NEED_BE: 0, NO: 1 },
      { YES: 1, IF_NEED_BE: 0, NO: 0 },
    ]);
    expect(grid!.slots[0].conflicts[0].people).toEqual(["Andi Kendari", "Dewi Blitar"]);
  });
});

describe("picking", () => {
  it("turns the slot into a series with invitations; a second pick and late answers are refused (409)", async () => {
    const id = await newPairing("Series");
    const actor = await actorFor(facilitator.id);
    const { poll, tokens } = await openTimePoll(
      actor,
      id,
      pollInput(["2027-06-01T09:00", "2027-06-02T14:00"], { count: 3 }),
    );
    const cookie = await cookieFor(facilitator.id);
    const pick = await callRoute(
      pollRoute.action,
      formRequest(base(id), { intent: "pick", slotId: poll.slots[1].id }, cookie),
      { pairingId: id },
    );
    expect(pick.status).toBe(302);
    const sessions = await prisma.session.findMany({
      where: { pairingId: id },
      orderBy: { startsAt: "asc" },
      include: { invitees: true },
    });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-06-02T06:00:00.000Z",
      "2027-06-09T06:00:00.000Z",
      "2027-06-16T06:00:00.000Z",
    ]);
    for (const s of sessions)
      expect(s.invitees.map((i) => i.userId).sort()).toEqual([facilitator.id, kendari.id, blitar.id].sort());
    expect(
      await prisma.notification.count({
        where: { userId: { in: [kendari.id, blitar.id] }, kind: { startsWith: "session-" } },
      }),
    ).toBeGreaterThanOrEqual(2);
    const decided = await prisma.timePoll.findUniqueOrThrow({ where: { id: poll.id } });
    expect(decided).toMatchObject({
      status: "DECIDED",
      chosenSlotId: poll.slots[1].id,
      seriesId: sessions[0].seriesId,
    });

    const again = await callRoute(
      pollRoute.action,
      formRequest(base(id), { intent: "pick", slotId: poll.slots[0].id }, cookie),
      { pairingId: id },
    );
    expect(again.status).toBe(409);
    expect(await prisma.session.count({ where: { pairingId: id } })).toBe(3);
    const late = await callRoute(
      answerRoute.action,
      formRequest(`/pilih-waktu/x`, { [`answer.${poll.slots[0].id}`]: "YES" }),
      { token: tokens.get(kendari.email)! },
    );
    expect(late.status).toBe(409);
  });
});

describe("participants without an account", () => {
  it("are asked at the email the facilitator gives, answer by their link, and hear the pick by email", async () => {
    const id = await newPairing("Guests");
    const actor = await actorFor(facilitator.id);
    const guest = await addParticipant(actor, id, {
      side: "MENTEE",
      name: "Sekretaris Pokja Blitar",
      isLead: false,
    });
    // named by an email that belongs to an account (not the pairing's participant): that account is asked
    const staff = await addParticipant(actor, id, { side: "MENTOR", name: "Staf Kendari", isLead: false });
    // left empty: not asked (and no error)
    const unasked = await addParticipant(actor, id, { side: "MENTEE", name: "Tamu Blitar", isLead: false });
    const cookie = await cookieFor(facilitator.id);
    const fields = {
      intent: "open",
      title: "Sesi dengan Pokja",
      timeZone: "Asia/Makassar",
      durationMinutes: "60",
      count: "1",
      intervalWeeks: "1",
      "slot[0]": "2027-09-07T10:00",
      "slot[1]": "2027-09-08T10:00",
    };
    // a bad email: 400 next to that person's field, nothing written
    const bad = await callRoute(
      pollRoute.action,
      formRequest(base(id), { ...fields, [`guest.${guest.id}`]: "bukan-email" }, cookie),
      { pairingId: id },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error[`guest.${guest.id}`]).toEqual(["errors.email"]);
    expect(await prisma.timePoll.count({ where: { pairingId: id } })).toBe(0);
    // the form offers the participant without an account
    const page = await callRoute(pollRoute.loader, getRequest(base(id), cookie), { pairingId: id });
    expect((await page.json()).host.withoutAccount).toEqual([
      { id: guest.id, name: "Sekretaris Pokja Blitar", regionName: "Kota Blitar" },
      { id: staff.id, name: "Staf Kendari", regionName: "Kota Kendari" },
      { id: unasked.id, name: "Tamu Blitar", regionName: "Kota Blitar" },
    ]);

    const opened = await callRoute(
      pollRoute.action,
      formRequest(
        base(id),
        {
          ...fields,
          [`guest.${guest.id}`]: " Pokja.Blitar@Contoh.test ",
          [`guest.${staff.id}`]: outsider.email,
          [`guest.${unasked.id}`]: "",
        },
        cookie,
      ),
      { pairingId: id },
    );
    expect(opened.status).toBe(302);
    const invitee = await prisma.timePollInvitee.findFirstOrThrow({
      where: { poll: { pairingId: id }, userId: null },
      include: { poll: { include: { slots: { orderBy: { startsAt: "asc" } } } } },
    });
    expect(await prisma.timePollInvitee.count({ where: { poll: { pairingId: id }, userId: null } })).toBe(1);
    expect(invitee).toMatchObject({
      name: "Sekretaris Pokja Blitar",
      email: "pokja.blitar@contoh.test",
      timeZone: "Asia/Jakarta",
    });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: "pokja.blitar@contoh.test" } });
    expect(mail.text).toContain("Selasa, 7 September 2027 09.00 WIB");
    const token = /\/pilih-waktu\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(invitee.tokenHash).toBe(hashToken(token));

    const sheet = await callRoute(answerRoute.loader, getRequest(`/pilih-waktu/${token}`), { token });
    expect((await sheet.json()).sheet.invitee).toMatchObject({
      name: "Sekretaris Pokja Blitar",
      zone: "Asia/Jakarta",
    });
    const [first, second] = invitee.poll.slots;
    const answered = await callRoute(
      answerRoute.action,
      formRequest(`/pilih-waktu/${token}`, {
        [`answer.${first.id}`]: "IF_NEED_BE",
        [`answer.${second.id}`]: "NO",
      }),
      { token },
    );
    expect(answered.status).toBe(200);
    const grid = await getPollGrid((await actorFor(facilitator.id)).user, id);
    expect(grid!.invitees.find((i) => !i.hasAccount)?.name).toBe("Sekretaris Pokja Blitar");
    expect(grid!.slots[0].counts.IF_NEED_BE).toBe(1);

    const pick = await callRoute(
      pollRoute.action,
      formRequest(base(id), { intent: "pick", slotId: first.id }, cookie),
      {
        pairingId: id,
      },
    );
    expect(pick.status).toBe(302);
    const decided = await prisma.outboxMessage.findFirstOrThrow({
      where: {
        to: "pokja.blitar@contoh.test",
        subject: { contains: "Sesi dengan Pokja" },
        id: { not: mail.id },
      },
    });
    expect(decided.text).toContain("Selasa, 7 September 2027 09.00 WIB");
    expect(
      await prisma.timePollInvitee.count({ where: { poll: { pairingId: id }, userId: outsider.id } }),
    ).toBe(1);
    const staffMail = await prisma.outboxMessage.findFirstOrThrow({
      where: {
        to: outsider.email,
        subject: { contains: "Sesi dengan Pokja" },
        text: { contains: "10.00 WITA" },
      },
      orderBy: { createdAt: "desc" },
    });
    expect(staffMail.subject).toMatch(/^Waktu dipilih/);
  });
});

describe("permissions", () => {
  it("another region's officer sees no poll and can open or pick none; an invitee cannot manage", async () => {
    const actor = await actorFor(facilitator.id);
    const { poll } = await openTimePoll(
      actor,
      pairingId,
      pollInput(["2027-07-06T09:00", "2027-07-07T09:00"]),
    );
    const outsiderCookie = await cookieFor(outsider.id);
    const page = await callRoute(pollRoute.loader, getRequest(base(pairingId), outsiderCookie), {
      pairingId,
    });
    expect(page.status).toBe(404);
    for (const [who, cookie] of [
      ["outsider", outsiderCookie],
      ["invitee", await cookieFor(blitar.id)],
    ] as const) {
      const pick = await callRoute(
        pollRoute.action,
        formRequest(base(pairingId), { intent: "pick", slotId: poll.slots[0].id }, cookie),
        { pairingId },
      );
      expect(pick.status, who).toBe(403);
      const open = await callRoute(
        pollRoute.action,
        formRequest(
          base(pairingId),
          {
            intent: "open",
            title: "x",
            timeZone: "Asia/Jakarta",
            durationMinutes: "60",
            count: "1",
            intervalWeeks: "1",
            "slot[0]": "2027-08-01T09:00",
            "slot[1]": "2027-08-02T09:00",
          },
          cookie,
        ),
        { pairingId },
      );
      expect(open.status, who).toBe(403);
    }
    // the outsider cannot answer as anyone either
    const answer = await callRoute(
      pollRoute.action,
      formRequest(
        base(pairingId),
        { intent: "answer", [`answer.${poll.slots[0].id}`]: "YES" },
        outsiderCookie,
      ),
      { pairingId },
    );
    expect(answer.status).toBe(404);
    expect(await prisma.timePollAnswer.count({ where: { slotId: poll.slots[0].id } })).toBe(0);
    expect(await prisma.timePoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({
      status: "OPEN",
    });
    // signed out: sent to sign in
    const anonymous = await callRoute(pollRoute.loader, getRequest(base(pairingId)), { pairingId });
    expect(anonymous.status).toBe(302);
  });
});
