import { reassigned } from './task.rules';

describe('the organizations of a task once one has passed to a successor', () => {
  const [closed, successor, other] = ['closed', 'successor', 'other'];

  it('puts the successor in the closed organization’s place', () => {
    expect(reassigned([other, closed], closed, successor)).toEqual([other, successor]);
  });

  it('names the successor once when it was already assigned', () => {
    expect(reassigned([successor, closed, other], closed, successor)).toEqual([successor, other]);
  });

  it('leaves a task without the closed organization as it was', () => {
    expect(reassigned([other], closed, successor)).toEqual([other]);
  });
});
