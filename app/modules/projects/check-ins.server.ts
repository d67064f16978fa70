// Check-ins after a project's launch.
import { OutOfScopeError } from "~/errors";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { mayOnProject } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

export async function addCheckIn(
  { user }: Actor,
  projectId: string,
  input: { status: string; note: string },
) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const checkIn = await prisma.checkIn.create({ data: { projectId, authorId: user.id, ...input } });
  await logProjectStep(user.id, projectId, "project.check_in");
  return checkIn;
}
