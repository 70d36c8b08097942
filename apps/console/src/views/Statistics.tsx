import { useQuery } from '@apollo/client';
import { yearEnds } from '../api/dates';
import { BarChart } from '../components/BarChart';
import { DataTable } from '../components/DataTable';
import { DateField } from '../components/DateField';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import type { ViewProps } from './view-props';

const COMPARISON = graphql(`
  query ConsoleComparison($code: ID!, $from: LocalDate!, $to: LocalDate!) {
    compareStatistics(code: $code, from: $from, to: $to) {
      changes { measure organizationKind tier from to change }
    }
    then: unit(code: $code, asOf: $from) { name validFrom validTo partyMemberCount }
    now: unit(code: $code, asOf: $to) { name partyMemberCount }
  }
`);

const UNIT_SPAN = graphql(`
  query ConsoleUnitSpan($code: ID!, $asOf: LocalDate!) {
    unit(code: $code, asOf: $asOf) { validFrom validTo }
  }
`);

/**
 * A unit's figures on two dates side by side, with what changed: by default from the end of its
 * first year to the date shown; a year-end button (up to the date shown) puts that year on the right.
 */
export function Statistics({ unitCode, asOf, params, go }: ViewProps) {
  const { t, label } = useI18n();
  const span = useQuery(UNIT_SPAN, { variables: { code: unitCode, asOf } }).data?.unit;
  const firstYear = span ? Number(span.validFrom.slice(0, 4)) : undefined;
  const from = params.get('from') ?? (firstYear ? `${firstYear}-12-31` : asOf);
  const to = params.get('to') ?? asOf;
  const { data, loading, error } = useQuery(COMPARISON, { variables: { code: unitCode, from, to }, skip: !span });
  const changes = data?.compareStatistics?.changes ?? [];
  const figure = (row: (typeof changes)[number]) => `${label('measure', row.measure)}${row.organizationKind ? ` · ${label('kind', row.organizationKind)}` : ''}${row.tier ? ` · ${label('tier', row.tier)}` : ''}`;
  const members = data?.then && data.now ? [{ measure: 'PARTY_MEMBERS', organizationKind: null, tier: null, from: data.then.partyMemberCount ?? 0, to: data.now.partyMemberCount ?? 0 }] : [];
  const rows = [...members.map((row) => ({ ...row, label: t('partyMembers'), change: row.to - row.from })), ...changes.map((row) => ({ ...row, label: figure(row) }))];
  const lastYear = Number(asOf.slice(0, 4));
  return (
    <div className="view">
      <h2>{t('navStatistics')}: {data?.now?.name ?? data?.then?.name ?? unitCode}</h2>
      <div className="controls">
        <DateField name="from" label={t('compareFrom')} value={from} max={to} onChange={(date) => go('statistics', { from: date })} />
        <DateField name="to" label={t('compareTo')} value={to} onChange={(date) => go('statistics', { to: date })} />
      </div>
      {firstYear && (
        <nav className="years" aria-label={t('quickYears')}>
          <span>{t('quickYears')}:</span>
          {yearEnds(firstYear, lastYear).filter((date) => date <= asOf).map((date) => (
            <button key={date} type="button" className={date === to ? 'chip active' : 'chip'} onClick={() => go('statistics', { to: date })}>{date.slice(0, 4)}</button>
          ))}
        </nav>
      )}
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <>
          <BarChart fromLabel={from} toLabel={to} rows={rows.filter((row) => row.measure === 'PARTY_MEMBERS' || row.organizationKind).map((row) => ({ label: row.label, from: row.from, to: row.to }))} />
          <DataTable
            caption={`${t('navStatistics')} ${unitCode}: ${from} → ${to}`}
            fileName={`thong-ke-${unitCode}-${from}-${to}.xlsx`}
            rows={rows}
            rowKey={(row) => row.label}
            columns={[
              { label: t('measure'), value: (row) => row.label },
              { label: from, value: (row) => row.from },
              { label: to, value: (row) => row.to },
              { label: t('change'), value: (row) => row.change, render: (row) => (row.change > 0 ? `+${row.change}` : String(row.change)) },
            ]}
          />
        </>
      )}
    </div>
  );
}
