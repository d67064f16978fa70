import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listLessonsForCatalog, listPracticesForCatalog } from "~/models/catalog.server";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "catalog.title");

// a light public page: readable and searchable without JavaScript
export const handle = { hydrate: false };

// public
export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 200) ?? "";
  const [practices, lessons] = await Promise.all([
    listPracticesForCatalog({ q }),
    listLessonsForCatalog({ q }),
  ]);
  return { q, practices, lessons };
}

export default function Catalog() {
  const { t } = useTranslation();
  const { q, practices, lessons } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("catalog.title")}</h1>
      <p>{t("catalog.intro")}</p>
      <Form method="get" role="search" className="inline-form">
        <label htmlFor="catalog-q">{t("catalog.searchLabel")}</label>
        <input id="catalog-q" name="q" type="search" defaultValue={q} placeholder="lumpur tinja terjadwal" />
        <button type="submit" className="button">
          {t("common.search")}
        </button>
      </Form>
      {q ? (
        <p aria-live="polite">{t("catalog.results", { count: practices.length + lessons.length, q })}</p>
      ) : null}
      <section aria-labelledby="practices-heading">
        <h2 id="practices-heading">{t("catalog.practices")}</h2>
        {practices.length === 0 ? <p>{t("catalog.none")}</p> : null}
        <ul className="card-list">
          {practices.map((p) => (
            <li key={p.slug} className="card">
              <h3>
                <Link to={`/katalog/${p.slug}`}>{p.name}</Link>
              </h3>
              <p className="muted">
                {p.region.name} · {t(`catalog.maturity.${p.maturity}`)}
                {p._count.replications > 0
                  ? ` · ${t("catalog.replicatedBy", { count: p._count.replications })}`
                  : ""}
              </p>
              {p.summary ? <p>{p.summary}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t("catalog.lessons")}</h2>
        {lessons.length === 0 ? <p>{t("catalog.none")}</p> : null}
        <ul className="card-list">
          {lessons.map((l) => (
            <li key={l.slug} className="card">
              <h3>
                <Link to={`/pelajaran/${l.slug}`}>{l.title}</Link>
              </h3>
              {l.region ? <p className="muted">{l.region.name}</p> : null}
              {l.summary ? <p>{l.summary}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
