import { assessDownsizing, candidateStanding, type RuleRow } from './downsizing.rules';

const rules: RuleRow[] = [
  { code: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', kind: 'GROUND', name: 'KHTNV', source: 'Nghị định 154/2025/NĐ-CP, Điều 2', waivedByVolunteering: false },
  { code: 'CHILD_UNDER_36_MONTHS', kind: 'EXCLUSION', name: 'Con dưới 36 tháng', source: 'Nghị định 154/2025/NĐ-CP, Điều 3', waivedByVolunteering: true },
  { code: 'UNDER_INVESTIGATION', kind: 'EXCLUSION', name: 'Đang bị điều tra', source: 'Nghị định 154/2025/NĐ-CP, Điều 3', waivedByVolunteering: false },
];

describe('assessDownsizing', () => {
  it('allows a ground in force when no exclusion applies', () => {
    const assessment = assessDownsizing(rules, 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', new Set(), false);
    expect(assessment.allowed).toBe(true);
    expect(assessment.exclusions.map((finding) => finding.applies)).toEqual([false, false]);
  });

  it('refuses a ground not in force on the date', () => {
    const assessment = assessDownsizing(rules, 'RATED_HTNV_AND_KHTNV_TWO_YEARS', new Set(), false);
    expect(assessment).toMatchObject({ ground: null, allowed: false });
  });

  it('defers a parent of a child under 36 months, unless they volunteer', () => {
    const deferred = assessDownsizing(rules, 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', new Set(['CHILD_UNDER_36_MONTHS']), false);
    expect(deferred.allowed).toBe(false);
    expect(deferred.exclusions[0]).toMatchObject({ applies: true, waived: false, reason: expect.stringContaining('Điều 3') });
    expect(assessDownsizing(rules, 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', new Set(['CHILD_UNDER_36_MONTHS']), true).allowed).toBe(true);
  });

  it('never lets a volunteer waive an investigation', () => {
    const assessment = assessDownsizing(rules, 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', new Set(['UNDER_INVESTIGATION']), true);
    expect(assessment.allowed).toBe(false);
    expect(assessment.exclusions[1]).toMatchObject({ applies: true, waived: false });
  });
});

describe('candidateStanding', () => {
  it('lists a person with no exclusion as a candidate, with none', () => {
    expect(candidateStanding(assessDownsizing(rules, 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', new Set(), false))).toEqual({ status: 'CANDIDATE', exclusions: [] });
  });

  it('lists a parent of a young child as excluded, with only the exclusions that apply and why', () => {
    const standing = candidateStanding(assessDownsizing(rules, 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', new Set(['CHILD_UNDER_36_MONTHS']), false));
    expect(standing.status).toBe('EXCLUDED');
    expect(standing.exclusions).toEqual([expect.objectContaining({ code: 'CHILD_UNDER_36_MONTHS', reason: expect.stringContaining('Con dưới 36 tháng') })]);
  });
});
