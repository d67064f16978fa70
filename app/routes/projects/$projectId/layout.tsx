import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, NavLink, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { grantsFor } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { StatusBadge } from "~/components/project-status";
import { PublicProject } from "~/components/public-project";
import { LayoutOutlet } from "~/components/route-error-boundary";
import { getPublicProject } from "~/modules/projects/public.server";
import { getProjectForUser, mayOnProject } from "~/modules/projects/queries.server";
import { AtRiskBadge } from "~/components/risk-reasons";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.project.acronym ?? data.project.title} · Lintas` : "Lintas" },
];

// public for launched projects (their follow-up page); otherwise the person's scope decides
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireParam(params, "projectId");
  const user = await getUser(request);
  if (user) {
    const grants = grantsFor(user.memberships, "project:read");
    // a busy project shows its latest comments; ?komentar=semua shows every one
    const allComments = new URL(request.url).searchParams.get("komentar") === "semua";
    const project = grants.length > 0 ? await getProjectForUser({ user, grants }, id, { allComments }) : null;
    if (project) {
      const [update, review, launch, comment] = await Promise.all([
        mayOnProject(user, id, "project:update"),
        mayOnProject(user, id, "project:review"),
        mayOnProject(user, id, "project:launch"),
        mayOnProject(user, id, "project:comment"),
      ]);
      return {
        mode: "member" as const,
        project,
        can: { update, review, launch, comment },
        viewerZone: user.timeZone ?? user.region?.timeZone ?? project.region.timeZone,
      };
    }
  }
  const publicProject = await getPublicProject(id);
  if (publicProject)
    return {
      mode: "public" as const,
      project: publicProject,
      viewerZone: user?.timeZone ?? user?.region?.timeZone ?? publicProject.region.timeZone,
    };
  if (!user) throw redirect(`/masuk?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  // outside the person's scope looks the same as missing
  throw new Response("Not found", { status: 404 });
}

export default function ProjectLayout() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  // a tab's refusal (its error boundary) shows under the public page too
  if (data.mode === "public")
    return (
      <PublicProject project={data.project} viewerZone={data.viewerZone}>
        <LayoutOutlet />
      </PublicProject>
    );
  const { project } = data;
  return (
    <main>
      <p className="muted">
        {project.organisation?.name ? `${project.organisation.name}, ` : ""}
        {project.region.name}
        {project.cohort ? (
          <>
            {" · "}
            <Link to={`/angkatan/${project.cohort.id}`}>
              {t(`cohorts.programme.${project.cohort.programme}`)} {project.cohort.batch} (
              {project.cohort.year})
            </Link>
          </>
        ) : null}
      </p>
      <h1>{project.acronym ? `${project.acronym}: ${project.title}` : project.title}</h1>
      <p>
        <StatusBadge status={project.status} /> <AtRiskBadge reasons={project.riskReasons} limit={10} />
      </p>
      <p className="actions">
        <a href={`/proyek/${project.id}/laporan.pdf`} className="button" download>
          {t("projectPdf.download")}
        </a>
        <a href={`/proyek/${project.id}/laporan.docx`} className="button" download>
          {t("changeReport.downloadDocx")}
        </a>
        <a href={`/proyek/${project.id}/laporan-aksi-perubahan.pdf`} className="button" download>
          {t("changeReport.downloadPdf")}
        </a>
      </p>
      <nav className="tabs" aria-label={t("projects.tabs")}>
        <NavLink to="." end>
          {t("projects.tab.overview")}
        </NavLink>
        <NavLink to="tim">{t("projects.tab.team")}</NavLink>
        <NavLink to="tonggak">{t("projects.tab.milestones")}</NavLink>
        <NavLink to="indikator">{t("projects.tab.indicators")}</NavLink>
        <NavLink to="linimasa">{t("projects.tab.timeline")}</NavLink>
        <NavLink to="sesi">{t("hostedSessions.tab")}</NavLink>
      </nav>
      <LayoutOutlet />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
