// A launched project's follow-up as the public reads it (the launch event page, the public project
// page) and the launch events as lists (region page, region and cohort dashboards).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/project-status";
import { RiskReasonList, type RiskReasonView } from "~/components/risk-reasons";
import type { Verdict, WindowMark } from "~/modules/projects/follow-up";
import { formatDay, formatInstant, formatNumber } from "~/utils/format";

type When = string | Date;

/** followUpOf's answer as a loader sends it. */
export type FollowUpView = {
  windows: { months: number; due: When; mark: WindowMark; checkInAt: When | null }[];
  milestones: { done: number; late: number; total: number };
  lateMilestones: { title: string; dueDate: When | null }[];
  riskReasons: RiskReasonView[];
  atRisk: boolean;
  lastCheckIn: { createdAt: When; status: string } | null;
  verdict: Verdict;
};

const MARK_SYMBOL: Record<WindowMark, string> = {
  met: "✓",
  late: "≈",
  missing: "✗",
  open: "…",
  upcoming: "·",
};

/** "Implemented?" answered in one line. */
export function VerdictLine({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <p className={`verdict verdict-${verdict}`}>
      <strong>{t("launchEvents.implemented")}</strong> {t(`launchEvents.verdict.${verdict}`)}
    </p>
  );
}

/** The 3-, 6- and 12-month check-ins, milestones, risk and last check-in of one project. */
export function FollowUpFacts({ followUp, viewerZone }: { followUp: FollowUpView; viewerZone: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { milestones } = followUp;
  return (
    <dl className="facts follow-up">
      <dt>{t("launchEvents.checkIns")}</dt>
      <dd>
        <ul className="check-in-windows">
          {followUp.windows.map((w) => (
            <li key={w.months} className={`window-${w.mark}`}>
              <span aria-hidden="true">{MARK_SYMBOL[w.mark]} </span>
              {t("launchEvents.windowMonths", { count: w.months })}: {t(`launchEvents.mark.${w.mark}`)}
              {w.checkInAt && w.mark !== "met"
                ? ` (${t("launchEvents.madeOn", { date: formatDay(w.checkInAt, lng, viewerZone) })})`
                : ""}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t("launchEvents.milestones")}</dt>
      <dd>
        {t("launchEvents.milestoneCount", {
          done: formatNumber(milestones.done, lng),
          total: formatNumber(milestones.total, lng),
          late: formatNumber(milestones.late, lng),
        })}
      </dd>
      <dt>{t("launchEvents.atRisk")}</dt>
      <dd>
        {followUp.atRisk ? (
          <RiskReasonList reasons={followUp.riskReasons} limit={10} />
        ) : (
          t("launchEvents.notAtRisk")
        )}
      </dd>
      <dt>{t("launchEvents.lastCheckIn")}</dt>
      <dd>
        {followUp.lastCheckIn
          ? t("launchEvents.lastCheckInValue", {
              date: formatDay(followUp.lastCheckIn.createdAt, lng, viewerZone),
              status: t(`projects.checkInStatus.${followUp.lastCheckIn.status}`),
            })
          : t("launchEvents.noCheckIn")}
      </dd>
    </dl>
  );
}

type LaunchEventSummary = {
  id: string;
  title: string;
  date: When;
  launchedBy: string | null;
  projects: { id: string; title: string; acronym: string | null; status: string; verdict: Verdict }[];
};

/** Launch events with their projects and each one's verdict: "the projects I launched". */
export function LaunchEventList({
  events,
  viewerZone,
  headingId,
  heading,
}: {
  events: LaunchEventSummary[];
  viewerZone: string;
  headingId: string;
  heading: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {events.length === 0 ? <p>{t("launchEvents.none")}</p> : null}
      <ul className="launch-events">
        {events.map((event) => (
          <li key={event.id}>
            <Link to={`/peluncuran/${event.id}`}>{event.title}</Link>
            <div className="muted">
              {t("launchEvents.eventLine", {
                date: formatInstant(event.date, i18n.language, viewerZone),
                who: event.launchedBy ?? "—",
              })}
            </div>
            <ul>
              {event.projects.map((p) => (
                <li key={p.id}>
                  <StatusBadge status={p.status} />{" "}
                  {t("launchEvents.projectVerdict", {
                    title: p.acronym ?? p.title,
                    verdict: t(`launchEvents.verdict.${p.verdict}`),
                  })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
