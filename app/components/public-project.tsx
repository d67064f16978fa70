// The public follow-up page of a launched project: what was promised and what happened since.
import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import type { IndicatorChart as Chart } from "~/components/indicator-chart";
import { type FollowUpView, FollowUpFacts, VerdictLine } from "~/components/launch-follow-up";
import { ProjectCover } from "~/components/project-cover";
import { StatusBadge } from "~/components/project-status";
import { formatDay } from "~/utils/format";

/**
 * The chart code (visx, ~14 KB compressed) is needed in the browser only where a public project is
 * shown, but this component sits in the project layout, whose every tab would otherwise bring it
 * (decision 0067). On the server the module is there at once, so the page is whole in its first
 * answer (also without JavaScript); in the browser it is its own chunk.
 */
const onServer = import.meta.env.SSR ? await import("~/components/indicator-chart") : undefined;
const IndicatorChart = lazy<typeof Chart>(() =>
  onServer
    ? // a thenable that answers at once: React renders it without suspending
      ({
        then: (done: (module: { default: typeof Chart }) => void) =>
          done({ default: onServer.IndicatorChart }),
      } as never)
    : import("~/components/indicator-chart").then((module) => ({ default: module.IndicatorChart })),
);

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
  launchEvent: {
    id: string;
    title: string;
    date: string | Date;
    place: string | null;
    launchedBy: string | null;
  } | null;
  milestones: {
    id: string;
    title: string;
    horizon: string;
    status: string;
    dueDate: string | Date | null;
    late: boolean;
  }[];
  indicators: Parameters<typeof Chart>[0]["indicator"][];
  checkIns: { status: string; note: string; createdAt: string | Date }[];
  followUp: FollowUpView;
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
      {project.launchEvent ? (
        <p>
          <a href={`/peluncuran/${project.launchEvent.id}`}>
            {t("launchEvents.link", { title: project.launchEvent.title })}
          </a>
        </p>
      ) : null}
      {project.status === "STOPPED" ? (
        <div className="notice" role="status">
          <p>
            <strong>{t("projects.publicStopped")}</strong>
          </p>
          <p className="prose">{t("projects.stoppedBecause", { reason: project.stopReason ?? "—" })}</p>
        </div>
      ) : null}
      {project.launchedAt ? (
        <section aria-labelledby="follow-up-heading">
          <h2 id="follow-up-heading">{t("launchEvents.followUpHeading")}</h2>
          <VerdictLine verdict={project.followUp.verdict} />
          <FollowUpFacts followUp={project.followUp} viewerZone={viewerZone} />
        </section>
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
      {project.benefits ? (
        <section>
          <h2>{t("projects.fields.benefits")}</h2>
          <p className="prose">{project.benefits}</p>
        </section>
      ) : null}
      <section>
        <h2>{t("projects.milestones")}</h2>
        <ul>
          {project.milestones.map((m) => (
            <li key={m.id}>
              {m.title} · {t(`projects.horizon.${m.horizon}`)} · {t(`projects.workStatus.${m.status}`)}
              {m.dueDate ? ` · ${formatDay(m.dueDate, lng)}` : ""}
              {m.late ? (
                <>
                  {" "}
                  <span className="badge badge-risk">{t("launchEvents.lateMarker")}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t("projects.tab.indicators")}</h2>
        {project.indicators.map((indicator) => (
          <Suspense key={indicator.id} fallback={null}>
            <IndicatorChart indicator={indicator} />
          </Suspense>
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
