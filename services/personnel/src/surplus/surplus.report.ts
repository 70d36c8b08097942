import type { Principal } from '@ps/auth';
import { dayBefore, inForceOn } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { surplusOf, type ReductionRule } from './surplus.rules';
import type { SurplusLine, SurplusPredecessor, TitleHolders } from './surplus.type';

interface Row {
  organizationId: string;
  organizationName: string;
  kind: string;
  predecessors: SurplusPredecessor[];
  quota: number | null;
  headcountBefore: number;
  headcountAfter: number;
  titles: TitleHolders[] | null;
}

const PRIMARY_HEADS = (organizations: string, date: string) =>
  `(SELECT count(DISTINCT a.person_id)::int FROM assignment a WHERE a.organization_id = ANY(${organizations}) AND NOT a.concurrent AND ${inForceOn('a', date)})`;

/**
 * The surplus a restructuring left in a unit and below: for each organization that received
 * others' members and staff on the date, its quota then, the headcount of all of them the day
 * before and of the successor that day, what is over the quota, the reduction the rule in force
 * requires and the holders per title. One statement for the lines, cut to the caller's territory.
 */
export async function restructuringSurplus(dataSource: DataSource, principal: Principal, unitCode: string, date: string): Promise<SurplusLine[]> {
  const unit = await territoryGuard.unitWithin(dataSource.manager, principal, unitCode, date);
  const rows: Row[] = await dataSource.query(
    `WITH received AS (
       SELECT successor_id, array_agg(organization_id) AS predecessor_ids FROM organization_succession WHERE effective_date = $1 GROUP BY successor_id
     ), line AS (
       SELECT o.id, o.name, o.kind, r.predecessor_ids
         FROM received r
         JOIN organization o ON o.id = r.successor_id AND ${inForceOn('o', '$1')}
         JOIN territory_unit tu ON tu.code = o.unit_code AND ${inForceOn('tu', '$1')}
        WHERE tu.path <@ $3::ltree
     )
     SELECT l.id AS "organizationId", l.name AS "organizationName", l.kind,
            (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name), '[]') FROM organization p
              WHERE p.id = ANY(l.predecessor_ids) AND ${inForceOn('p', '$2')}) AS predecessors,
            (SELECT q.amount FROM organization_quota q WHERE q.organization_id = l.id AND ${inForceOn('q', '$1')}) AS quota,
            ${PRIMARY_HEADS('l.predecessor_ids || l.id', '$2')} AS "headcountBefore",
            ${PRIMARY_HEADS('ARRAY[l.id]', '$1')} AS "headcountAfter",
            (SELECT json_agg(json_build_object('titleCode', t.title_code, 'holders', t.holders) ORDER BY t.title_code)
               FROM (SELECT a.title_code, count(*)::int AS holders FROM assignment a WHERE a.organization_id = l.id AND ${inForceOn('a', '$1')} GROUP BY 1) t) AS titles
       FROM line l ORDER BY l.name`,
    [date, dayBefore(date), unit.path],
  );
  const rule = await reductionRuleOn(dataSource, date);
  return rows.map((row) => {
    const figures = surplusOf(row, date, rule);
    const reduction = rule && figures.targetHeadcount !== null && figures.toShed !== null && figures.dueBy
      ? { headcount: figures.targetHeadcount, toShed: figures.toShed, dueBy: figures.dueBy, source: rule.source }
      : null;
    return { ...row, titles: row.titles ?? [], surplus: figures.surplus, reduction };
  });
}

async function reductionRuleOn(dataSource: DataSource, date: string): Promise<ReductionRule | null> {
  const [rule]: ReductionRule[] = await dataSource.query(
    `SELECT reduction_percent AS "reductionPercent", within_months AS "withinMonths", source FROM headcount_reduction_rule WHERE ${inForceOn('', '$1')}`,
    [date],
  );
  return rule ?? null;
}
