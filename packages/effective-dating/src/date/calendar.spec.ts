import { addMonths } from './calendar';

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 36, '2027-01-31'],
    ['2024-02-29', 36, '2027-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-11-15', 2, '2025-01-15'],
    ['2025-01-15', -2, '2024-11-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
