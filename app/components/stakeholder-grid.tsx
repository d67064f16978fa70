// Stakeholders on influence × interest (1–5 each), in four named quadrants (keep satisfied, manage
// closely, monitor, keep informed), with a table beside it. Each dot carries its number and a
// short name (the full one in its tooltip and the table), drawn towards the middle so no label
// runs off the picture.
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/ui/table-scroll";
import { QUADRANTS, quadrantOf } from "~/modules/projects/stakeholder-quadrant";

type Stakeholder = { id: string; name: string; influence: number; interest: number; internal: boolean };

const LABEL_MAX = 16;
const shortName = (name: string) => (name.length > LABEL_MAX ? `${name.slice(0, LABEL_MAX - 1)}…` : name);

export function StakeholderGrid({ stakeholders }: { stakeholders: Stakeholder[] }) {
  const { t } = useTranslation();
  const size = 260;
  const cell = size / 5;
  const half = size / 2;
  // quadrant names in each quadrant's outer corner: top-left, top-right, bottom-left, bottom-right
  const corners = [
    { x: 6, y: 14, anchor: "start" },
    { x: size - 6, y: 14, anchor: "end" },
    { x: 6, y: size - 6, anchor: "start" },
    { x: size - 6, y: size - 6, anchor: "end" },
  ] as const;
  return (
    <div className="stakeholder-map">
      <svg
        viewBox={`-30 0 ${size + 40} ${size + 30}`}
        role="img"
        aria-label={t("projects.stakeholderMap")}
        className="stakeholder-svg"
      >
        <rect x={0} y={0} width={size} height={size} className="grid-frame" />
        <line x1={half} x2={half} y1={0} y2={size} className="grid-line" />
        <line x1={0} x2={size} y1={half} y2={half} className="grid-line" />
        {QUADRANTS.map((q, i) => (
          <text
            key={q}
            x={corners[i].x}
            y={corners[i].y}
            textAnchor={corners[i].anchor}
            className="chart-label small quadrant-name"
          >
            {t(`stakeholderQuadrant.${q}`)}
          </text>
        ))}
        <text x={half} y={size + 22} textAnchor="middle" className="chart-label">
          {t("projects.interest")} →
        </text>
        <text
          x={-18}
          y={half}
          textAnchor="middle"
          transform={`rotate(-90 -18 ${half})`}
          className="chart-label"
        >
          {t("projects.influence")} →
        </text>
        {stakeholders.map((s, i) => {
          const cx = (s.interest - 0.5) * cell;
          const cy = size - (s.influence - 0.5) * cell + (i % 3) * 6 - 6;
          // on the right half the label goes to the left of the dot, so it stays inside
          const right = cx > half;
          return (
            <g key={s.id}>
              <title>{`${i + 1}. ${s.name}`}</title>
              <circle cx={cx} cy={cy} r={6} className={s.internal ? "dot-internal" : "dot-external"} />
              <text
                x={right ? cx - 9 : cx + 9}
                y={cy + 4}
                textAnchor={right ? "end" : "start"}
                className="chart-label small"
              >
                {`${i + 1}. ${shortName(s.name)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <TableScroll label={t("projects.stakeholderMap")}>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t("stakeholderQuadrant.number")}</th>
              <th scope="col">{t("auth.fullName")}</th>
              <th scope="col">{t("projects.influence")}</th>
              <th scope="col">{t("projects.interest")}</th>
              <th scope="col">{t("stakeholderQuadrant.column")}</th>
              <th scope="col">{t("projects.internalLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {stakeholders.map((s, i) => (
              <tr key={s.id}>
                <td>{i + 1}</td>
                <td>{s.name}</td>
                <td>{s.influence}</td>
                <td>{s.interest}</td>
                <td>{t(`stakeholderQuadrant.${quadrantOf(s)}`)}</td>
                <td>{s.internal ? t("projects.internal") : t("projects.external")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
