// Issue #22 item 6 as people see it: whole pages rendered as served (no JavaScript) for the small
// defects seen in the walk-through — the practice page's replication statuses, the pairings list's
// label and map, the province page's pairings, notification times in the viewer's own zone, and
// why a mentor is suggested.
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import id from "~/i18n/id.json";
import { loadAppBuild } from "../fixtures/app-build";
import { addCommitment, convertCommitmentToMilestone } from "~/modules/pairings/commitments.server";
import { actorFor, cookieFor, createPerson, ensureRegions } from "../fixtures/people";

let handle: (request: Request) => Promise<Response>;
let facilitatorId: string;

async function html(path: string, userId?: string) {
  const headers = new Headers();
  if (userId) headers.set("Cookie", await cookieFor(userId));
  const response = await handle(new Request(`http://lintas.test${path}`, { headers }));
  // without React's text separators, as a reader sees the text
  return { status: response.status, text: (await response.text()).replaceAll("<!-- -->", "") };
}

beforeAll(async () => {
  await ensureRegions();
  await prisma.region.updateMany({ where: { code: "74.71" }, data: { lat: -3.998, lng: 122.532 } });
  await prisma.region.updateMany({ where: { code: "35.72" }, data: { lat: -8.094, lng: 112.167 } });
  await prisma.region.upsert({
    where: { code: "35.05" },
    create: {
      code: "35.05",
      name: "Kabupaten Blitar",
      kind: "REGENCY",
      provinceCode: "35",
      timeZone: "Asia/Jakarta",
      lat: -8.1,
      lng: 112.25,
    },
    update: { lat: -8.1, lng: 112.25 },
  });
  const pmu = await prisma.organisation.create({ data: { name: "PMU Rincian Uji", type: "PMU" } });
  // the facilitator chose WITA in her profile; she has no region of her own
  const facilitator = await createPerson({ role: "FACILITATOR", organisationId: pmu.id, name: "Rina Uji" });
  await prisma.user.update({ where: { id: facilitator.id }, data: { timeZone: "Asia/Makassar" } });
  facilitatorId = facilitator.id;
  await prisma.pairing.createMany({
    data: [
      {
        mentorRegionCode: "74.71",
        menteeRegionCode: "35.72",
        topic: "L2T2 rincian",
        status: "ACTIVE" as const,
      },
      {
        mentorRegionCode: "74.71",
        menteeRegionCode: "35.05",
        topic: "Sedot rincian",
        status: "PROPOSED" as const,
      },
      {
        mentorRegionCode: "74.05",
        menteeRegionCode: "35.72",
        topic: "Sampah rincian",
        status: "AGREED" as const,
      },
    ].map((p) => ({ ...p, facilitatorOrgId: pmu.id })),
  });
  const practice = await prisma.practice.create({
    data: {
      slug: "l2t2-rincian",
      name: "L2T2 rincian",
      regionCode: "74.71",
      status: "PUBLISHED",
      publishedAt: new Date("2020-03-01"),
      tags: [],
    },
  });
  await prisma.replication.create({
    data: { practiceId: practice.id, regionCode: "35.72", status: "IN_PROGRESS" },
  });
  const started = await loadAppBuild();
  handle = createRequestHandler(started.build, "production");
}, 180_000);

describe("pages of item 6, rendered as served", () => {
  it("names a replication's status in words and does not count one in progress as replicated", async () => {
    const { status, text } = await html("/katalog/l2t2-rincian");
    expect(status).toBe(200);
    expect(text).toContain(`Kota Blitar</a>: ${id.catalog.replicationStatus.IN_PROGRESS}`);
    expect(text).not.toContain("IN_PROGRESS");
    expect(text).not.toContain("direplikasi 1 daerah");
  });

  it("labels the pairings list with pairings, and the map's table with each status", async () => {
    const { status, text } = await html("/pasangan?peta=1", facilitatorId);
    expect(status).toBe(200);
    expect(text).toContain("Pasangan 1–3 dari 3");
    expect(text).not.toContain("Proyek 1–3");
    expect(text).toContain(id.map.legendProposed);
    expect(text).toContain('class="map-arc is-proposed"');
    expect(text).toContain(`<td>${id.pairings.status.PROPOSED}</td>`);
  });

  it("lists on a province's page the pairings its regency table counts", async () => {
    const { text } = await html("/wilayah/35");
    const section = text.slice(text.lastIndexOf(`<h2>${id.regions.pairings}</h2>`));
    expect(section).toContain("Kota Kendari mentor bagi Kota Blitar");
    expect(section.slice(0, section.indexOf("</section>"))).not.toContain(id.regions.noneRecorded);
  });

  it("shows notification times in the viewer's own zone", async () => {
    await prisma.notification.create({
      data: {
        userId: facilitatorId,
        kind: "session-reminder-day",
        title: "Besok: Sesi 2",
        // 02.30 UTC: 10.30 WITA, 09.30 WIB
        createdAt: new Date("2026-12-01T02:30:00Z"),
      },
    });
    const { text } = await html("/notifikasi", facilitatorId);
    expect(text).toMatch(/10[.:]30 WITA/);
    expect(text).not.toMatch(/09[.:]30 WIB/);
  });

  it("shows a session's time in the viewer's zone beside a notification written in another", async () => {
    const session = await prisma.session.create({
      data: {
        title: "Sesi zona uji",
        // 01.00 UTC: 09.00 WITA, 08.00 WIB
        startsAt: new Date("2027-01-05T01:00:00Z"),
        durationMinutes: 90,
        timeZone: "Asia/Jakarta",
        roomName: "sesi-zona-uji",
        uid: "sesi-zona-uji@lintas",
      },
    });
    // sent before she chose WITA: its text names the time in WIB
    await prisma.notification.create({
      data: {
        userId: facilitatorId,
        kind: "session-change-invited",
        title: "Undangan: Sesi zona uji, 5 Jan 2027 08.00 WIB",
        link: `/sesi/${session.id}`,
      },
    });
    const { text } = await html("/notifikasi", facilitatorId);
    expect(text).toMatch(/Jadwal sesi kini, di zona waktu Anda: 5 Jan 2027,? 09[.:]00 WITA/);
    await prisma.session.update({ where: { id: session.id }, data: { status: "CANCELLED" } });
    expect((await html("/notifikasi", facilitatorId)).text).toContain(id.notifications.sessionCancelled);
  });

  it("says why a mentor region is suggested", async () => {
    await prisma.changeProject.create({
      data: {
        title: "Layanan sanitasi terjadwal rincian",
        sector: "Sanitasi",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        status: "LAUNCHED",
      },
    });
    const { status, text } = await html(
      `/pasangan/baru?${new URLSearchParams({ kebutuhan: "sanitasi terjadwal", mentee: "35.72" })}`,
      facilitatorId,
    );
    expect(status).toBe(200);
    expect(text).toContain("Proyek “Layanan sanitasi terjadwal rincian”");
    expect(text).toContain("cocok pada sektor, judul");
    expect(text).toContain(id.pairings.why.noResults);
    expect(text).toContain("selisih waktu 1 jam");
  });
  it("shows on the project the owner a commitment named, when it became a milestone", async () => {
    const officer = await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" });
    const project = await prisma.changeProject.create({
      data: { title: "Replikasi L2T2 rincian", kind: "REGIONAL_INNOVATION", regionCode: "35.72" },
    });
    const pairing = await prisma.pairing.findFirstOrThrow({ where: { topic: "L2T2 rincian" } });
    await prisma.pairing.update({ where: { id: pairing.id }, data: { menteeProjectId: project.id } });
    const actor = await actorFor(officer.id);
    const commitment = await addCommitment(actor, pairing.id, {
      title: "Perwali retribusi rincian",
      side: "MENTEE",
      owner: "Pak Budi (PDAM)",
    });
    await convertCommitmentToMilestone(actor, pairing.id, commitment.id);
    const { status, text } = await html(`/proyek/${project.id}/tonggak`, officer.id);
    expect(status).toBe(200);
    expect(text).toContain(`${id.projects.milestoneOwner}: Pak Budi (PDAM)`);
  });
});
