import type { Principal } from '@ps/auth';
import { inForceOn, isOpenVersion, systemActor, type ChangeFacts } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { CyclePeriod } from '../cycle/cycle.period';
import { CycleKind } from '../cycle/cycle.kinds';
import { EvaluationCycleService } from '../cycle/cycle.service';
import { ResponsibilityRuleService } from '../responsibility-rule/responsibility-rule.service';
import { RatingRuleSetService } from '../rule-set/rule-set.service';
import { PeriodScoreService } from '../work-score/period-score.service';
import { demoPeriodWork } from './dau-tieng.scores';
import { COMMITTEE_RESPONSIBILITIES, COMMITTEE_TITLES, periodsDue, STORY_LAST_DAY, subjectFor } from './dau-tieng.story';

const DISTRICT = '720';

/** A People's Committee post of the story as held on a date: its holder and where it lay then. */
export interface StoryPost {
  assignmentId: string;
  personId: string;
  fullName: string;
  organizationId: string;
  titleCode: string;
  unitCode: string;
  unitPath: string;
}

/** The posts held in the district's communes on its last day, that share of them the projection has placed. */
export interface StoryReadiness {
  held: number;
  /** Still open in a commune that ceased on 1 July 2025: its MOVED (or ENDED) has not arrived. */
  stranded: number;
}

/** The story's People's Committee posts held in Huyện Dầu Tiếng's communes on its last day (as SQL, $1: that day). */
const HELD_IN_DISTRICT = `
  SELECT origin.assignment_id FROM rated_post origin
    JOIN rated_person holder ON holder.id = origin.person_id
    JOIN territory_unit origin_unit ON origin_unit.code = origin.unit_code AND ${inForceOn('origin_unit', '$1::date')}
   WHERE ${inForceOn('origin', '$1::date')} AND origin.title_code = ANY($2::text[])
     AND origin_unit.path <@ (SELECT district.path FROM territory_unit district WHERE district.code = '${DISTRICT}' AND ${inForceOn('district', '$1::date')})`;

/** How far evaluation has projected the story's people and posts (one statement). */
export async function storyReadiness(dataSource: DataSource): Promise<StoryReadiness> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS held,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM rated_post open_post WHERE open_post.assignment_id = held.assignment_id AND ${isOpenVersion('open_post')}
                AND NOT EXISTS (SELECT 1 FROM territory_unit after_unit WHERE after_unit.code = open_post.unit_code AND ${inForceOn('after_unit', '($1::date + 1)')})
            ))::int AS stranded
       FROM (${HELD_IN_DISTRICT}) held`,
    [STORY_LAST_DAY, COMMITTEE_TITLES],
  );
  return row;
}

/** The story's posts as held on `date`, where each lay that day (posts whose unit the territory lacks then are left out). */
export function storyPostsOn(dataSource: DataSource, date: string): Promise<StoryPost[]> {
  return dataSource.query(
    `SELECT post.assignment_id AS "assignmentId", post.person_id AS "personId", holder.full_name AS "fullName", post.organization_id AS "organizationId",
            post.title_code AS "titleCode", post.unit_code AS "unitCode", unit.path::text AS "unitPath"
       FROM rated_post post
       JOIN rated_person holder ON holder.id = post.person_id
       JOIN territory_unit unit ON unit.code = post.unit_code AND ${inForceOn('unit', '$3::date')}
      WHERE ${inForceOn('post', '$3::date')} AND post.assignment_id IN (${HELD_IN_DISTRICT})
      ORDER BY post.unit_code, post.title_code, holder.full_name`,
    [STORY_LAST_DAY, COMMITTEE_TITLES, date],
  );
}

/** The seed acts as an officer of the province the unit lay in on the write's date, so the territory checks apply as to anyone. */
export function seedPrincipal(unitPath: string): Principal {
  return { ...systemActor('seed'), unitCode: unitPath.split('.')[0], tier: 'PROVINCE', capability: 'officer', roles: [], body: null };
}

/** Demo data cites no real document: its decision says so. */
export function demoChange(effectiveDate: string, number: string, what: string): ChangeFacts {
  return {
    effectiveDate,
    reason: `Dữ liệu mẫu: ${what} / demo data`,
    decision: { number: `MINH-HOA/${number}`, date: effectiveDate, signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
  };
}

const quarterName = (period: CyclePeriod) => `${period.from.slice(0, 4)}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}`;

/** Each organization's rule for each title held in the year, from 1 January once it has come (once: a rule from that day is left alone). */
export async function seedResponsibilityRules(dataSource: DataSource, year: number, today: string): Promise<number> {
  const from = `${year}-01-01`;
  if (from > today) return 0;
  const holders = new Map((await storyPostsOn(dataSource, from)).map((post) => [`${post.unitCode}|${post.organizationId}|${post.titleCode}`, post]));
  const recorded: Array<{ key: string }> = await dataSource.query(
    `SELECT unit_code || '|' || organization_id || '|' || title_code AS key FROM responsibility_rule WHERE valid_from = $1::date AND unit_code = ANY($2::text[])`,
    [from, [...new Set([...holders.values()].map((post) => post.unitCode))]],
  );
  const done = new Set(recorded.map((row) => row.key));
  const rules = new ResponsibilityRuleService(dataSource);
  let added = 0;
  for (const [key, post] of holders) {
    if (done.has(key)) continue;
    const { unitCode, organizationId, titleCode } = post;
    const change = demoChange(from, `QĐ-TNCV-${year}-${unitCode}`, `quy định trách nhiệm công việc năm ${year}`);
    await rules.record(seedPrincipal(post.unitPath), { unitCode, organizationId, titleCode, products: [...COMMITTEE_RESPONSIBILITIES[titleCode]], change });
    added += 1;
  }
  return added;
}

/** The year's quarterly cycles of every commune holding a story post, each once its quarter has begun. */
export async function seedCycles(dataSource: DataSource, year: number, today: string): Promise<number> {
  const cycles = new EvaluationCycleService(dataSource);
  let opened = 0;
  for (const period of periodsDue(year, today).open) {
    const units = new Map((await storyPostsOn(dataSource, period.to)).map((post) => [post.unitCode, post.unitPath]));
    const present: Array<{ unitCode: string }> = await dataSource.query(
      `SELECT unit_code AS "unitCode" FROM evaluation_cycle WHERE kind = $1 AND period_from = $2::date AND unit_code = ANY($3::text[])`,
      [CycleKind.QUARTERLY, period.from, [...units.keys()]],
    );
    for (const unitCode of present.map((row) => row.unitCode)) units.delete(unitCode);
    for (const [unitCode, unitPath] of units) {
      const change = demoChange(period.from, `KH-DG-${quarterName(period)}-${unitCode}`, `kỳ đánh giá ${quarterName(period)}`);
      await cycles.open(seedPrincipal(unitPath), { unitCode, kind: CycleKind.QUARTERLY, periodFrom: period.from, periodTo: period.to, change });
      opened += 1;
    }
  }
  return opened;
}

/** Each holder's work products in every ended quarter of the year, under the rules in force then (once: a score there is left alone). */
export async function seedPeriodScores(dataSource: DataSource, year: number, today: string): Promise<number> {
  const [cycles, rules] = [new EvaluationCycleService(dataSource), new ResponsibilityRuleService(dataSource)];
  const scores = new PeriodScoreService(dataSource, cycles, rules, new RatingRuleSetService(dataSource));
  let scored = 0;
  for (const period of periodsDue(year, today).scored) {
    const open: Array<{ id: string; unitCode: string; scored: string[] }> = await dataSource.query(
      `SELECT cycle.id, cycle.unit_code AS "unitCode", coalesce(array_agg(score.person_id::text) FILTER (WHERE score.id IS NOT NULL), '{}') AS scored
         FROM evaluation_cycle cycle LEFT JOIN period_score score ON score.cycle_id = cycle.id
        WHERE cycle.kind = $1 AND cycle.period_from = $2::date GROUP BY cycle.id`,
      [CycleKind.QUARTERLY, period.from],
    );
    const cycleOf = new Map(open.map((cycle) => [cycle.unitCode, cycle]));
    for (const post of await storyPostsOn(dataSource, period.to)) {
      const cycle = cycleOf.get(post.unitCode);
      if (!cycle || cycle.scored.includes(post.personId)) continue;
      const work = demoPeriodWork(post.fullName, post.titleCode, COMMITTEE_RESPONSIBILITIES[post.titleCode], period);
      await scores.score(seedPrincipal(post.unitPath), {
        cycleId: cycle.id, personId: post.personId, subject: subjectFor(post.titleCode, period), organizationId: post.organizationId, titleCode: post.titleCode,
        leaveDays: work.leaveDays, assessed: [{ code: 'GENERAL', percent: work.generalPercent }], products: work.delivered,
        change: demoChange(period.to, `BB-DG-${quarterName(period)}-${post.unitCode}`, `chấm điểm sản phẩm công việc ${quarterName(period)}`),
      });
      scored += 1;
    }
  }
  return scored;
}
