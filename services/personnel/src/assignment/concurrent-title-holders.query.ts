import type { Principal } from '@ps/auth';
import { inForceOn, stampAsOf } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { Person } from '../person/person.entity';
import { withinUnitSubtree } from '../territory/unit-subtree';
import { Assignment } from './assignment.entity';
import type { ConcurrentTitleHolder } from './concurrent-title-holder.type';

/**
 * The people who hold every one of `titleCodes` at once on `asOf` in organizations of the same
 * unit, for the unit asked and every unit below it that lay inside the caller's territory that
 * day (a commune whose Party secretary is also its People's Committee chair). One statement.
 */
export async function concurrentTitleHolders(
  dataSource: DataSource,
  principal: Principal,
  unitCode: string,
  titleCodes: readonly string[],
  asOf: string,
): Promise<ConcurrentTitleHolder[]> {
  const codes = [...new Set(titleCodes)];
  if (codes.length === 0) return [];
  const query = dataSource
    .getRepository(Person)
    .createQueryBuilder('person')
    .innerJoin(Assignment, 'assignment', `assignment.person_id = person.id AND assignment.title_code IN (:...codes) AND ${inForceOn('assignment', ':asOf')}`, { codes, asOf })
    .innerJoin('organization', 'organization', `organization.id = assignment.organization_id AND ${inForceOn('organization', ':asOf')}`)
    .where(inForceOn('person', ':asOf'));
  withinUnitSubtree(query, principal, 'organization.unit_code', unitCode, asOf, 'place')
    .addSelect('place.code', 'holder_unit_code')
    .addSelect('place.name', 'holder_unit_name')
    .groupBy('place.code')
    .addGroupBy('place.name')
    .addGroupBy('person.version_id')
    .having('count(DISTINCT assignment.title_code) = :titleCount', { titleCount: codes.length })
    .orderBy('place.code')
    .addOrderBy('person.full_name');
  const { raw, entities } = await query.getRawAndEntities<{ person_version_id: string; holder_unit_code: string; holder_unit_name: string }>();
  const people = new Map(entities.map((person) => [person.versionId, stampAsOf(person, asOf)]));
  return raw.flatMap((row) => {
    const person = people.get(row.person_version_id);
    return person ? [{ unitCode: row.holder_unit_code, unitName: row.holder_unit_name, titleCodes: codes, person }] : [];
  });
}
