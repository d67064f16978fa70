// A launch event's public page (/peluncuran/:launchEventId): when, where and by whom, the projects
// launched together, and for each whether it was put into practice or stopped halfway.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { FollowUpFacts, VerdictLine } from "~/components/launch-follow-up";
import { StatusBadge } from "~/components/project-status";
import { getLaunchEventPage } from "~/modules/projects/launch-event.server";
import { getLaunchEventPortfolio, portfolioFilterFrom } from "~/modules/projects/portfolio.server";
import { PortfolioTimeline } from "~/components/portfolio-timeline";
import { formatInstant } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { requireParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} · Lintas` : "Lintas" },
];

// public once any of its projects has a public follow-up page; only public data is loaded
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireParam(params, "launchEventId");
  const [user, event] = await Promise.all([getUser(request), getLaunchEventPage(id)]);
  invariantResponse(event, "Not found", { status: 404 });
  const portfolio = await getLaunchEventPortfolio(id, portfolioFilterFrom(new URL(request.url).searchParams));
  return { event, portfolio, viewerZone: user?.timeZone ?? user?.region?.timeZone ?? event.region.timeZone };
}

export default function LaunchEventPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { event, portfolio, viewerZone } = useLoaderData<typeof loader>();
  return (
    <main>
      <p className="muted">
        {t("launchEvents.pageLabel")} · <Link to={`/wilayah/${event.region.code}`}>{event.region.name}</Link>
      </p>
      <h1>{event.title}</h1>
      <dl className="facts">
        <dt>{t("launchEvents.when")}</dt>
        <dd>{formatInstant(event.date, lng, viewerZone)}</dd>
        <dt>{t("launchEvents.where")}</dt>
        <dd>{event.place ?? "—"}</dd>
        <dt>{t("launchEvents.who")}</dt>
        <dd>{event.launchedBy ?? "—"}</dd>
        {event.cohorts.length > 0 ? (
          <>
            <dt>{t("launchEvents.cohorts")}</dt>
            <dd>
              {event.cohorts
                .map((c) => `${t(`cohorts.programme.${c.programme}`)} ${c.batch} (${c.year})`)
                .join(", ")}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t("launchEvents.projectsHeading", { count: event.projects.length })}</h2>
      <p>{t("launchEvents.intro")}</p>
      {event.projects.map((p) => (
        <section key={p.id} aria-labelledby={`project-${p.id}`} className="card launch-project">
          <h3 id={`project-${p.id}`}>
            <Link to={`/proyek/${p.id}`}>{p.acronym ? `${p.acronym}: ${p.title}` : p.title}</Link>
          </h3>
          <p className="muted">
            {p.organisation ? `${p.organisation.name} · ` : ""}
            <StatusBadge status={p.status} />
          </p>
          <VerdictLine verdict={p.followUp.verdict} />
          {p.status === "STOPPED" ? (
            <p className="prose">{t("projects.stoppedBecause", { reason: p.stopReason ?? "—" })}</p>
          ) : null}
          <FollowUpFacts followUp={p.followUp} viewerZone={viewerZone} />
        </section>
      ))}
      <p className="muted">{t("projects.checkInWindow")}</p>
      <PortfolioTimeline portfolio={portfolio} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
