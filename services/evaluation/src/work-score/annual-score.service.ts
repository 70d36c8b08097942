import type { Principal } from '@ps/auth';
import { isStableId } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { cyclesWithinTerritory } from '../cycle/cycle.territory';
import { judge } from '../rating-engine/rating.level';
import { pickRuleSet, yearEnd } from '../rating-engine/rule-set.choice';
import { ruleSetDraftOf } from '../rule-set/rule-set.entity';
import { RatingMethod, type RuleSubject } from '../rule-set/rule-set.kinds';
import type { RatingRuleSetService } from '../rule-set/rule-set.service';
import { annualWeighting, type ScoredPeriod } from './annual.weighting';
import { PeriodScore } from './period-score.entity';
import type { AnnualScore } from './period-score.types';

export class AnnualScoreService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ruleSets: RatingRuleSetService,
  ) {}

  /**
   * A person's annual score from every period score of the year, wherever earned (a transferred
   * person keeps them), weighted by days worked; null unless one of them was earned inside the
   * caller's territory. The level is the one the points give under the set in force on 31 December.
   */
  async of(principal: Principal, personId: string, year: number, subject: RuleSubject): Promise<AnnualScore | null> {
    if (!isStableId(personId)) return null;
    const periods = await this.periodsOf(principal, personId, year);
    if (periods.length === 0) return null;
    const weighting = annualWeighting(periods);
    const sets = (await this.ruleSets.list(yearEnd(year), subject)).map(ruleSetDraftOf);
    const set = sets.length > 0 ? pickRuleSet(sets, subject, yearEnd(year)) : null;
    const levelByPoints = set?.method === RatingMethod.POINTS && weighting.points !== null ? judge(set, { points: weighting.points }).proposed : null;
    return { personId, year, points: weighting.points, daysWorked: weighting.daysWorked, ruleSet: set?.code ?? null, levelByPoints, periods: weighting.periods };
  }

  /** The person's scores of the year in one query, when one of them lay inside the caller's territory. */
  private async periodsOf(principal: Principal, personId: string, year: number): Promise<ScoredPeriod[]> {
    const repository = this.dataSource.getRepository(PeriodScore);
    const range = { yearStart: `${year}-01-01`, yearEnd: yearEnd(year), personId };
    const seen = cyclesWithinTerritory(
      repository.createQueryBuilder('seen').select('1').where('seen.person_id = score.person_id AND seen.period_from >= :yearStart AND seen.period_to <= :yearEnd'),
      principal,
      'seen',
    );
    const scores = await repository
      .createQueryBuilder('score')
      .where('score.person_id = :personId AND score.period_from >= :yearStart AND score.period_to <= :yearEnd')
      .andWhere(`EXISTS (${seen.getQuery()})`)
      .setParameters({ ...seen.getParameters(), ...range })
      .orderBy('score.period_from')
      .getMany();
    return scores.map((score) => ({ cycleId: score.cycleId, unitCode: score.unitCode, from: score.periodFrom, to: score.periodTo, points: score.points, leaveDays: score.leaveDays }));
  }
}
