import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** One person's evaluation as the workflow leaves it: decided by the head on `decidedOn`, or still open. */
export interface EvaluationFixture {
  fullName: string;
  unitCode: string;
  organizationId: string;
  year: number;
  level: 'HTXS' | 'HTT' | 'HTNV' | 'KHTNV' | null;
  leader?: boolean;
  decidedOn?: string;
  titleCode?: string;
  personId?: string;
}

/**
 * Inserts evaluations shaped as the migration requires: a decided one with its level, decision
 * date, revision 1 and the head's decision step; an undecided one PROPOSED, with no level.
 */
export async function insertEvaluations(dataSource: DataSource, fixtures: readonly EvaluationFixture[]): Promise<string[]> {
  const ids: string[] = [];
  for (const fixture of fixtures) {
    const id = randomUUID();
    const decided = fixture.level !== null;
    const decidedOn = decided ? (fixture.decidedOn ?? `${fixture.year}-12-20`) : null;
    await dataSource.query(
      `INSERT INTO evaluation (id, person_id, full_name, unit_code, organization_id, title_code, subject, year, leader, status, level, decided_on, revision, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'CIVIL_SERVANT', $7, $8, $9, $10, $11, $12, 'test')`,
      [id, fixture.personId ?? randomUUID(), fixture.fullName, fixture.unitCode, fixture.organizationId, fixture.titleCode ?? (fixture.leader ? 'CHU_TICH' : 'CONG_CHUC'),
        fixture.year, fixture.leader ?? false, decided ? 'DECIDED' : 'PROPOSED', fixture.level, decidedOn, decided ? 1 : 0],
    );
    if (decided) await insertDecidedStep(dataSource, id, { step: 'HEAD_DECISION', level: fixture.level, effectiveDate: decidedOn, revision: 1 });
    ids.push(id);
  }
  return ids;
}

/** A decided level taking effect on a date: the head's decision, or an appeal's re-rating (a new revision, the evaluation updated with it). */
export async function insertDecidedStep(
  dataSource: DataSource,
  evaluationId: string,
  { step, level, effectiveDate, revision }: { step: 'HEAD_DECISION' | 'APPEAL_RESOLVED'; level: string | null; effectiveDate: string | null; revision: number },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO evaluation_step (evaluation_id, step, level, effective_date, revision, actor, actor_unit_code) VALUES ($1, $2, $3, $4, $5, 'test', '720')`,
    [evaluationId, step, level, effectiveDate, revision],
  );
  if (step === 'APPEAL_RESOLVED') {
    await dataSource.query('UPDATE evaluation SET level = $2, revision = $3, decided_on = $4 WHERE id = $1', [evaluationId, level, revision, effectiveDate]);
  }
}
