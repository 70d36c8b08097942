import { taskShares, UNKNOWN_SHARES } from './task.shares';

const task = (expectedQuantity: number, deliveredQuantity: number, late = false) => ({ expectedQuantity, deliveredQuantity, late });

describe('taskShares: what the Party rules read of a year’s tasks', () => {
  it('counts each expected product of each period once: on time, exceeding, late', () => {
    expect(taskShares([task(1, 1), task(2, 3), task(1, 1, true), task(4, 2)])).toEqual({ onTimePercent: 50, exceedingPercent: 25, latePercent: 25 });
  });

  it('is unknown without tasks, so no band condition is taken as met', () => {
    expect(taskShares([])).toEqual(UNKNOWN_SHARES);
  });

  it('rounds to hundredths of a percent', () => {
    expect(taskShares([task(1, 1), task(1, 1), task(1, 0)]).onTimePercent).toBe(66.67);
  });
});
