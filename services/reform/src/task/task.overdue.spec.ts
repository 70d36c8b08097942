import { TaskStanding, taskStanding } from './task.overdue';

describe('a task’s standing on a date', () => {
  const task = { deadline: '2015-06-30', completion: 40 };

  it('is in progress up to and on its deadline', () => {
    expect(taskStanding(task, '2014-12-31')).toBe(TaskStanding.IN_PROGRESS);
    expect(taskStanding(task, '2015-06-30')).toBe(TaskStanding.IN_PROGRESS);
  });

  it('is overdue from the day after its deadline while not complete', () => {
    expect(taskStanding(task, '2015-07-01')).toBe(TaskStanding.OVERDUE);
    expect(taskStanding({ ...task, completion: 99 }, '2020-12-31')).toBe(TaskStanding.OVERDUE);
  });

  it('is completed at 100%, whatever the date', () => {
    expect(taskStanding({ ...task, completion: 100 }, '2014-01-01')).toBe(TaskStanding.COMPLETED);
    expect(taskStanding({ ...task, completion: 100 }, '2020-12-31')).toBe(TaskStanding.COMPLETED);
  });
});
