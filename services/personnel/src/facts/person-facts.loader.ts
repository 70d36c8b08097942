import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { PersonService } from '../person/person.service';
import type { PersonFacts, PlannedPosition } from './person-facts';

/**
 * The facts of a person on a date, from what the e-file holds today: birth date, gender,
 * ethnicity, category, Party membership and planning. Education, political theory, rank and
 * disciplines are not kept yet: they load as "no record" (null) until the e-file has them,
 * and plug in here. Null when the person is unknown or outside the caller's territory.
 */
export async function personFactsOn(
  manager: EntityManager,
  people: PersonService,
  principal: Principal,
  personId: string,
  date: string,
): Promise<PersonFacts | null> {
  const person = await people.byId(principal, personId, date, manager);
  if (!person) return null;
  const [membership]: Array<{ admissionDate: string }> = await manager.query(
    `SELECT admission_date::text AS "admissionDate" FROM party_membership membership
      WHERE membership.person_id = $1 AND ${inForceOn('membership', '$2')}`,
    [personId, date],
  );
  const planned: PlannedPosition[] = await manager.query(
    `SELECT title_code AS "titleCode", unit_code AS "unitCode", term_start AS "termStart", term_end AS "termEnd"
       FROM cadre_planning planning WHERE planning.person_id = $1 AND ${inForceOn('planning', '$2')}
      ORDER BY term_start, title_code`,
    [personId, date],
  );
  const { id, fullName, unitCode, birthDate, gender, ethnicity, category } = person;
  return {
    personId: id, fullName, unitCode, birthDate, gender, ethnicity, category,
    partyAdmissionDate: membership?.admissionDate ?? null,
    planned,
    education: null,
    politicalTheory: null,
    rankSince: null,
    disciplines: null,
  };
}
