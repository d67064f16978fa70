// Stakeholders on influence × interest (1–5 each), in four quadrants, with a table beside it.
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/ui/table-scroll";

type Stakeholder = { id: string; name: string; influence: number; interest: number; internal: boolean };

export function StakeholderGrid({ stakeholders }: { stakeholders: Stakeholder[] }) {
  const { t } = useTranslation();
  const size = 260;
  const cell = size / 5;
  return (
    <div className="stakeholder-map">
      <svg
        viewBox={`-30 0 ${size + 40} ${size + 30}`}
        role="img"
        aria-label={t("projects.stakeholderMap")}
        className="stakeholder-svg"
      >
        <rect x={0} y={0} width={size} height={size} className="grid-frame" />
        <line x1={size / 2} x2={size / 2} y1={0} y2={size} className="grid-line" />
        <line x1={0} x2={size} y1={size / 2} y2={size / 2} className="grid-line" />
        <text x={size / 2} y={size + 22} textAnchor="middle" className="chart-label">
          {t("projects.interest")} →
        </text>
        <text
          x={-18}
          y={size / 2}
          textAnchor="middle"
          transform={`rotate(-90 -18 ${size / 2})`}
          className="chart-label"
        >
          {t("projects.influence")} →
        </text>
        {stakeholders.map((s, i) => (
          <g key={s.id}>
            <circle
              cx={(s.interest - 0.5) * cell}
              cy={size - (s.influence - 0.5) * cell + (i % 3) * 6 - 6}
              r={6}
              className={s.internal ? "dot-internal" : "dot-external"}
            />
            <text
              x={(s.interest - 0.5) * cell + 9}
              y={size - (s.influence - 0.5) * cell + (i % 3) * 6 - 2}
              className="chart-label small"
            >
              {s.name}
            </text>
          </g>
        ))}
      </svg>
      <TableScroll label={t("projects.stakeholderMap")}>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t("auth.fullName")}</th>
              <th scope="col">{t("projects.influence")}</th>
              <th scope="col">{t("projects.interest")}</th>
              <th scope="col">{t("projects.internalLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {stakeholders.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.influence}</td>
                <td>{s.interest}</td>
                <td>{s.internal ? t("projects.internal") : t("projects.external")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
