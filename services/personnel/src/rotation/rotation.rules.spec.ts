import type { CadreRule } from '../rules/cadre-rule';
import type { Retirement } from '../retirement/retirement-age.rules';
import { rotationBreaches, type RotationContext } from './rotation.rules';

const rule = (code: string, amount: number | null): CadreRule => ({
  code, qualifier: '', amount, validFrom: '2022-04-28', validTo: null, source: 'Quy định 65-QĐ/TW', article: 'Điều 4',
});
const REG_65 = [rule('ROTATION_MIN_MONTHS', 36), rule('ROTATION_PLANNED_ONLY', null), rule('ROTATION_TITLE_IN_CATALOGUE', null), rule('ROTATION_YEARS_LEFT', 10)];
const retiringOn = (date: string): Retirement => ({ date, ageMonths: 744, age: { vi: '62 năm', en: '62 years' }, rule: {} as Retirement['rule'] });
const planned = [{ titleCode: 'DISTRICT_COMMITTEE_CHAIR', unitCode: '720', termStart: 2025, termEnd: 2030 }];
const context = (over: Partial<RotationContext> = {}): RotationContext => ({
  startsOn: '2024-01-01', plannedEndOn: '2027-01-01', planned, retirement: retiringOn('2047-06-30'), titleCode: 'COMMUNE_PARTY_SECRETARY', titleInCatalogue: true, ...over,
});
const codes = (over: Partial<RotationContext>) => rotationBreaches(REG_65, context(over)).map((breach) => breach.rule.code);

describe('rotation rules', () => {
  it('lets a planned young cadre go for 36 months', () => {
    expect(rotationBreaches(REG_65, context())).toEqual([]);
  });

  it('rotates only cadres on a planning list', () => {
    const [breach] = rotationBreaches(REG_65, context({ planned: [] }));
    expect(breach).toMatchObject({ rule: { code: 'ROTATION_PLANNED_ONLY', source: 'Quy định 65-QĐ/TW' } });
    expect(breach?.reason.vi).toContain('đã trong quy hoạch');
  });

  it('needs ten years of work left before retirement age', () => {
    expect(codes({ retirement: retiringOn('2034-01-01') })).toEqual([]);
    expect(rotationBreaches(REG_65, context({ retirement: retiringOn('2033-12-31') }))).toMatchObject([
      { rule: { code: 'ROTATION_YEARS_LEFT' }, facts: { requiredYears: 10, monthsLeft: 119 } },
    ]);
    expect(codes({ retirement: null })).toEqual(['ROTATION_YEARS_LEFT']);
  });

  it('lasts at least 36 months', () => {
    expect(rotationBreaches(REG_65, context({ plannedEndOn: '2026-12-31' }))).toMatchObject([
      { rule: { code: 'ROTATION_MIN_MONTHS' }, facts: { months: 35 } },
    ]);
  });

  it('creates no title: the destination title must be in the catalogue', () => {
    expect(codes({ titleInCatalogue: false })).toEqual(['ROTATION_TITLE_IN_CATALOGUE']);
  });

  it('names every rule broken, in the set’s order', () => {
    expect(codes({ planned: [], plannedEndOn: '2025-01-01' })).toEqual(['ROTATION_MIN_MONTHS', 'ROTATION_PLANNED_ONLY']);
  });
});
