import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import { NotFoundError } from '@ps/errors';
import type { DataSource, EntityManager } from 'typeorm';
import { personFactsOn } from '../facts/person-facts.loader';
import type { PersonService } from '../person/person.service';
import { retirementOfPerson } from '../retirement/retirement-age.lookup';
import { titleOn } from '../title/title.service';
import { CriterionKindType, type TitleEligibility } from './eligibility.type';
import { evaluateCriteria, type TitleCriterion } from './title-criterion.rules';

/** Holds a title's criteria in force on a date against a person of the caller's territory. */
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  async check(principal: Principal, personId: string, titleCode: string, asOf: string): Promise<TitleEligibility> {
    const manager = this.dataSource.manager;
    const title = await titleOn(manager, titleCode, asOf);
    const facts = await personFactsOn(manager, this.people, principal, personId, asOf);
    if (!facts) throw new NotFoundError(`Không tìm thấy người ${personId} trong địa bàn`, `No person ${personId} in your territory`, { reason: 'PERSON_NOT_FOUND', id: personId });
    const results = evaluateCriteria(await criteriaOn(manager, title.code, asOf), facts, { asOf, retirement: await retirementOfPerson(manager, facts) });
    return {
      personId: facts.personId, titleCode: title.code, asOf,
      eligible: results.every((result) => result.met),
      criteria: results.map((result) => ({ ...result, kind: CriterionKindType[result.kind] })),
    };
  }
}

/** A title's criteria in force on the date, in a fixed order of kinds. */
function criteriaOn(manager: EntityManager, titleCode: string, date: string): Promise<TitleCriterion[]> {
  return manager.query(
    `SELECT title_code AS "titleCode", kind, minimum, maximum, level, source, article
       FROM title_criterion criterion WHERE criterion.title_code = $1 AND ${inForceOn('criterion', '$2')}
      ORDER BY array_position(ARRAY['AGE_AT_APPOINTMENT', 'MONTHS_BEFORE_RETIREMENT', 'EDUCATION', 'POLITICAL_THEORY', 'YEARS_IN_RANK',
                                    'PARTY_MEMBERSHIP', 'PLANNING_REQUIRED', 'DISCIPLINE_FREE_MONTHS'], criterion.kind)`,
    [titleCode, date],
  );
}
