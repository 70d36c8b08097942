import type { Principal } from '@ps/auth';
import { inForceOn, type ChangeFacts } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { DownsizingTriggerService } from '../downsizing-trigger/downsizing-trigger.service';
import { EvaluationDecisionService } from '../evaluation/evaluation.decision';
import type { Evaluation } from '../evaluation/evaluation.entity';
import { EvaluationJudging } from '../evaluation/evaluation.judging';
import { EvaluationService } from '../evaluation/evaluation.service';
import { RatingQuotaExceededError } from '../rating-engine/rating.quota';
import { RatingLevel } from '../rating/rating.entity';
import type { RuleSubject } from '../rule-set/rule-set.kinds';
import { RatingRuleSetService } from '../rule-set/rule-set.service';
import { AnnualScoreService } from '../work-score/annual-score.service';
import { demoChange, seedPrincipal } from './dau-tieng.seed';
import { isCommitteeLeader } from './dau-tieng.story';

/** Someone scored in the year, where their last period of it was scored, not yet evaluated. */
interface Scored {
  personId: string;
  fullName: string;
  unitCode: string;
  unitPath: string;
  organizationId: string;
  titleCode: string;
  subject: RuleSubject;
}

interface Rated {
  evaluation: Evaluation;
  level: RatingLevel;
  points: number;
}

const ORDER: readonly RatingLevel[] = [RatingLevel.KHTNV, RatingLevel.HTNV, RatingLevel.HTT, RatingLevel.HTXS];

/** The workflow's days in December, each no later than today (a decision is never dated ahead). */
function workflowDays(year: number, today: string) {
  const day = (date: number) => [`${year}-12-${String(date).padStart(2, '0')}`, today].sort()[0];
  return { open: day(1), self: day(2), meeting: day(3), proposal: day(4), decision: day(10) };
}

/**
 * The people scored in the year and not yet evaluated, each with the post and subject of their
 * last scored period (one statement).
 */
function scoredPeople(dataSource: DataSource, year: number): Promise<Scored[]> {
  return dataSource.query(
    `SELECT DISTINCT ON (score.person_id) score.person_id AS "personId", holder.full_name AS "fullName", score.unit_code AS "unitCode", unit.path::text AS "unitPath",
            score.organization_id AS "organizationId", score.title_code AS "titleCode", score.subject
       FROM period_score score
       JOIN rated_person holder ON holder.id = score.person_id
       JOIN territory_unit unit ON unit.code = score.unit_code AND ${inForceOn('unit', 'score.period_to')}
      WHERE score.period_from >= $1::date AND score.period_to <= $2::date
        AND NOT EXISTS (SELECT 1 FROM evaluation done WHERE done.person_id = score.person_id AND done.year = $3)
      ORDER BY score.person_id, score.period_to DESC`,
    [`${year}-01-01`, `${year}-12-31`, year],
  );
}

/**
 * The year's ratings through the whole workflow, once December has come: each scored person's
 * evaluation opened, self-assessed at the level their points give, commented by the staff
 * meeting, proposed by the manager and decided by the head organization by organization. Where
 * the points would break a quota (HTXS ≤ 20% of HTT), the head keeps the best and rates the
 * others HTT, as a head must. Once: someone evaluated in the year is left alone.
 */
export async function seedRatings(dataSource: DataSource, year: number, today: string): Promise<number> {
  if (`${year}-12-01` > today) return 0;
  const days = workflowDays(year, today);
  const ruleSets = new RatingRuleSetService(dataSource);
  const [evaluations, annual] = [new EvaluationService(dataSource), new AnnualScoreService(dataSource, ruleSets)];
  const decisions = new EvaluationDecisionService(dataSource, new EvaluationJudging(ruleSets, new DownsizingTriggerService(dataSource)));
  const byOrganization = new Map<string, { principalPath: string; rated: Rated[] }>();
  for (const person of await scoredPeople(dataSource, year)) {
    const principal = seedPrincipal(person.unitPath);
    const score = await annual.of(principal, person.personId, year, person.subject);
    if (score?.levelByPoints == null || score.points === null) continue;
    const leader = isCommitteeLeader(person.titleCode);
    const change = (date: string, number: string, what: string) => demoChange(date, `${number}-${year}-${person.unitCode}`, `${what} năm ${year}`);
    const evaluation = await evaluations.open(principal, {
      personId: person.personId, fullName: person.fullName, unitCode: person.unitCode, organizationId: person.organizationId, titleCode: person.titleCode,
      subject: person.subject, year, dutyGroup: leader ? 'Lãnh đạo UBND' : 'Công chức chuyên môn', leader, change: change(days.open, 'KH-DGXL', 'mở phiếu đánh giá'),
    });
    const level = score.levelByPoints;
    await evaluations.recordSelfAssessment(principal, { evaluationId: evaluation.id, level, comment: `Tự đánh giá: ${score.points.toFixed(1)} điểm`, change: change(days.self, 'BTN', 'tự đánh giá') });
    await evaluations.recordStaffMeetingComments(principal, { evaluationId: evaluation.id, comment: 'Tập thể thống nhất với bản tự nhận xét', change: change(days.meeting, 'BB-HOP', 'họp góp ý') });
    await evaluations.proposeRating(principal, { evaluationId: evaluation.id, level, comment: 'Đề nghị theo kết quả chấm điểm', change: change(days.proposal, 'DX', 'đề xuất xếp loại') });
    const batch = byOrganization.get(person.organizationId) ?? { principalPath: person.unitPath, rated: [] };
    batch.rated.push({ evaluation, level, points: score.points });
    byOrganization.set(person.organizationId, batch);
  }
  let decided = 0;
  for (const { principalPath, rated } of byOrganization.values()) {
    decided += await decideWithinQuota(decisions, seedPrincipal(principalPath), rated, demoChange(days.decision, `QD-XL-${year}-${rated[0].evaluation.unitCode}`, `quyết định xếp loại năm ${year}`));
  }
  return decided;
}

/** Decides the organization's batch; refused over a quota, the lowest-scored HTXS is rated HTT and the batch tried again. */
async function decideWithinQuota(decisions: EvaluationDecisionService, principal: Principal, rated: Rated[], change: ChangeFacts): Promise<number> {
  const levels = new Map(rated.map((item) => [item.evaluation.id, item.level]));
  for (;;) {
    try {
      await decisions.decide(principal, { decisions: rated.map((item) => ({ evaluationId: item.evaluation.id, level: levels.get(item.evaluation.id) ?? item.level, corruptionInUnit: false })), change });
      return rated.length;
    } catch (error) {
      const lowest = rated.filter((item) => levels.get(item.evaluation.id) === RatingLevel.HTXS).sort((a, b) => a.points - b.points)[0];
      if (!(error instanceof RatingQuotaExceededError) || !lowest) throw error;
      levels.set(lowest.evaluation.id, ORDER[ORDER.indexOf(RatingLevel.HTXS) - 1]);
    }
  }
}
