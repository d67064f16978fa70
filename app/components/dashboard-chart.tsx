// Dashboard charts drawn with visx's scales, shapes, axes and patterns: plain React SVG elements,
// so they are in the server-rendered page (docs/decisions/0030-charts-visx.md). Each chart prints
// its numbers beside the marks and tells series apart by pattern as well as colour, offers the
// same data as a table, and a CSV download of that data (a data: link, so it needs neither
// JavaScript nor another request).
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { PatternCircles, PatternLines } from "@visx/pattern";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, BarGroupHorizontal, BarStack } from "@visx/shape";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/ui/table-scroll";
import { formatNumber } from "~/utils/format";
import { toCsv } from "~/utils/csv";

export type Cell = string | number | null;
export type DataTable = { columns: string[]; rows: Cell[][] };

const COLOURS = ["#0b5394", "#1e6b34", "#a4161a", "#7a4b00", "#5b2a86", "#00636b", "#525a64"];

/** Comma-separated values with a header row (app/utils/csv.ts). */
export function toCsvText(table: DataTable) {
  return toCsv(table.columns, table.rows);
}

export function csvHref(table: DataTable) {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${toCsvText(table)}`)}`;
}

const PATTERN_KINDS = 6;
const colourOf = (index: number) => COLOURS[index % COLOURS.length];

/**
 * A series' fill: solid, then hatched, dotted, cross-hatched, striped across and down, so that
 * print and colour-blind readers can tell the series apart.
 */
function seriesFill(id: string, index: number) {
  return index % PATTERN_KINDS === 0 ? colourOf(index) : `url(#${id}-p${index})`;
}

/** The fill patterns of the series after the first (which is solid), with visx's pattern primitives. */
function Patterns({ id, count }: { id: string; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => {
        const common = { id: `${id}-p${i}`, background: "#ffffff" };
        const colour = colourOf(i);
        switch (i % PATTERN_KINDS) {
          case 1:
            return (
              <PatternLines
                key={i}
                {...common}
                width={8}
                height={8}
                stroke={colour}
                strokeWidth={2.2}
                orientation={["diagonal"]}
              />
            );
          case 2:
            return <PatternCircles key={i} {...common} width={8} height={8} radius={2.2} fill={colour} />;
          case 3:
            return (
              <PatternLines
                key={i}
                {...common}
                width={8}
                height={8}
                stroke={colour}
                strokeWidth={1.6}
                orientation={["diagonal", "diagonalRightToLeft"]}
              />
            );
          case 4:
            return (
              <PatternLines
                key={i}
                {...common}
                width={4}
                height={4}
                stroke={colour}
                strokeWidth={2}
                orientation={["horizontal"]}
              />
            );
          case 5:
            return (
              <PatternLines
                key={i}
                {...common}
                width={4}
                height={4}
                stroke={colour}
                strokeWidth={2}
                orientation={["vertical"]}
              />
            );
          default:
            return null;
        }
      })}
    </>
  );
}

function Swatch({ id, index }: { id: string; index: number }) {
  return (
    <svg width="16" height="16" aria-hidden="true" className="swatch">
      <rect width="16" height="16" fill={seriesFill(id, index)} stroke={colourOf(index)} />
    </svg>
  );
}

/** Title, the picture, a legend, the data table (folded) and the CSV link. */
export function ChartFigure({
  id,
  title,
  table,
  csvName,
  summary,
  legend,
  children,
}: {
  id: string;
  title: string;
  table: DataTable;
  csvName: string;
  summary?: string;
  legend?: string[];
  children: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <figure className="dash-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong>
        {summary ? <span className="muted"> · {summary}</span> : null}
      </figcaption>
      {children}
      {legend && legend.length > 1 ? (
        <ul className="chart-legend">
          {legend.map((label, i) => (
            <li key={label}>
              <Swatch id={id} index={i} /> {label}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>{t("dashboards.dataTable")}</summary>
        <DataTableView table={table} caption={title} lng={i18n.language} />
      </details>
      <p>
        <a href={csvHref(table)} download={`${csvName}.csv`}>
          {t("dashboards.downloadCsv", { title })}
        </a>
      </p>
    </figure>
  );
}

export function DataTableView({ table, caption, lng }: { table: DataTable; caption: string; lng: string }) {
  return (
    <TableScroll label={caption}>
      <table className="compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell ?? "—"}
                  </th>
                ) : (
                  <td key={c}>{typeof cell === "number" ? formatNumber(cell, lng) : (cell ?? "—")}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Category names down the left of a chart, one per band (every band: visx would thin them out to ten). */
export function RowLabels({
  scale,
  left,
  labels,
  hideAxisLine = false,
}: {
  scale: ReturnType<typeof scaleBand<string>>;
  left: number;
  labels: string[];
  hideAxisLine?: boolean;
}) {
  return (
    <AxisLeft
      scale={scale}
      left={left}
      tickValues={scale.domain()}
      tickFormat={(key) => shorten(labels[Number(key)])}
      hideTicks
      hideAxisLine={hideAxisLine}
      axisLineClassName="grid-line"
      tickLength={8}
      tickComponent={({ x, y, formattedValue }) => (
        <text x={x} y={y} dy="0.32em" textAnchor="end" className="chart-label">
          {formattedValue}
        </text>
      )}
    />
  );
}

const shorten = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

/**
 * Horizontal bars, one group per row and one bar per series, each value written at its bar's end.
 * `funnel` centres single bars (a funnel of stages); `format` writes the values (percent, units).
 */
export function HBarChart({
  id,
  title,
  csvName,
  series,
  rows,
  format,
  funnel = false,
  summary,
  extraColumns,
}: {
  id: string;
  title: string;
  csvName: string;
  series: string[];
  rows: { label: string; values: (number | null)[]; extra?: Cell[] }[];
  format?: (value: number) => string;
  funnel?: boolean;
  summary?: string;
  extraColumns?: string[];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const write = format ?? ((v: number) => formatNumber(v, lng));
  const labelWidth = 190;
  const width = 560;
  const plot = width - labelWidth - 70;
  const barHeight = series.length > 1 ? 14 : 18;
  const groupHeight = series.length * (barHeight + 2) + 10;
  const keys = series.map((_, s) => String(s));
  const rowScale = scaleBand({
    domain: rows.map((_, r) => String(r)),
    range: [0, rows.length * groupHeight],
    round: true,
  });
  const seriesScale = scaleBand({
    domain: keys,
    range: [5, groupHeight - 5],
    paddingInner: 0.12,
    round: true,
  });
  const valueScale = scaleLinear({
    domain: [0, Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)))],
    range: [0, plot],
    round: true,
  });
  const data = rows.map((row, r) => ({
    row: String(r),
    ...Object.fromEntries(keys.map((key, s) => [key, row.values[s] ?? 0])),
  }));
  const table: DataTable = {
    columns: [t("dashboards.item"), ...series, ...(extraColumns ?? [])],
    rows: rows.map((r) => [r.label, ...r.values, ...(r.extra ?? [])]),
  };
  return (
    <ChartFigure
      id={id}
      title={title}
      table={table}
      csvName={csvName}
      legend={rows.length > 0 ? series : undefined}
      summary={summary}
    >
      {rows.length === 0 ? (
        <p>{t("dashboards.noData")}</p>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${rows.length * groupHeight + 4}`}
          className="dash-svg"
          role="img"
          aria-label={t("dashboards.chartAlt", { title })}
        >
          <Patterns id={id} count={series.length} />
          <RowLabels
            scale={rowScale}
            left={labelWidth}
            labels={rows.map((r) => r.label)}
            hideAxisLine={funnel}
          />
          <BarGroupHorizontal
            data={data}
            keys={keys}
            y0={(d) => d.row}
            y0Scale={rowScale}
            y1Scale={seriesScale}
            xScale={valueScale}
            width={plot}
            color={(key) => seriesFill(id, Number(key))}
          >
            {(groups) =>
              groups.map((group) => (
                <Group key={group.index} top={group.y0} left={labelWidth}>
                  {group.bars.map((bar) => {
                    const value = rows[group.index].values[bar.index];
                    // a small value still shows a sliver
                    const w = value ? Math.max(bar.width, 2) : 0;
                    const x = funnel ? (plot - w) / 2 : 0;
                    return (
                      <Fragment key={bar.key}>
                        <Bar
                          x={x}
                          y={bar.y}
                          width={w}
                          height={bar.height}
                          fill={bar.color}
                          stroke={colourOf(bar.index)}
                        />
                        <text
                          x={funnel ? plot + 6 : x + w + 5}
                          y={bar.y + bar.height / 2}
                          dy="0.32em"
                          className="chart-label"
                        >
                          {value === null ? "—" : write(value)}
                        </text>
                      </Fragment>
                    );
                  })}
                </Group>
              ))
            }
          </BarGroupHorizontal>
        </svg>
      )}
    </ChartFigure>
  );
}

/** Columns per category (e.g. month), stacked by series, the total above each column. */
export function StackedColumnChart({
  id,
  title,
  csvName,
  series,
  categories,
}: {
  id: string;
  title: string;
  csvName: string;
  series: string[];
  categories: { label: string; values: number[] }[];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const width = 620;
  const height = 220;
  const left = 30;
  const bottom = 30;
  const top = 16;
  const totals = categories.map((c) => c.values.reduce((a, b) => a + b, 0));
  const keys = series.map((_, s) => String(s));
  const data = categories.map((c, i) => ({ key: String(i), values: c.values }));
  const columnScale = scaleBand({
    domain: data.map((d) => d.key),
    range: [left, width],
    padding: 0.3,
    round: true,
  });
  const countScale = scaleLinear({
    domain: [0, Math.max(1, ...totals)],
    range: [height - bottom, top],
  });
  // columns no wider than 34 px, centred in their band
  const columnWidth = Math.min(34, columnScale.bandwidth());
  const inset = (columnScale.bandwidth() - columnWidth) / 2;
  const table: DataTable = {
    columns: [t("dashboards.month"), ...series, t("dashboards.total")],
    rows: categories.map((c, i) => [c.label, ...c.values, totals[i]]),
  };
  return (
    <ChartFigure id={id} title={title} table={table} csvName={csvName} legend={series}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="dash-svg"
        role="img"
        aria-label={t("dashboards.chartAlt", { title })}
      >
        <Patterns id={id} count={series.length} />
        <BarStack
          data={data}
          keys={keys}
          x={(d) => d.key}
          value={(d, key) => d.values[Number(key)] ?? 0}
          xScale={columnScale}
          yScale={countScale}
          color={(key) => seriesFill(id, Number(key))}
        >
          {(stacks) =>
            stacks.flatMap((stack, s) =>
              stack.bars
                .filter((bar) => bar.bar[1] > bar.bar[0])
                .map((bar) => (
                  <Bar
                    key={`${s}-${bar.index}`}
                    x={bar.x + inset}
                    y={bar.y}
                    width={columnWidth}
                    height={bar.height}
                    fill={bar.color}
                    stroke={colourOf(s)}
                  />
                )),
            )
          }
        </BarStack>
        {data.map((d, i) => (
          <text
            key={d.key}
            x={(columnScale(d.key) ?? 0) + columnScale.bandwidth() / 2}
            y={countScale(totals[i]) - 4}
            textAnchor="middle"
            className="chart-label"
          >
            {formatNumber(totals[i], lng)}
          </text>
        ))}
        <AxisBottom
          scale={columnScale}
          top={height - bottom}
          tickValues={columnScale.domain()}
          tickFormat={(key) => categories[Number(key)].label}
          hideTicks
          axisLineClassName="grid-line"
          tickLength={4}
          tickComponent={({ x, y, formattedValue }) => (
            <text x={x} y={y} textAnchor="middle" className="chart-label small">
              {formattedValue}
            </text>
          )}
        />
      </svg>
    </ChartFigure>
  );
}
