import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LESSONS_SHOWN, listLessonsForCatalog } from "~/modules/catalogue/catalog.server";
import {
  CATALOG_SORTS,
  FACET_PARAMS,
  type Segment,
  parseCatalogParams,
} from "~/modules/catalogue/catalog-params";
import { searchCatalog } from "~/modules/catalogue/catalog-search.server";
import { titleMeta } from "~/i18n/translate";
import { formatNumber } from "~/utils/numbers";

export const meta: MetaFunction = ({ matches }) => [
  ...titleMeta(matches, "catalog.title"),
  { tagName: "link", rel: "alternate", type: "application/atom+xml", href: "/katalog/feed.atom" },
];

// a light public page: readable, searchable and filterable without JavaScript
export const handle = { hydrate: false, visitorScripts: false };

// public
export async function loader({ request }: LoaderFunctionArgs) {
  const { q, filters, sort, page, allLessons } = parseCatalogParams(new URL(request.url).searchParams);
  const result = await searchCatalog({ q, filters, sort, page });
  // the first few lessons under the practices (a search at 10k matches hundreds), all on request
  const { lessons, total: lessonTotal } =
    page === 1 && Object.values(filters).every((v) => v === undefined)
      ? await listLessonsForCatalog({
          q: result.searchedFor || q,
          take: allLessons ? undefined : LESSONS_SHOWN,
        })
      : { lessons: [], total: 0 };
  // the sort the person chose; without one, a query sorts by relevance and no query by newest
  return { ...result, lessons, lessonTotal, allLessons, chosenSort: sort === "relevance" ? undefined : sort };
}

/** Highlighted words as <mark>, everything else as text: no HTML from the database. */
function Highlighted({ parts }: { parts: Segment[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

function FacetSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: { value: string; label: string; count: number }[];
  value: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`facet-${name}`}>{label}</label>
      <select id={`facet-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("catalog.facets.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({formatNumber(o.count, i18n.language)})
          </option>
        ))}
        {value && !options.some((o) => o.value === value) ? <option value={value}>{value} (0)</option> : null}
      </select>
    </div>
  );
}

export default function Catalog() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const {
    q,
    corrected,
    filters,
    chosenSort,
    page,
    pages,
    total,
    practices,
    lessons,
    lessonTotal,
    allLessons,
    facets,
  } = data;
  const hrefWith = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    for (const [facet, param] of Object.entries(FACET_PARAMS)) {
      const value = filters[facet as keyof typeof filters];
      if (value !== undefined) params.set(param, value === true ? "1" : String(value));
    }
    if (chosenSort) params.set("urut", chosenSort);
    for (const [key, value] of Object.entries(changes))
      if (value === undefined) params.delete(key);
      else params.set(key, value);
    return `/katalog?${params}`;
  };
  return (
    <main>
      <h1>{t("catalog.title")}</h1>
      <p>{t("catalog.intro")}</p>
      <Form method="get" role="search" className="catalog-search">
        <div className="inline-form">
          <label htmlFor="catalog-q">{t("catalog.searchLabel")}</label>
          <input
            id="catalog-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="lumpur tinja terjadwal"
          />
          <button type="submit" className="button">
            {t("common.search")}
          </button>
        </div>
        <details open={Object.values(filters).some((v) => v !== undefined)}>
          <summary>{t("catalog.facets.title")}</summary>
          <div className="facets">
            <FacetSelect
              name="sektor"
              label={t("catalog.facets.sector")}
              value={filters.sector}
              options={facets.sector.map((f) => ({ ...f, label: f.value }))}
            />
            <FacetSelect
              name="spm"
              label={t("catalog.facets.spm")}
              value={filters.spm}
              options={facets.spm.map((f) => ({ ...f, label: t(`spm.${f.value}`) }))}
            />
            <FacetSelect
              name="provinsi"
              label={t("catalog.facets.province")}
              value={filters.province}
              options={facets.province}
            />
            <FacetSelect
              name="jenis"
              label={t("catalog.facets.kind")}
              value={filters.kind}
              options={facets.kind.map((f) => ({ ...f, label: t(`catalog.regionKind.${f.value}`) }))}
            />
            <FacetSelect
              name="kematangan"
              label={t("catalog.facets.maturity")}
              value={filters.maturity}
              options={facets.maturity.map((f) => ({ ...f, label: t(`catalog.maturity.${f.value}`) }))}
            />
            <FacetSelect
              name="tahun"
              label={t("catalog.facets.year")}
              value={filters.year ? String(filters.year) : undefined}
              options={facets.year.map((f) => ({ ...f, label: f.value }))}
            />
            <div className="field checkbox">
              <input
                type="checkbox"
                id="facet-hasil"
                name="hasil"
                value="1"
                defaultChecked={filters.hasResults === true}
              />
              <label htmlFor="facet-hasil">
                {t("catalog.facets.hasResults")} (
                {formatNumber(facets.hasResults[0]?.count ?? 0, i18n.language)})
              </label>
            </div>
            <div className="field">
              <label htmlFor="catalog-sort">{t("catalog.sort.label")}</label>
              {/* "" sorts by relevance when there is a query, newest first when there is none */}
              <select id="catalog-sort" name="urut" defaultValue={chosenSort ?? ""}>
                <option value="">{t("catalog.sort.relevance")}</option>
                {CATALOG_SORTS.filter((s) => s !== "relevance").map((s) => (
                  <option key={s} value={s}>
                    {t(`catalog.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button">
            {t("catalog.facets.apply")}
          </button>{" "}
          <Link to={q ? `/katalog?q=${encodeURIComponent(q)}` : "/katalog"}>{t("catalog.facets.clear")}</Link>
        </details>
      </Form>
      {corrected ? (
        <p role="status">
          {t("catalog.didYouMean")}{" "}
          <Link to={`/katalog?q=${encodeURIComponent(corrected)}`}>
            <strong>{corrected}</strong>
          </Link>
          {" · "}
          {t("catalog.correctedNote")}
        </p>
      ) : null}
      <p aria-live="polite">
        {q
          ? t("catalog.results", {
              count: total + lessonTotal,
              formatted: formatNumber(total + lessonTotal, i18n.language),
              q,
            })
          : t("catalog.practiceCount", { count: total, formatted: formatNumber(total, i18n.language) })}
      </p>
      <section aria-labelledby="practices-heading">
        <h2 id="practices-heading">{t("catalog.practices")}</h2>
        {practices.length === 0 ? <p>{t("catalog.none")}</p> : null}
        <ul className="card-list">
          {practices.map((p) => (
            <li key={p.slug} className="card">
              <h3>
                <Link to={`/katalog/${p.slug}`}>
                  <Highlighted parts={p.nameParts} />
                </Link>
              </h3>
              <p className="muted">
                {[
                  p.region.name,
                  p.startedYear ? t("catalog.since", { year: p.startedYear }) : null,
                  p.sector,
                  t(`catalog.maturity.${p.maturity}`),
                  p.replications > 0 ? t("catalog.replicatedBy", { count: p.replications }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {p.summaryParts.length ? (
                <p>
                  <Highlighted parts={p.summaryParts} />
                </p>
              ) : null}
              {p.missing.length ? (
                <p className="muted">
                  {t("catalog.missing")} <s>{p.missing.join(", ")}</s>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {pages > 1 ? (
          <nav aria-label={t("catalog.pagination")} className="pagination">
            {page > 1 ? (
              <Link to={hrefWith({ halaman: String(page - 1) })}>{t("catalog.previous")}</Link>
            ) : null}{" "}
            {t("catalog.pageOf", { page, pages })}{" "}
            {page < pages ? (
              <Link to={hrefWith({ halaman: String(page + 1) })}>{t("catalog.next")}</Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      {lessons.length > 0 || page === 1 ? (
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
          {lessonTotal > lessons.length ? (
            allLessons ? (
              <p className="muted">
                {t("catalog.lessonsCapped", {
                  shown: formatNumber(lessons.length, i18n.language),
                  formatted: formatNumber(lessonTotal, i18n.language),
                })}
              </p>
            ) : (
              <p>
                <Link to={hrefWith({ pelajaran: "semua" })}>
                  {t("catalog.moreLessons", { formatted: formatNumber(lessonTotal, i18n.language) })}
                </Link>
              </p>
            )
          ) : null}
        </section>
      ) : null}
      <p className="muted">
        {t("catalog.openData")} <a href="/katalog.csv">CSV</a> · <a href="/katalog.json">JSON</a> ·{" "}
        <a href="/katalog/feed.atom">Atom</a> · <Link to="/tentang-data">{t("catalog.licence")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
