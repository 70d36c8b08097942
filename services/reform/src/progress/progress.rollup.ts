import { TaskStanding, taskStanding } from '../task/task.overdue';

/** One row the roll-up query returns for a unit or organization: a plan, a task or an indicator counted under it. */
export type ProgressRow =
  | { kind: 'PLAN' }
  | { kind: 'TASK'; deadline: string; completion: number }
  | { kind: 'INDICATOR'; name: string; measure: string; target: number; actual: number | null };

/** An indicator summed over the plans counted: same name and measure. */
export interface IndicatorTotal {
  name: string;
  measure: string;
  plans: number;
  reporting: number;
  target: number;
  actual: number;
  /** actual / target in percent, one decimal; null for a zero target. */
  achievedPercent: number | null;
}

/** What the roll-up answers for one unit or organization as of a date. */
export interface ProgressTotals {
  plans: number;
  tasks: number;
  completedTasks: number;
  overdueTasks: number;
  inProgressTasks: number;
  /** Mean completion of the tasks in percent, one decimal; null without tasks. */
  averageCompletion: number | null;
  /** Completed tasks out of all, in percent, one decimal; null without tasks. */
  completionRate: number | null;
  indicators: IndicatorTotal[];
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Adds up the rows counted under one unit or organization on `asOf`: tasks by standing, indicators by name and measure. */
export function rollUp(rows: readonly ProgressRow[], asOf: string): ProgressTotals {
  const standings = { [TaskStanding.COMPLETED]: 0, [TaskStanding.OVERDUE]: 0, [TaskStanding.IN_PROGRESS]: 0 };
  let plans = 0;
  let completionSum = 0;
  const indicators = new Map<string, IndicatorTotal>();
  for (const row of rows) {
    if (row.kind === 'PLAN') plans += 1;
    if (row.kind === 'TASK') {
      standings[taskStanding(row, asOf)] += 1;
      completionSum += row.completion;
    }
    if (row.kind === 'INDICATOR') addIndicator(indicators, row);
  }
  const tasks = standings.COMPLETED + standings.OVERDUE + standings.IN_PROGRESS;
  return {
    plans,
    tasks,
    completedTasks: standings.COMPLETED,
    overdueTasks: standings.OVERDUE,
    inProgressTasks: standings.IN_PROGRESS,
    averageCompletion: tasks === 0 ? null : Math.round((completionSum / tasks) * 10) / 10,
    completionRate: percent(standings.COMPLETED, tasks),
    indicators: [...indicators.values()]
      .map((total) => ({ ...total, achievedPercent: percent(total.actual, total.target) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.measure.localeCompare(b.measure, 'vi')),
  };
}

function addIndicator(totals: Map<string, IndicatorTotal>, row: Extract<ProgressRow, { kind: 'INDICATOR' }>): void {
  const key = `${row.name}\u0000${row.measure}`;
  const total = totals.get(key) ?? { name: row.name, measure: row.measure, plans: 0, reporting: 0, target: 0, actual: 0, achievedPercent: null };
  total.plans += 1;
  total.target += row.target;
  if (row.actual !== null) {
    total.reporting += 1;
    total.actual += row.actual;
  }
  totals.set(key, total);
}
