import { RatingLevel } from '../rating/rating.entity';
import { HeadAccountabilityRow, LeaderRating, OrganizationRatingRow, RatingDistribution, RatingReport, UnitRatingRow } from './report.types';

/** Decided evaluations counted per line of the report: which unit line, unit, organization, leader or not, level. */
export interface ReportCount {
  rowCode: string;
  unitCode: string;
  unitName: string;
  organizationId: string;
  /** The organization's name as of the report's date, null while unknown. */
  organizationName: string | null;
  leader: boolean;
  level: RatingLevel;
  count: number;
}

/** A leader's own decided evaluation. */
export interface ReportLeader extends LeaderRating {
  organizationId: string;
}

/** What the report is built from: the unit asked, the units directly below it, the counts and the leaders. */
export interface ReportFacts {
  unit: { code: string; name: string };
  children: ReadonlyArray<{ code: string; name: string }>;
  year: number;
  asOf: string;
  counts: readonly ReportCount[];
  leaders: readonly ReportLeader[];
}

const FIELD = { [RatingLevel.HTXS]: 'excellent', [RatingLevel.HTT]: 'good', [RatingLevel.HTNV]: 'completed', [RatingLevel.KHTNV]: 'notCompleted' } as const;

/** Shares in percent, two decimals (the official tables print them so); 0 when nobody was rated. */
function share(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count * 10000) / total) / 100;
}

/** Counts per level of some counted evaluations, with their shares. */
export function distributionOf(counts: ReadonlyArray<Pick<ReportCount, 'level' | 'count'>>): RatingDistribution {
  const tally = { excellent: 0, good: 0, completed: 0, notCompleted: 0 };
  for (const { level, count } of counts) tally[FIELD[level]] += count;
  const total = tally.excellent + tally.good + tally.completed + tally.notCompleted;
  return Object.assign(new RatingDistribution(), {
    ...tally,
    total,
    excellentShare: share(tally.excellent, total),
    goodShare: share(tally.good, total),
    completedShare: share(tally.completed, total),
    notCompletedShare: share(tally.notCompleted, total),
  });
}

/** The unit's own agencies first, then each unit below it, each line counting everything under it. */
function unitRows({ unit, children, counts }: ReportFacts): UnitRatingRow[] {
  const lines = [{ ...unit, ownAgencies: true }, ...children.map((child) => ({ ...child, ownAgencies: false }))];
  return lines.map(({ code, name, ownAgencies }) =>
    Object.assign(new UnitRatingRow(), { unitCode: code, unitName: name, ownAgencies, ratings: distributionOf(counts.filter((count) => count.rowCode === code)) }),
  );
}

/** Names in Vietnamese order, an organization evaluation knows no name of after the named ones. */
function nameOrder(a: string | null, b: string | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return a.localeCompare(b, 'vi');
}

/** Organizations in the order the tables list them: by unit name, then by name, then by id. */
function organizationOrder(a: ReportCount, b: ReportCount): number {
  return a.unitName.localeCompare(b.unitName, 'vi') || nameOrder(a.organizationName, b.organizationName) || a.organizationId.localeCompare(b.organizationId);
}

/** Counts grouped by organization, in the tables' order. */
function byOrganization(counts: readonly ReportCount[]): Array<[ReportCount, ReportCount[]]> {
  const groups = new Map<string, ReportCount[]>();
  for (const count of counts) groups.set(count.organizationId, [...(groups.get(count.organizationId) ?? []), count]);
  return [...groups.values()]
    .map((group): [ReportCount, ReportCount[]] => [group[0] as ReportCount, group])
    .sort(([a], [b]) => organizationOrder(a, b));
}

function organizationRows(facts: ReportFacts): OrganizationRatingRow[] {
  return byOrganization(facts.counts).map(([{ organizationId, organizationName, unitCode, unitName }, group]) =>
    Object.assign(new OrganizationRatingRow(), { organizationId, organization: { id: organizationId }, organizationName, unitCode, unitName, ratings: distributionOf(group) }),
  );
}

/**
 * The head's accountability, per organization: its leaders' own levels beside the levels of the
 * staff they answer for (leaders left out), flagged when some of the staff did not complete.
 */
function headRows(facts: ReportFacts): HeadAccountabilityRow[] {
  return byOrganization(facts.counts).map(([{ organizationId, organizationName, unitCode, unitName }, group]) => {
    const staff = distributionOf(group.filter((count) => !count.leader));
    const leaders = facts.leaders
      .filter((leader) => leader.organizationId === organizationId)
      .map(({ personId, fullName, titleCode, level }) => Object.assign(new LeaderRating(), { personId, fullName, titleCode, level }));
    return Object.assign(new HeadAccountabilityRow(), {
      organizationId, organization: { id: organizationId }, organizationName, unitCode, unitName, leaders, staff, staffNotCompleted: staff.notCompleted > 0,
    });
  });
}

/** The report's tables from the facts read: per unit, per organization, per head, and totals. */
export function ratingReportOf(facts: ReportFacts): RatingReport {
  return Object.assign(new RatingReport(), {
    unitCode: facts.unit.code,
    unitName: facts.unit.name,
    year: facts.year,
    asOf: facts.asOf,
    units: unitRows(facts),
    organizations: organizationRows(facts),
    heads: headRows(facts),
    total: distributionOf(facts.counts),
  });
}
