import { randomUUID } from 'node:crypto';
import { requireCapability, type Principal } from '@ps/auth';
import { isStableId, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { cycleLabel, type EvaluationCycleService } from '../cycle/cycle.service';
import type { EvaluationCycle } from '../cycle/cycle.entity';
import { daysIn } from '../cycle/cycle.period';
import { cyclesWithinTerritory } from '../cycle/cycle.territory';
import { judgedOn, pickRuleSet } from '../rating-engine/rule-set.choice';
import type { ResponsibilityRuleService } from '../responsibility-rule/responsibility-rule.service';
import { ruleSetDraftOf } from '../rule-set/rule-set.entity';
import type { RatingRuleSetService } from '../rule-set/rule-set.service';
import { periodScore } from './period.score';
import { PeriodScore, scoreSnapshot } from './period-score.entity';
import { PeriodAlreadyScoredError, scoreConflict, ScoreInputError } from './period-score.errors';
import type { ScoreWorkProductsInput } from './period-score.inputs';
import { productOutcomes, qualityPercentOf } from './work-product.score';

export class PeriodScoreService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: EvaluationCycleService,
    private readonly rules: ResponsibilityRuleService,
    private readonly ruleSets: RatingRuleSetService,
  ) {}

  /** The scores of a cycle inside the caller's territory on its last day, by person. */
  inCycle(principal: Principal, cycleId: string): Promise<PeriodScore[]> {
    if (!isStableId(cycleId)) return Promise.resolve([]);
    const query = this.dataSource.getRepository(PeriodScore).createQueryBuilder('score').where('score.cycle_id = :cycleId', { cycleId }).orderBy('score.person_id');
    return cyclesWithinTerritory(query, principal, 'score').getMany();
  }

  /**
   * Scores a person's work products in an open cycle (officers inside the territory): under the
   * responsibility rule in force on the period's last day and the rule set in force for the
   * subject that day; scoring again in the same cycle replaces the score.
   */
  async score(principal: Principal, input: ScoreWorkProductsInput): Promise<PeriodScore> {
    requireCapability(principal, 'officer');
    if (!isStableId(input.personId)) throw new ScoreInputError('Mã người phải là UUID', 'The person id must be a UUID', { reason: 'PERSON_ID_SHAPE' });
    const delivered = input.products.map(({ code, quantity, deliveredOn, ...quality }) => ({ code, quantity, deliveredOn: deliveredOn ?? null, qualityPercent: qualityPercentOf(code, quantity, quality) }));
    return writeDated(this.dataSource, { actor: principal, operation: 'scoreWorkProducts', change: input.change }, async (write) => {
      const { cycle, unit } = await this.cycles.openForWriting(write, principal, input.cycleId);
      const period = { from: cycle.periodFrom, to: cycle.periodTo };
      checkLeave(input.leaveDays, daysIn(period));
      const rule = await this.rules.inForce(write.manager, { unitCode: cycle.unitCode, organizationId: input.organizationId, titleCode: input.titleCode }, judgedOn(period));
      const sets = (await this.ruleSets.list(judgedOn(period), input.subject)).map(ruleSetDraftOf);
      const result = periodScore(pickRuleSet(sets, input.subject, judgedOn(period)), input.assessed, productOutcomes(rule.products, delivered, period));
      await refuseOverlap(write, input.personId, cycle);
      const repository = write.manager.getRepository(PeriodScore);
      const previous = await repository.findOne({ where: { cycleId: cycle.id, personId: input.personId } });
      const score = repository.create({
        id: previous?.id ?? randomUUID(), cycleId: cycle.id, personId: input.personId, unitCode: cycle.unitCode, periodFrom: period.from, periodTo: period.to,
        subject: input.subject, organizationId: input.organizationId, titleCode: input.titleCode, ruleVersionId: rule.versionId, leaveDays: input.leaveDays,
        assessed: input.assessed.map(({ code, percent }) => ({ code, percent })), delivered, result, points: result.points,
        scoredOn: write.date, decisionId: write.change.decision.id, scoredBy: write.actor.userId,
      });
      if (previous) write.before(scoreSnapshot(previous));
      await repository.save(score).catch((error: unknown) => {
        throw scoreConflict(error, input.personId, cycle);
      });
      const label = `Điểm ${cycleLabel(cycle, unit)} – người ${input.personId}`;
      write.about({ type: 'PeriodScore', id: score.id, label, unitCode: unit.code, unitPaths: [unit.path] }).after(scoreSnapshot(score));
      return score;
    });
  }
}

function checkLeave(leaveDays: number, days: number): void {
  if (!Number.isInteger(leaveDays) || leaveDays < 0 || leaveDays > days) {
    throw new ScoreInputError(`Số ngày nghỉ phải từ 0 đến ${days}`, `Leave days must be 0–${days}`, { reason: 'LEAVE_DAYS', leaveDays, days });
  }
}

/** No day scored twice for one person: another cycle's score overlapping this period refuses the write. */
async function refuseOverlap(write: DatedWrite, personId: string, cycle: EvaluationCycle): Promise<void> {
  const other = await write.manager
    .getRepository(PeriodScore)
    .createQueryBuilder('score')
    .where('score.person_id = :personId AND score.cycle_id <> :cycleId', { personId, cycleId: cycle.id })
    .andWhere('score.period_from <= :to AND score.period_to >= :from', { from: cycle.periodFrom, to: cycle.periodTo })
    .getOne();
  if (other) throw new PeriodAlreadyScoredError(personId, other.cycleId, other.periodFrom, other.periodTo);
}
