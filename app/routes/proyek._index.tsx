import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { listProjectsForUser } from "~/models/project.server";

export const meta: MetaFunction = () => [{ title: "Proyek perubahan · Lintas" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  return { projects: await listProjectsForUser(scope) };
}

export default function Projects() {
  const { t } = useTranslation();
  const { projects } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{t("projects.title")}</h1>
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
              {project.region.name} ·{" "}
              <span className={`status status-${project.status.toLowerCase()}`}>
                {t(`projects.status.${project.status}`)}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
