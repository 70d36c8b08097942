import type { Principal } from '@ps/auth';
import { datedLoader, inForceOn, isStableId, stampAsOf, todayInVietnam } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { Person } from './person.entity';

/**
 * People's versions in force on `asOf` whose unit lay inside the caller's territory that day,
 * by id, in one statement (other subgraphs name people by id: a reform task's owner).
 */
async function peopleOn(dataSource: DataSource, principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, Person>> {
  const wanted = ids.filter(isStableId);
  if (wanted.length === 0) return new Map();
  const query = dataSource
    .getRepository(Person)
    .createQueryBuilder('person')
    .where('person.id IN (:...wanted)', { wanted })
    .andWhere(inForceOn('person', ':asOf'), { asOf });
  const people = await territoryGuard.joinUnitOn(query, principal, 'person.unit_code', asOf).getMany();
  return new Map(people.map((person) => [person.id, stampAsOf(person, asOf)]));
}

/** Per-request loader of people referenced by id, batched per date. */
export function personReferenceLoaders(dataSource: DataSource, principal: Principal) {
  return { referencedPersonOn: datedLoader<'id', Person | null>('id', (ids, asOf) => peopleOn(dataSource, principal, ids, asOf), null) };
}

type Context = RequestContext<ReturnType<typeof personReferenceLoaders>>;

/** Federation: other subgraphs reference people by id; resolved as of today inside the caller's territory (else null), one batch per request. */
export const personReferenceResolvers = {
  Person: {
    __resolveReference: (reference: { id: string }, { loaders }: Context) => loaders.referencedPersonOn.load({ id: reference.id, asOf: todayInVietnam() }),
  },
};
