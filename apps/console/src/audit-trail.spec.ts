import { daysBefore, followedTrail, vietnamTime } from './audit-trail';

const entry = (id: string, occurredAt: string) => ({ id, occurredAt });

describe('an audit trail read page by page from each service', () => {
  it('joins the services newest first, keeps the same id of two services apart, and sums their totals', () => {
    const trail = followedTrail({
      organization: [{ totalCount: 3, pageInfo: { hasNextPage: true, endCursor: 'org-2' }, entries: [entry('9', '2026-03-02T08:00:00Z'), entry('8', '2026-03-01T08:00:00Z')] }],
      personnel: [{ totalCount: 1, pageInfo: { hasNextPage: false, endCursor: 'per-1' }, entries: [entry('9', '2026-03-01T09:00:00Z')] }],
      reform: [{ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, entries: [] }],
    });
    expect(trail.rows.map((row) => `${row.service}:${row.id}`)).toEqual(['organization:9', 'personnel:9', 'organization:8']);
    expect(trail.total).toBe(4);
    expect(trail.next).toEqual({ organization: 'org-2' });
  });

  it('follows a service to its last page: the total of the last page read, no cursor once it has no next page', () => {
    const trail = followedTrail({
      organization: [
        { totalCount: 3, pageInfo: { hasNextPage: true, endCursor: 'org-2' }, entries: [entry('9', '2026-03-02T08:00:00Z'), entry('8', '2026-03-01T08:00:00Z')] },
        { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: 'org-3' }, entries: [entry('5', '2026-02-01T08:00:00Z')] },
      ],
    });
    expect(trail.rows.map((row) => row.id)).toEqual(['9', '8', '5']);
    expect(trail.total).toBe(3);
    expect(trail.next).toEqual({});
  });

  it('reads instants in Vietnam: 17:00 UTC is midnight of the next day there', () => {
    expect(vietnamTime('2026-12-05T17:00:00.000Z')).toBe('2026-12-06 00:00:00');
    expect(vietnamTime('not a time')).toBe('not a time');
  });

  it('counts days back across months and leap years', () => {
    expect(daysBefore('2024-03-30', 30)).toBe('2024-02-29');
    expect(daysBefore('2026-01-15', 30)).toBe('2025-12-16');
  });
});
