import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/ui/filter-select";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { StatusBadge } from "~/components/project-status";
import {
  BOARD_COLUMN_SIZE,
  PROJECT_PAGE_SIZE,
  PROJECT_SORTS,
  listFilterParams,
  modelFilters,
  pageWindow,
  parseListFilters,
} from "~/modules/projects/project-filters";
import { PROJECT_STATUSES } from "~/modules/projects/project-schemas";
import {
  boardProjectsForUser,
  pageProjectsForUser,
  projectFilterOptions,
} from "~/modules/projects/queries.server";
import { titleMeta } from "~/i18n/translate";
import { AtRiskBadge } from "~/components/risk-reasons";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "projects.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const params = new URL(request.url).searchParams;
  const filters = parseListFilters(params);
  const view = params.get("tampilan") === "papan" ? ("board" as const) : ("list" as const);
  const options = await projectFilterOptions(scope);
  const base = {
    filters,
    query: listFilterParams(filters).toString(),
    options,
    canCreate: can(scope.user.memberships, "project:create"),
    canImport: can(scope.user.memberships, "cohort:import"),
    canBulkUpdate: can(scope.user.memberships, "project:bulk-update"),
  };
  if (view === "board")
    return { ...base, view, columns: await boardProjectsForUser(scope, modelFilters(filters)) };
  const page = Number(params.get("halaman") ?? "1");
  return { ...base, view, ...(await pageProjectsForUser(scope, modelFilters(filters), page)) };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Card = Extract<Data, { view: "list" }>["projects"][number];

function withParams(query: string, extra: Record<string, string>) {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `/proyek?${text}` : "/proyek";
}

export default function Projects() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { filters, query, options, canCreate, canImport, canBulkUpdate } = data;
  const board = data.view === "board";
  return (
    <main className={board ? "wide" : undefined}>
      <h1>{t("projects.title")}</h1>
      <p className="actions">
        {canCreate ? (
          <Link to="/proyek/baru" className="button primary">
            {t("projects.new")}
          </Link>
        ) : null}{" "}
        {canImport ? (
          <Link to="/angkatan/impor" className="button">
            {t("cohortImport.title")}
          </Link>
        ) : null}{" "}
        {canBulkUpdate ? (
          <Link to="/proyek/pembaruan-massal" className="button">
            {t("bulkUpdate.title")}
          </Link>
        ) : null}{" "}
        <a href={query ? `/proyek.csv?${query}` : "/proyek.csv"} className="button" download>
          {t("projects.downloadCsv")}
        </a>
      </p>
      <nav aria-label={t("board.views")} className="tabs">
        <Link to={withParams(query, {})} aria-current={board ? undefined : "page"}>
          {t("board.listView")}
        </Link>
        <Link to={withParams(query, { tampilan: "papan" })} aria-current={board ? "page" : undefined}>
          {t("board.boardView")}
        </Link>
      </nav>
      <Form method="get" className="inline-form" aria-label={t("projects.filters")}>
        {board ? <input type="hidden" name="tampilan" value="papan" /> : null}
        <label htmlFor="filter-q">{t("projects.searchLabel")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q} />
        {board ? null : (
          <FilterSelect
            id="filter-status"
            name="status"
            label={t("admin.status")}
            value={filters.status}
            allLabel={t("projects.allStatuses")}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
          />
        )}
        <FilterSelect
          id="filter-region"
          name="wilayah"
          label={t("projects.fields.region")}
          value={filters.regionCode}
          allLabel={t("board.allRegions")}
          options={options.regions.map((r) => ({ value: r.code, label: r.name }))}
        />
        <FilterSelect
          id="filter-cohort"
          name="angkatan"
          label={t("cohorts.batch")}
          value={filters.cohortId}
          allLabel={t("board.allCohorts")}
          options={options.cohorts.map((c) => ({
            value: c.id,
            label: `${t(`cohorts.programme.${c.programme}`)} ${c.batch} (${c.year})`,
          }))}
        />
        <label htmlFor="filter-agency">{t("projects.fields.organisation")}</label>
        <input id="filter-agency" name="opd" type="search" defaultValue={filters.agency} />
        <label htmlFor="filter-sector">{t("projects.fields.sector")}</label>
        <input id="filter-sector" name="sektor" type="search" defaultValue={filters.sector} />
        <FilterSelect
          id="filter-sort"
          name="urut"
          label={t("board.sort")}
          value={filters.sort}
          options={PROJECT_SORTS.map((s) => ({ value: s, label: t(`board.sortBy.${s}`) }))}
        />
        <label>
          <input type="checkbox" name="berisiko" value="1" defaultChecked={filters.atRisk} />{" "}
          {t("projects.onlyAtRisk")}
        </label>
        <button type="submit" className="button">
          {t("projects.filters")}
        </button>
      </Form>
      {data.view === "board" ? <Board columns={data.columns} query={query} /> : <List data={data} />}
    </main>
  );
}

function ProjectCard({ project, heading: Heading }: { project: Card; heading: "h2" | "h3" }) {
  return (
    <li className="card">
      <Heading>
        <Link to={`/proyek/${project.id}`}>
          {project.acronym ? `${project.acronym}: ${project.title}` : project.title}
        </Link>
      </Heading>
      <p className="muted">
        {project.organisation?.name ? `${project.organisation.name}, ` : ""}
        {project.region.name}
      </p>
      <p>
        <StatusBadge status={project.status} /> <AtRiskBadge reasons={project.riskReasons} />
      </p>
    </li>
  );
}

function List({ data }: { data: Extract<Data, { view: "list" }> }) {
  const { t } = useTranslation();
  const { projects, total, page, pageCount, query } = data;
  return (
    <>
      <p role="status">
        {total === 0
          ? t("projects.empty")
          : t("board.showing", {
              from: (page - 1) * PROJECT_PAGE_SIZE + 1,
              to: (page - 1) * PROJECT_PAGE_SIZE + projects.length,
              total,
            })}
      </p>
      <ul className="card-list">
        {projects.map((project) => (
          <ProjectCard key={project.id} project={project} heading="h2" />
        ))}
      </ul>
      {pageCount > 1 ? (
        <nav aria-label={t("board.pages")} className="pagination">
          <ul>
            {page > 1 ? (
              <li>
                <Link to={withParams(query, { halaman: String(page - 1) })} rel="prev">
                  {t("board.previous")}
                </Link>
              </li>
            ) : null}
            {pageWindow(page, pageCount).map((n, i) =>
              n === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === page ? (
                    <span aria-current="page">{t("board.page", { page: n })}</span>
                  ) : (
                    <Link
                      to={withParams(query, { halaman: String(n) })}
                      aria-label={t("board.page", { page: n })}
                    >
                      {n}
                    </Link>
                  )}
                </li>
              ),
            )}
            {page < pageCount ? (
              <li>
                <Link to={withParams(query, { halaman: String(page + 1) })} rel="next">
                  {t("board.next")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

function Board({ columns, query }: { columns: Extract<Data, { view: "board" }>["columns"]; query: string }) {
  const { t } = useTranslation();
  return (
    <div className="board">
      {columns.map((column) => (
        <section key={column.status} className="board-column" aria-labelledby={`board-${column.status}`}>
          <h2 id={`board-${column.status}`}>
            {t(`projects.status.${column.status}`)}{" "}
            <span className="board-count">{t("board.count", { count: column.total })}</span>
          </h2>
          {column.projects.length === 0 ? (
            <p className="muted">{t("board.emptyColumn")}</p>
          ) : (
            <ul className="card-list">
              {column.projects.map((project) => (
                <ProjectCard key={project.id} project={project} heading="h3" />
              ))}
            </ul>
          )}
          {column.total > BOARD_COLUMN_SIZE ? (
            <p>
              <Link to={withParams(query, { status: column.status })}>
                {t("board.more", { count: column.total - BOARD_COLUMN_SIZE })}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
