// The official change-project report (Laporan Aksi Perubahan): the DOCX opens (read back out of its
// zip) and holds the approval sheet with the coach and mentor, the chapters, and numbers written the
// Indonesian way; the PDF holds the same headings; a project nobody approved comes out as a draft
// marked "DRAF", not an error; people outside the project's scope get 404, people without the right 403.
import { inflateSync } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createProject } from "~/modules/projects/details.server";
import { addIndicator, addMeasurement } from "~/modules/projects/indicators.server";
import * as pdfRoute from "~/routes/projects/$projectId/change-report.pdf";
import * as docxRoute from "~/routes/projects/$projectId/report.docx";
import { seedDemo } from "../../prisma/seed-demo";
import { actorFor, callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

const LAMPUNG_BARAT = "demo-project-sanitasi-lampung-barat";
let mentor: string;
let stranger: string;
let nobody: string;
let officer: string;
let draftId: string;

/** The paragraphs of a DOCX body, each with its style (Heading1…) and its text. */
function docxParagraphs(bytes: Uint8Array, part = "word/document.xml") {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]);
  return [...xml.matchAll(/<w:p[ >][^]*?<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null,
    text: [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) =>
        t[1]
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
      )
      .join(""),
  }));
}

/** The text a PDF shows: every content stream inflated, every string of its TJ/Tj operators decoded. */
function pdfText(pdf: Uint8Array) {
  const raw = Buffer.from(pdf).toString("latin1");
  const lines: string[] = [];
  for (const match of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n([^]*?)\r?\nendstream/g)) {
    const body = Buffer.from(match[2], "latin1");
    const stream = /FlateDecode/.test(match[1])
      ? inflateSync(body).toString("latin1")
      : body.toString("latin1");
    for (const op of stream.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [op[2]];
      lines.push(hexes.map((hex) => Buffer.from(hex, "hex").toString("latin1")).join(""));
    }
  }
  return lines.join("\n");
}

async function get(
  route: typeof docxRoute | typeof pdfRoute,
  path: string,
  cookie: string,
  projectId: string,
) {
  return callRoute(route.loader, getRequest(path, cookie), { projectId });
}

beforeAll(async () => {
  await seedDemo(prisma, { log: () => {} });
  await ensureRegions();
  const mentorUser = await prisma.user.findUniqueOrThrow({ where: { email: "mentor@lintas.test" } });
  mentor = await cookieFor(mentorUser.id);
  stranger = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "35.72" })).id);
  nobody = await cookieFor((await createPerson({})).id);
  const officerUser = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  officer = await cookieFor(officerUser.id);
  // a project just written down: no coach, no mentor, nothing approved
  const draft = await createProject(await actorFor(officerUser.id), {
    title: "Layanan Lumpur Tinja Terjadwal",
    acronym: "L2T2",
    kind: "TRAINING_CHANGE_PROJECT",
    regionCode: "74.71",
    problem: "Akses sanitasi aman baru 1,22 %.",
  });
  draftId = draft.id;
  const indicator = await addIndicator(await actorFor(officerUser.id), draftId, {
    name: "Panjang jalan terpantau",
    unit: "km",
    direction: "UP",
    baseline: 1339.15,
    baselineYear: 2023,
    target: 1500,
    targetYear: 2025,
  });
  await addMeasurement(await actorFor(officerUser.id), draftId, indicator.id, {
    value: 1422.5,
    measuredAt: new Date("2024-06-30"),
  });
  // launched 10 Oct 2023 (without approval: bad data), one check-in on time at 3 months, one 38 months late
  await prisma.changeProject.update({
    where: { id: draftId },
    data: { status: "LAUNCHED", launchedAt: new Date("2023-10-10T02:00:00Z") },
  });
  await prisma.checkIn.createMany({
    data: [
      {
        projectId: draftId,
        status: "ON_TRACK",
        note: "Tiga bulan berjalan.",
        createdAt: new Date("2024-01-12T03:00:00Z"),
      },
      {
        projectId: draftId,
        status: "ON_TRACK",
        note: "Masih berjalan.",
        createdAt: new Date("2026-12-01T03:00:00Z"),
      },
    ],
  });
}, 120_000);

describe("the change-project report as DOCX", () => {
  it("opens and holds the approval sheet, the chapters and numbers the Indonesian way (Lampung Barat)", async () => {
    const response = await get(docxRoute, `/proyek/${LAMPUNG_BARAT}/laporan.docx`, mentor, LAMPUNG_BARAT);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="laporan-aksi-perubahan-.*\.docx"/,
    );
    expect(response.headers.get("Content-Disposition")).not.toContain("draf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const paragraphs = docxParagraphs(bytes);
    const text = paragraphs.map((p) => p.text).join("\n");
    const headings = paragraphs.filter((p) => p.style?.startsWith("Heading")).map((p) => p.text);

    expect(text).toContain("LAPORAN AKSI PERUBAHAN");
    expect(text).toContain("Oleh: Hendra Gunawan");
    expect(headings).toEqual(
      expect.arrayContaining([
        "Lembar Persetujuan",
        "BAB I PENDAHULUAN",
        "A. Latar Belakang dan Masalah",
        "C. Tujuan",
        "D. Manfaat",
        "BAB II PELAKSANAAN AKSI PERUBAHAN",
        "A. Tim Kerja dan Penugasan",
        "B. Pemetaan Pemangku Kepentingan",
        "C. Tonggak menurut Horison",
        "Jangka pendek",
        "E. Indikator Keberhasilan",
        "BAB III PELUNCURAN DAN TINDAK LANJUT",
        "B. Tindak Lanjut",
        "BAB IV PENUTUP",
        "A. Kesimpulan",
      ]),
    );
    // the approval sheet comes before the first chapter, with both signers, their roles and dates
    const sheet = text.slice(text.indexOf("Lembar Persetujuan"), text.indexOf("BAB I PENDAHULUAN"));
    for (const expected of [
      "Coach",
      "Dr. Siti Rahmawati",
      "Belum menyetujui",
      "Mentor",
      "Ir. Bambang Prasetyo",
      "10 Jun 2024 (menyetujui aksi perubahan)",
      "Tanda tangan",
      "Riwayat persetujuan di Lintas",
    ])
      expect(sheet).toContain(expected);
    expect(sheet).toMatch(
      /Ir\. Bambang Prasetyo menyetujui tonggak "Data kelompok sasaran sanitasi lengkap"/,
    );
    // numbers as Indonesians write them, stakeholders placed on the grid, milestones with approvals
    for (const expected of [
      "95,46 %",
      "1,22 %",
      "Bupati Lampung Barat",
      "Kelola secara dekat",
      "Tim kerja dibentuk oleh Kepala Dinas PUPR",
      "Ir. Bambang Prasetyo, 28 Jun 2024",
      "Tonggak selesai: 3 dari 9",
      "Tindak lanjut (check-in 3, 6 dan 12 bulan) dimulai setelah peluncuran.",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("95.46");
    // approved: no draft mark in any header
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files))
      if (name.startsWith("word/header")) expect(strFromU8(data)).not.toContain("DRAF");
  });

  it("is a draft marked DRAF on every page, not an error, when nothing is approved yet", async () => {
    const response = await get(docxRoute, `/proyek/${draftId}/laporan.docx`, officer, draftId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain(
      'filename="laporan-aksi-perubahan-L2T2-draf.docx"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const files = unzipSync(bytes);
    const headers = Object.keys(files).filter((name) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.some((name) => strFromU8(files[name]).includes(">DRAF<"))).toBe(true);
    const text = docxParagraphs(bytes)
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("DRAF: aksi perubahan ini belum disetujui di Lintas");
    expect(text).toContain("Belum ditetapkan");
    expect(text).toContain("Belum ada persetujuan.");
    expect(text).toContain("Akses sanitasi aman baru 1,22 %.");
    // numbers the Indonesian way, and each check-in window met only by a check-in inside it
    for (const expected of [
      "Data dasar: 1.339,15 km (2023)",
      "Target: 1.500 km (2025)",
      "1.422,5 km",
      "3 bulan\n10 Jan 2024\nDalam jendela\n12 Jan 2024",
      "6 bulan\n10 Apr 2024\nTerlambat\n1 Des 2026",
      "12 bulan\n10 Okt 2024\nBelum dibuat, lewat jatuh tempo",
    ])
      expect(text).toContain(expected);
  });
});

describe("the change-project report as PDF", () => {
  it("holds the same section headings as the DOCX", async () => {
    const [docx, pdf] = await Promise.all([
      get(docxRoute, `/proyek/${LAMPUNG_BARAT}/laporan.docx`, mentor, LAMPUNG_BARAT),
      get(pdfRoute, `/proyek/${LAMPUNG_BARAT}/laporan-aksi-perubahan.pdf`, mentor, LAMPUNG_BARAT),
    ]);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const headings = docxParagraphs(new Uint8Array(await docx.arrayBuffer()))
      .filter((p) => p.style?.startsWith("Heading"))
      .map((p) => p.text);
    expect(headings.length).toBeGreaterThan(15);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    for (const heading of headings) expect(text).toContain(heading);
    // table cells wrap their text over lines
    const flat = text.replace(/\s+/g, " ");
    for (const expected of ["Ir. Bambang Prasetyo", "Dr. Siti Rahmawati", "95,46 %", "Kelola secara dekat"])
      expect(flat).toContain(expected);
    expect(text).not.toContain("DRAF");
  });

  it("marks a draft DRAF", async () => {
    const response = await get(pdfRoute, `/proyek/${draftId}/laporan-aksi-perubahan.pdf`, officer, draftId);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const pages =
      Buffer.from(bytes)
        .toString("latin1")
        .match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(4);
    // the mark at the top of every page, besides the note on the cover
    const marks = pdfText(bytes)
      .split("\n")
      .filter((line) => line === "DRAF");
    expect(marks).toHaveLength(pages);
  });
});

describe("who may download it", () => {
  it("answers 404 to a person outside the project's scope and 403 to a person without the right", async () => {
    for (const route of [docxRoute, pdfRoute]) {
      expect((await get(route, `/proyek/${LAMPUNG_BARAT}/x`, stranger, LAMPUNG_BARAT)).status).toBe(404);
      expect((await get(route, `/proyek/${draftId}/x`, stranger, draftId)).status).toBe(404);
      expect((await get(route, `/proyek/${LAMPUNG_BARAT}/x`, nobody, LAMPUNG_BARAT)).status).toBe(403);
    }
  });
});
