// A horizontal bar chart drawn as SVG on the server, with its numbers written beside each bar
// (readable without colour) and the same data as a table for screen readers.
export function BarChart({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 26;
  const labelWidth = 150;
  const width = 460;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${rows.length * rowHeight + 4}`} aria-hidden="true">
        {rows.map((row, i) => {
          const w = ((width - labelWidth - 40) * row.value) / max;
          return (
            <g key={row.label} transform={`translate(0 ${i * rowHeight})`}>
              <text x={labelWidth - 8} y={17} textAnchor="end" className="chart-label">
                {row.label}
              </text>
              <rect
                x={labelWidth}
                y={4}
                width={Math.max(w, row.value > 0 ? 2 : 0)}
                height={18}
                className="bar"
              />
              <text x={labelWidth + w + 6} y={17} className="chart-label">
                {row.value}
              </text>
            </g>
          );
        })}
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
