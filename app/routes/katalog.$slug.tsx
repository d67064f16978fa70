import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IndicatorChart } from "~/components/indicator-chart";
import { getPublishedPractice } from "~/models/catalog.server";
import { invariantResponse } from "~/utils/invariant";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.name} · Lintas` : "Lintas" },
];

export const handle = { hydrate: false };

// public: published practices only
export async function loader({ params }: LoaderFunctionArgs) {
  const practice = await getPublishedPractice(params.slug ?? "");
  invariantResponse(practice, "Not found", { status: 404 });
  return { practice };
}

export default function PracticePage() {
  const { t } = useTranslation();
  const { practice } = useLoaderData<typeof loader>();
  return (
    <main>
      <p className="muted">
        <Link to="/katalog">{t("catalog.title")}</Link>
      </p>
      <h1>{practice.name}</h1>
      <p>
        <Link to={`/wilayah/${practice.region.code}`}>{practice.region.name}</Link>
        {practice.organisation ? ` · ${practice.organisation.name}` : ""} ·{" "}
        {t(`catalog.maturity.${practice.maturity}`)}
        {practice.startedYear ? ` · ${t("catalog.since", { year: practice.startedYear })}` : ""}
      </p>
      {practice.summary ? <p className="lead">{practice.summary}</p> : null}
      {(["problem", "solution", "results", "cost"] as const).map((key) =>
        practice[key] ? (
          <section key={key}>
            <h2>{t(`catalog.fields.${key}`)}</h2>
            <p className="prose">{practice[key]}</p>
          </section>
        ) : null,
      )}
      {practice.project?.indicators.length ? (
        <section>
          <h2>{t("projects.tab.indicators")}</h2>
          {practice.project.indicators.map((i) => (
            <IndicatorChart key={i.id} indicator={i} />
          ))}
        </section>
      ) : null}
      {practice.lessons.length > 0 ? (
        <section>
          <h2>{t("catalog.lessons")}</h2>
          <ul>
            {practice.lessons.map((l) => (
              <li key={l.slug}>
                <Link to={`/pelajaran/${l.slug}`}>{l.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {practice.replications.length > 0 ? (
        <section>
          <h2>{t("catalog.replications")}</h2>
          <ul>
            {practice.replications.map((r) => (
              <li key={r.id}>
                <Link to={`/wilayah/${r.region.code}`}>{r.region.name}</Link>: {r.status}
                {r.results ? ` · ${r.results}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {practice.contactName ? (
        <p>
          {t("catalog.contact")}: {practice.contactName}
        </p>
      ) : null}
      <p>
        <Link to={`/pasangan/baru?kebutuhan=${encodeURIComponent(practice.name)}`} className="button primary">
          {t("catalog.askToLearn")}
        </Link>
      </p>
    </main>
  );
}
