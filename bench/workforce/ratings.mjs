// Ratings history: a decided yearly rating per person of the workforce for 2021–2024, under
// Decree 90/2020 (civil servants and cadres; public employees under its own set), as
// evaluation's decision stores it, and personnel's rating history as its inbox keeps
// EvaluationFinalized. Levels: about 12 % HTXS, 76 % HTT, 10 % HTNV, 2 % KHTNV.
import { cumulative, idsOf, streamOf } from './determinism.mjs';
import { isLeader } from './posts.mjs';

export const RATING_YEARS = [2021, 2022, 2023, 2024];
const LEVELS = ['HTXS', 'HTT', 'HTNV', 'KHTNV'];
const LEVEL_WEIGHTS = cumulative([12, 76, 10, 2]);
export const RULE_SET_CODES = { CIVIL_SERVANT: 'ND90-2020-CIVIL_SERVANT', PUBLIC_EMPLOYEE: 'ND90-2020-PUBLIC_EMPLOYEE' };

/** Each rating of the workforce, in a fixed order: person by person, year by year. */
function* ratingsOf(context) {
  const { people, seed } = context;
  const draw = streamOf(seed, 'rating');
  const evaluationId = idsOf(seed, 'evaluation');
  const eventId = idsOf(seed, 'evaluation-finalized');
  for (let i = 0; i < people.counts.workforce; i += 1) {
    const person = people.personAt(i);
    const subject = person.category === 'PUBLIC_EMPLOYEE' ? 'PUBLIC_EMPLOYEE' : 'CIVIL_SERVANT';
    const set = context.ruleSets[RULE_SET_CODES[subject]];
    for (const [k, year] of RATING_YEARS.entries()) {
      const level = LEVELS[draw(i * RATING_YEARS.length + k).weighted(LEVEL_WEIGHTS)];
      const leader = isLeader(person.assignment.titleCode);
      const judgement = { ruleSet: set.code, level, proposed: level, applied: [], chosen: level, points: null, facts: { disciplines: [], leader, corruptionInUnit: false } };
      yield { index: i * RATING_YEARS.length + k, id: evaluationId(i * RATING_YEARS.length + k), eventId: eventId(i * RATING_YEARS.length + k), person, subject, set, year, level, leader, judgement, decidedOn: `${year}-12-10` };
    }
  }
}

/** evaluation's `evaluation` rows, decided. */
export function ratingRows(context) {
  const total = context.people.counts.workforce * RATING_YEARS.length;
  return [{
    table: 'evaluation',
    columns: ['id', 'person_id', 'full_name', 'unit_code', 'organization_id', 'title_code', 'subject', 'year', 'duty_group', 'leader', 'status', 'self_level', 'proposed_level', 'level', 'rule_set', 'judgement', 'decided_on', 'revision', 'created_by', 'created_at', 'updated_at'],
    total,
    rows: (function* rows() {
      for (const r of ratingsOf(context)) {
        const post = r.person.assignment;
        yield [r.id, r.person.id, r.person.fullName, post.org.unitCode, post.org.id, post.titleCode, r.subject, r.year, '', r.leader, 'DECIDED', r.level, r.level, r.level, r.set.code, JSON.stringify(r.judgement), r.decidedOn, 1, context.createdBy, context.generatedAt, context.generatedAt];
      }
    })(),
  }];
}

/** personnel's `person_rating` rows, as its inbox keeps each EvaluationFinalized. */
export function ratingHistoryRows(context) {
  const total = context.people.counts.workforce * RATING_YEARS.length;
  return [{
    table: 'person_rating',
    columns: ['evaluation_id', 'person_id', 'full_name', 'unit_code', 'organization_id', 'title_code', 'subject', 'year', 'level', 'points', 'rule_set', 'rule_source', 'applied_rules', 'revision', 'appeal_id', 'effective_date', 'event_id', 'received_at'],
    total,
    rows: (function* rows() {
      for (const r of ratingsOf(context)) {
        const post = r.person.assignment;
        yield [r.id, r.person.id, r.person.fullName, post.org.unitCode, post.org.id, post.titleCode, r.subject, r.year, r.level, null, r.set.code, r.set.sourceDocument, '[]', 1, null, r.decidedOn, r.eventId, context.generatedAt];
      }
    })(),
  }];
}
