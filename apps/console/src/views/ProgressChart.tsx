import { useI18n } from '../i18n/i18n';
import { PLAN_WORDS } from './plan-words';

/** One stacked bar: tasks completed, in progress in time, and overdue. */
export interface ProgressRow {
  key: string;
  label: string;
  completed: number;
  inProgress: number;
  overdue: number;
}

const PARTS = [
  { part: 'completed', fill: '#2e7d32', words: PLAN_WORDS.completed },
  { part: 'inProgress', fill: '#90a4ae', words: PLAN_WORDS.inProgress },
  { part: 'overdue', fill: '#b71c1c', words: PLAN_WORDS.overdue },
] as const;

/** Tasks by standing, one stacked bar per row (the roll-up first, then each plan), drawn as SVG. */
export function ProgressChart({ rows }: { rows: ProgressRow[] }) {
  const { tr } = useI18n();
  const width = 640;
  const labelWidth = 260;
  const rowHeight = 28;
  const max = Math.max(1, ...rows.map((row) => row.completed + row.inProgress + row.overdue));
  const scale = (count: number) => ((width - labelWidth - 20) * count) / max;
  const height = rows.length * rowHeight + 26;
  return (
    <svg className="chart" role="img" data-testid="progress-chart" aria-label={tr(PLAN_WORDS.progress)} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <g fontSize="12">
        {PARTS.map(({ part, fill, words }, index) => (
          <g key={part}>
            <rect x={labelWidth + index * 130} y={2} width={12} height={10} fill={fill} />
            <text x={labelWidth + index * 130 + 16} y={11}>{tr(words)}</text>
          </g>
        ))}
      </g>
      {rows.map((row, index) => {
        const y = 22 + index * rowHeight;
        let x = labelWidth;
        return (
          <g key={row.key} fontSize="12" data-testid="progress-bar" data-completed={row.completed} data-overdue={row.overdue}>
            <text x={0} y={y + 16}>{row.label.length > 38 ? `${row.label.slice(0, 37)}…` : row.label}</text>
            {PARTS.map(({ part, fill }) => {
              const start = x;
              x += scale(row[part]);
              return row[part] > 0 ? (
                <g key={part}>
                  <rect x={start} y={y + 3} width={scale(row[part])} height={18} fill={fill} />
                  {scale(row[part]) > 18 && <text x={start + 4} y={y + 16} fill="#fff">{row[part]}</text>}
                </g>
              ) : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}
