// Cohort import through the route, as a browser posts it: a preview that names every bad row and
// saves nothing, a confirmation that re-checks the rows and saves all or nothing, and a second
// upload of the same rows (CSV or XLSX) that creates nothing more.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as cohortRoute from "~/routes/cohorts/cohort";
import * as importRoute from "~/routes/cohorts/import";
import * as templateRoute from "~/routes/cohorts/import-template.csv";
import {
  callRoute,
  cookieFor,
  createPerson,
  ensureRegions,
  formRequest,
  getRequest,
} from "../fixtures/people";

let facilitator: string;
let facilitatorId: string;

const HEADER = "email,nama,jabatan,kode wilayah,instansi,judul proyek,akronim,sektor";

beforeAll(async () => {
  await ensureRegions();
  const person = await createPerson({ role: "FACILITATOR" });
  facilitatorId = person.id;
  facilitator = await cookieFor(person.id);
});

function uploadRequest(
  cohort: Record<string, string>,
  file: { name: string; bytes: Uint8Array | string; type?: string },
  cookie = facilitator,
) {
  const form = new FormData();
  form.set("intent", "preview");
  for (const [key, value] of Object.entries(cohort)) form.set(key, value);
  form.set("file", new File([file.bytes as BlobPart], file.name, { type: file.type ?? "text/csv" }));
  return new Request("http://localhost/angkatan/impor", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
}

type PreviewBody = {
  stage: string;
  rows: { line: number; email: string; title: string; acronym: string; name: string }[];
  problems: { line: number; field: string | null; key: string }[];
  already: string | null;
  payload: string;
  fileName: string;
};

async function preview(cohort: Record<string, string>, file: { name: string; bytes: Uint8Array | string }) {
  const response = await callRoute(importRoute.action, uploadRequest(cohort, file));
  return { status: response.status, body: (await response.json()) as PreviewBody };
}

async function confirm(cohort: Record<string, string>, body: PreviewBody) {
  const response = await callRoute(
    importRoute.action,
    formRequest(
      "/angkatan/impor",
      { intent: "confirm", ...cohort, fileName: body.fileName, payload: body.payload },
      facilitator,
    ),
  );
  return { status: response.status, body: await response.json() };
}

async function counts() {
  return {
    cohorts: await prisma.cohort.count(),
    projects: await prisma.changeProject.count(),
    invitations: await prisma.invitation.count(),
    outbox: await prisma.outboxMessage.count(),
    users: await prisma.user.count(),
    imports: await prisma.cohortImport.count(),
  };
}

describe("cohort import", () => {
  it("offers a template whose headers the importer reads", async () => {
    const response = await callRoute(
      templateRoute.loader,
      getRequest("/angkatan/templat-impor.csv", facilitator),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    const parsed = await preview(
      { programme: "PKA", batch: "Templat", year: "2024", organiser: "" },
      { name: "templat.csv", bytes: text.replace("18.04", "74.71") },
    );
    expect(parsed.body.problems).toEqual([]);
    expect(parsed.body.rows[0]).toMatchObject({
      email: "sri.wahyuni@contoh.go.id",
      acronym: "SIAP SANITASI",
    });
  });

  it("names every bad row in the preview and saves nothing, even when confirmed anyway", async () => {
    const existing = await createPerson({
      role: "PARTICIPANT",
      regionCode: "35.72",
      email: "blitar@uji.test",
    });
    expect(existing.id).toBeTruthy();
    const csv = [
      HEADER,
      "ani@kendari.go.id,Ani,Kabid,74.71,Bappeda,Sanitasi Aman,SANIA,Sanitasi",
      "budi@kendari.go.id,Budi,Kasubag,99.99,DLH,Sampah Terpilah,,",
      "ani@kendari.go.id,Ani Lagi,Staf,74.71,DLH,Judul Lain,,",
      "cici@kendari.go.id,Cici,Staf,74.71,DLH,,,",
      "bukan-email,Dedi,Staf,74.71,DLH,Judul Dedi,,",
      "blitar@uji.test,Eka,Staf,74.71,DLH,Judul Eka,,",
    ].join("\n");
    const before = await counts();
    const cohort = { programme: "PKN_II", batch: "XX", year: "2023", organiser: "BPSDM Sultra" };
    const { status, body } = await preview(cohort, { name: "angkatan.csv", bytes: csv });
    expect(status).toBe(200);
    expect(body.stage).toBe("preview");
    expect(body.rows).toHaveLength(6);
    // rows are numbered as the spreadsheet shows them: the header is row 1
    expect(body.problems).toEqual([
      { line: 3, field: "regionCode", key: "cohortImport.problems.regionUnknown" },
      { line: 4, field: "email", key: "cohortImport.problems.emailDuplicate" },
      { line: 5, field: "title", key: "cohortImport.problems.titleMissing" },
      { line: 6, field: "email", key: "cohortImport.problems.emailInvalid" },
      { line: 7, field: "email", key: "cohortImport.problems.personOtherRegion" },
    ]);
    expect(await counts()).toEqual(before);

    // a hand-made confirmation of the same rows is checked again and refused
    const forced = await confirm(cohort, body);
    expect(forced.status).toBe(400);
    expect(forced.body.problems.map((p: { line: number }) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(await counts()).toEqual(before);
  });

  it("flags a single bad row by its number and saves nothing of the good ones", async () => {
    const csv = [
      HEADER,
      "satu@kendari.go.id,Satu,Staf,74.71,DLH,Judul Satu,,",
      "dua@kendari.go.id,,Staf,74.71,DLH,Judul Dua,,",
      "tiga@kendari.go.id,Tiga,Staf,74.71,DLH,Judul Tiga,,",
    ].join("\n");
    const before = await counts();
    const cohort = { programme: "PKP", batch: "III", year: "2024", organiser: "" };
    const { body } = await preview(cohort, { name: "satu-salah.csv", bytes: csv });
    expect(body.problems).toEqual([{ line: 3, field: "name", key: "cohortImport.problems.nameMissing" }]);
    // an edited payload that drops the bad row's problem is checked again on the server
    const rows = JSON.parse(body.payload);
    rows[1].regionCode = "00.00";
    rows[1].name = "Dua";
    const forced = await confirm(cohort, { ...body, payload: JSON.stringify(rows) });
    expect(forced.status).toBe(400);
    expect(forced.body.problems).toEqual([
      { line: 3, field: "regionCode", key: "cohortImport.problems.regionUnknown" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const { status, body } = await preview(
      { programme: "PKA", batch: "I", year: "2024", organiser: "" },
      { name: "kolom.csv", bytes: "email,nama\nx@y.id,X\n" },
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      stage: "form",
      fileError: { key: "cohortImport.errors.missingColumns", columns: ["regionCode", "title"] },
    });
  });

  it("keeps the cohort fields and answers next to the field when they are wrong", async () => {
    const { status, body } = await preview(
      { programme: "PKX", batch: "", year: "20", organiser: "LAN" },
      { name: "a.csv", bytes: `${HEADER}\n` },
    );
    expect(status).toBe(400);
    const reply = (
      body as unknown as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
    ).result;
    expect(reply.error).toMatchObject({
      programme: ["errors.choice"],
      batch: ["errors.required"],
      year: ["errors.year"],
    });
    expect(reply.initialValue.organiser).toBe("LAN");
  });

  it("imports a good CSV once: cohort, invitations in the outbox, draft projects; again creates nothing", async () => {
    const csv = [
      "Email;Name;Position;Region code;Agency;Project title;Acronym;Sector",
      "Wati@Kendari.go.id;Wati;Kabid Cipta Karya;74.71;Dinas PUPR;Layanan Lumpur Tinja Terjadwal;L2T2;Sanitasi",
      "yanto@konsel.go.id;Yanto;Sekretaris;74.05;Bappeda;\"=cmd|' /C calc'!A0\";<script>alert(1)</script>;Tata kelola",
    ].join("\r\n");
    const cohort = { programme: "PKN_II", batch: "XXI", year: "2024", organiser: "BPSDM Sultra" };
    const before = await counts();
    const first = await preview(cohort, { name: "pkn-ii-xxi.csv", bytes: `\uFEFF${csv}` });
    expect(first.body.problems).toEqual([]);
    expect(first.body.already).toBeNull();
    expect(await counts()).toEqual(before);

    const saved = await confirm(cohort, first.body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ stage: "done", projects: 2, invited: 2, skipped: 0 });
    const created = await prisma.cohort.findUniqueOrThrow({
      where: { programme_batch_year: { programme: "PKN_II", batch: "Angkatan XXI", year: 2024 } },
      include: { projects: { include: { leader: true, organisation: true, members: true } } },
    });
    expect(saved.body.cohortId).toBe(created.id);
    expect(created.organiserName).toBe("BPSDM Sultra");
    expect(created.projects).toHaveLength(2);
    const wati = created.projects.find((p) => p.acronym === "L2T2")!;
    expect(wati).toMatchObject({ status: "DRAFT", kind: "TRAINING_CHANGE_PROJECT", regionCode: "74.71" });
    expect(wati.leader).toMatchObject({
      email: "wati@kendari.go.id",
      name: "Wati",
      position: "Kabid Cipta Karya",
    });
    expect(wati.organisation?.name).toBe("Dinas PUPR");
    expect(wati.members).toHaveLength(1);
    // hostile values are kept as the text they are, never evaluated or interpreted
    const yanto = created.projects.find((p) => p.regionCode === "74.05")!;
    expect(yanto.title).toBe("=cmd|' /C calc'!A0");
    expect(yanto.acronym).toBe("<script>alert(1)</script>");
    const invitations = await prisma.invitation.findMany({
      where: { email: { in: ["wati@kendari.go.id", "yanto@konsel.go.id"] } },
    });
    expect(invitations.map((i) => [i.email, i.role, i.regionCode]).sort()).toEqual([
      ["wati@kendari.go.id", "PARTICIPANT", "74.71"],
      ["yanto@konsel.go.id", "PARTICIPANT", "74.05"],
    ]);
    expect(
      await prisma.outboxMessage.count({
        where: { to: { in: ["wati@kendari.go.id", "yanto@konsel.go.id"] } },
      }),
    ).toBe(2);
    const after = await counts();
    expect(after).toEqual({
      cohorts: before.cohorts + 1,
      projects: before.projects + 2,
      invitations: before.invitations + 2,
      outbox: before.outbox + 2,
      users: before.users + 2,
      imports: before.imports + 1,
    });

    // the cohort page lists the drafts to the facilitator (not to the public: they are drafts)
    const cohortPage = await callRoute(
      cohortRoute.loader,
      getRequest(`/angkatan/${created.id}`, facilitator),
      { cohortId: created.id },
    );
    expect(((await cohortPage.json()) as { projects: unknown[] }).projects).toHaveLength(2);
    const publicPage = await callRoute(cohortRoute.loader, getRequest(`/angkatan/${created.id}`), {
      cohortId: created.id,
    });
    expect(((await publicPage.json()) as { projects: unknown[] }).projects).toHaveLength(0);

    // the same rows again, in another order: the preview says so, and confirming creates nothing
    const reordered = [csv.split("\r\n")[0], csv.split("\r\n")[2], csv.split("\r\n")[1]].join("\n");
    const second = await preview(cohort, { name: "lagi.csv", bytes: reordered });
    expect(second.body.already).toBe(created.id);
    const again = await confirm(cohort, second.body);
    expect(again.body).toMatchObject({ stage: "already", cohortId: created.id });
    // and the very first preview confirmed twice (a double click) changes nothing either
    const twice = await confirm(cohort, first.body);
    expect(twice.body).toMatchObject({ stage: "already", cohortId: created.id });
    expect(await counts()).toEqual(after);
  });

  it("imports a good XLSX once, and a later file adds only what is new", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Peserta");
    sheet.addRow([
      "Surel",
      "Nama Lengkap",
      "Jabatan",
      "Kode Wilayah",
      "Instansi",
      "Judul Aksi Perubahan",
      "Akronim",
    ]);
    sheet.addRow([
      { text: "rina@kendari.go.id", hyperlink: "mailto:rina@kendari.go.id" },
      "Rina",
      "Kasi",
      74.71,
      "Dinas Kesehatan",
      "Posyandu Digital",
      "POSDIG",
    ]);
    sheet.addRow([
      "sari@konsel.go.id",
      "Sari",
      "Kabid",
      "74.05",
      "Bappeda",
      { formula: 'HYPERLINK("x")' },
      "",
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const cohort = { programme: "PKA", batch: "Angkatan II", year: "2025", organiser: "LAN" };
    const before = await counts();

    const first = await preview(cohort, { name: "pka.xlsx", bytes });
    expect(first.body.problems).toEqual([]);
    expect(first.body.rows.map((r) => [r.line, r.email, r.title])).toEqual([
      [2, "rina@kendari.go.id", "Posyandu Digital"],
      [3, "sari@konsel.go.id", '=HYPERLINK("x")'],
    ]);
    const saved = await confirm(cohort, first.body);
    expect(saved.body).toMatchObject({ stage: "done", projects: 2, invited: 2 });
    const again = await confirm(cohort, (await preview(cohort, { name: "pka.xlsx", bytes })).body);
    expect(again.body.stage).toBe("already");
    const afterFirst = await counts();
    expect(afterFirst.projects).toBe(before.projects + 2);
    expect(afterFirst.invitations).toBe(before.invitations + 2);

    // a corrected file: Rina's row unchanged (no second project, no second invitation), one new row
    sheet.addRow(["tono@kendari.go.id", "Tono", "Staf", "74.71", "DLH", "Bank Sampah", ""]);
    const bigger = new Uint8Array(await workbook.xlsx.writeBuffer());
    const third = await confirm(cohort, (await preview(cohort, { name: "pka-2.xlsx", bytes: bigger })).body);
    expect(third.body).toMatchObject({ stage: "done", projects: 1, invited: 1, skipped: 2 });
    const final = await counts();
    expect(final.projects).toBe(afterFirst.projects + 1);
    expect(final.invitations).toBe(afterFirst.invitations + 1);
    expect(final.cohorts).toBe(afterFirst.cohorts);
  });

  it("makes an existing account the leader without inviting it again", async () => {
    const known = await createPerson({
      role: "REGION_OFFICER",
      regionCode: "74.71",
      email: "dewi@kendari.go.id",
    });
    const cohort = { programme: "PKP", batch: "IV", year: "2025", organiser: "" };
    const csv = `${HEADER}\ndewi@kendari.go.id,Dewi,Kabid,74.71,DLH,Taman Kota Hijau,,`;
    const outboxBefore = await prisma.outboxMessage.count({ where: { to: "dewi@kendari.go.id" } });
    const saved = await confirm(cohort, (await preview(cohort, { name: "dewi.csv", bytes: csv })).body);
    expect(saved.body).toMatchObject({ stage: "done", projects: 1, invited: 0 });
    expect(await prisma.outboxMessage.count({ where: { to: "dewi@kendari.go.id" } })).toBe(outboxBefore);
    const project = await prisma.changeProject.findFirstOrThrow({ where: { title: "Taman Kota Hijau" } });
    expect(project.leaderId).toBe(known.id);
    expect(await prisma.membership.count({ where: { userId: known.id, role: "PARTICIPANT" } })).toBe(1);
    expect(
      await prisma.activityLog.count({ where: { action: "cohort.imported", actorId: facilitatorId } }),
    ).toBe(4);
  });

  it("lets an invited participant set a password and sign in to their imported project", async () => {
    const { acceptInvitation, verifyLogin } = await import("~/modules/accounts/user.server");
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { to: "wati@kendari.go.id" } });
    const token = message.text.match(/\/undangan\/([\w-]+)/)![1];
    const accepted = await acceptInvitation(token, { name: "Wati", password: "kata-sandi-baru-123" });
    expect(accepted).not.toBeNull();
    expect(await verifyLogin("wati@kendari.go.id", "kata-sandi-baru-123")).not.toBeNull();
  });

  it("is refused to people who may not import", async () => {
    const officer = await cookieFor((await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" })).id);
    const response = await callRoute(
      importRoute.action,
      uploadRequest(
        { programme: "PKA", batch: "I", year: "2024", organiser: "" },
        { name: "a.csv", bytes: `${HEADER}\n` },
        officer,
      ),
    );
    expect(response.status).toBe(403);
  });
});
