// "Sesi yang perlu dicatat" on /dasbor for those who record sessions by hand: the sessions their
// region hosts (a pairing's when their region mentors it, a stand-alone one when their region hosts
// it; a province's officer also its kabupaten/kota's). The dashboard looks the region's pairings up
// first (decision 0070): it must list exactly the sessions the per-session rule
// (sessionRecordWhere, used by the session page) lets the person record, no more, no fewer.
import { beforeAll, describe, expect, it } from "vitest";
import { grantsFor } from "~/auth/permissions";
import { prisma } from "~/db.server";
import { listNextSteps } from "~/modules/dashboards/next-steps.server";
import { sessionRecordWhere } from "~/modules/sessions/session-record.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>["user"];
const now = new Date("2024-06-15T02:00:00Z");

let kendariOfficer: Actor;
let provinceOfficer: Actor;
let blitarOfficer: Actor;
let facilitator: Actor;

beforeAll(async () => {
  await ensureRegions();
  kendariOfficer = (await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id))
    .user;
  // an officer of the province of Sulawesi Tenggara (74): Kendari and Konawe Selatan too
  provinceOfficer = (await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74" })).id))
    .user;
  blitarOfficer = (await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id))
    .user;
  facilitator = (await actorFor((await createPerson({ role: "FACILITATOR" })).id)).user;

  const pairing = (mentorRegionCode: string, menteeRegionCode: string) =>
    prisma.pairing.create({ data: { mentorRegionCode, menteeRegionCode, topic: "L2T2", status: "ACTIVE" } });
  const kendariMentors = await pairing("74.71", "35.72");
  const blitarMentors = await pairing("35.72", "74.71");
  const konaweMentors = await pairing("74.05", "35.72");
  let hour = 0;
  const session = (title: string, place: { pairingId?: string; hostRegionCode?: string }) =>
    prisma.session.create({
      data: {
        title,
        ...place,
        // all over by now, one hour apart (the list is oldest first)
        startsAt: new Date(Date.UTC(2024, 4, 1, hour++)),
        timeZone: "Asia/Makassar",
      },
    });
  await session("Kendari membimbing", { pairingId: kendariMentors.id });
  // Blitar's pairing: Kendari's officer records it not, even with Kendari named as the host
  await session("Blitar membimbing", { pairingId: blitarMentors.id, hostRegionCode: "74.71" });
  await session("Konawe membimbing", { pairingId: konaweMentors.id });
  await session("Rapat Kendari", { hostRegionCode: "74.71" });
  await session("Rapat provinsi", { hostRegionCode: "74" });
  await session("Rapat Konawe", { hostRegionCode: "74.05" });
  await session("Rapat Blitar", { hostRegionCode: "35.72" });
  // held already: nobody's to record
  await prisma.session.create({
    data: {
      title: "Sudah dicatat",
      hostRegionCode: "74.71",
      status: "HELD",
      startsAt: new Date(Date.UTC(2024, 4, 2)),
      timeZone: "Asia/Makassar",
    },
  });
});

async function toRecord(user: Actor) {
  const { lists } = await listNextSteps(user, now);
  const list = lists.find((l) => l.kind === "sessionsToRecord");
  return { titles: list?.items.map((i) => i.title) ?? [], total: list?.total ?? 0 };
}

/** What the per-session rule lets the person record, past and still scheduled, oldest first. */
async function recordable(user: Actor) {
  const rows = await prisma.session.findMany({
    where: {
      AND: [sessionRecordWhere(grantsFor(user.memberships, "session:record")), { status: "SCHEDULED" }],
    },
    orderBy: { startsAt: "asc" },
    select: { title: true },
  });
  return rows.map((r) => r.title);
}

describe("sessions to record on /dasbor", () => {
  it("a region officer's: their region's pairings as mentor and the sessions their region hosts", async () => {
    const listed = await toRecord(kendariOfficer);
    expect(listed.titles).toEqual(["Kendari membimbing", "Rapat Kendari"]);
    expect(listed.total).toBe(2);
    expect(listed.titles).toEqual(await recordable(kendariOfficer));

    const blitar = await toRecord(blitarOfficer);
    expect(blitar.titles).toEqual(["Blitar membimbing", "Rapat Blitar"]);
    expect(blitar.titles).toEqual(await recordable(blitarOfficer));
  });

  it("a province officer's: the province's own and those of its kabupaten/kota", async () => {
    const listed = await toRecord(provinceOfficer);
    expect(listed.total).toBe(5);
    expect(listed.titles).toEqual([
      "Kendari membimbing",
      "Konawe membimbing",
      "Rapat Kendari",
      "Rapat provinsi",
      "Rapat Konawe",
    ]);
    expect(listed.titles).toEqual(await recordable(provinceOfficer));
  });

  it("a facilitator's: every session still to record", async () => {
    const listed = await toRecord(facilitator);
    expect(listed.total).toBe(7);
    expect(listed.titles).toEqual((await recordable(facilitator)).slice(0, listed.titles.length));
  });
});
