// A horizontal bar chart drawn with visx as SVG on the server, with its numbers written beside each
// bar (readable without colour) and the same data as a table for screen readers.
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { Fragment } from "react";
import { RowLabels } from "~/components/dashboard-chart";

export function BarChart({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  const rowHeight = 26;
  const labelWidth = 150;
  const width = 460;
  const rowScale = scaleBand({
    domain: rows.map((_, i) => String(i)),
    range: [0, rows.length * rowHeight],
    paddingInner: 0.3,
    paddingOuter: 0.15,
    round: true,
  });
  const valueScale = scaleLinear({
    domain: [0, Math.max(1, ...rows.map((r) => r.value))],
    range: [0, width - labelWidth - 40],
    round: true,
  });
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${rows.length * rowHeight + 4}`} aria-hidden="true">
        <RowLabels scale={rowScale} left={labelWidth} labels={rows.map((r) => r.label)} hideAxisLine />
        <Group left={labelWidth}>
          {rows.map((row, i) => {
            const y = rowScale(String(i)) ?? 0;
            // a small value still shows a sliver
            const w = row.value > 0 ? Math.max(valueScale(row.value), 2) : 0;
            return (
              <Fragment key={row.label}>
                <Bar x={0} y={y} width={w} height={rowScale.bandwidth()} className="bar" />
                <text x={w + 6} y={y + rowScale.bandwidth() / 2} dy="0.32em" className="chart-label">
                  {row.value}
                </text>
              </Fragment>
            );
          })}
        </Group>
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
