import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { PairingStatus } from "~/generated/prisma/enums";
import {
  PAIRING_TRANSITIONS,
  PairingRuleError,
  addCommitment,
  addParticipant,
  convertCommitmentToMilestone,
  createPairing,
  suggestMentors,
  transitionPairing,
} from "~/models/pairing.server";
import { OutOfScopeError } from "~/models/project.server";
import { actorFor, createPerson, ensureRegions } from "../fixtures/people";

let facilitator: Awaited<ReturnType<typeof actorFor>>;
let blitarOfficer: Awaited<ReturnType<typeof actorFor>>;
let viewer: Awaited<ReturnType<typeof actorFor>>;

beforeAll(async () => {
  await ensureRegions();
  await prisma.region.updateMany({ where: { code: "74.71" }, data: { lat: -3.998, lng: 122.532 } });
  await prisma.region.updateMany({ where: { code: "35.72" }, data: { lat: -8.094, lng: 112.167 } });
  await prisma.region.updateMany({ where: { code: "74.05" }, data: { lat: -4.2, lng: 122.4 } });
  facilitator = await actorFor((await createPerson({ role: "FACILITATOR" })).id);
  blitarOfficer = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  viewer = await actorFor((await createPerson({ role: "VIEWER", regionCode: "35.72" })).id);
});

let topicCounter = 0;
function input(topic = `Air limbah ${++topicCounter}`) {
  return {
    mentorRegionCode: "74.71",
    menteeRegionCode: "35.72",
    topic,
    sector: "Sanitasi",
    method: "PRIVATE_TELECONFERENCE" as const,
    plannedSessions: 6,
  };
}

describe("creating pairings", () => {
  it("refuses pairing a region with itself", async () => {
    await expect(createPairing(facilitator, { ...input(), menteeRegionCode: "74.71" })).rejects.toThrow(
      new PairingRuleError("pairings.errors.sameRegion"),
    );
  });

  it("refuses a second open pairing on the same topic, whatever its case", async () => {
    await createPairing(facilitator, input("L2T2 penyedotan terjadwal"));
    await expect(createPairing(facilitator, input("l2t2 PENYEDOTAN terjadwal"))).rejects.toThrow(
      new PairingRuleError("pairings.errors.duplicate"),
    );
  });

  it("is for facilitators: a region officer cannot create one", async () => {
    await expect(createPairing(blitarOfficer, input())).rejects.toThrow(OutOfScopeError);
  });
});

describe("pairing status", () => {
  const ALLOWED: Record<PairingStatus, PairingStatus[]> = {
    PROPOSED: ["AGREED", "CANCELLED"],
    AGREED: ["ACTIVE", "CANCELLED"],
    ACTIVE: ["COMPLETED", "CANCELLED"],
    COMPLETED: ["REPLICATING", "CANCELLED"],
    REPLICATING: ["REPLICATED", "CANCELLED"],
    REPLICATED: [],
    CANCELLED: [],
  };
  it("has exactly the moves of the table", () => {
    for (const [from, tos] of Object.entries(ALLOWED))
      expect(PAIRING_TRANSITIONS[from as PairingStatus].map((m) => m.to).sort()).toEqual([...tos].sort());
  });

  it("walks from proposed to replicated, with the mentee region recording replication", async () => {
    const pairing = await createPairing(facilitator, input(), "PROPOSED");
    await expect(transitionPairing(blitarOfficer, pairing.id, "AGREED")).rejects.toThrow(OutOfScopeError);
    for (const to of ["AGREED", "ACTIVE", "COMPLETED"] as const)
      await transitionPairing(facilitator, pairing.id, to);
    await expect(transitionPairing(viewer, pairing.id, "REPLICATING")).rejects.toThrow(OutOfScopeError);
    await transitionPairing(blitarOfficer, pairing.id, "REPLICATING");
    await transitionPairing(blitarOfficer, pairing.id, "REPLICATED");
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).status).toBe("REPLICATED");
    await expect(transitionPairing(facilitator, pairing.id, "ACTIVE")).rejects.toThrow(
      new PairingRuleError("pairings.errors.notAMove"),
    );
  });

  it("cancels only with a reason", async () => {
    const pairing = await createPairing(facilitator, input());
    await expect(transitionPairing(facilitator, pairing.id, "CANCELLED", " ")).rejects.toThrow(
      new PairingRuleError("pairings.errors.cancelReason"),
    );
    await transitionPairing(facilitator, pairing.id, "CANCELLED", "Mentee memilih pendekatan lain");
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).cancelReason).toBe(
      "Mentee memilih pendekatan lain",
    );
  });
});

describe("participants and commitments", () => {
  it("keeps one lead per side", async () => {
    const pairing = await createPairing(facilitator, input());
    await addParticipant(facilitator, pairing.id, {
      side: "MENTOR",
      name: "Sekretaris Daerah Kota Kendari",
      isLead: true,
    });
    await addParticipant(facilitator, pairing.id, {
      side: "MENTOR",
      name: "Kepala Bappeda Kendari",
      isLead: true,
    });
    await addParticipant(facilitator, pairing.id, {
      side: "MENTEE",
      name: "Kepala Bappeda Blitar",
      isLead: true,
    });
    const leads = await prisma.pairingParticipant.findMany({
      where: { pairingId: pairing.id, isLead: true },
      orderBy: { side: "asc" },
    });
    expect(leads.map((l) => [l.side, l.name, l.regionCode])).toEqual([
      ["MENTOR", "Kepala Bappeda Kendari", "74.71"],
      ["MENTEE", "Kepala Bappeda Blitar", "35.72"],
    ]);
  });

  it("turns a commitment into a milestone of the mentee's project, linked both ways, once", async () => {
    const pairing = await createPairing(facilitator, input("Layanan lumpur tinja terjadwal"));
    const commitment = await addCommitment(blitarOfficer, pairing.id, {
      title: "Uji coba penyedotan terjadwal untuk ASN",
      side: "MENTEE",
      dueDate: new Date("2020-03-31"),
    });
    const result = await convertCommitmentToMilestone(blitarOfficer, pairing.id, commitment.id);
    expect(result.created).toBe(true);
    const milestone = await prisma.milestone.findUniqueOrThrow({
      where: { id: result.milestoneId },
      include: { project: true, commitment: true },
    });
    expect(milestone.project.regionCode).toBe("35.72");
    expect(milestone.title).toBe("Uji coba penyedotan terjadwal untuk ASN");
    expect(milestone.commitment?.id).toBe(commitment.id);
    const again = await convertCommitmentToMilestone(blitarOfficer, pairing.id, commitment.id);
    expect(again).toMatchObject({ milestoneId: result.milestoneId, created: false });
    const second = await addCommitment(blitarOfficer, pairing.id, {
      title: "Instruksi Wali Kota",
      side: "MENTEE",
    });
    const next = await convertCommitmentToMilestone(blitarOfficer, pairing.id, second.id);
    expect(next.projectId).toBe(result.projectId);
  });
});

describe("matching mentors", () => {
  it("ranks a region with a launched sanitation project above one with only a draft", async () => {
    await prisma.changeProject.createMany({
      data: [
        {
          title: "Layanan sanitasi terjadwal",
          sector: "Sanitasi",
          kind: "REGIONAL_INNOVATION",
          regionCode: "74.71",
          status: "LAUNCHED",
        },
        {
          title: "Rencana sanitasi kabupaten",
          sector: "Sanitasi",
          kind: "REGIONAL_INNOVATION",
          regionCode: "74.05",
          status: "DRAFT",
        },
      ],
    });
    const suggestions = await suggestMentors("sanitasi air limbah", "35.72");
    expect(suggestions[0]).toMatchObject({ code: "74.71", zoneDifferenceHours: 1 });
    expect(suggestions[0].distanceKm).toBeGreaterThan(1000);
    expect(suggestions.find((s) => s.code === "74.05")).toBeUndefined();
  });
});

describe("pairing page forms", () => {
  it("adds a commitment and turns it into a milestone through the page", async () => {
    const { callRoute, cookieFor, formRequest } = await import("../fixtures/people");
    const route = await import("~/routes/pasangan.$pairingId");
    const pairing = await createPairing(facilitator, input("Pelajaran sesi pertama"));
    const cookie = await cookieFor(blitarOfficer.user.id);
    const added = await callRoute(
      route.action,
      formRequest(
        `/pasangan/${pairing.id}`,
        { intent: "commitment", title: "Advokasi komitmen kepala daerah", side: "MENTEE" },
        cookie,
      ),
      { pairingId: pairing.id },
    );
    expect(added.status).toBe(200);
    const commitment = await prisma.commitment.findFirstOrThrow({ where: { pairingId: pairing.id } });
    const converted = await callRoute(
      route.action,
      formRequest(`/pasangan/${pairing.id}`, { intent: "to-milestone", commitmentId: commitment.id }, cookie),
      {
        pairingId: pairing.id,
      },
    );
    expect(converted.status).toBe(200);
    expect(
      (await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).milestoneId,
    ).not.toBeNull();
    const bad = await callRoute(
      route.action,
      formRequest(`/pasangan/${pairing.id}`, { intent: "commitment", title: "", side: "NOBODY" }, cookie),
      {
        pairingId: pairing.id,
      },
    );
    expect(bad.status).toBe(400);
    expect(await prisma.commitment.count({ where: { pairingId: pairing.id } })).toBe(1);
  });
});

describe("adjusting a pairing", () => {
  it("lets a facilitator adjust a proposed request's terms through the page, and no one else", async () => {
    const { callRoute, cookieFor, formRequest } = await import("../fixtures/people");
    const route = await import("~/routes/pasangan.$pairingId");
    const pairing = await createPairing(facilitator, input("Permintaan dari katalog"), "PROPOSED");
    const fields = {
      intent: "adjust",
      topic: "L2T2 untuk rumah tangga ASN",
      goals: "Memulai penyedotan terjadwal bagi ASN",
      method: "WORKSHOP",
      plannedSessions: "4",
      periodStart: "2020-02-03",
      periodEnd: "2020-03-30",
    };
    const post = async (userId: string, body: Record<string, string>) =>
      callRoute(route.action, formRequest(`/pasangan/${pairing.id}`, body, await cookieFor(userId)), {
        pairingId: pairing.id,
      });
    expect((await post(blitarOfficer.user.id, fields)).status).toBe(403);
    expect((await post(facilitator.user.id, fields)).status).toBe(200);
    expect(await prisma.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).toMatchObject({
      topic: "L2T2 untuk rumah tangga ASN",
      goals: "Memulai penyedotan terjadwal bagi ASN",
      method: "WORKSHOP",
      plannedSessions: 4,
      sector: null,
      status: "PROPOSED",
    });

    const bad = await post(facilitator.user.id, { ...fields, plannedSessions: "enam", topic: "Diubah" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.plannedSessions).toEqual(["errors.number"]);
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id: pairing.id } })).topic).toBe(
      "L2T2 untuk rumah tangga ASN",
    );

    const other = await createPairing(facilitator, input("Topik lain yang terbuka"));
    const duplicate = await post(facilitator.user.id, { ...fields, topic: "topik LAIN yang terbuka" });
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).result.error[""]).toEqual(["pairings.errors.duplicate"]);
    expect(other.id).not.toBe(pairing.id);
  });
});
