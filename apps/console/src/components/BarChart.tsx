/** Two bars per row (a figure on two dates), drawn as SVG: readable without a chart library. */
export interface BarRow {
  label: string;
  from: number;
  to: number;
}

export function BarChart({ rows, fromLabel, toLabel }: { rows: BarRow[]; fromLabel: string; toLabel: string }) {
  const max = Math.max(1, ...rows.flatMap((row) => [row.from, row.to]));
  const rowHeight = 34;
  const width = 560;
  const labelWidth = 200;
  const scale = (value: number) => ((width - labelWidth - 60) * value) / max;
  return (
    <svg className="chart" role="img" aria-label={`${fromLabel} / ${toLabel}`} width={width} height={rows.length * rowHeight + 24} viewBox={`0 0 ${width} ${rows.length * rowHeight + 24}`}>
      <g fontSize="12">
        <rect x={labelWidth} y={2} width={12} height={10} className="bar-from" />
        <text x={labelWidth + 16} y={11}>{fromLabel}</text>
        <rect x={labelWidth + 120} y={2} width={12} height={10} className="bar-to" />
        <text x={labelWidth + 136} y={11}>{toLabel}</text>
      </g>
      {rows.map((row, index) => {
        const y = 24 + index * rowHeight;
        return (
          <g key={row.label} fontSize="12">
            <text x={0} y={y + 18}>{row.label}</text>
            <rect x={labelWidth} y={y + 4} width={scale(row.from)} height={12} className="bar-from" />
            <text x={labelWidth + scale(row.from) + 4} y={y + 14}>{row.from}</text>
            <rect x={labelWidth} y={y + 17} width={scale(row.to)} height={12} className="bar-to" />
            <text x={labelWidth + scale(row.to) + 4} y={y + 27}>{row.to}</text>
          </g>
        );
      })}
    </svg>
  );
}
