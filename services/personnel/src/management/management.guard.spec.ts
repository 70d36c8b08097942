import type { Principal } from '@ps/auth';
import { actsFor, NotManagingError } from './management.guard';

const principal = (over: Partial<Principal>): Principal => ({
  subject: 'u', username: 'tochuc.dautieng', tier: 'DISTRICT', capability: 'officer', unitCode: '720', roles: [], body: 'ORGANIZATION_BOARD', ...over,
}) as Principal;
const board = { body: 'ORGANIZATION_BOARD', tier: 'DISTRICT', unitCode: '720' } as const;

describe('acting for a managing body', () => {
  it('is the officer or admin of that body, tier and unit', () => {
    expect(actsFor(principal({}), board)).toBe(true);
    expect(actsFor(principal({ capability: 'admin' }), board)).toBe(true);
  });

  it.each([
    ['a viewer of the body', { capability: 'viewer' as const }],
    ['a recorder', { capability: 'recorder' as const }],
    ['an officer in no body', { body: null }],
    ['the other body', { body: 'HOME_AFFAIRS' as const }],
    ['the body of another district', { unitCode: '721' }],
    ['the body of the province above', { tier: 'PROVINCE' as const, unitCode: '74' }],
  ])('is not %s', (_case, over) => {
    expect(actsFor(principal(over), board)).toBe(false);
  });
});

describe('NotManagingError', () => {
  it('names who manages the person, Vietnamese first, with the rule in the details', () => {
    const error = new NotManagingError({ personId: 'p1' }, '2024-01-02', [{ ...board, unitName: 'Huyện Dầu Tiếng', ruleCode: 'QD80-COMMUNE-CADRE' }]);
    expect(error.message).toMatch(/^Người này không thuộc diện bạn quản lý vào ngày 2024-01-02; theo phân cấp quản lý, Ban Tổ chức – Huyện Dầu Tiếng quản lý \/ You do not manage/);
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'NOT_MANAGING_BODY', personId: 'p1', date: '2024-01-02', managedBy: [{ body: 'ORGANIZATION_BOARD', unitCode: '720', ruleCode: 'QD80-COMMUNE-CADRE' }] },
    });
  });

  it('says that nobody manages the person when no rule names anyone', () => {
    const error = new NotManagingError({ row: '7' }, '2026-01-02', []);
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NO_MANAGING_BODY', row: '7', managedBy: [] } });
    expect(error.message).toMatch(/^Chưa có quy định phân cấp nào giao quản lý người này vào ngày 2026-01-02/);
  });
});
