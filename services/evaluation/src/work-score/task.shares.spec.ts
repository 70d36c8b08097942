import { taskShares, UNKNOWN_SHARES } from './task.shares';

const task = (expectedQuantity: number, deliveredQuantity: number, late = false) => ({ expectedQuantity, deliveredQuantity, late });

describe('taskShares: what the Party rules read of a year’s tasks', () => {
  it('counts each expected product of each period once: delivered by its deadline (however much), exceeding, late; one not delivered is not on time', () => {
    expect(taskShares([task(1, 1), task(2, 3), task(1, 1, true), task(4, 2), task(3, 0)])).toEqual({ onTimePercent: 60, exceedingPercent: 20, latePercent: 20 });
  });

  it('is unknown without tasks, so no band condition is taken as met', () => {
    expect(taskShares([])).toEqual(UNKNOWN_SHARES);
  });

  it('rounds to hundredths of a percent', () => {
    expect(taskShares([task(1, 1), task(1, 1), task(1, 0)]).onTimePercent).toBe(66.67);
  });
});
