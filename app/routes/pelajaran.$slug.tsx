import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublishedLesson } from "~/models/catalog.server";
import { formatDay } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · Lintas` : "Lintas" },
];

export const handle = { hydrate: false };

// public: published lessons only
export async function loader({ params }: LoaderFunctionArgs) {
  const lesson = await getPublishedLesson(params.slug ?? "");
  invariantResponse(lesson, "Not found", { status: 404 });
  return { lesson };
}

export default function LessonPage() {
  const { t, i18n } = useTranslation();
  const { lesson } = useLoaderData<typeof loader>();
  return (
    <main className="narrow">
      <p className="muted">
        <Link to="/katalog">{t("catalog.title")}</Link>
      </p>
      <h1>{lesson.title}</h1>
      <p className="muted">
        {lesson.pairing ? (
          <>
            <Link to={`/wilayah/${lesson.pairing.mentorRegion.code}`}>
              {lesson.pairing.mentorRegion.name}
            </Link>{" "}
            →{" "}
            <Link to={`/wilayah/${lesson.pairing.menteeRegion.code}`}>
              {lesson.pairing.menteeRegion.name}
            </Link>{" "}
            ·{" "}
          </>
        ) : null}
        {lesson.publishedAt
          ? t("catalog.publishedOn", {
              date: formatDay(lesson.publishedAt, i18n.language, lesson.region?.timeZone ?? "Asia/Jakarta"),
            })
          : null}
      </p>
      {lesson.summary ? <p className="lead">{lesson.summary}</p> : null}
      {/* rendered on the server from the editor's own schema; text is escaped and links filtered */}
      <div className="prose rich-text" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      {lesson.practices.length > 0 ? (
        <p>
          {t("catalog.practice")}:{" "}
          {lesson.practices.map((p) => (
            <Link key={p.slug} to={`/katalog/${p.slug}`}>
              {p.name}
            </Link>
          ))}
        </p>
      ) : null}
    </main>
  );
}
