import { useQuery } from '@apollo/client';
import { graphql } from '../gql';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { useI18n } from '../i18n/i18n';
import type { ViewProps } from './view-props';

const UNIT = graphql(`
  query ConsoleUnit($code: ID!, $asOf: LocalDate!) {
    unit(code: $code, asOf: $asOf) {
      code name tier validFrom validTo
      parent { code name }
      children { code name tier validFrom validTo }
      predecessors { code kind effectiveDate unit { name } }
      successors { code kind effectiveDate unit { name } }
      staffingQuota { amount allocated available }
      partyMemberCount
      headcount
    }
  }
`);

/** A unit as of the chosen date: what it is, what it holds, where it came from and what became of it. */
export function Territory({ unitCode, asOf, go }: ViewProps) {
  const { t, label } = useI18n();
  const { data, loading, error } = useQuery(UNIT, { variables: { code: unitCode, asOf } });
  const unit = data?.unit;
  if (loading && !data) return <Loading />;
  return (
    <div className="view">
      <ErrorNotice error={error} />
      {!unit && !error && <p className="notice">{t('notFound')} ({unitCode}, {asOf})</p>}
      {unit && (
        <>
          <h2 data-testid="unit-name">{unit.name} <small>({unit.code})</small></h2>
          <dl className="facts">
            <dt>{t('tier')}</dt><dd>{label('tier', unit.tier)}</dd>
            <dt>{t('validFrom')}</dt><dd>{unit.validFrom}{unit.validTo ? ` – ${unit.validTo}` : ''}</dd>
            {unit.parent && (<><dt>↑</dt><dd><a href="#" onClick={(event) => { event.preventDefault(); go('territory', { unit: unit.parent?.code ?? null }); }}>{unit.parent.name}</a></dd></>)}
            <dt>{t('partyMembers')}</dt><dd data-testid="party-members">{unit.partyMemberCount ?? '—'}</dd>
            <dt>{t('headcount')}</dt><dd>{unit.headcount ?? '—'}</dd>
            <dt>{t('quota')}</dt><dd data-testid="unit-quota">{unit.staffingQuota ? `${unit.staffingQuota.amount} (${unit.staffingQuota.allocated} / ${unit.staffingQuota.available})` : '—'}</dd>
          </dl>
          {[['predecessors', unit.predecessors], ['successors', unit.successors]].map(([key, links]) =>
            (links as typeof unit.successors).length === 0 ? null : (
              <p key={key as string} className="lineage">
                <strong>{t(key as 'predecessors' | 'successors')}:</strong>{' '}
                {(links as typeof unit.successors).map((link) => (
                  <a key={link.code + link.effectiveDate} href="#" onClick={(event) => { event.preventDefault(); go('territory', { unit: link.code, asOf: link.effectiveDate }); }}>
                    {link.unit?.name ?? link.code} ({label('lineage', link.kind)}, {link.effectiveDate})
                  </a>
                ))}
              </p>
            ),
          )}
          <DataTable
            caption={`${t('children')}: ${unit.name}`}
            fileName={`don-vi-truc-thuoc-${unit.code}-${asOf}.xlsx`}
            rows={unit.children}
            rowKey={(child) => child.code}
            columns={[
              { label: t('code'), value: (child) => child.code },
              {
                label: t('name'),
                value: (child) => child.name,
                render: (child) => <a href="#" onClick={(event) => { event.preventDefault(); go('territory', { unit: child.code }); }}>{child.name}</a>,
              },
              { label: t('tier'), value: (child) => label('tier', child.tier) },
              { label: t('validFrom'), value: (child) => child.validFrom },
            ]}
          />
        </>
      )}
    </div>
  );
}
