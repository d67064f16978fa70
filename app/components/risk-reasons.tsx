// Why a project is at risk, said wherever the flag appears: which check-in, which milestone.
import { useTranslation } from "react-i18next";
import { describeRiskReason } from "~/modules/projects/project-status";
import { formatDay } from "~/utils/format";

/** A reason as a loader sends it (dates as ISO strings after serialisation). */
export type RiskReasonView =
  | { kind: "checkInOverdue"; months: number; due: string | Date }
  | { kind: "checkInJudgement"; status: "AT_RISK" | "BLOCKED"; createdAt: string | Date }
  | { kind: "lateMilestone"; title: string; dueDate: string | Date | null };

export function useRiskReasonText() {
  const { t, i18n } = useTranslation();
  return (reason: RiskReasonView) =>
    describeRiskReason(reason, t, (value) => formatDay(value, i18n.language));
}

/** The reasons alone, under an item of an at-risk list. */
export function RiskReasonList({ reasons, limit = 3 }: { reasons: RiskReasonView[]; limit?: number }) {
  const { t } = useTranslation();
  const text = useRiskReasonText();
  if (reasons.length === 0) return null;
  const shown = reasons.slice(0, limit);
  return (
    <ul className="risk-reasons" aria-label={t("projects.risk.reasons")}>
      {shown.map((reason, i) => (
        <li key={i}>{text(reason)}</li>
      ))}
      {reasons.length > shown.length ? <li>…</li> : null}
    </ul>
  );
}

/**
 * The "at risk" badge followed by its reasons, inline (it stands in paragraphs and table cells,
 * where a list would break the HTML); nothing when there are none.
 */
export function AtRiskBadge({ reasons, limit = 3 }: { reasons: RiskReasonView[]; limit?: number }) {
  const { t } = useTranslation();
  const text = useRiskReasonText();
  if (reasons.length === 0) return null;
  const shown = reasons.slice(0, limit).map(text);
  if (reasons.length > limit) shown.push("…");
  return (
    <>
      <span className="badge badge-risk">{t("projects.atRisk")}</span>{" "}
      <span className="risk-reasons-inline">
        <span className="visually-hidden">{t("projects.risk.reasons")}: </span>
        {shown.join(" · ")}
      </span>
    </>
  );
}
