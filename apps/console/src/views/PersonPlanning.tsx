import { useQuery } from '@apollo/client';
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsolePlanningListFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { isTerm, plannedTermOn, planningUnits } from '../planning-term';
import { decisionLine } from './person-words';

const PERSON_PLANNING = graphql(`
  query ConsolePersonPlanning(
    $term: String!, $asOf: LocalDate!, $own: ID!, $parent: ID!, $grand: ID!, $withParent: Boolean!, $withGrand: Boolean!
  ) {
    own: cadrePlanning(unitCode: $own, term: $term, asOf: $asOf) { ...ConsolePlanningList }
    parent: cadrePlanning(unitCode: $parent, term: $term, asOf: $asOf) @include(if: $withParent) { ...ConsolePlanningList }
    grand: cadrePlanning(unitCode: $grand, term: $term, asOf: $asOf) @include(if: $withGrand) { ...ConsolePlanningList }
  }
  fragment ConsolePlanningList on PlanningList {
    unitCode term
    entries { id personId titleCode tier unitCode termStart termEnd validFrom decision { number decidedOn signer } }
  }
`);

const WORDS = {
  planning: { vi: 'Quy hoạch cán bộ', en: 'Cadre planning' },
  term: { vi: 'Nhiệm kỳ (vd. 2025-2030)', en: 'Term (e.g. 2025-2030)' },
  badTerm: { vi: 'Nhiệm kỳ viết NNNN-NNNN, cách nhau 5 năm', en: 'A term reads YYYY-YYYY, five years apart' },
  title: { vi: 'Chức danh quy hoạch', en: 'Planned title' },
  unit: { vi: 'Đơn vị của chức danh', en: 'Position’s unit' },
  since: { vi: 'Từ ngày', en: 'Since' },
  decision: { vi: 'Quyết định', en: 'Decision' },
};

type Entry = ConsolePlanningListFragment['entries'][number];

interface Props {
  personId: string;
  /** The person's unit and those above it. */
  chain: string[];
  callerUnitCode: string;
  asOf: string;
  titleOf(code: string): string;
}

/** The positions the person is planned for in a term, from the planning lists of their unit and those above it in the caller's territory. */
export function PersonPlanning({ personId, chain, callerUnitCode, asOf, titleOf }: Props) {
  const { t, label, tr } = useI18n();
  const [term, setTerm] = useState(plannedTermOn(asOf));
  const units = planningUnits(chain, callerUnitCode);
  const valid = isTerm(term);
  const variables = {
    term: term.trim(), asOf, own: units[0] ?? '', parent: units[1] ?? units[0] ?? '', grand: units[2] ?? units[0] ?? '',
    withParent: units.length > 1, withGrand: units.length > 2,
  };
  const { data, loading, error } = useQuery(PERSON_PLANNING, { variables, skip: !valid || units.length === 0 });
  const lists = [data?.own, data?.parent, data?.grand].filter((list): list is ConsolePlanningListFragment => Boolean(list));
  const entries: Entry[] = lists.flatMap((list) => list.entries.filter((entry) => entry.personId === personId));
  return (
    <section data-testid="planning">
      <div className="controls">
        <label className="search">
          <span>{tr(WORDS.term)}</span>
          <input name="term" value={term} aria-invalid={!valid} onChange={(event) => setTerm(event.target.value)} />
        </label>
        {!valid && <span className="muted">{tr(WORDS.badTerm)}</span>}
      </div>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <DataTable
          caption={`${tr(WORDS.planning)} ${term}`}
          fileName={`quy-hoach-${personId}-${term}.xlsx`}
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            { label: tr(WORDS.title), value: (entry) => titleOf(entry.titleCode), render: (entry) => <span data-testid="planning-title" data-title-code={entry.titleCode}>{titleOf(entry.titleCode)}</span> },
            { label: t('tier'), value: (entry) => label('tier', entry.tier) },
            { label: tr(WORDS.unit), value: (entry) => entry.unitCode },
            { label: tr(WORDS.since), value: (entry) => entry.validFrom },
            { label: tr(WORDS.decision), value: (entry) => decisionLine(entry.decision) },
          ]}
        />
      )}
    </section>
  );
}
