import { useQuery } from '@apollo/client';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { nameMatches } from '../search';
import { PersonFile } from './PersonFile';
import { enumWord } from './person-words';
import type { ViewProps } from './view-props';

const PEOPLE = graphql(`
  query ConsolePeople($code: ID!, $asOf: LocalDate!) {
    people(unitCode: $code, asOf: $asOf) {
      id fullName birthYear category managedByMe
      personalData { masked personalId }
    }
  }
`);

/** The people on file in a unit on the date, searched by name, personal IDs masked unless the caller manages them; a name opens the person's e-file. */
export function People(props: ViewProps) {
  return props.params.get('person') ? <PersonFile {...props} /> : <PeopleList {...props} />;
}

function PeopleList({ unitCode, asOf, params, go }: ViewProps) {
  const { t, tr } = useI18n();
  const { data, loading, error } = useQuery(PEOPLE, { variables: { code: unitCode, asOf } });
  const search = params.get('q') ?? '';
  const people = (data?.people ?? []).filter((person) => nameMatches(person.fullName, search));
  return (
    <div className="view">
      <h2>{t('navPeople')} ({unitCode})</h2>
      <label className="search">
        <span>{t('search')}</span>
        <input type="search" name="q" value={search} onChange={(event) => go('people', { q: event.target.value })} />
      </label>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <DataTable
          caption={`${t('navPeople')} ${unitCode} (${asOf})`}
          fileName={`can-bo-${unitCode}-${asOf}.xlsx`}
          rows={people}
          rowKey={(person) => person.id}
          columns={[
            {
              label: t('fullName'),
              value: (person) => person.fullName,
              render: (person) => <a href="#" data-testid="person-link" onClick={(event) => { event.preventDefault(); go('people', { person: person.id }); }}>{person.fullName}</a>,
            },
            { label: t('birthYear'), value: (person) => person.birthYear ?? null },
            { label: t('category'), value: (person) => (person.category ? enumWord(tr, 'category', person.category) : null) },
            {
              label: t('personalId'),
              value: (person) => person.personalData?.personalId ?? null,
              render: (person) => (
                <span data-testid="personal-id" data-masked={person.personalData?.masked ? 'true' : 'false'}>
                  {person.personalData?.personalId ?? '—'}{person.personalData?.masked ? ` (${t('masked')})` : ''}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
