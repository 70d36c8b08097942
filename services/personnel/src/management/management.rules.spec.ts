import { isInForce } from '@ps/effective-dating';
import { PersonnelCategory } from '../person/person.kinds';
import { SubjectKind } from './management.kinds';
import { MIGRATED_RULES } from '../migrations/1733410000000-added-management-rules';
import { MANAGEMENT_RULES as FIRST_RULES, rulesInForce, TITLE_MANAGEMENT_RULES, type ManagedSubject } from './management.rules';

/** Every rule the migrations insert, as the table holds them. */
const MANAGEMENT_RULES = [...FIRST_RULES, ...TITLE_MANAGEMENT_RULES, ...MIGRATED_RULES];

const person = (category: PersonnelCategory, tier: ManagedSubject['tier']): ManagedSubject => ({
  subjects: [{ kind: SubjectKind.CATEGORY, code: category }],
  tier,
});
const managers = (subject: ManagedSubject, date: string) =>
  rulesInForce(MANAGEMENT_RULES, subject, date).map((rule) => `${rule.managingTier} ${rule.body} (${rule.code})`);

describe('management decentralisation by date', () => {
  it.each([
    ['2019-05-01', PersonnelCategory.CADRE, 'COMMUNE', ['DISTRICT ORGANIZATION_BOARD (QD105-COMMUNE-CADRE)']],
    ['2022-08-17', PersonnelCategory.CADRE, 'COMMUNE', ['DISTRICT ORGANIZATION_BOARD (QD105-COMMUNE-CADRE)']],
    ['2022-08-18', PersonnelCategory.CADRE, 'COMMUNE', ['DISTRICT ORGANIZATION_BOARD (QD80-COMMUNE-CADRE)']],
    ['2025-06-30', PersonnelCategory.CADRE, 'COMMUNE', ['DISTRICT ORGANIZATION_BOARD (QD80-COMMUNE-CADRE)']],
    ['2025-07-01', PersonnelCategory.CADRE, 'COMMUNE', ['PROVINCE ORGANIZATION_BOARD (QD80-2025-COMMUNE-CADRE)']],
    ['2025-10-08', PersonnelCategory.CADRE, 'COMMUNE', ['PROVINCE ORGANIZATION_BOARD (QD377-COMMUNE-CADRE)']],
    ['2025-01-02', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', ['DISTRICT HOME_AFFAIRS (ND33-COMMUNE-CIVIL-SERVANT)']],
    ['2025-07-01', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', ['PROVINCE HOME_AFFAIRS (LAW2025-COMMUNE-CIVIL-SERVANT)']],
    ['2025-01-02', PersonnelCategory.CADRE, 'DISTRICT', ['PROVINCE ORGANIZATION_BOARD (QD80-DISTRICT-CADRE)']],
    ['2025-01-02', PersonnelCategory.CIVIL_SERVANT, 'DISTRICT', ['DISTRICT HOME_AFFAIRS (ND138-DISTRICT-CIVIL-SERVANT)']],
    ['2025-07-01', PersonnelCategory.CADRE, 'DISTRICT', []],
    ['2013-09-16', PersonnelCategory.CADRE, 'COMMUNE', ['DISTRICT ORGANIZATION_BOARD (QD67-COMMUNE-CADRE)']],
    ['2012-07-03', PersonnelCategory.CADRE, 'COMMUNE', ['DISTRICT ORGANIZATION_BOARD (HISTORY-QD67-COMMUNE-CADRE)']],
    ['1999-01-01', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', ['DISTRICT HOME_AFFAIRS (HISTORY-ND112-COMMUNE-CIVIL-SERVANT)']],
    ['1999-01-01', PersonnelCategory.PUBLIC_EMPLOYEE, 'PROVINCE', ['PROVINCE HOME_AFFAIRS (HISTORY-ND29-2012-PROVINCE-PUBLIC-EMPLOYEE)']],
    ['2015-01-02', PersonnelCategory.CIVIL_SERVANT, 'COMMUNE', ['DISTRICT HOME_AFFAIRS (ND112-COMMUNE-CIVIL-SERVANT)']],
    ['2015-01-02', PersonnelCategory.CIVIL_SERVANT, 'DISTRICT', ['DISTRICT HOME_AFFAIRS (ND24-DISTRICT-CIVIL-SERVANT)']],
    ['2025-01-02', PersonnelCategory.PUBLIC_EMPLOYEE, 'COMMUNE', ['DISTRICT HOME_AFFAIRS (ND115-COMMUNE-PUBLIC-EMPLOYEE)']],
    ['2026-01-02', PersonnelCategory.PUBLIC_EMPLOYEE, 'COMMUNE', ['PROVINCE HOME_AFFAIRS (ND115-2025-COMMUNE-PUBLIC-EMPLOYEE)']],
    ['2025-01-02', PersonnelCategory.WORKER, 'DISTRICT', ['DISTRICT HOME_AFFAIRS (ND111-DISTRICT-WORKER)']],
    ['2024-01-02', PersonnelCategory.COMMUNE_NON_PROFESSIONAL, 'COMMUNE', ['DISTRICT HOME_AFFAIRS (ND33-COMMUNE-NON-PROFESSIONAL)']],
    ['2026-01-02', PersonnelCategory.COMMUNE_NON_PROFESSIONAL, 'COMMUNE', []],
  ] as const)('on %s a %s of a %s unit is managed by %j', (date, category, tier, expected) => {
    expect(managers(person(category, tier), date)).toEqual(expected);
  });

  it('matches a title rule only to a person holding the title', () => {
    const titled = [...MANAGEMENT_RULES, { ...MANAGEMENT_RULES[2], code: 'TITLE-RULE', subjectKind: SubjectKind.TITLE, subjectCode: 'BI_THU_XA' }];
    const secretary: ManagedSubject = { tier: 'COMMUNE', subjects: [{ kind: SubjectKind.TITLE, code: 'BI_THU_XA' }] };
    expect(rulesInForce(titled, secretary, '2024-01-01').map((rule) => rule.code)).toEqual(['TITLE-RULE']);
    expect(rulesInForce(titled, person(PersonnelCategory.CADRE, 'COMMUNE'), '2024-01-01').map((rule) => rule.code)).toEqual(['QD80-COMMUNE-CADRE']);
  });

  it('leaves no gap and no overlap between the successive rules of one subject, tier and body', () => {
    const chains = new Map<string, typeof MANAGEMENT_RULES[number][]>();
    for (const rule of MANAGEMENT_RULES) {
      const key = `${rule.subjectKind}/${rule.subjectCode}/${rule.personTier}/${rule.body}`;
      chains.set(key, [...(chains.get(key) ?? []), rule]);
    }
    for (const chain of chains.values()) {
      const sorted = [...chain].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      sorted.slice(1).forEach((rule, index) => expect(rule.validFrom).toBe(sorted[index].validTo));
    }
    expect(chains.size).toBeGreaterThan(4);
  });

  it('names a manager for every category of the e-file at every tier it existed, from 1945 until the district tier ended', () => {
    const tiers = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
    const covered = [PersonnelCategory.CADRE, PersonnelCategory.CIVIL_SERVANT, PersonnelCategory.PUBLIC_EMPLOYEE].flatMap((category) =>
      tiers.filter((tier) => !(category === PersonnelCategory.CADRE && tier === 'PROVINCE')).map((tier) => [category, tier] as const),
    );
    for (const date of ['1990-01-02', '2013-01-02', '2021-01-02', '2025-06-30'])
      for (const [category, tier] of covered) expect({ date, category, tier, managers: managers(person(category, tier), date).length }).toEqual({ date, category, tier, managers: 1 });
  });

  it('gives every rule a source, a managing tier at or above the person’s, and a real period', () => {
    const rank = ['NATIONAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'];
    for (const rule of MANAGEMENT_RULES) {
      expect(rule.source.document).toMatch(rule.code.startsWith('HISTORY-') ? /^Quy ước của hệ thống .*không phải văn bản pháp luật/ : /^(Quy định|Nghị định|Luật) /);
      expect(rule.source.article.length).toBeGreaterThan(10);
      expect(rank.indexOf(rule.managingTier)).toBeLessThanOrEqual(rank.indexOf(rule.personTier));
      expect(rule.validTo === null || rule.validTo > rule.validFrom).toBe(true);
      expect(isInForce(rule, rule.validFrom)).toBe(true);
    }
    expect(new Set(MANAGEMENT_RULES.map((rule) => rule.code)).size).toBe(MANAGEMENT_RULES.length);
  });
});
