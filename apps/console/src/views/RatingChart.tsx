import { useI18n } from '../i18n/i18n';
import type { Level } from '../rating-quota';
import { LEVELS, LEVEL_WORDS } from './rating-words';

/** The counts and shares (%) of a rating distribution, as the report gives them. */
export interface Distribution {
  excellent: number;
  good: number;
  completed: number;
  notCompleted: number;
  total: number;
  excellentShare: number;
  goodShare: number;
  completedShare: number;
  notCompletedShare: number;
}

/** A level's count and share in a distribution. */
export function levelIn(distribution: Distribution, level: Level): { count: number; share: number } {
  switch (level) {
    case 'HTXS': return { count: distribution.excellent, share: distribution.excellentShare };
    case 'HTT': return { count: distribution.good, share: distribution.goodShare };
    case 'HTNV': return { count: distribution.completed, share: distribution.completedShare };
    case 'KHTNV': return { count: distribution.notCompleted, share: distribution.notCompletedShare };
  }
}

/** A count with its share, as tables show it: "12 (20,5%)". */
export function countWithShare(distribution: Distribution, level: Level, language: 'vi' | 'en'): string {
  const { count, share } = levelIn(distribution, level);
  return `${count} (${share.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%)`;
}

const FILLS: Record<Level, string> = { HTXS: '#2e7d32', HTT: '#1565c0', HTNV: '#f9a825', KHTNV: '#b71c1c' };

/** One bar per rating level with its count and share: the unit's total distribution at a glance. */
export function RatingChart({ distribution }: { distribution: Distribution }) {
  const { tr, language } = useI18n();
  const width = 600;
  const labelWidth = 230;
  const rowHeight = 30;
  const max = Math.max(1, ...LEVELS.map((level) => levelIn(distribution, level).count));
  const scale = (count: number) => ((width - labelWidth - 90) * count) / max;
  return (
    <svg className="chart" role="img" data-testid="rating-chart" aria-label={tr({ vi: 'Phân bố xếp loại', en: 'Rating distribution' })} width={width} height={LEVELS.length * rowHeight + 8} viewBox={`0 0 ${width} ${LEVELS.length * rowHeight + 8}`}>
      {LEVELS.map((level, index) => {
        const y = 4 + index * rowHeight;
        const { count } = levelIn(distribution, level);
        return (
          <g key={level} fontSize="12" data-testid={`chart-${level}`} data-count={count}>
            <text x={0} y={y + 17}>{level} — {tr(LEVEL_WORDS[level])}</text>
            <rect x={labelWidth} y={y + 4} width={scale(count)} height={18} fill={FILLS[level]} />
            <text x={labelWidth + scale(count) + 6} y={y + 17}>{countWithShare(distribution, level, language)}</text>
          </g>
        );
      })}
    </svg>
  );
}
