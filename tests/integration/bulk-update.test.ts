// The spreadsheet progress update through its routes, as a browser posts it (docs/decisions/0060):
// the download holds only the projects in scope; a sheet with one bad row changes nothing and
// names the row; a good one changes exactly what the preview showed; the same sheet is applied
// once; ids out of scope are refused; approvals stay with the approver; the timeline names the upload.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as projectsRoute from "~/routes/projects/index";
import * as pageRoute from "~/routes/projects/bulk-update";
import * as sheetRoute from "~/routes/projects/bulk-update.xlsx";
import { bodyLimitBytes } from "~/utils/body-limit.server";
import { callRoute, cookieFor, createPerson, ensureRegions, getRequest } from "../fixtures/people";

let officer: string;
let coach: string;
let coachId: string;
let participant: string;
let projectA: string;
let m1: string;
let m2: string;
let i1: string;
let i2: string;
let mB: string;
let iB: string;

beforeAll(async () => {
  await ensureRegions();
  const officerPerson = await createPerson({ role: "REGION_OFFICER", regionCode: "74.71" });
  const coachPerson = await createPerson({ role: "COACH" });
  const leader = await createPerson({ role: "PARTICIPANT", regionCode: "74.71" });
  coachId = coachPerson.id;
  officer = await cookieFor(officerPerson.id);
  coach = await cookieFor(coachPerson.id);
  participant = await cookieFor(leader.id);
  const a = await prisma.changeProject.create({
    data: {
      title: "SIAP Kendari",
      kind: "TRAINING_CHANGE_PROJECT",
      status: "LAUNCHED",
      regionCode: "74.71",
      leaderId: leader.id,
      coachId,
      milestones: {
        create: [
          {
            title: "Rapat koordinasi",
            horizon: "SHORT",
            status: "NOT_STARTED",
            dueDate: new Date("2026-10-01"),
          },
          { title: "Uji coba aplikasi", horizon: "MEDIUM", status: "IN_PROGRESS" },
        ],
      },
      indicators: {
        create: [
          {
            name: "Sanitasi aman",
            unit: "%",
            measurements: { create: { value: 79.36, measuredAt: new Date("2026-01-31") } },
          },
          { name: "Panjang jalan", unit: "km" },
        ],
      },
    },
    include: { milestones: { orderBy: { title: "asc" } }, indicators: { orderBy: { name: "asc" } } },
  });
  projectA = a.id;
  [m1, m2] = [a.milestones[0].id, a.milestones[1].id];
  [i2, i1] = [a.indicators[0].id, a.indicators[1].id];
  const b = await prisma.changeProject.create({
    data: {
      title: "Proyek Blitar",
      kind: "REGIONAL_INNOVATION",
      regionCode: "35.72",
      milestones: { create: { title: "Di luar cakupan", horizon: "SHORT" } },
      indicators: { create: { name: "Indikator Blitar", unit: "unit" } },
    },
    include: { milestones: true, indicators: true },
  });
  mB = b.milestones[0].id;
  iB = b.indicators[0].id;
});

async function download(cookie: string) {
  const response = await callRoute(sheetRoute.loader, getRequest("/proyek/pembaruan-massal.xlsx", cookie));
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return workbook;
}

function rowOf(sheet: ExcelJS.Worksheet, id: string) {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

type Answer = {
  stage?: string;
  payload: string;
  fileName: string;
  problems: { sheet: string; line: number; key: string }[];
  changes: unknown;
  already: unknown;
};

async function upload(workbook: ExcelJS.Workbook, cookie: string, name = "progres-desember.xlsx") {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const form = new FormData();
  form.set("intent", "preview");
  form.set("file", new File([bytes], name));
  const response = await callRoute(
    pageRoute.action,
    new Request("http://localhost/proyek/pembaruan-massal", {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    }),
  );
  return { status: response.status, body: (await response.json()) as Answer };
}

async function confirm(preview: { payload: string; fileName: string }, cookie: string) {
  const form = new FormData();
  form.set("intent", "confirm");
  form.set("fileName", preview.fileName);
  form.set("payload", preview.payload);
  const response = await callRoute(
    pageRoute.action,
    new Request("http://localhost/proyek/pembaruan-massal", {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    }),
  );
  return { status: response.status, body: (await response.json()) as Answer };
}

async function snapshot() {
  const [milestones, measurements] = await Promise.all([
    prisma.milestone.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, dueDate: true, version: true, approvedAt: true },
    }),
    prisma.measurement.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true } }),
  ]);
  return JSON.stringify({ milestones, measurements });
}

describe("bulk progress update", () => {
  it("offers the download only to those who may use it, with only the projects in their scope", async () => {
    const forParticipant = await callRoute(
      sheetRoute.loader,
      getRequest("/proyek/pembaruan-massal.xlsx", participant),
    );
    expect(forParticipant.status).toBe(403);
    const list = await callRoute(projectsRoute.loader, getRequest("/proyek", officer));
    expect(((await list.json()) as { canBulkUpdate: boolean }).canBulkUpdate).toBe(true);

    for (const cookie of [officer, coach]) {
      const workbook = await download(cookie);
      const ids = (name: string) =>
        (workbook.getWorksheet(name)?.getColumn(1).values ?? []).slice(2).map(String);
      expect(ids("Tonggak").sort()).toEqual([m1, m2].sort());
      expect(ids("Indikator").sort()).toEqual([i1, i2].sort());
      expect(ids("Tonggak")).not.toContain(mB);
      expect(ids("Indikator")).not.toContain(iB);
    }
  });

  it("changes nothing when one row is bad, and names that row with its reason", async () => {
    const before = await snapshot();
    const workbook = await download(officer);
    const milestones = workbook.getWorksheet("Tonggak")!;
    const indicators = workbook.getWorksheet("Indikator")!;
    rowOf(milestones, m1).getCell(5).value = "Berjalan";
    rowOf(indicators, i2).getCell(7).value = "1,22";
    rowOf(indicators, i2).getCell(8).value = "05/12/2026";
    const bad = rowOf(indicators, i1);
    bad.getCell(7).value = "1,2,3";
    bad.getCell(8).value = "05/12/2026";
    const { status, body } = await upload(workbook, officer);
    expect(status).toBe(400);
    expect(body.problems).toEqual([
      { sheet: "indicator", line: bad.number, key: "bulkUpdate.problems.badNumber" },
    ]);
    // a confirmation of those rows (a forged or stale page) is checked again and refused
    const forced = await confirm(body, officer);
    expect(forced.status).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it("refuses unknown and out-of-scope ids, bad dates and statuses", async () => {
    const before = await snapshot();
    const workbook = await download(officer);
    const milestones = workbook.getWorksheet("Tonggak")!;
    const indicators = workbook.getWorksheet("Indikator")!;
    milestones.addRow([mB, 0, "", "", "Selesai", "", ""]);
    milestones.addRow(["tidak-ada-id", 0, "", "", "Selesai", "", ""]);
    rowOf(milestones, m1).getCell(6).value = "31/02/2026";
    rowOf(milestones, m2).getCell(5).value = "Hampir";
    indicators.addRow([iB, "", "", "", "", "", "5", "01/12/2026"]);
    const { status, body } = await upload(workbook, officer);
    expect(status).toBe(400);
    const keys = (body.problems as { key: string }[]).map((p) => p.key);
    expect(keys).toEqual([
      "bulkUpdate.problems.badDate",
      "bulkUpdate.problems.badStatus",
      "bulkUpdate.problems.outOfScope",
      "bulkUpdate.problems.unknownId",
      "bulkUpdate.problems.outOfScope",
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("applies exactly the previewed changes once, and the timeline names the upload", async () => {
    const workbook = await download(officer);
    const milestones = workbook.getWorksheet("Tonggak")!;
    const indicators = workbook.getWorksheet("Indikator")!;
    rowOf(milestones, m1).getCell(5).value = "Selesai";
    rowOf(milestones, m1).getCell(6).value = new Date(Date.UTC(2026, 10, 20)); // a date cell
    rowOf(indicators, i1).getCell(7).value = "1.339,15";
    rowOf(indicators, i1).getCell(8).value = "05/12/2026";
    rowOf(indicators, i2).getCell(7).value = 95.46; // a number cell
    rowOf(indicators, i2).getCell(8).value = "30/11/2026";
    rowOf(indicators, i2).getCell(9).value = "Jan–Nov 2026";
    const untouched = await prisma.milestone.findUniqueOrThrow({ where: { id: m2 } });
    const { status, body } = await upload(workbook, officer, "progres-kendari.xlsx");
    expect(status).toBe(200);
    expect(body.problems).toEqual([]);
    expect(body.changes).toHaveLength(3);
    expect(body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "milestone",
          milestoneId: m1,
          status: { from: "NOT_STARTED", to: "DONE" },
          dueDate: { from: "2026-10-01", to: "2026-11-20" },
          approve: false,
        }),
        expect.objectContaining({
          kind: "measurement",
          indicatorId: i2,
          value: 95.46,
          measuredAt: "2026-11-30",
        }),
        expect.objectContaining({
          kind: "measurement",
          indicatorId: i1,
          value: 1339.15,
          measuredAt: "2026-12-05",
        }),
      ]),
    );
    expect(await prisma.measurement.count({ where: { indicatorId: { in: [i1, i2] } } })).toBe(1);

    const applied = await confirm(body, officer);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ stage: "applied", changes: 3 });
    const done = await prisma.milestone.findUniqueOrThrow({ where: { id: m1 } });
    expect(done.status).toBe("DONE");
    expect(done.dueDate?.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(await prisma.milestone.findUniqueOrThrow({ where: { id: m2 } })).toEqual(untouched);
    const added = await prisma.measurement.findMany({
      where: { indicatorId: { in: [i1, i2] }, measuredAt: { gte: new Date("2026-11-01") } },
      orderBy: { measuredAt: "asc" },
    });
    expect(added.map((m) => [Number(m.value), m.periodLabel])).toEqual([
      [95.46, "Jan–Nov 2026"],
      [1339.15, null],
    ]);
    const steps = await prisma.activityLog.findMany({
      where: { subjectType: "ChangeProject", subjectId: projectA, createdAt: { gte: done.updatedAt } },
    });
    expect(steps.map((s) => (s.data as { upload?: string }).upload)).toEqual(
      Array(3).fill("progres-kendari.xlsx"),
    );
    const record = await prisma.activityLog.findFirstOrThrow({ where: { action: "projects.bulk_updated" } });
    expect(record.data).toMatchObject({ fileName: "progres-kendari.xlsx", changes: 3 });

    // the same sheet again: recognised, nothing more written (not even a second measurement)
    const after = await snapshot();
    const again = await upload(workbook, officer, "salinan.xlsx");
    expect(again.body.already).toMatchObject({ fileName: "progres-kendari.xlsx" });
    const twice = await confirm(again.body, officer);
    expect(twice.body).toMatchObject({ stage: "already", fileName: "progres-kendari.xlsx" });
    expect(await snapshot()).toBe(after);
  });

  it("keeps approval with the approver and refuses a sheet older than the milestone", async () => {
    // the officer may change statuses but not approve
    const officerSheet = await download(officer);
    rowOf(officerSheet.getWorksheet("Tonggak")!, m2).getCell(7).value = "ya";
    const byOfficer = await upload(officerSheet, officer);
    expect((byOfficer.body.problems as { key: string }[]).map((p) => p.key)).toEqual([
      "bulkUpdate.problems.approvalStaysWithApprover",
    ]);
    // the coach approves but does not change statuses
    const coachSheet = await download(coach);
    const m2Row = rowOf(coachSheet.getWorksheet("Tonggak")!, m2);
    m2Row.getCell(7).value = "ya";
    m2Row.getCell(5).value = "Selesai";
    const refused = await upload(coachSheet, coach);
    expect((refused.body.problems as { key: string }[]).map((p) => p.key)).toEqual([
      "bulkUpdate.problems.notYoursToChange",
    ]);
    m2Row.getCell(5).value = "Berjalan";
    const preview = await upload(coachSheet, coach);
    expect(preview.body.problems).toEqual([]);
    // someone saves the milestone between the preview and the confirmation: nothing is written
    await prisma.milestone.update({ where: { id: m2 }, data: { version: { increment: 1 } } });
    const stale = await confirm(preview.body, coach);
    expect(stale.status).toBe(400);
    expect((stale.body.problems as { key: string }[]).map((p) => p.key)).toEqual([
      "bulkUpdate.problems.changedSince",
    ]);
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: m2 } })).approvedAt).toBeNull();
    // a fresh sheet goes through, approved by the coach
    const fresh = await download(coach);
    rowOf(fresh.getWorksheet("Tonggak")!, m2).getCell(7).value = "ya";
    const ok = await upload(fresh, coach);
    expect((await confirm(ok.body, coach)).body).toMatchObject({ stage: "applied", changes: 1 });
    const approved = await prisma.milestone.findUniqueOrThrow({ where: { id: m2 } });
    expect(approved.approvedById).toBe(coachId);
    expect(approved.status).toBe("IN_PROGRESS");
  });

  it("gives the upload limit to the page for someone signed in", () => {
    const multipart = "multipart/form-data; boundary=x";
    const signedIn = "__lintas_session=abc";
    for (const path of ["/proyek/pembaruan-massal", "/proyek/pembaruan-massal.data"])
      expect(bodyLimitBytes(multipart, 10, path, signedIn)).toBeGreaterThan(10 * 1024 * 1024);
    expect(bodyLimitBytes(multipart, 10, "/proyek/pembaruan-massal")).toBe(2 * 1024 * 1024);
  });
});
