import { storyProgress } from './dau-tieng-plan.figures';
import {
  ACTUAL_YEARS, COMMUNE_PLAN_ADOPTED, communeIndicator, DISTRICT_INDICATORS, DISTRICT_PLAN, paceOf, STORY_COMMUNES, STORY_REPORTS, STORY_TASKS, WAITING_PROPOSAL,
} from './dau-tieng-plan.story';

const DISTRICT_ENDED = '2025-07-01';

describe('the Dầu Tiếng plans as told', () => {
  it('adopts the district’s plan after the Conclusion, the communes’ after the district’s, and assigns tasks once their plans are in force', () => {
    expect(DISTRICT_PLAN.adopted.on > '2013-05-28').toBe(true);
    expect(COMMUNE_PLAN_ADOPTED > DISTRICT_PLAN.adopted.on).toBe(true);
    for (const task of STORY_TASKS) {
      expect(task.assignedOn >= (task.plan === 'DISTRICT' ? DISTRICT_PLAN.adopted.on : COMMUNE_PLAN_ADOPTED)).toBe(true);
      expect(task.deadline > task.assignedOn).toBe(true);
    }
    expect(STORY_TASKS.map((task) => task.deadline.slice(0, 4))).toEqual(['2014', '2015', '2020']);
  });

  it('reports progress after each assignment, rising, and before the district ceased', () => {
    for (const task of STORY_TASKS) {
      for (const reports of Object.values(STORY_REPORTS[task.key])) {
        const dates = reports.map(([on]) => on);
        const completions = reports.map(([, completion]) => completion);
        expect(dates).toEqual([...dates].sort());
        expect(completions).toEqual([...completions].sort((a, b) => a - b));
        expect(dates.every((on) => on > task.assignedOn && on < DISTRICT_ENDED)).toBe(true);
        expect(completions.every((completion) => completion > 0 && completion <= 100)).toBe(true);
      }
    }
  });

  it('gives every indicator one actual per year from 2014 to 2020', () => {
    for (const indicator of [...DISTRICT_INDICATORS, ...STORY_COMMUNES.map(communeIndicator)]) expect(indicator.actuals).toHaveLength(ACTUAL_YEARS.length);
    expect(ACTUAL_YEARS).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
  });

  it('has An Lập lag and its proposal wait for the district before the district ceased', () => {
    expect(paceOf('25801')).toBe('LAGGING');
    expect(paceOf('25789')).toBe('LATE');
    expect(WAITING_PROPOSAL.drafted.on < WAITING_PROPOSAL.submitted.on).toBe(true);
    expect(WAITING_PROPOSAL.submitted.on < DISTRICT_ENDED).toBe(true);
    expect(WAITING_PROPOSAL.positions.reduce((sum, line) => sum + line.count, 0)).toBe(WAITING_PROPOSAL.increase);
  });
});

describe('the roll-up the story implies', () => {
  it('shows the district at the end of 2014: the first tasks done by four communes, overdue in eight', () => {
    expect(storyProgress('720', '2014-12-31')).toEqual({
      plans: 13, tasks: 36, completedTasks: 4, overdueTasks: 8, inProgressTasks: 24, averageCompletion: 23.3, completionRate: 11.1,
      indicators: [
        { name: 'Biên chế giảm so với năm 2013', measure: '%', plans: 1, reporting: 1, target: 10, actual: 1.5, achievedPercent: 15 },
        { name: 'Cán bộ, công chức xã đạt chuẩn', measure: '%', plans: 12, reporting: 12, target: 1200, actual: 828, achievedPercent: 69 },
        { name: 'Xã có Bí thư đồng thời là Chủ tịch Ủy ban nhân dân', measure: 'xã', plans: 1, reporting: 1, target: 4, actual: 3, achievedPercent: 75 },
      ],
    });
  });

  it('shows the district at the end of 2020: all done but the four lagging communes’ standards', () => {
    expect(storyProgress('720', '2020-12-31')).toEqual(expect.objectContaining({
      plans: 13, tasks: 36, completedTasks: 32, overdueTasks: 4, inProgressTasks: 0, averageCompletion: 98.9, completionRate: 88.9,
    }));
    expect(storyProgress('720', '2020-12-31').indicators.map((indicator) => [indicator.actual, indicator.achievedPercent])).toEqual([[10.2, 102], [1160, 96.7], [3, 75]]);
  });

  it('shows An Lập its own plan: in progress in 2014, overdue at 90% in 2020', () => {
    expect(storyProgress('25801', '2014-12-31')).toEqual({
      plans: 1, tasks: 1, completedTasks: 0, overdueTasks: 0, inProgressTasks: 1, averageCompletion: 0, completionRate: 0,
      indicators: [{ name: 'Cán bộ, công chức xã đạt chuẩn', measure: '%', plans: 1, reporting: 1, target: 100, actual: 62, achievedPercent: 62 }],
    });
    expect(storyProgress('25801', '2020-12-31')).toEqual(expect.objectContaining({ tasks: 1, overdueTasks: 1, averageCompletion: 90, completionRate: 0 }));
  });
});
