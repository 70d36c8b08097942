import { progressLine } from './import.progress';

describe('progressLine', () => {
  it('draws the share done as a bar of 30, with the figures', () => {
    expect(progressLine({ stage: 'written', done: 45_000, total: 100_000 })).toBe(`Ghi / written        [${'#'.repeat(14)}${'-'.repeat(16)}] 45,000/100,000`);
    expect(progressLine({ stage: 'validated', done: 3, total: 3 })).toBe(`Kiểm tra / validated [${'#'.repeat(30)}] 3/3`);
  });
});
