import { performance } from 'node:perf_hooks';
import type { Principal } from '@ps/auth';
import type { DataSource } from 'typeorm';
import { UnitService } from '../src/unit/unit.service';

/** A province admin's subtree as of a date: what UnitService.inForce reads for them. */
export interface SubtreeCase {
  province: string;
  asOf: string;
}

export interface SubtreeResult extends SubtreeCase {
  rows: number;
  millis: number[];
  /** The plan PostgreSQL chose (EXPLAIN ANALYZE) and whether it scans the GiST index on path. */
  plan: string[];
  usesPathIndex: boolean;
}

const provinceAdmin = (unitCode: string): Principal => ({
  userId: 'bench',
  username: 'bench',
  role: 'province-admin',
  tier: 'PROVINCE',
  capability: 'admin',
  unitCode,
  roles: ['province-admin'],
  body: null,
});

/** Times `iterations` reads of each case (after a warm-up) and explains the SQL once. */
export async function benchSubtree(dataSource: DataSource, cases: readonly SubtreeCase[], iterations: number): Promise<SubtreeResult[]> {
  const units = new UnitService(dataSource);
  const results: SubtreeResult[] = [];
  for (const subtree of cases) {
    const query = () => units.inForce(provinceAdmin(subtree.province), subtree.asOf);
    for (let warmUp = 0; warmUp < 10; warmUp += 1) await query().getMany();
    const millis: number[] = [];
    let rows = 0;
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      const started = performance.now();
      rows = (await query().getMany()).length;
      millis.push(performance.now() - started);
    }
    const [sql, parameters] = query().getQueryAndParameters();
    const explained: Array<{ 'QUERY PLAN': string }> = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
    const plan = explained.map((line) => line['QUERY PLAN']);
    results.push({ ...subtree, rows, millis, plan, usesPathIndex: plan.some((line) => line.includes('administrative_unit_path_gist')) });
  }
  return results;
}
