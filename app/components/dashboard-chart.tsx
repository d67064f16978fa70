// Dashboard charts drawn as SVG on the server (recharts 3 cannot render on the server:
// docs/decisions/0027-dashboard-charts.md). Each chart prints its numbers beside the marks and
// tells series apart by pattern as well as colour, offers the same data as a table, and a CSV
// download of that data (a data: link, so it needs neither JavaScript nor another request).
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/format";

export type Cell = string | number | null;
export type DataTable = { columns: string[]; rows: Cell[][] };

const COLOURS = ["#0b5394", "#1e6b34", "#a4161a", "#7a4b00", "#5b2a86", "#00636b", "#525a64"];

/** Comma-separated values with a header row; a cell starting like a formula is quoted as text. */
export function toCsvText(table: DataTable) {
  const cell = (value: Cell) => {
    let text = value === null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value !== "number") text = `'${text}`;
    return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function csvHref(table: DataTable) {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${toCsvText(table)}`)}`;
}

/** A pattern per series: solid, hatched, dotted, cross-hatched… so that print and colour-blind readers can tell them apart. */
function Patterns({ id, count }: { id: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const colour = COLOURS[i % COLOURS.length];
        const kind = i % 6;
        return (
          <pattern key={i} id={`${id}-p${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={kind === 0 ? colour : "#ffffff"} />
            {kind === 1 ? (
              <path d="M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6" stroke={colour} strokeWidth="2.2" />
            ) : null}
            {kind === 2 ? <circle cx="4" cy="4" r="2.2" fill={colour} /> : null}
            {kind === 3 ? <path d="M0 0 L8 8 M8 0 L0 8" stroke={colour} strokeWidth="1.6" /> : null}
            {kind === 4 ? <path d="M0 2 H8 M0 6 H8" stroke={colour} strokeWidth="2" /> : null}
            {kind === 5 ? <path d="M2 0 V8 M6 0 V8" stroke={colour} strokeWidth="2" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function Swatch({ id, index }: { id: string; index: number }) {
  return (
    <svg width="16" height="16" aria-hidden="true" className="swatch">
      <rect width="16" height="16" fill={`url(#${id}-p${index})`} stroke={COLOURS[index % COLOURS.length]} />
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
  );
}

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
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const labelWidth = 190;
  const width = 560;
  const barHeight = series.length > 1 ? 14 : 18;
  const groupHeight = series.length * (barHeight + 2) + 10;
  const plot = width - labelWidth - 70;
  const table: DataTable = {
    columns: [t("dashboards.item"), ...series, ...(extraColumns ?? [])],
    rows: rows.map((r) => [r.label, ...r.values, ...(r.extra ?? [])]),
  };
  return (
    <ChartFigure id={id} title={title} table={table} csvName={csvName} legend={series} summary={summary}>
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
          {rows.map((row, r) => (
            <g key={`${row.label}-${r}`} transform={`translate(0 ${r * groupHeight})`}>
              <text x={labelWidth - 8} y={groupHeight / 2 + 2} textAnchor="end" className="chart-label">
                {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
              </text>
              {row.values.map((value, s) => {
                const w = value === null ? 0 : Math.max((plot * value) / max, value > 0 ? 2 : 0);
                const x = funnel ? labelWidth + (plot - w) / 2 : labelWidth;
                const y = 5 + s * (barHeight + 2);
                return (
                  <g key={s}>
                    <rect
                      x={x}
                      y={y}
                      width={w}
                      height={barHeight}
                      fill={`url(#${id}-p${s})`}
                      stroke={COLOURS[s % COLOURS.length]}
                    />
                    <text
                      x={funnel ? labelWidth + plot + 6 : x + w + 5}
                      y={y + barHeight - 4}
                      className="chart-label"
                    >
                      {value === null ? "—" : write(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
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
  const max = Math.max(1, ...totals);
  const step = (width - left) / Math.max(1, categories.length);
  const barWidth = Math.min(34, step * 0.7);
  const scale = (v: number) => ((height - top - bottom) * v) / max;
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
        <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} className="grid-line" />
        {categories.map((c, i) => {
          const x = left + i * step + (step - barWidth) / 2;
          let y = height - bottom;
          return (
            <g key={c.label}>
              {c.values.map((v, s) => {
                const h = scale(v);
                y -= h;
                return v > 0 ? (
                  <rect
                    key={s}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={h}
                    fill={`url(#${id}-p${s})`}
                    stroke={COLOURS[s % COLOURS.length]}
                  />
                ) : null;
              })}
              <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" className="chart-label">
                {formatNumber(totals[i], lng)}
              </text>
              <text
                x={x + barWidth / 2}
                y={height - bottom + 14}
                textAnchor="middle"
                className="chart-label small"
              >
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
