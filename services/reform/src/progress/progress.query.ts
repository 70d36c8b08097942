import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import type { ProgressRow } from './progress.rollup';

/** How far a plan follows its unit's successions (a commune merged, its successor merged again…). */
const MAX_SUCCESSIONS = 16;

/**
 * Each plan in force on :asOf with the path, that day, of the unit it counts under: its own unit,
 * or, once that unit was merged away, the successor it passed to (followed through later mergers),
 * kept only inside the caller's territory on :asOf.
 */
function placedPlans(principal: Principal): { sql: string; parameters: Record<string, string> } {
  const { table, codeColumn, pathColumn } = territoryGuard.source;
  const guard = territoryGuard.conditionAt(principal, 'placed_plan.path', ':asOf', 'progressScope');
  return {
    sql: `
    lineage (plan_id, code, since, hops) AS (
      -- A plan follows its unit's successions itself (a new version under the successor); the lineage
      -- still places one the follower has not reached. Only successions after the version began
      -- apply: a version already under the successor, or at a unit re-established, stays put.
      SELECT plan.id, plan.unit_code, plan.valid_from, 0 FROM reform_plan plan WHERE ${inForceOn('plan', ':asOf')}
      UNION ALL
      -- each succession after the one before it: a unit re-established later does not send the plan back
      SELECT lineage.plan_id, succession.successor_code, succession.effective_date, lineage.hops + 1
        FROM lineage JOIN reform_unit_succession succession
          ON succession.predecessor_code = lineage.code AND succession.effective_date <= :asOf
         AND succession.effective_date > lineage.since
       WHERE lineage.hops < ${MAX_SUCCESSIONS}
    ),
    last_place AS (
      SELECT DISTINCT ON (lineage.plan_id) lineage.plan_id, lineage.code FROM lineage ORDER BY lineage.plan_id, lineage.hops DESC
    ),
    placed_plan AS (
      SELECT last_place.plan_id, place.${pathColumn} AS path
        FROM last_place JOIN ${table} place ON place.${codeColumn} = last_place.code AND ${inForceOn('place', ':asOf')}
    ),
    visible_plan AS (SELECT placed_plan.* FROM placed_plan WHERE ${guard.sql})`,
    parameters: guard.parameters,
  };
}

/** The tasks of `scoped_task` (key, task) as rows: deadline and the completion last reported by :asOf (0 before any). */
const TASK_ROWS = `
  SELECT scoped_task.key, 'TASK' AS kind, scoped_task.deadline::text AS deadline, coalesce(latest.completion, 0) AS completion,
         NULL AS name, NULL AS measure, NULL::numeric AS target, NULL::numeric AS actual
    FROM scoped_task
    LEFT JOIN LATERAL (
      SELECT report.completion FROM reform_task_progress report
       WHERE report.task_id = scoped_task.id AND ${inForceOn('report', ':asOf')}
       ORDER BY report.valid_from DESC, report.created_at DESC LIMIT 1) latest ON TRUE`;

/** The plans of `scoped` (key, plan_id) as rows. */
const PLAN_ROWS = `SELECT scoped.key, 'PLAN', NULL, NULL::int, NULL, NULL, NULL::numeric, NULL::numeric FROM (SELECT DISTINCT key, plan_id FROM scoped) scoped`;

/** The indicators of the plans of `scoped` with the actual of their latest period ended by :asOf. */
const INDICATOR_ROWS = `
  SELECT scoped.key, 'INDICATOR', NULL, NULL::int, indicator.name, indicator.measure, indicator.target, latest.actual
    FROM scoped JOIN reform_indicator indicator ON indicator.plan_id = scoped.plan_id AND ${inForceOn('indicator', ':asOf')}
    LEFT JOIN LATERAL (
      SELECT actual.actual FROM reform_indicator_actual actual
       WHERE actual.indicator_id = indicator.id AND ${inForceOn('actual', ':asOf')}
       ORDER BY actual.period_to DESC, actual.valid_from DESC LIMIT 1) latest ON TRUE`;

interface RawRow {
  key: string;
  kind: ProgressRow['kind'];
  deadline: string | null;
  completion: number | null;
  name: string | null;
  measure: string | null;
  target: string | null;
  actual: string | null;
}

/** Reads the rows counted under each key in one statement. */
async function rowsByKey(dataSource: DataSource, sql: string, parameters: Record<string, unknown>): Promise<Map<string, ProgressRow[]>> {
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
  const raw: RawRow[] = await dataSource.query(query, values);
  const byKey = new Map<string, ProgressRow[]>();
  for (const row of raw) byKey.set(row.key, [...(byKey.get(row.key) ?? []), toRow(row)]);
  return byKey;
}

function toRow(row: RawRow): ProgressRow {
  if (row.kind === 'TASK') return { kind: 'TASK', deadline: row.deadline ?? '', completion: Number(row.completion) };
  if (row.kind === 'INDICATOR') {
    return { kind: 'INDICATOR', name: row.name ?? '', measure: row.measure ?? '', target: Number(row.target), actual: row.actual === null ? null : Number(row.actual) };
  }
  return { kind: 'PLAN' };
}

/**
 * Plans, tasks and indicators counted under each unit on `asOf`: every plan whose unit (or its
 * successor after a merger) lay at or below the unit that day, which is the tier structure of the
 * day (commune → district → province before 1 July 2025, commune → province after), cut to the
 * caller's territory. One statement for the batch.
 */
export function unitProgressRows(dataSource: DataSource, principal: Principal, unitCodes: readonly string[], asOf: string) {
  const { table, codeColumn, pathColumn } = territoryGuard.source;
  const placed = placedPlans(principal);
  const sql = `
    WITH RECURSIVE ${placed.sql},
    scoped AS (
      SELECT target.${codeColumn} AS key, visible_plan.plan_id FROM visible_plan
        JOIN ${table} target ON target.${codeColumn} IN (:...keys) AND ${inForceOn('target', ':asOf')} AND visible_plan.path <@ target.${pathColumn}
    ),
    scoped_task AS (
      SELECT scoped.key, task.id, task.deadline FROM scoped
        JOIN reform_task task ON task.plan_id = scoped.plan_id AND ${inForceOn('task', ':asOf')}
    )
    ${TASK_ROWS} UNION ALL ${PLAN_ROWS} UNION ALL ${INDICATOR_ROWS}`;
  return rowsByKey(dataSource, sql, { ...placed.parameters, keys: [...unitCodes], asOf });
}

/** Plans and tasks assigned to each organization on `asOf`, of plans inside the caller's territory then. One statement for the batch. */
export function organizationProgressRows(dataSource: DataSource, principal: Principal, organizationIds: readonly string[], asOf: string) {
  const placed = placedPlans(principal);
  const sql = `
    WITH RECURSIVE ${placed.sql},
    scoped_task AS (
      SELECT assigned.organization_id::text AS key, task.id, task.deadline, task.plan_id FROM visible_plan
        JOIN reform_task task ON task.plan_id = visible_plan.plan_id AND ${inForceOn('task', ':asOf')}
        JOIN LATERAL unnest(task.organization_ids) AS assigned(organization_id) ON assigned.organization_id::text IN (:...keys)
    ),
    scoped AS (SELECT scoped_task.key, scoped_task.plan_id FROM scoped_task)
    ${TASK_ROWS} UNION ALL ${PLAN_ROWS}`;
  return rowsByKey(dataSource, sql, { ...placed.parameters, keys: [...organizationIds], asOf });
}
