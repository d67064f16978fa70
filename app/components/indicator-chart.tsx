// An indicator over time: baseline, measurements and the target line, as a small SVG chart drawn
// with visx (a time and a value scale, a line path), with the same numbers in a table (readable
// without colour and without the picture).
import { scaleLinear, scaleTime } from "@visx/scale";
import { Circle, Line, LinePath } from "@visx/shape";
import { useTranslation } from "react-i18next";
import { latestProgress } from "~/modules/projects/indicator-progress";
import { formatDay, formatNumber } from "~/utils/format";

type Indicator = {
  id: string;
  name: string;
  unit: string;
  direction: "UP" | "DOWN";
  baseline: unknown;
  baselineYear: number | null;
  target: unknown;
  targetYear: number | null;
  measurements: {
    value: unknown;
    measuredAt: string | Date;
    periodLabel: string | null;
    source?: string | null;
  }[];
};

type Point = { x: number; y: number };

const W = 320;
const H = 120;
const PAD = 28;

export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const points: Point[] = indicator.measurements.map((m) => ({
    x: new Date(m.measuredAt).getTime(),
    y: Number(m.value),
  }));
  const baseline = indicator.baseline === null ? null : Number(indicator.baseline);
  const target = indicator.target === null ? null : Number(indicator.target);
  if (baseline !== null && indicator.baselineYear)
    points.unshift({ x: Date.UTC(indicator.baselineYear, 11, 31), y: baseline });
  const ys = [...points.map((p) => p.y), ...(target !== null ? [target] : [])];
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs);
  const timeScale = scaleTime({
    domain: [new Date(minX), new Date(Math.max(...xs, minX + 1))],
    range: [PAD, W - PAD],
    round: true,
  });
  const valueScale = scaleLinear({
    domain: [Math.min(...ys, 0), Math.max(...ys, 1)],
    range: [H - PAD / 2, PAD / 2],
    round: true,
  });
  const sx = (p: Point) => timeScale(new Date(p.x));
  const sy = (p: Point) => valueScale(p.y);
  const share = latestProgress({
    direction: indicator.direction,
    baseline,
    target,
    measurements: indicator.measurements.map((m) => ({ value: Number(m.value) })),
  });
  // nothing reported yet (no baseline, target or value): say so rather than draw an empty table
  const nothing = baseline === null && target === null && indicator.measurements.length === 0;
  return (
    <figure className="indicator">
      <figcaption>
        <strong>{indicator.name}</strong> ({indicator.unit}) ·{" "}
        {indicator.direction === "UP" ? t("indicators.higherBetter") : t("indicators.lowerBetter")}
        {share !== null ? (
          <span className="muted">
            {" "}
            · {t("indicators.progress", { percent: formatNumber(Math.round(share * 100), lng, 0) })}
          </span>
        ) : null}
      </figcaption>
      {points.length > 0 ? (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="indicator-chart"
          role="img"
          aria-label={t("indicators.chartLabel", { name: indicator.name })}
        >
          {target !== null ? (
            <>
              <Line
                from={{ x: PAD, y: valueScale(target) }}
                to={{ x: W - PAD, y: valueScale(target) }}
                className="target-line"
              />
              <text x={W - PAD} y={valueScale(target) - 4} textAnchor="end" className="chart-label">
                {t("indicators.target")} {formatNumber(target, lng)}
              </text>
            </>
          ) : null}
          <LinePath data={points} x={sx} y={sy} className="series" fill="none" />
          {points.map((p) => (
            <Circle key={p.x} cx={sx(p)} cy={sy(p)} r={3} className="series-point" />
          ))}
        </svg>
      ) : null}
      {nothing ? (
        <p className="muted indicator-empty">{t("indicators.noData")}</p>
      ) : (
        <table className="compact">
          <caption className="visually-hidden">
            {t("indicators.tableCaption", { name: indicator.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("indicators.period")}</th>
              <th scope="col">{t("indicators.value")}</th>
              <th scope="col">{t("indicators.source")}</th>
            </tr>
          </thead>
          <tbody>
            {baseline !== null ? (
              <tr>
                <td>
                  {t("indicators.baseline")} {indicator.baselineYear ?? ""}
                </td>
                <td>
                  {formatNumber(baseline, lng)} {indicator.unit}
                </td>
                <td />
              </tr>
            ) : null}
            {indicator.measurements.map((m) => (
              <tr key={String(m.measuredAt) + String(m.value)}>
                <td>{m.periodLabel ?? formatDay(m.measuredAt, lng)}</td>
                <td>
                  {formatNumber(Number(m.value), lng)} {indicator.unit}
                </td>
                <td>{m.source ?? ""}</td>
              </tr>
            ))}
            {target !== null ? (
              <tr>
                <td>
                  {t("indicators.target")} {indicator.targetYear ?? ""}
                </td>
                <td>
                  {formatNumber(target, lng)} {indicator.unit}
                </td>
                <td />
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </figure>
  );
}
