// A project's cover image: setting, removing and serving it.
import { ConflictError, OutOfScopeError } from "~/errors";
import { grantsFor } from "~/auth/permissions";
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { checkEvidence, deleteEvidence, storeEvidence } from "~/modules/projects/evidence.server";
import type { CurrentUser } from "~/modules/accounts/user.server";
import { PUBLIC_PROJECT_WHERE } from "~/modules/projects/public.server";
import { mayOnProject, scopeFor } from "~/modules/projects/queries.server";
import { logProjectStep } from "~/modules/projects/timeline.server";

type Actor = Pick<Scope, "user">;

/** The result of an upload: the stored name, or the i18n key of why the file was refused. */
export type UploadResult = { ok: true; file: string } | { ok: false; error: string };

/**
 * Sets the project's cover image: an image (JPEG, PNG or WebP, read from its bytes) within the
 * evidence size limit, kept in the evidence storage. Written first, then recorded with the
 * version check; if recording fails the new file is removed, and the replaced one only after.
 */
export async function setProjectCover(
  { user }: Actor,
  projectId: string,
  version: number,
  bytes: Uint8Array,
): Promise<UploadResult> {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const check = await checkEvidence(bytes);
  if (!check.ok) return check;
  if (!check.mime.startsWith("image/")) return { ok: false, error: "evidence.notAnImage" };
  const file = await storeEvidence(check);
  let previous: string | null;
  try {
    previous = await prisma.$transaction(async (tx) => {
      const current = await tx.changeProject.findUniqueOrThrow({
        where: { id: projectId },
        select: { coverImage: true },
      });
      const { count } = await tx.changeProject.updateMany({
        where: { id: projectId, version },
        data: { coverImage: file, version: { increment: 1 } },
      });
      if (count !== 1) throw new ConflictError("project changed since it was loaded");
      await logProjectStep(user.id, projectId, "project.cover_set", undefined, tx);
      return current.coverImage;
    });
  } catch (error) {
    await deleteEvidence(file);
    throw error;
  }
  if (previous) await deleteEvidence(previous);
  return { ok: true, file };
}

/** Removes the project's cover image, and its file. */
export async function removeProjectCover({ user }: Actor, projectId: string, version: number) {
  if (!(await mayOnProject(user, projectId, "project:update"))) throw new OutOfScopeError("not allowed");
  const previous = await prisma.$transaction(async (tx) => {
    const current = await tx.changeProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { coverImage: true },
    });
    const { count } = await tx.changeProject.updateMany({
      where: { id: projectId, version },
      data: { coverImage: null, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("project changed since it was loaded");
    if (current.coverImage) await logProjectStep(user.id, projectId, "project.cover_removed", undefined, tx);
    return current.coverImage;
  });
  if (previous) await deleteEvidence(previous);
}

/**
 * The stored name of a project's cover image, for serving it: anyone may see the cover of a
 * project with a public page; otherwise only people who may read the project.
 */
export async function findProjectCover(user: CurrentUser | null, projectId: string) {
  const select = { coverImage: true } as const;
  const open = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId }, PUBLIC_PROJECT_WHERE] },
    select,
  });
  if (open) return open.coverImage;
  if (!user || grantsFor(user.memberships, "project:read").length === 0) return null;
  const scoped = await prisma.changeProject.findFirst({
    where: { AND: [{ id: projectId }, scopeFor(user, "project:read")] },
    select,
  });
  return scoped?.coverImage ?? null;
}
