// The public follow-up page of a launched project: what was promised and what happened since.
import { useTranslation } from "react-i18next";
import { IndicatorChart } from "~/components/indicator-chart";
import { ProjectCover } from "~/components/project-cover";
import { StatusBadge } from "~/components/project-status";
import { formatDay } from "~/utils/format";

type PublicProjectData = {
  id: string;
  title: string;
  acronym: string | null;
  status: string;
  stopReason: string | null;
  coverImage: string | null;
  problem: string | null;
  objectives: string | null;
  benefits: string | null;
  launchedAt: string | Date | null;
  region: { code: string; name: string; timeZone: string };
  organisation: { name: string } | null;
  launchEvent: { title: string; date: string | Date; place: string | null; launchedBy: string | null } | null;
  milestones: { id: string; title: string; horizon: string; status: string; dueDate: string | Date | null }[];
  indicators: Parameters<typeof IndicatorChart>[0]["indicator"][];
  checkIns: { status: string; note: string; createdAt: string | Date }[];
};

/** `children`: what a tab under the public page shows, such as its error (route-error-boundary.tsx). */
export function PublicProject({
  project,
  viewerZone,
  children,
}: {
  project: PublicProjectData;
  viewerZone: string;
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <main>
      <p className="muted">
        {project.organisation ? `${project.organisation.name}, ` : ""}
        <a href={`/wilayah/${project.region.code}`}>{project.region.name}</a>
      </p>
      <h1>{project.acronym ? `${project.acronym}: ${project.title}` : project.title}</h1>
      {project.coverImage ? (
        <ProjectCover
          projectId={project.id}
          file={project.coverImage}
          title={project.acronym ?? project.title}
        />
      ) : null}
      <p>
        <StatusBadge status={project.status} />{" "}
        {project.launchEvent
          ? t("projects.launchedBy", {
              date: formatDay(project.launchEvent.date, lng, viewerZone),
              who: project.launchEvent.launchedBy ?? "—",
              place: project.launchEvent.place ?? "—",
            })
          : null}
      </p>
      {project.status === "STOPPED" ? (
        <div className="notice" role="status">
          <p>
            <strong>{t("projects.publicStopped")}</strong>
          </p>
          <p className="prose">{t("projects.stoppedBecause", { reason: project.stopReason ?? "—" })}</p>
        </div>
      ) : null}
      {project.problem ? (
        <section>
          <h2>{t("projects.fields.problem")}</h2>
          <p className="prose">{project.problem}</p>
        </section>
      ) : null}
      {project.objectives ? (
        <section>
          <h2>{t("projects.fields.objectives")}</h2>
          <p className="prose">{project.objectives}</p>
        </section>
      ) : null}
      <section>
        <h2>{t("projects.milestones")}</h2>
        <ul>
          {project.milestones.map((m) => (
            <li key={m.id}>
              {m.title} · {t(`projects.horizon.${m.horizon}`)} · {t(`projects.workStatus.${m.status}`)}
              {m.dueDate ? ` · ${formatDay(m.dueDate, lng)}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t("projects.tab.indicators")}</h2>
        {project.indicators.map((indicator) => (
          <IndicatorChart key={indicator.id} indicator={indicator} />
        ))}
      </section>
      <section>
        <h2>{t("projects.checkIns")}</h2>
        {project.checkIns.length === 0 ? <p>{t("projects.noCheckIns")}</p> : null}
        <ul>
          {project.checkIns.map((c) => (
            <li key={String(c.createdAt)}>
              {formatDay(c.createdAt, lng, viewerZone)} · {t(`projects.checkInStatus.${c.status}`)}: {c.note}
            </li>
          ))}
        </ul>
      </section>
      {children}
    </main>
  );
}
