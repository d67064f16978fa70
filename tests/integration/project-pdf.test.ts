// The project report as PDF: a real PDF whose text (read back out of its compressed content
// streams) holds the project's parts, dates in the reader's zone with the zone named; a person
// outside the project's scope gets 404.
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { renderProjectPdf } from "~/modules/projects/project-pdf.server";
import { addCheckIn } from "~/modules/projects/check-ins.server";
import { createProject } from "~/modules/projects/details.server";
import { addIndicator, addMeasurement } from "~/modules/projects/indicators.server";
import { addMilestone } from "~/modules/projects/milestones.server";
import { getProjectForUser } from "~/modules/projects/queries.server";
import { addAssignment, addTeamMember } from "~/modules/projects/team.server";
import * as pdfRoute from "~/routes/projects/$projectId/report.pdf";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

let projectId: string;
let officer: string;
let stranger: string;
let officerId: string;

/** The text a PDF shows: every content stream inflated, every string of its TJ/Tj operators decoded. */
function pdfText(pdf: Uint8Array) {
  const raw = Buffer.from(pdf).toString("latin1");
  const streams: string[] = [];
  // each stream's body is as long as its dictionary's /Length says: a body that ends in a CR byte
  // (1 in 256 compressed streams) made a search for the "\r\nendstream" after it cut that byte off
  for (const match of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const length = Number(/\/Length (\d+)(?!\s+\d+\s+R)/.exec(match[1])?.[1]);
    if (!Number.isInteger(length)) throw new Error(`a PDF stream without a direct /Length: <<${match[1]}>>`);
    const start = (match.index ?? 0) + match[0].length;
    const body = Buffer.from(raw.slice(start, start + length), "latin1");
    streams.push(
      /FlateDecode/.test(match[1]) ? inflateSync(body).toString("latin1") : body.toString("latin1"),
    );
  }
  const lines: string[] = [];
  for (const stream of streams) {
    for (const op of stream.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [op[2]];
      lines.push(hexes.map((hex) => Buffer.from(hex, "hex").toString("latin1")).join(""));
    }
  }
  return lines.join("\n");
}

beforeAll(async () => {
  await ensureRegions();
  const person = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71", name: "Wa Ode Sitti" });
  officerId = person.id;
  officer = await cookieFor(person.id);
  stranger = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  const actor = await actorFor(person.id);
  const project = await createProject(actor, {
    title: "Layanan Lumpur Tinja Terjadwal",
    acronym: "L2T2",
    kind: "TRAINING_CHANGE_PROJECT",
    regionCode: "74.71",
    organisationName: "Dinas PUPR",
    problem: "Akses sanitasi aman baru 1,22 %.",
    objectives: "Penyedotan terjadwal untuk 500 rumah tangga.",
  });
  projectId = project.id;
  const cohort = await prisma.cohort.create({
    data: { programme: "PKN_II", batch: "Angkatan XX", year: 2023, organiserName: "BPSDM Sultra" },
  });
  await prisma.changeProject.update({ where: { id: projectId }, data: { cohortId: cohort.id } });
  const member = await addTeamMember(actor, projectId, { name: "Andi Pratama", roleInTeam: "Data" });
  await addAssignment(actor, projectId, {
    title: "Data kelompok sasaran",
    ownerId: member.id,
    dueDate: new Date("2024-06-10"),
  });
  await addMilestone(actor, projectId, {
    title: "Perbup layanan terbit",
    horizon: "MEDIUM",
    status: "IN_PROGRESS",
    dueDate: new Date("2024-09-30"),
  });
  const indicator = await addIndicator(actor, projectId, {
    name: "Akses sanitasi aman",
    unit: "%",
    direction: "UP",
    baseline: 1.22,
    baselineYear: 2023,
    target: 5,
    targetYear: 2025,
  });
  await addMeasurement(actor, projectId, indicator.id, { value: 2.5, measuredAt: new Date("2024-06-30") });
  // launched at 10 October 2023, 02.00 UTC: 10.00 WITA in Kendari
  const event = await prisma.launchEvent.create({
    data: {
      title: "Peluncuran bersama",
      date: new Date("2023-10-10T02:00:00Z"),
      place: "Pendopo",
      launchedBy: "Wali Kota Kendari",
      regionCode: "74.71",
    },
  });
  await prisma.changeProject.update({
    where: { id: projectId },
    data: { status: "LAUNCHED", launchEventId: event.id, launchedAt: event.date },
  });
  await addCheckIn(actor, projectId, { status: "ON_TRACK", note: "Tiga bulan: 120 rumah tangga terlayani." });
});

describe("project report PDF", () => {
  it("is a PDF whose text holds the project's parts, instants in the reader's zone", async () => {
    const response = await callRoute(
      pdfRoute.loader,
      getRequest(`/proyek/${projectId}/laporan.pdf`, officer),
      { projectId },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // the route compresses its streams: the title is not there as plain bytes …
    expect(Buffer.from(bytes).toString("latin1")).not.toContain("Data kelompok sasaran");
    // … but it is in the text once the streams are read
    const text = pdfText(bytes);
    for (const expected of [
      "Layanan Lumpur Tinja Terjadwal",
      "L2T2",
      "Kota Kendari (74.71)",
      "Dinas PUPR",
      "PKN II Angkatan XX (2023), BPSDM Sultra",
      "Diluncurkan",
      "Akses sanitasi aman baru 1,22 %.",
      "Andi Pratama - Data",
      "Data kelompok sasaran",
      "Perbup layanan terbit",
      "Akses sanitasi aman (%)",
      "Wali Kota Kendari",
      "10 Okt 2023, 10.00 WITA",
      "Tiga bulan: 120 rumah tangga terlayani.",
    ])
      expect(text).toContain(expected);
  });

  it("writes readable text when asked not to compress (the same text either way)", async () => {
    const project = await getProjectForUser(
      {
        user: (await actorFor(officerId)).user,
        grants: [{ scope: "all", regionCode: null, organisationId: null }],
      },
      projectId,
    );
    const plain = await renderProjectPdf(project!, {
      language: "en",
      timeZone: "Asia/Jakarta",
      compress: false,
    });
    expect(plain.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(plain);
    expect(text).toContain("Layanan Lumpur Tinja Terjadwal");
    // English, and the launch on the reader's clock: 09:00 WIB
    expect(text).toContain("Launch and follow-up");
    expect(text).toContain("10 Oct 2023, 09:00 WIB");
  });

  it("holds the stakeholders with their quadrant, and the approvals of the proposal and the milestones", async () => {
    const grants = [{ scope: "all" as const, regionCode: null, organisationId: null }];
    const user = (await actorFor(officerId)).user;
    const before = pdfText(
      await renderProjectPdf((await getProjectForUser({ user, grants }, projectId))!, {
        language: "id",
        timeZone: "Asia/Makassar",
        compress: false,
      }),
    );
    expect(before).toContain("Usulan proyek belum disetujui.");
    expect(before).toContain("Belum ada tonggak yang disetujui.");
    const coach = await createPerson({ role: "COACH", regionCode: "74.71", name: "Dr. Siti Rahmawati" });
    await prisma.stakeholder.createMany({
      data: [
        { projectId, name: "Wali Kota Kendari", influence: 5, interest: 4, internal: false },
        { projectId, name: "Puskesmas", influence: 2, interest: 5, internal: true, note: "pelaksana" },
      ],
    });
    await prisma.changeProject.update({
      where: { id: projectId },
      data: { coachId: coach.id, approvedAt: new Date("2023-08-01T02:00:00Z"), approvedById: coach.id },
    });
    await prisma.milestone.updateMany({
      where: { projectId, title: "Perbup layanan terbit" },
      data: { approvedAt: new Date("2024-07-01T02:00:00Z"), approvedById: coach.id },
    });
    const text = pdfText(
      await renderProjectPdf((await getProjectForUser({ user, grants }, projectId))!, {
        language: "id",
        timeZone: "Asia/Makassar",
        compress: false,
      }),
    );
    for (const expected of [
      "Pemangku kepentingan",
      "Wali Kota Kendari | Pengaruh 5, Kepentingan 4 | Kelola dengan dekat | Di luar instansi",
      "Puskesmas | Pengaruh 2, Kepentingan 5 | Beri informasi | Di dalam instansi | pelaksana",
      "Persetujuan",
      "Usulan proyek disetujui 1 Agu 2023, 10.00 WITA oleh Dr. Siti Rahmawati.",
      "Perbup layanan terbit | disetujui Dr. Siti Rahmawati (1 Jul 2024, 10.00 WITA)",
    ])
      expect(text).toContain(expected);
  });

  it("answers 404 to a person outside the project's scope", async () => {
    const response = await callRoute(
      pdfRoute.loader,
      getRequest(`/proyek/${projectId}/laporan.pdf`, stranger),
      { projectId },
    );
    expect(response.status).toBe(404);
  });
});
