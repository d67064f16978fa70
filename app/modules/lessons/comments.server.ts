// Review comments on a lesson, by the pairing's leads and the facilitators.
import type { Scope } from "~/auth/require-user.server";
import { prisma } from "~/db.server";
import { notifyAuthors } from "~/modules/lessons/lesson-review.server";
import { OutOfScopeError } from "~/errors";
import { lessonAccess, requireAccess } from "~/modules/lessons/access.server";
import { LessonError, lessonOfSession } from "~/modules/lessons/working-copy.server";

type Actor = Pick<Scope, "user">;

export async function addLessonComment(
  actor: Actor,
  sessionId: string,
  lessonId: string,
  input: { field: string; quote?: string; body: string },
) {
  await requireAccess(actor.user, sessionId, "comment");
  const lesson = await lessonOfSession(sessionId, lessonId);
  if (lesson.status === "ARCHIVED") throw new LessonError("lessonReview.errors.withdrawn");
  return prisma.$transaction(async (tx) => {
    const comment = await tx.lessonComment.create({
      data: {
        lessonId: lesson.id,
        authorId: actor.user.id,
        field: input.field,
        quote: input.quote || null,
        body: input.body,
      },
    });
    await notifyAuthors(tx, lesson, actor.user.id, "comment");
    return comment;
  });
}

/** Resolved by whoever may comment or write the lesson. */
export async function resolveLessonComment(actor: Actor, sessionId: string, commentId: string) {
  const access = await lessonAccess(actor.user, sessionId);
  if (!access.comment && !access.write) throw new OutOfScopeError("not allowed");
  const comment = await prisma.lessonComment.findFirst({
    where: { id: commentId, lesson: { sessionId } },
    select: { id: true },
  });
  if (!comment) throw new OutOfScopeError("no such comment");
  await prisma.lessonComment.update({ where: { id: comment.id }, data: { resolvedAt: new Date() } });
}
