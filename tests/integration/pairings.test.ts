import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { PairingStatus } from "~/generated/prisma/enums";
import { NEW_PROJECT } from "~/modules/pairings/pairing-schemas";
import {
  addCommitment,
  convertCommitmentToMilestone,
  setCommitmentStatus,
} from "~/modules/pairings/commitments.server";
import { createPairing } from "~/modules/pairings/create.server";
import { suggestMentors } from "~/modules/pairings/matching.server";
import { PAIRING_TRANSITIONS, PairingRuleError } from "~/modules/pairings/pairing-status";
import { addParticipant } from "~/modules/pairings/participants.server";
import { transitionPairing } from "~/modules/pairings/transitions.server";
import { requestToLearnAsVisitor, requestToLearn } from "~/modules/pairings/learn-request.server";
import { OutOfScopeError } from "~/errors";
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
    const result = await convertCommitmentToMilestone(blitarOfficer, pairing.id, commitment.id, NEW_PROJECT);
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

describe("a commitment made a milestone (item 6)", () => {
  it("keeps its owner and follows the commitment's later status", async () => {
    const leader = await createPerson({ name: "Sari Wahyuni", regionCode: "35.72" });
    const project = await prisma.changeProject.create({
      data: {
        title: "Replikasi penyedotan terjadwal Blitar",
        kind: "REGIONAL_INNOVATION",
        regionCode: "35.72",
        leaderId: leader.id,
      },
    });
    const pairing = await createPairing(facilitator, input("Pemilik komitmen uji"));
    await prisma.pairing.update({ where: { id: pairing.id }, data: { menteeProjectId: project.id } });
    const owned = await addCommitment(blitarOfficer, pairing.id, {
      title: "Perwali retribusi sedot tinja",
      side: "MENTEE",
      owner: " sari wahyuni ",
    });
    const named = await addCommitment(blitarOfficer, pairing.id, {
      title: "Data pelanggan PDAM",
      side: "MENTEE",
      owner: "Pak Budi (PDAM)",
    });
    const first = await convertCommitmentToMilestone(blitarOfficer, pairing.id, owned.id);
    const second = await convertCommitmentToMilestone(blitarOfficer, pairing.id, named.id);
    const milestone = (id: string) =>
      prisma.milestone.findUniqueOrThrow({ where: { id }, include: { commitment: true } });
    // an owner with an account on the project owns the milestone; another keeps their name on it
    expect((await milestone(first.milestoneId)).ownerId).toBe(leader.id);
    expect(await milestone(second.milestoneId)).toMatchObject({
      ownerId: null,
      commitment: { owner: "Pak Budi (PDAM)" },
    });

    await setCommitmentStatus(blitarOfficer, pairing.id, owned.id, "IN_PROGRESS");
    expect((await milestone(first.milestoneId)).status).toBe("IN_PROGRESS");
    await setCommitmentStatus(blitarOfficer, pairing.id, owned.id, "DONE");
    const done = await milestone(first.milestoneId);
    expect(done).toMatchObject({ status: "DONE", version: 2 });
    expect(done.completedAt).toBeInstanceOf(Date);
    // the other milestone is untouched
    expect((await milestone(second.milestoneId)).status).toBe("NOT_STARTED");
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

  it("says why: what matched (sector), whether results are measured, the zone and the distance (item 6)", async () => {
    const [suggestion] = await suggestMentors("sanitasi air limbah", "35.72");
    expect(suggestion.reasons).toEqual([
      {
        kind: "project",
        name: "Layanan sanitasi terjadwal",
        status: "LAUNCHED",
        matched: ["sector", "title"],
        results: false,
        // half the need's words ("sanitasi", not "limbah") × 3 for a launched project
        points: 1.5,
      },
      { kind: "zone", hours: 1, points: 0.25 },
      { kind: "distance", km: suggestion.distanceKm, points: 0 },
    ]);
    // the reasons add up to the score
    expect(suggestion.score).toBe(1.75);
    const { fixedT } = await import("~/i18n/translate");
    const t = fixedT("id");
    expect(t("pairings.why.zone", { count: 1 })).toBe("selisih waktu 1 jam");
  });
});

describe("pairing page forms", () => {
  it("adds a commitment and turns it into a milestone through the page", async () => {
    const { callRoute, cookieFor, formRequest } = await import("../fixtures/people");
    const route = await import("~/routes/pairings/pairing");
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
      formRequest(
        `/pasangan/${pairing.id}`,
        { intent: "to-milestone", commitmentId: commitment.id, projectId: NEW_PROJECT },
        cookie,
      ),
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
    const route = await import("~/routes/pairings/pairing");
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

describe("who writes commitments", () => {
  /** A pairing of Kendari → Blitar with a lead and an ordinary participant on each side. */
  async function pairingWithPeople() {
    const pairing = await createPairing(facilitator, input());
    const person = async (role: "PARTICIPANT" | "VIEWER" | "REGION_OFFICER", regionCode: string) =>
      actorFor((await createPerson({ role, regionCode })).id);
    const people = {
      menteeLead: await person("PARTICIPANT", "35.72"),
      menteeMember: await person("PARTICIPANT", "35.72"),
      mentorLead: await person("PARTICIPANT", "74.71"),
      mentorOfficer: await person("REGION_OFFICER", "74.71"),
      outsider: await person("PARTICIPANT", "35.72"),
    };
    for (const [who, side, isLead] of [
      ["menteeLead", "MENTEE", true],
      ["menteeMember", "MENTEE", false],
      ["mentorLead", "MENTOR", true],
    ] as const)
      await prisma.pairingParticipant.create({
        data: {
          pairingId: pairing.id,
          side,
          isLead,
          name: people[who].user.name,
          userId: people[who].user.id,
          regionCode: side === "MENTOR" ? "74.71" : "35.72",
        },
      });
    const commitment = await addCommitment(facilitator, pairing.id, {
      title: "Kajian tarif",
      side: "MENTEE",
    });
    return { pairing, commitment, ...people };
  }

  async function snapshot(pairingId: string) {
    return {
      commitments: await prisma.commitment.findMany({ where: { pairingId }, orderBy: { id: "asc" } }),
      projects: await prisma.changeProject.count(),
      milestones: await prisma.milestone.count(),
      menteeProjectId: (await prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).menteeProjectId,
    };
  }

  it("refuses a viewer, an ordinary participant and an outsider, writing nothing", async () => {
    const { pairing, commitment, menteeMember, outsider } = await pairingWithPeople();
    const before = await snapshot(pairing.id);
    for (const who of [viewer, menteeMember, outsider]) {
      await expect(addCommitment(who, pairing.id, { title: "Tidak boleh", side: "MENTEE" })).rejects.toThrow(
        OutOfScopeError,
      );
      await expect(setCommitmentStatus(who, pairing.id, commitment.id, "DONE")).rejects.toThrow(
        OutOfScopeError,
      );
      await expect(convertCommitmentToMilestone(who, pairing.id, commitment.id, NEW_PROJECT)).rejects.toThrow(
        OutOfScopeError,
      );
    }
    expect(await snapshot(pairing.id)).toEqual(before);
  });

  it("lets each side's lead and either region's officer write; only the mentee side makes milestones", async () => {
    const { pairing, commitment, menteeLead, mentorLead, mentorOfficer } = await pairingWithPeople();
    await addCommitment(mentorLead, pairing.id, { title: "Kirim contoh instruksi", side: "MENTOR" });
    await addCommitment(mentorOfficer, pairing.id, { title: "Kirim data IPLT", side: "MENTOR" });
    await setCommitmentStatus(mentorOfficer, pairing.id, commitment.id, "IN_PROGRESS");
    const before = await snapshot(pairing.id);
    for (const who of [mentorLead, mentorOfficer])
      await expect(convertCommitmentToMilestone(who, pairing.id, commitment.id, NEW_PROJECT)).rejects.toThrow(
        OutOfScopeError,
      );
    expect(await snapshot(pairing.id)).toEqual(before);
    const converted = await convertCommitmentToMilestone(menteeLead, pairing.id, commitment.id, NEW_PROJECT);
    expect(converted.created).toBe(true);
    const mentorSide = await prisma.commitment.findFirstOrThrow({
      where: { pairingId: pairing.id, title: "Kirim data IPLT" },
    });
    await expect(
      convertCommitmentToMilestone(menteeLead, pairing.id, mentorSide.id, NEW_PROJECT),
    ).rejects.toThrow(new PairingRuleError("pairings.errors.mentorCommitment"));
  });

  it("through the page: a viewer's posts are refused and the forms are hidden from those who may not use them", async () => {
    const { callRoute, cookieFor, formRequest, getRequest } = await import("../fixtures/people");
    const route = await import("~/routes/pairings/pairing");
    const { pairing, commitment, menteeMember, menteeLead } = await pairingWithPeople();
    const before = await snapshot(pairing.id);
    const posts: Record<string, string>[] = [
      { intent: "commitment", title: "Dari penonton", side: "MENTEE" },
      { intent: "commitment-status", commitmentId: commitment.id, status: "DONE" },
      { intent: "to-milestone", commitmentId: commitment.id, projectId: NEW_PROJECT },
    ];
    for (const [who, status] of [
      [viewer, 403],
      [menteeMember, 403],
    ] as const) {
      const cookie = await cookieFor(who.user.id);
      for (const body of posts) {
        const response = await callRoute(route.action, formRequest(`/pasangan/${pairing.id}`, body, cookie), {
          pairingId: pairing.id,
        });
        expect(response.status, `${who.user.name} ${body.intent}`).toBe(status);
      }
    }
    expect(await snapshot(pairing.id)).toEqual(before);

    const page = async (userId: string) =>
      (
        await callRoute(route.loader, getRequest(`/pasangan/${pairing.id}`, await cookieFor(userId)), {
          pairingId: pairing.id,
        })
      ).json();
    expect((await page(viewer.user.id)).can).toMatchObject({ commit: false, convert: false, adjust: false });
    expect((await page(menteeMember.user.id)).can).toMatchObject({ commit: false, convert: false });
    const lead = await page(menteeLead.user.id);
    expect(lead.can).toMatchObject({ commit: true, convert: true, adjust: false });
    // no mentee project yet: the lead chooses among the mentee region's projects or a new one
    expect(lead.menteeProject).toBeNull();
    expect(Array.isArray(lead.projectChoices)).toBe(true);
  });
});

describe("declining a request from the catalogue", () => {
  let slug = "";
  beforeAll(async () => {
    const practice = await prisma.practice.create({
      data: {
        slug: "iplt-kendari-uji",
        name: "IPLT Kota Kendari",
        status: "PUBLISHED",
        regionCode: "74.71",
        sector: "Sanitasi",
      },
    });
    slug = practice.slug;
  });

  it("tells a signed-in requester in the app, with the reason", async () => {
    const asker = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
    const pairing = await requestToLearn(asker, slug, "Kami ingin belajar IPLT");
    const outbox = await prisma.outboxMessage.count();
    await transitionPairing(facilitator, pairing.id, "CANCELLED", "Mentor belum siap tahun ini");
    const notes = await prisma.notification.findMany({ where: { userId: asker.user.id } });
    expect(notes).toEqual([
      expect.objectContaining({
        kind: "pairing-request-declined",
        title: "Permintaan belajar “IPLT Kota Kendari” tidak dilanjutkan: Mentor belum siap tahun ini",
        link: `/pasangan/${pairing.id}`,
      }),
    ]);
    expect(await prisma.outboxMessage.count()).toBe(outbox);
  });

  it("emails a visitor without an account through the outbox", async () => {
    const pairing = await requestToLearnAsVisitor(slug, {
      name: "Staf Bappeda Blitar",
      email: "Staf.Bappeda@blitar.test",
      regionCode: "35.72",
      need: "Ingin belajar IPLT",
    });
    const notifications = await prisma.notification.count({ where: { kind: "pairing-request-declined" } });
    await transitionPairing(facilitator, pairing.id, "CANCELLED", "Sudah ada pasangan lain untuk topik ini");
    const mail = await prisma.outboxMessage.findMany({ where: { to: "staf.bappeda@blitar.test" } });
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain("IPLT Kota Kendari");
    expect(mail[0].text).toContain("Alasan: Sudah ada pasangan lain untuk topik ini");
    expect(mail[0].text).toContain("Reason: Sudah ada pasangan lain untuk topik ini");
    expect(await prisma.notification.count({ where: { kind: "pairing-request-declined" } })).toBe(
      notifications,
    );
  });

  it("tells no one when a pairing the facilitator made is cancelled, and nothing when the decline is refused", async () => {
    const pairing = await createPairing(facilitator, input());
    const [notes, mail] = [await prisma.notification.count(), await prisma.outboxMessage.count()];
    await transitionPairing(facilitator, pairing.id, "CANCELLED", "Tidak jadi");
    const asker = await actorFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
    const request = await requestToLearn(asker, slug, "Sekali lagi");
    await expect(transitionPairing(facilitator, request.id, "CANCELLED", " ")).rejects.toThrow(
      PairingRuleError,
    );
    await expect(transitionPairing(viewer, request.id, "CANCELLED", "Bukan hak saya")).rejects.toThrow(
      OutOfScopeError,
    );
    // the request itself told the facilitators; nothing more was sent
    const facilitators = await prisma.membership.count({ where: { role: "FACILITATOR" } });
    expect(await prisma.notification.count()).toBe(notes + facilitators);
    expect(await prisma.outboxMessage.count()).toBe(mail);
  });
});

describe("the PMU's list of pairings", () => {
  it("filters by province, sector and facilitator, and pages with a total instead of stopping", async () => {
    const { callRoute, cookieFor, getRequest } = await import("../fixtures/people");
    const route = await import("~/routes/pairings/index");
    const pmu = await prisma.organisation.create({ data: { name: "PMU Daftar Uji", type: "PMU" } });
    const other = await prisma.organisation.create({ data: { name: "Fasilitator Lain Uji", type: "PMU" } });
    await prisma.pairing.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        mentorRegionCode: i < 50 ? "74.71" : "74.05",
        menteeRegionCode: i < 50 ? "35.72" : "74.71",
        topic: `Daftar uji ${i}`,
        sector: i % 2 === 0 ? "Persampahan daftar" : "Air minum daftar",
        facilitatorOrgId: i === 56 ? other.id : pmu.id,
      })),
    });
    const cookie = await cookieFor(facilitator.user.id);
    const list = async (query: string) =>
      (await callRoute(route.loader, getRequest(`/pasangan?${query}`, cookie))).json();

    const all = await list(`fasilitator=${pmu.id}`);
    expect(all).toMatchObject({ total: 56, page: 1, pageCount: 2 });
    expect(all.pairings).toHaveLength(50);
    expect(all.options.facilitators.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(["PMU Daftar Uji", "Fasilitator Lain Uji"]),
    );
    const second = await list(`fasilitator=${pmu.id}&halaman=2`);
    expect(second.pairings).toHaveLength(6);
    const seen = new Set([...all.pairings, ...second.pairings].map((p: { id: string }) => p.id));
    expect(seen.size).toBe(56);

    // province 35 (Jawa Timur): only the pairings with a side in it
    expect((await list(`fasilitator=${pmu.id}&provinsi=35`)).total).toBe(50);
    expect((await list(`fasilitator=${pmu.id}&sektor=Persampahan%20daftar`)).total).toBe(28);
    expect(
      (await list(`fasilitator=${pmu.id}&provinsi=35&sektor=Air%20minum%20daftar`)).pairings.every(
        (p: { sector: string; menteeRegion: { code: string } }) =>
          p.sector === "Air minum daftar" && p.menteeRegion.code === "35.72",
      ),
    ).toBe(true);
    expect((await list(`fasilitator=${other.id}`)).total).toBe(1);
    // an unknown filter value is ignored rather than matching nothing by accident
    expect((await list(`fasilitator=${pmu.id}&provinsi=99`)).filters.province).toBe("");

    // the map draws every listed pairing (all pages) as an arc, only when asked for
    expect(all.map).toBeNull();
    const mapped = await list(`fasilitator=${pmu.id}&peta=1`);
    expect(mapped.map.pairings).toHaveLength(56);
    expect(mapped.map.regions.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(["74.71", "35.72"]),
    );

    // a viewer of Blitar sees only pairings with Blitar on one side
    const blitarViewer = await (
      await callRoute(
        route.loader,
        getRequest(`/pasangan?fasilitator=${pmu.id}`, await cookieFor(viewer.user.id)),
      )
    ).json();
    expect(blitarViewer.total).toBe(50);
  });
});
