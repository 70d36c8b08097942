import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { Person } from '../person/person.entity';
import type { PersonService } from '../person/person.service';
import { disciplinesOf } from '../reward-discipline/reward-discipline.service';
import type { PersonFacts, PlannedPosition } from './person-facts';

/** The earliest date the records can bear: disciplines are counted from the start. */
const RECORDS_BEGIN = '1945-09-02';

/**
 * The facts of a person on a date, from the e-file as it stood then: birth date, gender,
 * ethnicity, category, professional and political-theory levels, since when they hold their
 * rank, every discipline up to the date, Party membership and planning. A level or rank the
 * file does not hold is null ("no record"). Null when the person is unknown or outside the
 * caller's territory.
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
  const disciplines = await disciplinesOf(manager, [personId], { from: RECORDS_BEGIN, to: date });
  const { id, fullName, unitCode, birthDate, gender, ethnicity, category } = person;
  return {
    personId: id, fullName, unitCode, birthDate, gender, ethnicity, category,
    partyAdmissionDate: membership?.admissionDate ?? null,
    planned,
    education: person.professionalLevel,
    politicalTheory: person.politicalTheoryLevel,
    rankSince: await rankSince(manager, person, date),
    disciplines: disciplines.filter((discipline) => discipline.validFrom <= date).map((discipline) => ({ kind: discipline.form, decidedOn: discipline.validFrom })),
  };
}

/** The first day of the unbroken run of versions, up to the date, that carry the person's current rank (null: no rank recorded). */
async function rankSince(manager: EntityManager, person: Person, date: string): Promise<string | null> {
  if (!person.rankCode) return null;
  const [row]: Array<{ since: string | null }> = await manager.query(
    `SELECT min(held.valid_from)::text AS since FROM person held
      WHERE held.id = $1 AND held.valid_from <= $2 AND held.rank_code = $3
        AND held.valid_from > coalesce((SELECT max(other.valid_from) FROM person other
                                         WHERE other.id = $1 AND other.valid_from <= $2 AND other.rank_code IS DISTINCT FROM $3), '-infinity')`,
    [person.id, date, person.rankCode],
  );
  return row?.since ?? null;
}
