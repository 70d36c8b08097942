/** The services that each keep a page of an audit trail, in the order the console shows their totals. */
export const AUDIT_SERVICES = ['organization', 'personnel', 'evaluation', 'reform'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

/** One page of one service's audit, as the gateway answers it. */
export interface AuditPageOf<Entry> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  entries: Entry[];
}

/** What the pages read so far give: every entry newest first, the totals, and where each service goes on. */
export interface FollowedTrail<Entry> {
  rows: Array<Entry & { service: AuditService }>;
  total: number;
  next: Partial<Record<AuditService, string>>;
}

/** Joins the pages read of each service: entries newest first, the matching total, each service's next cursor. */
export function followedTrail<Entry extends { id: string; occurredAt: string }>(
  pages: Partial<Record<AuditService, Array<AuditPageOf<Entry>>>>,
): FollowedTrail<Entry> {
  const rows: Array<Entry & { service: AuditService }> = [];
  const next: Partial<Record<AuditService, string>> = {};
  let total = 0;
  for (const service of AUDIT_SERVICES) {
    const read = pages[service] ?? [];
    if (read.length === 0) continue;
    for (const page of read) rows.push(...page.entries.map((entry) => ({ ...entry, service })));
    const last = read[read.length - 1];
    total += last.totalCount;
    if (last.pageInfo.hasNextPage && last.pageInfo.endCursor) next[service] = last.pageInfo.endCursor;
  }
  rows.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || a.service.localeCompare(b.service) || Number(b.id) - Number(a.id));
  return { rows, total, next };
}

/** An instant as read in Vietnam (UTC+7): YYYY-MM-DD HH:mm:ss. */
export function vietnamTime(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return new Date(time + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The day `days` days before `date` (YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
