import type { DatedWrite } from '@ps/effective-dating';
import { EvaluationFinalized } from '@ps/contracts';
import type { EntityManager } from 'typeorm';
import type { DownsizingTriggerService } from '../downsizing-trigger/downsizing-trigger.service';
import { RatingQuotaExceededError, quotaViolations, type QuotaRating } from '../rating-engine/rating.quota';
import { pickRuleSet, yearEnd } from '../rating-engine/rule-set.choice';
import type { RatingLevel } from '../rating/rating.entity';
import { ruleSetDraftOf } from '../rule-set/rule-set.entity';
import { RatingMethod, type RuleSubject } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';
import type { RatingRuleSetService } from '../rule-set/rule-set.service';
import { annualWeighting, type ScoredPeriod } from '../work-score/annual.weighting';
import { PeriodScore } from '../work-score/period-score.entity';
import { taskShares, type TaskShares } from '../work-score/task.shares';
import { Evaluation } from './evaluation.entity';
import { entryOf, type RatedUnit } from './evaluation.steps';
import { disciplinesIn, downsizingGroundsOf, judgeChoice, quotaGroupsOf, type DisciplinePeriod, type EvaluationJudgement } from './evaluation.workflow';

/** A level chosen for an evaluation (by the head, or by an appeal), with the fact only the chooser knows. */
export interface Choice {
  evaluation: Evaluation;
  chosen: RatingLevel;
  corruptionInUnit: boolean;
}

/** A choice judged under the set in force for its subject on its year's end. */
export interface Judged {
  evaluation: Evaluation;
  set: RuleSetDraft;
  judgement: EvaluationJudgement;
}

const yearKey = (subject: RuleSubject, year: number) => `${subject}:${year}`;

/**
 * Judges chosen levels with the rating engine, checks the quotas of the groups they fall in,
 * and announces the decided levels: every read is one statement for the whole batch.
 */
export class EvaluationJudging {
  constructor(
    private readonly ruleSets: RatingRuleSetService,
    private readonly triggers: DownsizingTriggerService,
  ) {}

  /**
   * Each choice judged by the set in force on its year's end: the annual points from the period
   * scores when the set rates by points and the person has some, the disciplines in force in
   * the year, leadership and corruption in the unit.
   */
  async judge(manager: EntityManager, choices: readonly Choice[]): Promise<Judged[]> {
    const sets = await this.setsOf(choices.map(({ evaluation }) => evaluation));
    const disciplines = await disciplinesOf(manager, choices.map(({ evaluation }) => evaluation.personId));
    const pointBased = choices.filter(({ evaluation }) => sets.get(yearKey(evaluation.subject, evaluation.year))?.method === RatingMethod.POINTS);
    const results = await annualResultsOf(manager, pointBased.map(({ evaluation }) => evaluation));
    return choices.map(({ evaluation, chosen, corruptionInUnit }) => {
      const set = entryOf(sets, yearKey(evaluation.subject, evaluation.year));
      const result = results.get(`${evaluation.personId}:${evaluation.year}`);
      const facts = { disciplines: disciplinesIn(disciplines.get(evaluation.personId) ?? [], evaluation.year), leader: evaluation.leader, corruptionInUnit, ...(result?.shares ?? {}) };
      const judgement = judgeChoice(set, chosen, result?.points ?? null, facts);
      return { evaluation, set, judgement };
    });
  }

  /**
   * RATING_QUOTA_EXCEEDED, writing nothing, when the judged levels together with the levels
   * already decided in the same groups (same year and subject) break a quota of the set; the
   * groups' organizations are locked first, so two heads deciding at once count each other.
   */
  async refuseOverQuota(manager: EntityManager, judged: readonly Judged[]): Promise<void> {
    const keys = [...new Set(judged.map(({ evaluation: e }) => `evaluation_quota:${yearKey(e.subject, e.year)}:${e.organizationId}`))].sort();
    await manager.query('SELECT pg_advisory_xact_lock(hashtext(key)) FROM (SELECT unnest($1::text[]) AS key ORDER BY 1) AS keys', [keys]);
    for (const batch of groupBy(judged, ({ evaluation }) => yearKey(evaluation.subject, evaluation.year)).values()) {
      const [{ evaluation: first, set }] = batch;
      const others = await decidedElsewhere(manager, first, batch.map(({ evaluation }) => evaluation));
      const ratings: QuotaRating[] = [
        ...others.flatMap((evaluation) => (evaluation.level ? [{ level: evaluation.level, groups: quotaGroupsOf(evaluation) }] : [])),
        ...batch.map(({ evaluation, judgement }) => ({ level: judgement.level, groups: quotaGroupsOf(evaluation) })),
      ];
      const touched = batch.map(({ evaluation }) => quotaGroupsOf(evaluation));
      const [violation, ...more] = quotaViolations(set, ratings).filter((found) => touched.some((groups) => groups[found.scope] === found.group));
      if (violation) throw new RatingQuotaExceededError([violation, ...more]);
    }
  }

  /**
   * EvaluationFinalized for each decided evaluation (already updated), keyed by the person, with
   * the downsizing grounds in force on the decision's date met by the person's levels by year.
   */
  async announce(write: DatedWrite, decided: ReadonlyArray<Judged & { unit: RatedUnit; appealId: string | null }>): Promise<void> {
    const triggers = await this.triggers.list(write.date);
    const histories = await levelsByYear(write.manager, decided.map(({ evaluation }) => evaluation));
    await write.emitMany(
      EvaluationFinalized,
      decided.map(({ evaluation: e, set, judgement, unit, appealId }) => ({
        payload: {
          evaluationId: e.id, revision: e.revision, appealId, personId: e.personId, fullName: e.fullName, unitCode: e.unitCode, organizationId: e.organizationId,
          titleCode: e.titleCode, subject: e.subject, year: e.year, level: judgement.level, points: judgement.points, ruleSet: set.code, ruleSource: set.sourceDocument,
          appliedRules: judgement.applied,
          downsizingGrounds: downsizingGroundsOf(triggers, histories.get(`${e.personId}:${e.subject}`) ?? new Map(), e.year, write.date),
          ...write.facts,
        },
        place: { aggregateId: e.personId, unitPath: unit.path },
      })),
    );
  }

  /** The set in force on the year's end for each subject and year of the batch (NOT_IN_FORCE when none was). */
  private async setsOf(evaluations: readonly Evaluation[]): Promise<Map<string, RuleSetDraft>> {
    const sets = new Map<string, RuleSetDraft>();
    for (const { subject, year } of evaluations) {
      if (sets.has(yearKey(subject, year))) continue;
      const recorded = (await this.ruleSets.list(yearEnd(year), subject)).map(ruleSetDraftOf);
      sets.set(yearKey(subject, year), pickRuleSet(recorded, subject, yearEnd(year)));
    }
    return sets;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The disciplines of the persons, by person, in one statement. */
async function disciplinesOf(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, DisciplinePeriod[]>> {
  const rows: Array<DisciplinePeriod & { personId: string }> = await manager.query(
    'SELECT person_id AS "personId", form, valid_from::text AS "validFrom", ends_on::text AS "endsOn" FROM discipline_fact WHERE person_id = ANY($1) ORDER BY valid_from',
    [[...new Set(personIds)]],
  );
  return groupBy(rows, (row) => row.personId);
}

/**
 * Annual points by person and year from the period scores earned inside each year, wherever
 * earned, with the shares of the year's tasks on time, exceeding and late, in one statement.
 */
async function annualResultsOf(manager: EntityManager, evaluations: readonly Evaluation[]): Promise<Map<string, { points: number | null; shares: TaskShares }>> {
  if (evaluations.length === 0) return new Map();
  const years = evaluations.map((evaluation) => evaluation.year);
  const scores = await manager
    .getRepository(PeriodScore)
    .createQueryBuilder('score')
    .where('score.person_id IN (:...persons)', { persons: [...new Set(evaluations.map((evaluation) => evaluation.personId))] })
    .andWhere('score.period_from >= :from AND score.period_to <= :to', { from: `${Math.min(...years)}-01-01`, to: yearEnd(Math.max(...years)) })
    .getMany();
  const periods = groupBy(scores, (score) => `${score.personId}:${score.periodFrom.slice(0, 4)}`);
  const results = new Map<string, { points: number | null; shares: TaskShares }>();
  for (const { personId, year } of evaluations) {
    const scored = (periods.get(`${personId}:${year}`) ?? []).filter((score) => score.periodTo <= yearEnd(year));
    const ofYear: ScoredPeriod[] = scored.map((score) => ({ cycleId: score.cycleId, unitCode: score.unitCode, from: score.periodFrom, to: score.periodTo, points: score.points, leaveDays: score.leaveDays }));
    const shares = taskShares(scored.flatMap((score) => score.result.products));
    results.set(`${personId}:${year}`, { points: ofYear.length > 0 ? annualWeighting(ofYear).points : null, shares });
  }
  return results;
}

/** The decided evaluations of the year and subject in the batch's organizations, other than the batch's own. */
function decidedElsewhere(manager: EntityManager, like: Evaluation, batch: readonly Evaluation[]): Promise<Evaluation[]> {
  return manager
    .getRepository(Evaluation)
    .createQueryBuilder('evaluation')
    .where("evaluation.status = 'DECIDED' AND evaluation.year = :year AND evaluation.subject = :subject", { year: like.year, subject: like.subject })
    .andWhere('evaluation.organization_id IN (:...organizations)', { organizations: [...new Set(batch.map((evaluation) => evaluation.organizationId))] })
    .andWhere('evaluation.id NOT IN (:...ids)', { ids: batch.map((evaluation) => evaluation.id) })
    .getMany();
}

/** Each person's decided levels by year and subject (the latest revision of each), in one statement. */
async function levelsByYear(manager: EntityManager, evaluations: readonly Evaluation[]): Promise<Map<string, Map<number, RatingLevel>>> {
  const rows: Array<{ personId: string; subject: string; year: number; level: RatingLevel }> = await manager.query(
    `SELECT person_id AS "personId", subject, year, level FROM evaluation WHERE status = 'DECIDED' AND person_id = ANY($1)`,
    [[...new Set(evaluations.map((evaluation) => evaluation.personId))]],
  );
  const histories = new Map<string, Map<number, RatingLevel>>();
  for (const { personId, subject, year, level } of rows) {
    const history = histories.get(`${personId}:${subject}`) ?? new Map<number, RatingLevel>();
    histories.set(`${personId}:${subject}`, history.set(year, level));
  }
  return histories;
}
