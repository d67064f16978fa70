import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { getProjectForUser } from "~/models/project.server";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "project:read");
  const project = await getProjectForUser(scope, params.projectId ?? "");
  // outside the person's scope looks the same as missing: no leaking of other regions' records
  invariantResponse(project, "Not found", { status: 404 });
  return { project };
}

export default function Project() {
  const { t } = useTranslation();
  const { project } = useLoaderData<typeof loader>();
  return (
    <main>
      <p className="muted">
        {project.organisation?.name ? `${project.organisation.name}, ` : ""}
        {project.region.name}
      </p>
      <h1>{project.acronym ? `${project.acronym}: ${project.title}` : project.title}</h1>
      <p>
        <span className={`status status-${project.status.toLowerCase()}`}>
          {t(`projects.status.${project.status}`)}
        </span>
      </p>
      {project.problem ? (
        <section>
          <h2>{t("projects.problem")}</h2>
          <p>{project.problem}</p>
        </section>
      ) : null}
      <section>
        <h2>{t("projects.milestones")}</h2>
        {project.milestones.length === 0 ? <p>{t("projects.noMilestones")}</p> : null}
        <ul>
          {project.milestones.map((milestone) => (
            <li key={milestone.id}>
              {milestone.title} · {t(`projects.horizon.${milestone.horizon}`)} ·{" "}
              {t(`projects.workStatus.${milestone.status}`)}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
