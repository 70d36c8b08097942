import { reportYear, trendYears } from './report.rules';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('report years', () => {
  it('accepts the years evaluations are kept for, and refuses others', () => {
    expect(reportYear(2025)).toBe(2025);
    expect(() => reportYear(1989)).toThrow(badInput);
  });

  it('spans a trend from its first year to its last, at most thirty years', () => {
    expect(trendYears(2023, 2025)).toEqual([2023, 2024, 2025]);
    expect(() => trendYears(2025, 2024)).toThrow(badInput);
    expect(() => trendYears(1990, 2019)).not.toThrow();
    expect(() => trendYears(1990, 2020)).toThrow(/tối đa 30 năm/);
  });
});
