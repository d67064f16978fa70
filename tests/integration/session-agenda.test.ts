// Editing a session after it was scheduled: agenda items (add, remove, reorder; each change raises
// the calendar SEQUENCE and keeps the UID) and invitees (people by email, both Pokja teams at once).
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionIcs } from "~/calendar/ics.server";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addAgendaItem, moveAgendaItem, removeAgendaItem } from "~/modules/sessions/session-agenda.server";
import { createSessionSeries } from "~/modules/sessions/schedule.server";
import { OutOfScopeError } from "~/errors";
import * as sessionRoute from "~/routes/sessions/session";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, formRequest } from "../fixtures/people";

let facilitator: Awaited<ReturnType<typeof actorFor>>;
let facilitatorCookie: string;
let pairingId: string;

async function newSession(title: string) {
  const { sessions } = await createSessionSeries(facilitator, {
    pairingId,
    title,
    firstLocal: "2020-02-03T09:00",
    timeZone: "Asia/Makassar",
    durationMinutes: 90,
    count: 1,
    intervalWeeks: 1,
  });
  return sessions[0];
}

async function load(sessionId: string) {
  return prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    include: { pairing: true, agenda: { orderBy: { position: "asc" } }, invitees: true },
  });
}

function post(sessionId: string, fields: Record<string, string>, cookie = facilitatorCookie) {
  return callRoute(sessionRoute.action, formRequest(`/sesi/${sessionId}`, fields, cookie), { sessionId });
}

beforeAll(async () => {
  await ensureRegions();
  const person = await createPerson({ role: "FACILITATOR" });
  facilitator = await actorFor(person.id);
  facilitatorCookie = await cookieFor(person.id);
  pairingId = (
    await createPairing(facilitator, {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: "L2T2 agenda",
      method: "PRIVATE_TELECONFERENCE",
    })
  ).id;
});

describe("the agenda after scheduling", () => {
  it("adds, reorders and removes items through the page; each change raises SEQUENCE, the UID stays", async () => {
    const session = await newSession("Agenda");
    const before = new ICAL.Event(
      new ICAL.Component(ICAL.parse(sessionIcs(await load(session.id)))).getFirstSubcomponent("vevent")!,
    );
    for (const [title, presenter] of [
      ["Pembukaan", "Bappeda Kota Blitar"],
      ["Paparan L2T2", "Sekretaris Daerah Kota Kendari"],
      ["Tanya jawab", ""],
    ])
      expect((await post(session.id, { intent: "agenda-add", title, presenter })).status).toBe(200);
    let current = await load(session.id);
    expect(current.agenda.map((a) => [a.position, a.title, a.presenter])).toEqual([
      [0, "Pembukaan", "Bappeda Kota Blitar"],
      [1, "Paparan L2T2", "Sekretaris Daerah Kota Kendari"],
      [2, "Tanya jawab", null],
    ]);
    expect(current.sequence).toBe(3);

    // "Tanya jawab" one place up, then "Pembukaan" removed
    expect((await post(session.id, { intent: "agenda-up", itemId: current.agenda[2].id })).status).toBe(200);
    expect((await post(session.id, { intent: "agenda-remove", itemId: current.agenda[0].id })).status).toBe(
      200,
    );
    current = await load(session.id);
    expect(current.agenda.map((a) => [a.position, a.title])).toEqual([
      [0, "Tanya jawab"],
      [1, "Paparan L2T2"],
    ]);
    expect(current.sequence).toBe(5);

    const after = new ICAL.Event(
      new ICAL.Component(ICAL.parse(sessionIcs(current))).getFirstSubcomponent("vevent")!,
    );
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(5);
    expect(after.description).toContain("1. Tanya jawab\n2. Paparan L2T2 (Sekretaris Daerah Kota Kendari)");
  });

  it("moving the first item up changes nothing", async () => {
    const session = await newSession("Ujung");
    const item = await addAgendaItem(facilitator, session.id, { title: "Satu" });
    await moveAgendaItem(facilitator, session.id, item.id, "up");
    expect((await load(session.id)).sequence).toBe(1);
  });

  it("refuses an empty title next to the field and writes nothing", async () => {
    const session = await newSession("Kosong");
    const response = await post(session.id, { intent: "agenda-add", title: " ", presenter: "Bappeda" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error.title).toEqual(["errors.required"]);
    expect(body.result.initialValue.presenter).toBe("Bappeda");
    const current = await load(session.id);
    expect(current.agenda).toHaveLength(0);
    expect(current.sequence).toBe(0);
  });

  it("is for facilitators: a region officer is refused and another session's item cannot be touched", async () => {
    const session = await newSession("Hak");
    const item = await addAgendaItem(facilitator, session.id, { title: "Satu" });
    const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
    const refused = await post(
      session.id,
      { intent: "agenda-remove", itemId: item.id },
      await cookieFor(officer.id),
    );
    expect(refused.status).toBe(403);
    await expect(removeAgendaItem(await actorFor(officer.id), session.id, item.id)).rejects.toThrow(
      OutOfScopeError,
    );
    const other = await newSession("Lain");
    expect((await post(other.id, { intent: "agenda-remove", itemId: item.id })).status).toBe(403);
    expect((await load(session.id)).agenda).toHaveLength(1);
  });
});

describe("invitees", () => {
  let kendariMembers: string[];
  let blitarMembers: string[];
  let groups: { kendari: string; blitar: string; elsewhere: string };

  beforeAll(async () => {
    const people = async (region: string, n: number) =>
      Promise.all(Array.from({ length: n }, () => createPerson({ role: "PARTICIPANT", regionCode: region })));
    kendariMembers = (await people("74.71", 2)).map((p) => p.id);
    blitarMembers = (await people("35.72", 3)).map((p) => p.id);
    const elsewhere = await people("74.05", 1);
    const group = (regionCode: string, name: string, userIds: string[]) =>
      prisma.workingGroup.create({
        data: {
          regionCode,
          name,
          members: {
            create: [
              ...userIds.map((userId, i) => ({ userId, name: `Anggota ${i}` })),
              { name: "Belum punya akun" },
            ],
          },
        },
      });
    groups = {
      kendari: (await group("74.71", "Pokja Sanitasi Kendari", kendariMembers)).id,
      blitar: (await group("35.72", "Pokja Sanitasi Blitar", blitarMembers)).id,
      elsewhere: (
        await group(
          "74.05",
          "Pokja Konawe Selatan",
          elsewhere.map((p) => p.id),
        )
      ).id,
    };
  });

  function inviteBody(sessionId: string, fields: [string, string][]) {
    return callRoute(
      sessionRoute.action,
      new Request(`http://localhost/sesi/${sessionId}`, {
        method: "POST",
        body: new URLSearchParams([["intent", "invite"], ...fields]),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: facilitatorCookie },
      }),
      { sessionId },
    );
  }

  it("shows the Pokja of both regions and invites their members with accounts in one click, once", async () => {
    const session = await newSession("Pokja");
    const page = await callRoute(
      sessionRoute.loader,
      new Request(`http://localhost/sesi/${session.id}`, { headers: { Cookie: facilitatorCookie } }),
      { sessionId: session.id },
    );
    const data = await page.json();
    expect(
      data.workingGroups.map((g: { name: string; withAccounts: number }) => [g.name, g.withAccounts]),
    ).toEqual([
      ["Pokja Sanitasi Blitar", 3],
      ["Pokja Sanitasi Kendari", 2],
    ]);
    const before = (await load(session.id)).invitees.length;
    // a group of another region, sent by hand, is left out
    const fields: [string, string][] = [
      ["workingGroupIds", groups.kendari],
      ["workingGroupIds", groups.blitar],
      ["workingGroupIds", groups.elsewhere],
    ];
    const response = await inviteBody(session.id, fields);
    expect(response.status).toBe(200);
    expect((await response.json()).added).toBe(5);
    const invited = (await load(session.id)).invitees.map((i) => i.userId);
    expect(invited).toHaveLength(before + 5);
    expect(invited).toEqual(expect.arrayContaining([...kendariMembers, ...blitarMembers]));
    // again: nobody twice
    expect((await (await inviteBody(session.id, fields)).json()).added).toBe(0);
    expect((await load(session.id)).invitees).toHaveLength(before + 5);
  });

  it("invites a person by email and withdraws an invitation", async () => {
    const session = await newSession("Email");
    const guest = await createPerson({ role: "VIEWER", regionCode: "74", email: "tamu@sultra.test" });
    const response = await inviteBody(session.id, [["emails", "TAMU@sultra.test"]]);
    expect(response.status).toBe(200);
    expect((await load(session.id)).invitees.map((i) => i.userId)).toContain(guest.id);
    expect((await post(session.id, { intent: "uninvite", userId: guest.id })).status).toBe(200);
    expect((await load(session.id)).invitees.map((i) => i.userId)).not.toContain(guest.id);
  });

  it.each([
    [
      "an email without an account",
      [["emails", "tamu@sultra.test, siapa@tidak.ada"]],
      "agenda.errors.unknownEmail",
    ],
    ["something that is not an email", [["emails", "bukan-email"]], "errors.email"],
    ["nobody at all", [["emails", ""]], "agenda.errors.nobody"],
  ] as [string, [string, string][], string][])(
    "refuses %s next to the field and invites nobody",
    async (_l, fields, key) => {
      const session = await newSession("Salah");
      const before = (await load(session.id)).invitees.length;
      const response = await inviteBody(session.id, fields);
      expect(response.status).toBe(400);
      expect((await response.json()).result.error.emails).toEqual([key]);
      expect((await load(session.id)).invitees).toHaveLength(before);
    },
  );
});
