import { rollUp, type ProgressRow, type ProgressTotals } from '../progress/progress.rollup';
import {
  ACTUAL_YEARS, communeIndicator, DISTRICT_INDICATORS, paceOf, STORY_COMMUNES, STORY_REPORTS, STORY_TASKS, type StoryIndicator, type StoryTask,
} from './dau-tieng-plan.story';

/** The completion a task of the commune had last reported by `asOf` (0 before any report). */
function completionOn(task: StoryTask, communeCode: string, asOf: string): number {
  const reported = STORY_REPORTS[task.key][paceOf(communeCode)].filter(([on]) => on <= asOf);
  return reported.length === 0 ? 0 : reported[reported.length - 1][1];
}

/** The indicator as the roll-up reads it on `asOf`: the actual of the latest year reported by then. */
function indicatorRow(indicator: StoryIndicator, asOf: string): ProgressRow {
  const reported = ACTUAL_YEARS.map((year, index) => ({ on: `${year}-12-31`, actual: indicator.actuals[index] })).filter(({ on }) => on <= asOf);
  const { name, measure, target } = indicator;
  return { kind: 'INDICATOR', name, measure, target, actual: reported.length === 0 ? null : reported[reported.length - 1].actual };
}

/** A commune's tasks (of the district's plan or of its own) on `asOf`. */
function taskRows(communeCode: string, plan: StoryTask['plan'], asOf: string): ProgressRow[] {
  return STORY_TASKS.filter((task) => task.plan === plan && task.assignedOn <= asOf).map((task) => ({
    kind: 'TASK', deadline: task.deadline, completion: completionOn(task, communeCode, asOf),
  }));
}

/** A commune's own plan on `asOf` (adopted in March 2014). */
function communePlanRows(communeCode: string, asOf: string): ProgressRow[] {
  return [{ kind: 'PLAN' }, ...taskRows(communeCode, 'COMMUNE', asOf), indicatorRow(communeIndicator(communeCode), asOf)];
}

/**
 * What the story implies reform's roll-up answers on a date from 2014-03-01 to the district's
 * end: for the district, its plan and every commune's; for a commune, its own plan only.
 */
export function storyProgress(unitCode: string, asOf: string): ProgressTotals {
  if (STORY_COMMUNES.includes(unitCode)) return rollUp(communePlanRows(unitCode, asOf), asOf);
  const district: ProgressRow[] = [
    { kind: 'PLAN' },
    ...STORY_COMMUNES.flatMap((code) => taskRows(code, 'DISTRICT', asOf)),
    ...DISTRICT_INDICATORS.map((indicator) => indicatorRow(indicator, asOf)),
  ];
  return rollUp([...district, ...STORY_COMMUNES.flatMap((code) => communePlanRows(code, asOf))], asOf);
}
