// Milestones on a time axis (Gantt-like): one row per horizon, a marker per milestone at its due
// date; done milestones are filled and ticked, late ones (marked late, or past due and not done:
// isLateMilestone) outlined and marked "!" (not colour alone), and named under the chart.
import { useTranslation } from "react-i18next";
import { isLateMilestone } from "~/modules/projects/follow-up";
import { formatDay } from "~/utils/format";

type Milestone = {
  id: string;
  title: string;
  horizon: string;
  status: string;
  dueDate: string | Date | null;
};

const W = 720;
const ROW = 44;
const LEFT = 130;

export function MilestoneTimeline({ milestones }: { milestones: Milestone[] }) {
  const { t, i18n } = useTranslation();
  const dated = milestones.filter((m) => m.dueDate);
  if (dated.length === 0) return null;
  const times = dated.map((m) => new Date(m.dueDate!).getTime());
  const min = Math.min(...times) - 15 * 86_400_000;
  const max = Math.max(...times) + 15 * 86_400_000;
  const x = (time: number) => LEFT + ((time - min) / (max - min)) * (W - LEFT - 20);
  const horizons = ["SHORT", "MEDIUM", "LONG"];
  const now = Date.now();
  const late = new Set(
    milestones
      .filter((m) => isLateMilestone({ status: m.status, dueDate: m.dueDate ? new Date(m.dueDate) : null }))
      .map((m) => m.id),
  );
  const lateTitles = milestones.filter((m) => late.has(m.id)).map((m) => m.title);
  return (
    <figure className="milestone-timeline">
      <svg viewBox={`0 0 ${W} ${ROW * 3 + 30}`} role="img" aria-label={t("projects.timelineLabel")}>
        {horizons.map((h, row) => (
          <g key={h}>
            <text x={4} y={row * ROW + 26} className="chart-label">
              {t(`projects.horizon.${h}`)}
            </text>
            <line x1={LEFT} x2={W - 20} y1={row * ROW + 22} y2={row * ROW + 22} className="grid-line" />
          </g>
        ))}
        {now > min && now < max ? (
          <line x1={x(now)} x2={x(now)} y1={0} y2={ROW * 3} className="today-line" />
        ) : null}
        {dated.map((m) => {
          const row = horizons.indexOf(m.horizon);
          const cx = x(new Date(m.dueDate!).getTime());
          const cy = row * ROW + 22;
          return (
            <g key={m.id} className={`ms ms-${late.has(m.id) ? "late" : m.status.toLowerCase()}`}>
              <title>
                {`${m.title} · ${formatDay(m.dueDate, i18n.language)} · ${t(`projects.workStatus.${m.status}`)}${late.has(m.id) && m.status !== "LATE" ? ` · ${t("portfolio.lateMark")}` : ""}`}
              </title>
              <rect x={cx - 7} y={cy - 7} width={14} height={14} transform={`rotate(45 ${cx} ${cy})`} />
              <text x={cx} y={cy + 4} textAnchor="middle" className="ms-mark">
                {m.status === "DONE" ? "✓" : late.has(m.id) ? "!" : ""}
              </text>
            </g>
          );
        })}
        <text x={LEFT} y={ROW * 3 + 22} className="chart-label">
          {formatDay(new Date(min), i18n.language)}
        </text>
        <text x={W - 20} y={ROW * 3 + 22} textAnchor="end" className="chart-label">
          {formatDay(new Date(max), i18n.language)}
        </text>
      </svg>
      {lateTitles.length > 0 ? (
        <figcaption className="late-summary">
          {t("portfolio.lateSummary", { count: lateTitles.length, titles: lateTitles.join(", ") })}
        </figcaption>
      ) : null}
    </figure>
  );
}
