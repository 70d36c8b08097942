import { datedLoader } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { managingAuthorities } from './managing-authority.lookup';
import { ManagingAuthorityView } from './managing-authority.type';

/**
 * Per-request loader of who manages each person on a date, one statement per batch. Keyed by
 * people the caller has already been answered (their reads are cut to the territory).
 */
export function managementLoaders(dataSource: DataSource) {
  return {
    managingAuthoritiesOn: datedLoader<'id', ManagingAuthorityView[]>(
      'id',
      async (ids, asOf) => {
        const byPerson = new Map<string, ManagingAuthorityView[]>();
        for (const { personId, ...authority } of await managingAuthorities(dataSource.manager, ids, asOf)) {
          byPerson.set(personId, [...(byPerson.get(personId) ?? []), Object.assign(new ManagingAuthorityView(), authority)]);
        }
        return byPerson;
      },
      [],
    ),
  };
}

export type ManagementLoaders = ReturnType<typeof managementLoaders>;
