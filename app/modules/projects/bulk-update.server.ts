// The spreadsheet progress update (docs/decisions/0060), on the cohort import's engine: rows read
// and checked first (every bad row named with its reason, nothing saved), then applied all or
// nothing in one transaction through the same writes as the milestone form and the indicators tab,
// and recorded by the hash of its rows so that the same sheet is applied only once.
import { createHash } from "node:crypto";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { WorkStatus } from "~/generated/prisma/enums";
import { logActivity } from "~/modules/accounts/activity.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { BULK_ROW_FIELDS, type BulkProblem, type BulkRow } from "~/modules/projects/bulk-update-schemas";
import { STATUS_LABELS } from "~/modules/projects/bulk-update-sheet.server";
import { writeMeasurement } from "~/modules/projects/indicators.server";
import { writeMilestoneApproval, writeMilestoneUpdate } from "~/modules/projects/milestones.server";
import { scopeFor } from "~/modules/projects/queries.server";
import { parseDecimal } from "~/utils/numbers";

export type MilestoneChange = {
  kind: "milestone";
  line: number;
  projectId: string;
  project: string;
  milestoneId: string;
  title: string;
  version: number;
  status?: { from: WorkStatus; to: WorkStatus };
  dueDate?: { from: string | null; to: string | null };
  approve: boolean;
};
export type MeasurementChange = {
  kind: "measurement";
  line: number;
  projectId: string;
  project: string;
  indicatorId: string;
  name: string;
  unit: string;
  value: number;
  measuredAt: string;
  periodLabel: string;
  source: string;
};
export type BulkChange = MilestoneChange | MeasurementChange;

const STATUS_BY_TEXT = new Map<string, WorkStatus>(
  (Object.entries(STATUS_LABELS) as [WorkStatus, string][]).flatMap(([code, label]) => [
    [code.toLowerCase(), code],
    [code.toLowerCase().replace("_", " "), code],
    [label.toLowerCase(), code],
  ]),
);
for (const [text, code] of [
  ["not started", "NOT_STARTED"],
  ["in progress", "IN_PROGRESS"],
  ["dropped", "DROPPED"],
] as const)
  STATUS_BY_TEXT.set(text, code);

const YES = new Set(["ya", "y", "yes", "x", "✓", "v"]);

/** yyyy-mm-dd (a date cell) or dd/mm/yyyy, d-m-yyyy, d.m.yyyy (typed); a real calendar date. */
export function parseSheetDate(text: string): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** sha256 of the filled rows in a fixed order: the same sheet, the same hash (row order aside). */
export function bulkHash(rows: BulkRow[]) {
  const body = rows
    .map((row) => [row.sheet, ...BULK_ROW_FIELDS.map((field) => row[field])].join("\u0001"))
    .sort();
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

export async function findBulkUpdate(fileHash: string) {
  return prisma.bulkUpdate.findUnique({
    where: { fileHash },
    select: { id: true, fileName: true, createdAt: true, changeCount: true },
  });
}

async function projectsWhere(user: CurrentUser, ids: string[], action: Parameters<typeof scopeFor>[1]) {
  const rows = await prisma.changeProject.findMany({
    where: { AND: [{ id: { in: ids } }, scopeFor(user, action)] },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/**
 * Every change the rows ask for, and every problem of every row: an id no milestone or indicator
 * has, one outside the person's scope, a status, date, number or "approve" the sheet cannot mean,
 * a milestone saved since the sheet was downloaded, a change the milestone form would refuse them
 * (status and dates are the team's and the region officer's; approval stays with the approver).
 */
export async function checkBulkRows(
  user: CurrentUser,
  rows: BulkRow[],
  language: string,
): Promise<{ changes: BulkChange[]; problems: BulkProblem[] }> {
  const problems: BulkProblem[] = [];
  const changes: BulkChange[] = [];
  const add = (row: BulkRow, key: string) => problems.push({ sheet: row.sheet, line: row.line, key });
  const ids = (sheet: BulkRow["sheet"]) => [
    ...new Set(rows.filter((r) => r.sheet === sheet && r.id).map((r) => r.id)),
  ];
  const [milestones, indicators] = await Promise.all([
    prisma.milestone.findMany({
      where: { id: { in: ids("milestone") } },
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        version: true,
        approvedAt: true,
        project: { select: { id: true, title: true, kind: true } },
      },
    }),
    prisma.indicator.findMany({
      where: { id: { in: ids("indicator") }, projectId: { not: null } },
      select: { id: true, name: true, unit: true, project: { select: { id: true, title: true } } },
    }),
  ]);
  const projectIds = [
    ...new Set([...milestones.map((m) => m.project.id), ...indicators.map((i) => i.project?.id ?? "")]),
  ];
  const [inScope, mayUpdate, mayReview] = await Promise.all([
    projectsWhere(user, projectIds, "project:bulk-update"),
    projectsWhere(user, projectIds, "project:update"),
    projectsWhere(user, projectIds, "project:review"),
  ]);
  const milestoneById = new Map(milestones.map((m) => [m.id, m]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();

  for (const row of rows) {
    if (!row.id) {
      add(row, "bulkUpdate.problems.idMissing");
      continue;
    }
    if (row.sheet === "milestone") {
      if (seen.has(`m:${row.id}`)) add(row, "bulkUpdate.problems.duplicate");
      seen.add(`m:${row.id}`);
      const milestone = milestoneById.get(row.id);
      if (!milestone) {
        add(row, "bulkUpdate.problems.unknownId");
        continue;
      }
      if (!inScope.has(milestone.project.id)) {
        add(row, "bulkUpdate.problems.outOfScope");
        continue;
      }
      const before = problems.length;
      const status = row.status ? STATUS_BY_TEXT.get(row.status.toLowerCase()) : milestone.status;
      if (!status) add(row, "bulkUpdate.problems.badStatus");
      const due = row.dueDate ? parseSheetDate(row.dueDate) : null;
      if (row.dueDate && !due) add(row, "bulkUpdate.problems.badDate");
      const approveText = row.approve.toLowerCase();
      const approve = YES.has(approveText);
      if (approveText && !approve && !["tidak", "no", "-"].includes(approveText))
        add(row, "bulkUpdate.problems.badApprove");
      if (problems.length > before || !status) continue;
      const fromDue = isoDay(milestone.dueDate);
      const toDue = row.dueDate ? isoDay(due) : null;
      const change: MilestoneChange = {
        kind: "milestone",
        line: row.line,
        projectId: milestone.project.id,
        project: milestone.project.title,
        milestoneId: milestone.id,
        title: milestone.title,
        version: milestone.version,
        ...(status !== milestone.status ? { status: { from: milestone.status, to: status } } : {}),
        ...(toDue !== fromDue ? { dueDate: { from: fromDue, to: toDue } } : {}),
        // a changed milestone loses its approval; an approved unchanged one needs none again
        approve: approve && (status !== milestone.status || toDue !== fromDue || !milestone.approvedAt),
      };
      const changed = Boolean(change.status || change.dueDate);
      if (!changed && !change.approve) continue;
      if (String(milestone.version) !== row.version) {
        add(row, "bulkUpdate.problems.changedSince");
        continue;
      }
      if (changed && !mayUpdate.has(milestone.project.id)) add(row, "bulkUpdate.problems.notYoursToChange");
      if (change.approve) {
        if (!mayReview.has(milestone.project.id)) add(row, "bulkUpdate.problems.approvalStaysWithApprover");
        else if (milestone.project.kind !== "TRAINING_CHANGE_PROJECT")
          add(row, "bulkUpdate.problems.approveTrainingOnly");
        else if (status === "NOT_STARTED") add(row, "milestones.errors.notStarted");
      }
      if (problems.length === before) changes.push(change);
      continue;
    }
    const indicator = indicatorById.get(row.id);
    if (!indicator?.project) {
      add(row, "bulkUpdate.problems.unknownId");
      continue;
    }
    if (!inScope.has(indicator.project.id)) {
      add(row, "bulkUpdate.problems.outOfScope");
      continue;
    }
    const before = problems.length;
    const value = row.value ? parseDecimal(row.value, language) : null;
    if (!row.value) add(row, "bulkUpdate.problems.valueMissing");
    else if (!value?.ok) add(row, "bulkUpdate.problems.badNumber");
    else if (Math.abs(value.value) >= 1e10) add(row, "bulkUpdate.problems.badNumber");
    const measuredAt = row.measuredAt ? parseSheetDate(row.measuredAt) : null;
    if (!row.measuredAt) add(row, "bulkUpdate.problems.dateMissing");
    else if (!measuredAt) add(row, "bulkUpdate.problems.badDate");
    if (row.period.length > 60 || row.source.length > 200) add(row, "bulkUpdate.problems.tooLong");
    if (!mayUpdate.has(indicator.project.id)) add(row, "bulkUpdate.problems.notYoursToChange");
    if (problems.length > before || !value?.ok || !measuredAt) continue;
    changes.push({
      kind: "measurement",
      line: row.line,
      projectId: indicator.project.id,
      project: indicator.project.title,
      indicatorId: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      value: value.value,
      measuredAt: isoDay(measuredAt) ?? "",
      periodLabel: row.period,
      source: row.source,
    });
  }
  problems.sort((a, b) => (a.sheet === b.sheet ? a.line - b.line : a.sheet === "milestone" ? -1 : 1));
  return { changes, problems };
}

export type BulkOutcome =
  | { status: "applied"; bulkUpdateId: string; changes: number }
  | { status: "already"; fileName: string; createdAt: Date }
  | { status: "invalid"; problems: BulkProblem[] }
  | { status: "nothing" };

/**
 * Applies a checked sheet in one transaction: the update record first (its unique hash makes a
 * second upload of the same rows, even at the same moment, a no-op), then every change through the
 * milestone form's and the indicators tab's own writes, each conditional on the version the sheet
 * was read at. A milestone saved by someone since throws a ConflictError and nothing is written.
 */
export async function applyBulkUpdate(
  user: CurrentUser,
  fileName: string,
  rows: BulkRow[],
  language: string,
): Promise<BulkOutcome> {
  const fileHash = bulkHash(rows);
  const earlier = await findBulkUpdate(fileHash);
  if (earlier) return { status: "already", fileName: earlier.fileName, createdAt: earlier.createdAt };
  const { changes, problems } = await checkBulkRows(user, rows, language);
  if (problems.length > 0) return { status: "invalid", problems };
  if (changes.length === 0) return { status: "nothing" };
  const name = fileName.slice(0, 200);
  try {
    return await prisma.$transaction(
      async (tx) => {
        const record = await tx.bulkUpdate.create({
          data: {
            fileHash,
            fileName: name,
            rowCount: rows.length,
            changeCount: changes.length,
            createdById: user.id,
          },
        });
        const logData = { upload: name, bulkUpdateId: record.id };
        for (const change of changes) {
          if (change.kind === "measurement") {
            await writeMeasurement(
              tx,
              user.id,
              change.projectId,
              change.indicatorId,
              {
                value: change.value,
                measuredAt: new Date(`${change.measuredAt}T00:00:00Z`),
                periodLabel: change.periodLabel,
                source: change.source,
              },
              logData,
            );
            continue;
          }
          let version = change.version;
          if (change.status || change.dueDate) {
            await writeMilestoneUpdate(
              tx,
              user.id,
              change.projectId,
              change.milestoneId,
              version,
              {
                ...(change.status ? { status: change.status.to } : {}),
                ...(change.dueDate
                  ? { dueDate: change.dueDate.to ? new Date(`${change.dueDate.to}T00:00:00Z`) : null }
                  : {}),
              } as Parameters<typeof writeMilestoneUpdate>[5],
              logData,
            );
            version++;
          }
          if (change.approve)
            await writeMilestoneApproval(tx, user.id, change.projectId, change.milestoneId, {
              version,
              logData,
            });
        }
        await logActivity(
          {
            actorId: user.id,
            action: "projects.bulk_updated",
            subjectType: "BulkUpdate",
            subjectId: record.id,
            data: { fileName: name, rows: rows.length, changes: changes.length },
          },
          tx,
        );
        return { status: "applied" as const, bulkUpdateId: record.id, changes: changes.length };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // the same sheet confirmed twice at once: the second finds the first's record
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await findBulkUpdate(fileHash);
      if (first) return { status: "already", fileName: first.fileName, createdAt: first.createdAt };
    }
    throw error;
  }
}
