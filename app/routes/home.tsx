import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, languageOfMatches } from "~/i18n/translate";
import { type RecentPublicItem, listRecentPublicItems } from "~/modules/dashboards/home.server";
import type { loader as rootLoader } from "~/root";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = fixedT(languageOfMatches(matches));
  return [{ title: t("home.title") }, { name: "description", content: t("home.description") }];
};

// public: anyone may see what Lintas is and what has been published
export async function loader({ request }: LoaderFunctionArgs) {
  const { practices, lessons } = await listRecentPublicItems({ limit: 5 });
  return { practices, lessons, signedOut: new URL(request.url).searchParams.has("keluar") };
}

const JOBS = ["projects", "learning", "practices"] as const;

export default function Home() {
  const { t, i18n } = useTranslation();
  const { practices, lessons, signedOut } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <main className="home">
      {signedOut ? (
        <p className="notice" role="status">
          {t("home.signedOut")}
        </p>
      ) : null}
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{t("home.heading")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <ol className="jobs">
          {JOBS.map((job) => (
            <li key={job} className="card">
              <h2>{t(`home.jobs.${job}.title`)}</h2>
              <p>{t(`home.jobs.${job}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <div className="columns">
        <RecentList
          id="recent-practices"
          heading={t("home.recentPractices")}
          empty={t("home.noPractices")}
          items={practices}
          hrefOf={(item) => `/katalog/${item.slug}`}
          language={i18n.language}
        />
        <RecentList
          id="recent-lessons"
          heading={t("home.recentLessons")}
          empty={t("home.noLessons")}
          items={lessons}
          hrefOf={(item) => `/pelajaran/${item.slug}`}
          language={i18n.language}
        />
      </div>
      <p>
        <Link to="/katalog">{t("home.browseCatalog")}</Link>
      </p>

      {root?.user ? null : (
        <section className="sign-in-prompt card" aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading">{t("home.signInPrompt")}</h2>
          <p>
            <Link to="/masuk" className="button primary">
              {t("home.signInLink")}
            </Link>
          </p>
        </section>
      )}
    </main>
  );
}

type SerializedItem = Omit<RecentPublicItem, "publishedAt"> & { publishedAt: string | Date | null };

function RecentList({
  id,
  heading,
  empty,
  items,
  hrefOf,
  language,
}: {
  id: string;
  heading: string;
  empty: string;
  items: SerializedItem[];
  hrefOf: (item: SerializedItem) => string;
  language: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.id} className="card">
              <h3>
                <Link to={hrefOf(item)}>{item.title}</Link>
              </h3>
              <p className="muted small">
                {[
                  item.regionName,
                  item.publishedAt
                    ? t("home.publishedOn", { date: formatDate(item.publishedAt, item.timeZone, language) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {item.summary ? <p>{item.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
