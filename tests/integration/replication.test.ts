// The replication record of a pairing: who may write it and when, bad input through the page,
// and the catalogue's Replication row written with the move to REPLICATED.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createPairing } from "~/modules/pairings/create.server";
import { addParticipant } from "~/modules/pairings/participants.server";
import { recordCatalogueReplication, transitionPairing } from "~/modules/pairings/transitions.server";
import { OutOfScopeError } from "~/errors";
import {
  addReplicationItem,
  addReplicationResult,
  changeInGoodDirection,
  getReplicationRecord,
  removeReplicationItem,
  removeReplicationResult,
  setReplicationSummary,
} from "~/modules/pairings/replication.server";
import * as pairingRoute from "~/routes/pairings/pairing";
import {
  actorFor,
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

type Actor = Awaited<ReturnType<typeof actorFor>>;
let facilitator: Actor;
let blitarOfficer: Actor;
let kendariOfficer: Actor;
let blitarViewer: Actor;
let lead: Actor;
let member: Actor;
let practiceId: string;

let counter = 0;
async function activePairing(status: "PROPOSED" | "ACTIVE" = "ACTIVE") {
  const pairing = await createPairing(
    facilitator,
    {
      mentorRegionCode: "74.71",
      menteeRegionCode: "35.72",
      topic: `L2T2 replikasi ${++counter}`,
      method: "PRIVATE_TELECONFERENCE",
      practiceId,
    },
    status === "ACTIVE" ? "ACTIVE" : "PROPOSED",
  );
  return pairing.id;
}

beforeAll(async () => {
  await ensureRegions();
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  blitarOfficer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  kendariOfficer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
  blitarViewer = await actorFor((await createPerson({ role: "VIEWER", regionCode: "35.72" })).id);
  lead = await actorFor(
    (await createPerson({ role: "PARTICIPANT", regionCode: "35.72", email: "ketua@blitar.test" })).id,
  );
  member = await actorFor(
    (await createPerson({ role: "PARTICIPANT", regionCode: "35.72", email: "anggota@blitar.test" })).id,
  );
  practiceId = (
    await prisma.practice.create({
      data: {
        slug: "l2t2-uji",
        name: "L2T2 uji",
        regionCode: "74.71",
        status: "PUBLISHED",
      },
    })
  ).id;
});

describe("who may write the replication record", () => {
  it("lets facilitators, the mentee region's officers and the pairing's leads add and remove entries", async () => {
    const pairingId = await activePairing();
    await addParticipant(facilitator, pairingId, {
      side: "MENTEE",
      name: "Ketua Blitar",
      email: "ketua@blitar.test",
      isLead: true,
    });
    await addParticipant(facilitator, pairingId, {
      side: "MENTEE",
      name: "Anggota Blitar",
      email: "anggota@blitar.test",
      isLead: false,
    });
    for (const who of [facilitator, blitarOfficer, lead])
      await addReplicationItem(who, pairingId, { kind: "ADOPTED", what: `oleh ${who.user.name}` });
    for (const who of [kendariOfficer, blitarViewer, member])
      await expect(
        addReplicationItem(who, pairingId, { kind: "ADAPTED", what: "tidak boleh" }),
      ).rejects.toThrow(OutOfScopeError);
    const result = await addReplicationResult(blitarOfficer, pairingId, {
      indicator: "Rumah tangga terlayani L2T2",
      unit: "%",
      direction: "UP",
      before: 1.22,
      beforeYear: 2019,
      after: 12.5,
      afterYear: 2021,
    });
    await expect(removeReplicationResult(kendariOfficer, pairingId, result.id)).rejects.toThrow(
      OutOfScopeError,
    );
    await setReplicationSummary(lead, pairingId, {
      summary: "Dimulai dari ASN.",
      replicatedAt: new Date("2021-06-30"),
    });

    const record = await getReplicationRecord(pairingId);
    expect(record.items.map((i) => i.what)).toEqual([
      `oleh ${facilitator.user.name}`,
      `oleh ${blitarOfficer.user.name}`,
      `oleh ${lead.user.name}`,
    ]);
    expect(record.results).toEqual([
      expect.objectContaining({
        before: 1.22,
        after: 12.5,
        change: { change: 11.28, improvement: 11.28, outcome: "better" },
      }),
    ]);
    expect(record.summary).toBe("Dimulai dari ASN.");

    await removeReplicationItem(facilitator, pairingId, record.items[0].id);
    await removeReplicationResult(lead, pairingId, result.id);
    const after = await getReplicationRecord(pairingId);
    expect(after.items).toHaveLength(2);
    expect(after.results).toHaveLength(0);
    // an id of another pairing's entry is refused
    const other = await activePairing();
    await expect(removeReplicationItem(facilitator, other, after.items[0].id)).rejects.toThrow(
      OutOfScopeError,
    );
    expect(await prisma.replicationItem.count({ where: { pairingId } })).toBe(2);
  });

  it("opens only once the pairing is active", async () => {
    const pairingId = await activePairing("PROPOSED");
    await expect(addReplicationItem(facilitator, pairingId, { kind: "ADOPTED", what: "x" })).rejects.toThrow(
      "replication.errors.notYet",
    );
    expect(await prisma.replicationItem.count({ where: { pairingId } })).toBe(0);
  });
});

describe("the change in the good direction", () => {
  it("reads a fall as an improvement when lower is better", () => {
    expect(changeInGoodDirection({ direction: "DOWN", before: 40, after: 25 })).toEqual({
      change: -15,
      improvement: 15,
      outcome: "better",
    });
    expect(changeInGoodDirection({ direction: "UP", before: 40, after: 25 })?.outcome).toBe("worse");
    expect(changeInGoodDirection({ direction: "UP", before: 40, after: null })).toBeNull();
  });
});

describe("the pairing page's replication forms", () => {
  it("adds an item and a result, and shows them", async () => {
    const pairingId = await activePairing();
    const cookie = await cookieFor(blitarOfficer.user.id);
    const post = (fields: Record<string, string>) =>
      callRoute(pairingRoute.action, formRequest(`/pasangan/${pairingId}`, fields, cookie), { pairingId });
    expect(
      (
        await post({
          intent: "replication-item",
          kind: "ADAPTED",
          what: "Instruksi Wali Kota",
          why: "Dimulai dengan surat edaran",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post({
          intent: "replication-result",
          indicator: "Tangki septik disedot terjadwal",
          unit: "unit",
          direction: "UP",
          before: "1.250,5",
          beforeYear: "2019",
          after: "1.500,75",
          afterYear: "2020",
        })
      ).status,
    ).toBe(200);
    const page = await callRoute(pairingRoute.loader, getRequest(`/pasangan/${pairingId}`, cookie), {
      pairingId,
    });
    const data = await page.json();
    expect(data.can.replicate).toBe(true);
    expect(data.replication.items).toEqual([
      expect.objectContaining({
        kind: "ADAPTED",
        what: "Instruksi Wali Kota",
        why: "Dimulai dengan surat edaran",
      }),
    ]);
    expect(data.replication.results[0]).toMatchObject({ before: 1250.5, after: 1500.75, unit: "unit" });
  });

  it.each([
    ["a before that is not a number", { before: "banyak" }, "before", "errors.decimal"],
    ["a before with two decimal commas", { before: "1,2,3" }, "before", "errors.decimal"],
    ["an after without its year", { after: "5" }, "afterYear", "replication.errors.afterPair"],
    ["a year out of range", { beforeYear: "20" }, "beforeYear", "errors.year"],
  ])("refuses %s next to the field and writes nothing", async (_label, change, field, key) => {
    const pairingId = await activePairing();
    const response = await callRoute(
      pairingRoute.action,
      formRequest(
        `/pasangan/${pairingId}`,
        {
          intent: "replication-result",
          indicator: "Cakupan",
          unit: "%",
          direction: "UP",
          before: "10",
          beforeYear: "2019",
          ...change,
        },
        await cookieFor(facilitator.user.id),
      ),
      { pairingId },
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.result.error[field]).toEqual([key]);
    expect(body.result.initialValue.indicator).toBe("Cakupan");
    expect(await prisma.replicationResult.count({ where: { pairingId } })).toBe(0);
  });

  it("refuses an unknown kind next to the field and writes nothing", async () => {
    const pairingId = await activePairing();
    const response = await callRoute(
      pairingRoute.action,
      formRequest(
        `/pasangan/${pairingId}`,
        { intent: "replication-item", kind: "BORROWED", what: "Truk sedot" },
        await cookieFor(facilitator.user.id),
      ),
      { pairingId },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.kind).toEqual(["errors.choice"]);
    expect(await prisma.replicationItem.count({ where: { pairingId } })).toBe(0);
  });

  it("refuses the mentor region's officer with 403 and writes nothing", async () => {
    const pairingId = await activePairing();
    const response = await callRoute(
      pairingRoute.action,
      formRequest(
        `/pasangan/${pairingId}`,
        { intent: "replication-item", kind: "ADOPTED", what: "Truk sedot" },
        await cookieFor(kendariOfficer.user.id),
      ),
      { pairingId },
    );
    expect(response.status).toBe(403);
    expect(await prisma.replicationItem.count({ where: { pairingId } })).toBe(0);
  });
});

describe("replicated pairings in the catalogue", () => {
  it("creates exactly one Replication for the practice and the mentee region, however often", async () => {
    const pairingId = await activePairing();
    await addReplicationResult(facilitator, pairingId, {
      indicator: "Cakupan L2T2",
      unit: "%",
      direction: "UP",
      before: 1.22,
      beforeYear: 2019,
      after: 10,
      afterYear: 2021,
    });
    for (const to of ["COMPLETED", "REPLICATING", "REPLICATED"] as const)
      await transitionPairing(facilitator, pairingId, to);
    const rows = await prisma.replication.findMany({ where: { practiceId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      regionCode: "35.72",
      status: "REPLICATED",
      results: "Cakupan L2T2: 1,22 % (2019) → 10 % (2021)",
    });
    expect(
      (await prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).replicatedAt,
    ).not.toBeNull();

    // a second pairing of the same practice and mentee, replicated too: still one row, results kept
    const again = await activePairing();
    for (const to of ["COMPLETED", "REPLICATING", "REPLICATED"] as const)
      await transitionPairing(facilitator, again, to);
    await prisma.$transaction((tx) => recordCatalogueReplication(tx, again));
    expect(await prisma.replication.count({ where: { practiceId } })).toBe(1);
    expect((await prisma.replication.findFirstOrThrow({ where: { practiceId } })).results).toBe(
      "Cakupan L2T2: 1,22 % (2019) → 10 % (2021)",
    );
  });

  it("writes nothing to the catalogue for a pairing without a catalogue practice", async () => {
    const pairing = await createPairing(
      facilitator,
      {
        mentorRegionCode: "74.71",
        menteeRegionCode: "35.72",
        topic: "Tanpa praktik katalog",
        method: "PRIVATE_TELECONFERENCE",
      },
      "ACTIVE",
    );
    const count = await prisma.replication.count();
    for (const to of ["COMPLETED", "REPLICATING", "REPLICATED"] as const)
      await transitionPairing(facilitator, pairing.id, to);
    expect(await prisma.replication.count()).toBe(count);
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).status).toBe("REPLICATED");
  });
});
