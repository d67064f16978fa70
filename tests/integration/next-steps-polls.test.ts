// "Yang perlu Anda lakukan" and time polls (issue #24 item 1): the facilitator who opened a poll
// sees it while it is open, with how many of those asked have answered and its first proposed time;
// each person asked sees "answer" until they have answered; a decided poll shows to nobody; an
// officer of another region, not asked, sees nothing. Real database, a fixed "now".
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/translate";
import { listNextSteps } from "~/modules/dashboards/next-steps.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { answerTimePoll, openTimePoll } from "~/modules/sessions/time-poll.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

type Person = { id: string; name: string; email: string };
// Monday 1 March 2027, 08.00 WITA
const now = new Date("2027-03-01T00:00:00Z");
let facilitator: Person;
let otherFacilitator: Person;
let kendari: Person; // mentor side, Kota Kendari (WITA)
let kendariMember: Person;
let blitar: Person; // mentee side, Kota Blitar (WIB)
let outsider: Person; // an officer of Konawe Selatan: in no pairing
const ids: Record<string, string> = {};

async function steps(personId: string) {
  const { user } = await actorFor(personId);
  const { lists } = await listNextSteps(user, now);
  return Object.fromEntries(lists.map((l) => [l.kind, l]));
}

async function pairingWithPoll(opener: Person, topic: string) {
  const actor = await actorFor(opener.id);
  const pairingId = (
    await createPairing(actor, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic,
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
  for (const [side, person, isLead] of [
    ["MENTOR", kendari, true],
    ["MENTOR", kendariMember, false],
    ["MENTEE", blitar, true],
  ] as const)
    await addParticipant(actor, pairingId, { side, name: person.name, email: person.email, isLead });
  const { poll } = await openTimePoll(
    actor,
    pairingId,
    {
      title: `Teleconference ${topic}`,
      timeZone: "Asia/Makassar",
      durationMinutes: 90,
      count: 1,
      intervalWeeks: 1,
      slot: ["2027-03-03T10:00", "2027-03-02T10:00"],
    },
    now,
  );
  return { pairingId, poll };
}

async function answer(pollId: string, userId: string) {
  const invitee = await prisma.timePollInvitee.findFirstOrThrow({ where: { pollId, userId } });
  const slots = await prisma.timePollSlot.findMany({ where: { pollId } });
  await answerTimePoll(invitee.id, Object.fromEntries(slots.map((s) => [s.id, "YES" as const])));
}

beforeAll(async () => {
  await ensureRegions();
  facilitator = await createPerson({ role: "FACILITATOR", name: "Rina Fasilitator" });
  otherFacilitator = await createPerson({ role: "FACILITATOR", name: "Fasilitator Lain" });
  kendari = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Andi Kendari" });
  kendariMember = await createPerson({ role: "PARTICIPANT", regionCode: "74.71", name: "Sari Kendari" });
  blitar = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72", name: "Dewi Blitar" });
  outsider = await createPerson({ role: "REGION_OFFICER", regionCode: "74.05", name: "Budi Konsel" });

  // open, 1 of 3 answered
  const open = await pairingWithPoll(facilitator, "L2T2");
  ids.openPairing = open.pairingId;
  ids.openPoll = open.poll.id;
  await answer(open.poll.id, kendari.id);
  // decided: the pick claims the poll (OPEN → DECIDED), as pickTimePollSlot does
  const decided = await pairingWithPoll(facilitator, "Sudah Diputuskan");
  ids.decidedPoll = decided.poll.id;
  await prisma.timePoll.update({
    where: { id: decided.poll.id },
    data: { status: "DECIDED", chosenSlotId: decided.poll.slots[0].id, decidedAt: now },
  });
});

describe("polls waiting for answers, for the facilitator who runs them", () => {
  it("lists the open poll with 1/3 answered and its first proposed time, linked to the poll's page; not the decided one", async () => {
    const list = (await steps(facilitator.id)).pollsWaiting;
    expect(list?.total).toBe(1);
    const [item] = list!.items;
    expect(item).toMatchObject({
      id: ids.openPoll,
      href: `/pasangan/${ids.openPairing}/pilih-waktu`,
      title: "Teleconference L2T2",
      context: "L2T2",
      // 2 March 10.00 WITA, the earlier of the two slots; shown in the viewer's clock by the page
      startsAt: new Date("2027-03-02T02:00:00Z"),
      startsLabel: "nextSteps.pollFirstSlot",
    });
    const t = fixedT("id");
    expect(item.notes.map((n) => t(n.key, n.values))).toEqual(["1/3 orang sudah menjawab"]);
  });

  it("says when everyone has answered, and leaves the poll out once it is decided", async () => {
    await answer(ids.openPoll, kendariMember.id);
    await answer(ids.openPoll, blitar.id);
    const [item] = (await steps(facilitator.id)).pollsWaiting!.items;
    const t = fixedT("id");
    expect(item.notes.map((n) => t(n.key, n.values))).toEqual([
      "3/3 orang sudah menjawab",
      "Semua sudah menjawab: pilih waktunya.",
    ]);
    await prisma.timePoll.update({
      where: { id: ids.openPoll },
      data: { status: "DECIDED", decidedAt: now },
    });
    expect((await steps(facilitator.id)).pollsWaiting).toBeUndefined();
    await prisma.timePoll.update({ where: { id: ids.openPoll }, data: { status: "OPEN", decidedAt: null } });
    await prisma.timePollAnswer.deleteMany({
      where: { invitee: { pollId: ids.openPoll, userId: { in: [kendariMember.id, blitar.id] } } },
    });
  });

  it("is not another facilitator's, unless the one who opened it has gone", async () => {
    expect((await steps(otherFacilitator.id)).pollsWaiting).toBeUndefined();
    const gone = await createPerson({ role: "FACILITATOR", name: "Fasilitator Pindah" });
    const orphan = await pairingWithPoll(gone, "Ditinggal");
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: now } });
    const list = (await steps(otherFacilitator.id)).pollsWaiting;
    expect(list?.items.map((i) => i.id)).toEqual([orphan.poll.id]);
    await prisma.timePoll.delete({ where: { id: orphan.poll.id } });
  });

  it("shows nothing to an officer of another region who was not asked", async () => {
    const lists = await steps(outsider.id);
    expect(lists.pollsWaiting).toBeUndefined();
    expect(lists.pollsToAnswer).toBeUndefined();
  });
});

describe("a poll waiting for my answer", () => {
  it("is listed for each person asked until they answer, linked to where they answer", async () => {
    const before = (await steps(blitar.id)).pollsToAnswer;
    expect(before?.items).toEqual([
      expect.objectContaining({
        id: ids.openPoll,
        href: `/pasangan/${ids.openPairing}/pilih-waktu`,
        title: "Teleconference L2T2",
        startsAt: new Date("2027-03-02T02:00:00Z"),
      }),
    ]);
    // the decided poll asked the same people: it is not listed
    expect(before?.total).toBe(1);
    expect((await steps(kendariMember.id)).pollsToAnswer?.total).toBe(1);
    // Kendari's officer has answered already
    expect((await steps(kendari.id)).pollsToAnswer).toBeUndefined();
    await answer(ids.openPoll, blitar.id);
    expect((await steps(blitar.id)).pollsToAnswer).toBeUndefined();
  });

  it("is not listed to the facilitator who manages the poll (the page shows them the grid)", async () => {
    expect((await steps(facilitator.id)).pollsToAnswer).toBeUndefined();
  });
});
