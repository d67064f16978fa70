// The review queue: lessons submitted for review that the person may review ("lesson:review" in
// the permission map: facilitators every one, others those of the pairings they lead), the
// longest-waiting first, each with its pairing, author, waiting time and a link to the review.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { titleMeta } from "~/i18n/translate";
import { listReviewQueue } from "~/modules/lessons/lesson-review.server";
import { formatInstant } from "~/utils/format";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "reviewQueue.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, grants } = await requirePermission(request, "lesson:review");
  return {
    lessons: await listReviewQueue(user, grants),
    timeZone: user.timeZone ?? user.region?.timeZone ?? "Asia/Jakarta",
  };
}

export default function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const { lessons, timeZone } = useLoaderData<typeof loader>();
  return (
    <main className="narrow">
      <h1>{t("reviewQueue.title")}</h1>
      {lessons.length === 0 ? (
        <p className="notice">{t("reviewQueue.empty")}</p>
      ) : (
        <>
          <p>{t("reviewQueue.intro")}</p>
          <p>{t("reviewQueue.count", { count: lessons.length })}</p>
          <ul className="card-list review-queue">
            {lessons.map((lesson) => (
              <li key={lesson.id} className="card">
                <h2>
                  <Link to={`/sesi/${lesson.sessionId}/pelajaran`}>
                    <span className="visually-hidden">{t("reviewQueue.review")}: </span>
                    {lesson.title}
                  </Link>
                </h2>
                <p>
                  {lesson.pairing
                    ? t("reviewQueue.pairing", {
                        mentor: lesson.pairing.mentorRegion.name,
                        mentee: lesson.pairing.menteeRegion.name,
                        topic: lesson.pairing.topic,
                      })
                    : t("reviewQueue.noPairing")}
                </p>
                {lesson.session ? (
                  <p className="muted">
                    {t("reviewQueue.session", {
                      title: lesson.session.title,
                      date: formatInstant(lesson.session.startsAt, i18n.language, lesson.session.timeZone),
                    })}
                  </p>
                ) : null}
                <p className="muted">
                  {lesson.author
                    ? t("reviewQueue.author", { name: lesson.author.name })
                    : t("reviewQueue.noAuthor")}{" "}
                  ·{" "}
                  <time dateTime={new Date(lesson.submittedAt).toISOString()}>
                    {t("reviewQueue.submitted", {
                      date: formatInstant(lesson.submittedAt, i18n.language, timeZone),
                    })}
                  </time>{" "}
                  ·{" "}
                  <strong className="review-waiting">
                    {lesson.waitingDays === 0
                      ? t("reviewQueue.waitingToday")
                      : t("reviewQueue.waiting", { count: lesson.waitingDays })}
                  </strong>{" "}
                  ·{" "}
                  {lesson.openComments > 0
                    ? t("reviewQueue.openComments", { count: lesson.openComments })
                    : t("reviewQueue.noOpenComments")}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
