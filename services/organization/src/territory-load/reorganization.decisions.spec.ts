import { decisionFor, REORGANIZATION_DECISIONS, type DecisionRule } from './reorganization.decisions';

const ON = '2025-07-01';

describe('decisionFor', () => {
  it('cites the National Assembly for provinces and for the end of the district tier, in every province', () => {
    expect(decisionFor('PROVINCE_ARRANGEMENT', '01', ON)).toMatchObject({ number: '202/2025/QH15', date: '2025-06-12', issuer: 'NATIONAL_ASSEMBLY', placeholder: false });
    expect(decisionFor('DISTRICT_TIER_ABOLITION', '79', ON)).toMatchObject({ number: '203/2025/QH15', date: '2025-06-16', issuer: 'NATIONAL_ASSEMBLY' });
  });

  it('cites the Standing Committee’s resolution for Hồ Chí Minh City’s communes', () => {
    expect(decisionFor('COMMUNE_ARRANGEMENT', '79', ON)).toMatchObject({
      number: '1685/NQ-UBTVQH15',
      date: '2025-06-16',
      issuer: 'NA_STANDING_COMMITTEE',
      placeholder: false,
    });
  });

  it('marks the commune resolution of a province the data has no number for as a placeholder, one per province', () => {
    const hue = decisionFor('COMMUNE_ARRANGEMENT', '46', ON);
    expect(hue).toMatchObject({ issuer: 'NA_STANDING_COMMITTEE', placeholder: true, number: 'CHUA-RO-SO-46/NQ-UBTVQH15' });
    expect(decisionFor('COMMUNE_ARRANGEMENT', '48', ON)?.number).not.toBe(hue?.number);
  });

  it('applies a rule only in its period: before 1 July 2025 no 2025 resolution governs', () => {
    expect(decisionFor('PROVINCE_ARRANGEMENT', '79', '2025-06-30')).toBeNull();
    expect(decisionFor('COMMUNE_ARRANGEMENT', '46', '2025-06-30')).toBeNull();
  });

  it('prefers a province’s own rule to a nationwide one', () => {
    const own: DecisionRule = { ...REORGANIZATION_DECISIONS[0], provinceCode: '79', decision: { ...REORGANIZATION_DECISIONS[0].decision, number: 'X/2025/QH15' } };
    expect(decisionFor('PROVINCE_ARRANGEMENT', '79', ON, [...REORGANIZATION_DECISIONS, own])?.number).toBe('X/2025/QH15');
    expect(decisionFor('PROVINCE_ARRANGEMENT', '01', ON, [...REORGANIZATION_DECISIONS, own])?.number).toBe('202/2025/QH15');
  });
});
