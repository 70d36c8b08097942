import { restructuringChange } from './restructuring.change';

describe('the change a followed restructuring is recorded on', () => {
  const decision = { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };

  it('cites the restructuring’s own reason and decision', () => {
    expect(restructuringChange({ effectiveDate: '2025-07-01', reason: ' Sắp xếp ', decision }, '2026-01-01')).toEqual({
      effectiveDate: '2025-07-01', reason: 'Sắp xếp', decision,
    });
  });

  it('marks a placeholder decision, dated on the effective date, when none is cited', () => {
    const change = restructuringChange({ effectiveDate: '2025-07-01', reason: null, decision: null }, '2026-01-01');
    expect(change.decision).toMatchObject({ number: 'KHONG-RO-QUYET-DINH', date: '2025-07-01' });
    expect(change.reason).toContain('Sắp xếp đơn vị hành chính');
  });

  it('never dates the placeholder after today (a decision cannot be in the future)', () => {
    expect(restructuringChange({ effectiveDate: '2027-01-01', reason: '', decision: null }, '2026-12-05').decision.date).toBe('2026-12-05');
  });
});
