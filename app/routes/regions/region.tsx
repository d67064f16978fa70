import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { grantsFor } from "~/auth/permissions";
import { getUser } from "~/auth/session.server";
import { coversRegion } from "~/modules/regions/agency.server";
import { getRegionOverview } from "~/modules/regions/region.server";
import { listHostedSessions } from "~/modules/sessions/queries.server";
import { mayHostSessions } from "~/modules/sessions/schedule.server";
import { HostedSessionList } from "~/components/hosted-session-list";
import { LaunchEventList } from "~/components/launch-follow-up";
import { listLaunchEvents } from "~/modules/projects/launch-event.server";
import { invariantResponse } from "~/utils/invariant";
import { formatNumber } from "~/utils/format";
import { requireParam } from "~/utils/route-params";
import { abbreviationForIanaZone } from "~/utils/time-zones";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.region.name} · Lintas` : "Lintas" },
];

// public: anonymous visitors see launched projects, public pairings and published work;
// signed-in people also see what their scope covers in this region
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = requireParam(params, "code", "regionCode");
  const user = await getUser(request);
  const viewer = user
    ? {
        userId: user.id,
        projectGrants: grantsFor(user.memberships, "project:read"),
        pairingGrants: grantsFor(user.memberships, "pairing:read"),
      }
    : undefined;
  const overview = await getRegionOverview(code, viewer);
  invariantResponse(overview, "Not found", { status: 404 });
  const region = { code: overview.region.code, provinceCode: overview.region.province?.code ?? null };
  // a province's coordination meetings, for the signed-in people who may see or schedule them
  const coordination =
    user && overview.region.kind === "PROVINCE"
      ? {
          sessions: await listHostedSessions(
            { user, grants: grantsFor(user.memberships, "session:read") },
            { provinceCode: code },
          ),
          canSchedule: await mayHostSessions(user, { provinceCode: code }),
          viewerZone: user.timeZone ?? user.region?.timeZone ?? overview.region.timeZone,
        }
      : null;
  return {
    ...overview,
    coordination,
    launchEvents: await listLaunchEvents({ regionCode: code }),
    viewerZone: user?.timeZone ?? user?.region?.timeZone ?? overview.region.timeZone,
    canManage: user ? coversRegion(grantsFor(user.memberships, "region:manage"), region) : false,
    canDashboard: user ? coversRegion(grantsFor(user.memberships, "dashboard:read"), region) : false,
  };
}

export default function RegionPage() {
  const { t, i18n } = useTranslation();
  /** "79,36 %" through the one number formatter; "—" when there is no value */
  const quantity = (value: string | null, unit: string) =>
    value === null ? "—" : `${formatNumber(value, i18n.language)} ${unit}`;
  const {
    region,
    projects,
    mentorPairings,
    menteePairings,
    practices,
    lessons,
    indicators,
    regencies,
    canManage,
    canDashboard,
    coordination,
    launchEvents,
    viewerZone,
  } = useLoaderData<typeof loader>();
  const zone = abbreviationForIanaZone(region.timeZone);
  const projectsByStatus = Object.entries(
    projects.reduce<Record<string, typeof projects>>((groups, project) => {
      (groups[project.status] ??= []).push(project);
      return groups;
    }, {}),
  );
  return (
    <main>
      <p className="muted">
        <Link to="/wilayah">{t("regions.title")}</Link>
        {region.province ? (
          <>
            {" › "}
            <Link to={`/wilayah/${region.province.code}`}>{region.province.name}</Link>
          </>
        ) : null}
      </p>
      <h1>{region.kind === "PROVINCE" ? t("regions.provinceName", { name: region.name }) : region.name}</h1>
      <dl className="facts">
        <dt>{t("regions.code")}</dt>
        <dd>{region.code}</dd>
        <dt>{t("regions.timeZone")}</dt>
        <dd>
          {zone} ({region.timeZone})
        </dd>
      </dl>
      {canDashboard ? (
        <p>
          <Link to={`/dasbor/wilayah/${region.code}`}>{t("dashboards.regionLink")}</Link>
          {region.kind === "PROVINCE" ? (
            <>
              {" · "}
              <Link to={`/dasbor/provinsi/${region.code}`}>{t("dashboards.provinceLink")}</Link>
            </>
          ) : null}
        </p>
      ) : null}

      {coordination && (coordination.canSchedule || coordination.sessions.length > 0) ? (
        <section aria-labelledby="coordination-heading">
          <h2 id="coordination-heading">{t("hostedSessions.provinceHeading")}</h2>
          {coordination.canSchedule ? (
            <p>
              <Link to={`/wilayah/${region.code}/sesi-baru`} className="button">
                {t("hostedSessions.scheduleMeeting")}
              </Link>
            </p>
          ) : null}
          <HostedSessionList sessions={coordination.sessions} viewerZone={coordination.viewerZone} />
        </section>
      ) : null}

      {regencies.length > 0 ? (
        <section>
          <h2>{t("regions.regencies")}</h2>
          <table>
            <caption>{t("regions.regencyTableCaption", { count: regencies.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("regions.code")}</th>
                <th scope="col">{t("regions.name")}</th>
                <th scope="col">{t("regions.launchedProjects")}</th>
                <th scope="col">{t("regions.pairings")}</th>
                <th scope="col">{t("regions.practices")}</th>
              </tr>
            </thead>
            <tbody>
              {regencies.map((r) => (
                <tr key={r.code}>
                  <td>{r.code}</td>
                  <td>
                    <Link to={`/wilayah/${r.code}`}>{r.name}</Link>
                  </td>
                  <td>{r.launchedProjects}</td>
                  <td>{r.pairings}</td>
                  <td>{r.practices}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section>
        <h2>{t("regions.agencies")}</h2>
        {region.organisations.length === 0 ? <p>{t("regions.noneRecorded")}</p> : null}
        <ul>
          {region.organisations.map((o) => (
            <li key={o.id}>
              {o.name}
              {o.kind && o.kind !== o.name ? <span className="muted"> · {o.kind}</span> : null}
            </li>
          ))}
        </ul>
        {region.workingGroups.map((group) => (
          <p key={group.id}>
            <strong>{group.name}</strong>
            {": "}
            {[...new Set(group.members.map((m) => m.organisation?.name).filter(Boolean))].join(", ")}
          </p>
        ))}
        {canManage ? (
          <p>
            <Link to={`/wilayah/${region.code}/opd`}>{t("agencies.manageLink")}</Link>
          </p>
        ) : null}
      </section>

      {launchEvents.length > 0 ? (
        <LaunchEventList
          events={launchEvents}
          viewerZone={viewerZone}
          headingId="launch-events-heading"
          heading={t("launchEvents.regionHeading")}
        />
      ) : null}

      <section>
        <h2>{t("regions.projects")}</h2>
        {projects.length === 0 ? <p>{t("regions.noneRecorded")}</p> : null}
        {projectsByStatus.map(([status, list]) => (
          <div key={status}>
            <h3>
              {t(`projects.status.${status}`)} ({list.length})
            </h3>
            <ul>
              {list.map((p) => (
                <li key={p.id}>
                  {p.acronym ? `${p.acronym}: ` : ""}
                  {p.title}
                  {p.organisation ? <span className="muted"> · {p.organisation.name}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section>
        <h2>{t("regions.pairings")}</h2>
        {mentorPairings.length + menteePairings.length === 0 ? <p>{t("regions.noneRecorded")}</p> : null}
        <ul>
          {mentorPairings.map((p) => (
            <li key={p.id}>
              {region.kind === "PROVINCE"
                ? t("regions.pairingOf", { mentor: p.mentorRegion.name, mentee: p.menteeRegion.name })
                : t("regions.mentorOf", { name: p.menteeRegion.name })}
              : {p.topic}
            </li>
          ))}
          {menteePairings.map((p) => (
            <li key={p.id}>
              {region.kind === "PROVINCE"
                ? t("regions.pairingOf", { mentor: p.mentorRegion.name, mentee: p.menteeRegion.name })
                : t("regions.menteeOf", { name: p.mentorRegion.name })}
              : {p.topic}
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2>{t("regions.practicesAndLessons")}</h2>
        {practices.length + lessons.length === 0 ? <p>{t("regions.noneRecorded")}</p> : null}
        <ul>
          {practices.map((p) => (
            <li key={p.slug}>
              <Link to={`/katalog/${p.slug}`}>{p.name}</Link>
            </li>
          ))}
          {lessons.map((l) => (
            <li key={l.slug}>
              <Link to={`/pelajaran/${l.slug}`}>{l.title}</Link>
            </li>
          ))}
        </ul>
      </section>

      {indicators.length > 0 ? (
        <section>
          <h2>{t("regions.indicators")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("regions.indicator")}</th>
                <th scope="col">{t("regions.baseline")}</th>
                <th scope="col">{t("regions.latest")}</th>
                <th scope="col">{t("regions.target")}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.id}>
                  <td>{i.name}</td>
                  <td>
                    {quantity(i.baseline, i.unit)} {i.baselineYear ? `(${i.baselineYear})` : ""}
                  </td>
                  <td>{quantity(i.latest?.value ?? null, i.unit)}</td>
                  <td>
                    {quantity(i.target, i.unit)} {i.targetYear ? `(${i.targetYear})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
