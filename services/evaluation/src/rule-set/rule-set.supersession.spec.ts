import { supersession } from './rule-set.supersession';

const decree335 = { code: 'ND335-2025-CIVIL_SERVANT', appliesTo: 'CIVIL_SERVANT', validFrom: '2026-01-01', validTo: null };
const next = { code: 'ND999-2031-CIVIL_SERVANT', appliesTo: 'CIVIL_SERVANT', validFrom: '2031-01-01', validTo: null };
const reasons = (result: ReturnType<typeof supersession>) => result.contradictions.map((found) => found.reason);

describe('supersession', () => {
  it('ends the superseded set on the new one’s first day, keeping its old end for the audit row', () => {
    expect(supersession(decree335.code, next, [decree335]).change).toEqual({
      superseded: { ...decree335, validTo: '2031-01-01' }, endedOn: '2031-01-01', previousValidTo: null,
    });
  });

  it('changes nothing when the new set supersedes nothing', () => {
    expect(supersession(null, next, [decree335])).toEqual({ change: null, contradictions: [] });
  });

  it('refuses an unknown set, one of another subject, and one starting on or after the new one', () => {
    expect(reasons(supersession('ND1-2000-CIVIL_SERVANT', next, [decree335]))).toEqual(['SUPERSEDED_UNKNOWN']);
    expect(reasons(supersession(decree335.code, { ...next, appliesTo: 'PUBLIC_EMPLOYEE' }, [decree335]))).toEqual(['SUPERSEDED_UNKNOWN']);
    expect(reasons(supersession(decree335.code, { ...next, validFrom: '2026-01-01' }, [decree335]))).toEqual(['SUPERSEDED_STARTS_LATER']);
  });
});
