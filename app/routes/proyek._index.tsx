import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { StatusBadge } from "~/components/project-status";
import { PROJECT_STATUSES } from "~/models/project-schemas";
import { listProjectsForUser } from "~/models/project.server";
import { titleMeta } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "projects.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status") ?? "";
  const status = (PROJECT_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as (typeof PROJECT_STATUSES)[number])
    : undefined;
  const q = params.get("q")?.trim().slice(0, 100) ?? "";
  const atRisk = params.get("berisiko") === "1";
  const projects = await listProjectsForUser(scope, { status, q: q || undefined, atRisk });
  return {
    projects,
    filters: { status: status ?? "", q, atRisk },
    canCreate: can(scope.user.memberships, "project:create"),
  };
}

export default function Projects() {
  const { t } = useTranslation();
  const { projects, filters, canCreate } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("projects.title")}</h1>
      <p className="actions">
        {canCreate ? (
          <Link to="/proyek/baru" className="button primary">
            {t("projects.new")}
          </Link>
        ) : null}{" "}
        <a href="/proyek.csv" className="button" download>
          {t("projects.downloadCsv")}
        </a>
      </p>
      <Form method="get" className="inline-form" aria-label={t("projects.filters")}>
        <label htmlFor="filter-q">{t("projects.searchLabel")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q} />
        <label htmlFor="filter-status">{t("admin.status")}</label>
        <select id="filter-status" name="status" defaultValue={filters.status}>
          <option value="">{t("projects.allStatuses")}</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`projects.status.${s}`)}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" name="berisiko" value="1" defaultChecked={filters.atRisk} />{" "}
          {t("projects.onlyAtRisk")}
        </label>
        <button type="submit" className="button">
          {t("projects.filters")}
        </button>
      </Form>
      {projects.length === 0 ? <p>{t("projects.empty")}</p> : null}
      <ul className="card-list">
        {projects.map((project) => (
          <li key={project.id} className="card">
            <h2>
              <Link to={`/proyek/${project.id}`}>
                {project.acronym ? `${project.acronym}: ${project.title}` : project.title}
              </Link>
            </h2>
            <p className="muted">
              {project.organisation?.name ? `${project.organisation.name}, ` : ""}
              {project.region.name}
            </p>
            <p>
              <StatusBadge status={project.status} />{" "}
              {project.atRisk ? <span className="badge badge-risk">{t("projects.atRisk")}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
