import { rollUp, type ProgressRow } from './progress.rollup';

describe('the roll-up of a unit’s plans', () => {
  const rows: ProgressRow[] = [
    { kind: 'PLAN' },
    { kind: 'PLAN' },
    { kind: 'TASK', deadline: '2015-12-31', completion: 100 },
    { kind: 'TASK', deadline: '2014-06-30', completion: 50 },
    { kind: 'TASK', deadline: '2016-12-31', completion: 0 },
    { kind: 'INDICATOR', name: 'Cán bộ đạt chuẩn', measure: '%', target: 100, actual: 80 },
    { kind: 'INDICATOR', name: 'Cán bộ đạt chuẩn', measure: '%', target: 100, actual: null },
    { kind: 'INDICATOR', name: 'Biên chế giảm', measure: 'người', target: 4, actual: 5 },
  ];

  it('counts tasks by standing on the date, with the mean completion and the completed share', () => {
    expect(rollUp(rows, '2014-12-31')).toMatchObject({
      plans: 2, tasks: 3, completedTasks: 1, overdueTasks: 1, inProgressTasks: 1, averageCompletion: 50, completionRate: 33.3,
    });
    expect(rollUp(rows, '2017-01-01')).toMatchObject({ completedTasks: 1, overdueTasks: 2, inProgressTasks: 0 });
  });

  it('sums indicators of one name and measure, counting who reported', () => {
    expect(rollUp(rows, '2014-12-31').indicators).toEqual([
      { name: 'Biên chế giảm', measure: 'người', plans: 1, reporting: 1, target: 4, actual: 5, achievedPercent: 125 },
      { name: 'Cán bộ đạt chuẩn', measure: '%', plans: 2, reporting: 1, target: 200, actual: 80, achievedPercent: 40 },
    ]);
  });

  it('answers nulls, not zeros, for shares of nothing', () => {
    expect(rollUp([{ kind: 'INDICATOR', name: 'x', measure: '%', target: 0, actual: 3 }], '2020-01-01')).toMatchObject({
      plans: 0, tasks: 0, averageCompletion: null, completionRate: null, indicators: [{ achievedPercent: null }],
    });
  });
});
