// A project's indicators and their measurements.
import { OutOfScopeError } from "~/errors";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { mayOnProject } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

export type IndicatorInput = {
  name: string;
  unit: string;
  direction: "UP" | "DOWN";
  baseline?: number;
  baselineYear?: number;
  target?: number;
  targetYear?: number;
};

export async function addIndicator({ user }: Actor, projectId: string, input: IndicatorInput) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const indicator = await prisma.indicator.create({ data: { projectId, ...input } });
  await logProjectStep(user.id, projectId, "project.indicator_added", { name: input.name });
  return indicator;
}

export type MeasurementInput = { value: number; measuredAt: Date; periodLabel?: string; source?: string };

export async function addMeasurement(
  { user }: Actor,
  projectId: string,
  indicatorId: string,
  input: MeasurementInput,
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  return writeMeasurement(prisma, user.id, projectId, indicatorId, input);
}

/**
 * The write of `addMeasurement` (in the caller's transaction when given one), for a caller that
 * has checked `project:update` on the project; `logData` joins the timeline line.
 */
export async function writeMeasurement(
  db: Prisma.TransactionClient,
  actorId: string,
  projectId: string,
  indicatorId: string,
  input: MeasurementInput,
  logData: Record<string, string> = {},
) {
  if (!(await db.indicator.count({ where: { id: indicatorId, projectId } })))
    throw new OutOfScopeError("no such indicator");
  const measurement = await db.measurement.create({
    data: {
      indicatorId,
      value: input.value,
      measuredAt: input.measuredAt,
      periodLabel: input.periodLabel || null,
      source: input.source || null,
    },
  });
  await logProjectStep(
    actorId,
    projectId,
    "project.measurement_added",
    { indicatorId, value: input.value, ...logData },
    db,
  );
  return measurement;
}
