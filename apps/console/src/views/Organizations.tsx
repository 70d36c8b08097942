import { useQuery } from '@apollo/client';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { OrganizationKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { DutyOverlaps } from './DutyOverlaps';
import { OrganizationDetail } from './OrganizationDetail';
import type { ViewProps } from './view-props';

const ORGANIZATIONS = graphql(`
  query ConsoleOrganizations($code: ID!, $asOf: LocalDate!, $kind: OrganizationKind) {
    unit(code: $code, asOf: $asOf) {
      code name headcount vacancies
      staffingQuota { amount allocated available }
    }
    organizations(unitCode: $code, asOf: $asOf, kind: $kind) { id name kind validFrom headcount vacancies staff }
  }
`);

/** The kinds of organization the filter offers, as the schema's OrganizationKind spells them. */
const KINDS: OrganizationKind[] = [
  'PARTY_ORGANIZATION', 'PARTY_COMMITTEE', 'PARTY_GRASSROOTS', 'PARTY_CELL', 'PEOPLES_COUNCIL',
  'PEOPLES_COMMITTEE', 'DEPARTMENT', 'FATHERLAND_FRONT', 'MASS_ORGANIZATION', 'PUBLIC_SERVICE_UNIT',
];

const WORDS = {
  title: { vi: 'Tổ chức, biên chế', en: 'Organizations, staffing' },
  kind: { vi: 'Loại tổ chức', en: 'Kind' },
  allKinds: { vi: 'Tất cả các loại', en: 'All kinds' },
  organizations: { vi: 'Các tổ chức', en: 'Organizations' },
  unitQuota: { vi: 'Biên chế của đơn vị', en: 'The unit’s staffing' },
  allocated: { vi: 'Đã phân bổ cho cấp dưới', en: 'Allocated below' },
  available: { vi: 'Còn lại để phân bổ', en: 'Left to allocate' },
  vacancies: { vi: 'Biên chế còn trống', en: 'Vacancies' },
  staff: { vi: 'Số người được phân công', en: 'People assigned' },
  noQuota: { vi: 'chưa giao', en: 'not set' },
};

/** Moves within this view, keeping the rest of the address. */
export type MoveHere = (changes: Record<string, string | null>) => void;

/** `go` bound to this view. */
function movesHere(go: ViewProps['go']): MoveHere {
  return (changes) => go('organizations', changes);
}

const kindOf = (value: string | null): OrganizationKind | null => KINDS.find((kind) => kind === value) ?? null;

/**
 * The unit's organizations in force on the date (kind, since when, headcount, vacancies, staff)
 * with a kind filter, the unit's quota against its headcount, and the duties two of them hold
 * twice; an organization chosen shows its own detail.
 */
export function Organizations({ who, unitCode, asOf, params, go }: ViewProps) {
  const move = movesHere(go);
  const organizationId = params.get('organization');
  if (organizationId) return <OrganizationDetail who={who} organizationId={organizationId} asOf={asOf} move={move} />;
  return (
    <div className="view">
      <OrganizationList unitCode={unitCode} asOf={asOf} kind={kindOf(params.get('kind'))} move={move} />
      <DutyOverlaps unitCode={unitCode} asOf={asOf} params={params} move={move} />
    </div>
  );
}

interface ListProps {
  unitCode: string;
  asOf: string;
  kind: OrganizationKind | null;
  move: MoveHere;
}

/** The unit's quota summary and its organizations of the kind chosen, each opening its detail. */
function OrganizationList({ unitCode, asOf, kind, move }: ListProps) {
  const { t, label, tr } = useI18n();
  const { data, loading, error } = useQuery(ORGANIZATIONS, { variables: { code: unitCode, asOf, kind } });
  const unit = data?.unit;
  const rows = data?.organizations ?? [];
  const quota = unit?.staffingQuota;
  return (
    <>
      <h2 data-testid="organizations-unit">{tr(WORDS.title)}: {unit?.name ?? unitCode} <small>({unitCode}, {asOf})</small></h2>
      <section>
        <h3>{tr(WORDS.unitQuota)}</h3>
        <dl className="facts">
          <dt>{t('quota')}</dt><dd data-testid="unit-quota-amount">{quota ? quota.amount : tr(WORDS.noQuota)}</dd>
          <dt>{tr(WORDS.allocated)}</dt><dd data-testid="unit-quota-allocated">{quota?.allocated ?? '—'}</dd>
          <dt>{tr(WORDS.available)}</dt><dd data-testid="unit-quota-available">{quota?.available ?? '—'}</dd>
          <dt>{t('headcount')}</dt><dd data-testid="unit-headcount">{unit?.headcount ?? '—'}</dd>
          <dt>{tr(WORDS.vacancies)}</dt><dd data-testid="unit-vacancies">{unit?.vacancies ?? '—'}</dd>
        </dl>
      </section>
      <label className="search">
        <span>{tr(WORDS.kind)}</span>
        <select name="kind" value={kind ?? ''} onChange={(event) => move({ kind: event.target.value || null })}>
          <option value="">{tr(WORDS.allKinds)}</option>
          {KINDS.map((value) => <option key={value} value={value}>{label('kind', value)}</option>)}
        </select>
      </label>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <DataTable
          caption={`${tr(WORDS.organizations)}: ${unit?.name ?? unitCode}${kind ? ` · ${label('kind', kind)}` : ''} (${asOf})`}
          fileName={`to-chuc-${unitCode}${kind ? `-${kind.toLowerCase()}` : ''}-${asOf}.xlsx`}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              label: t('name'),
              value: (row) => row.name,
              render: (row) => (
                <a href="#" data-testid="organization-link" data-id={row.id} onClick={(event) => { event.preventDefault(); move({ organization: row.id }); }}>{row.name}</a>
              ),
            },
            { label: tr(WORDS.kind), value: (row) => label('kind', row.kind) },
            { label: t('validFrom'), value: (row) => row.validFrom },
            { label: t('headcount'), value: (row) => row.headcount ?? null, render: (row) => <span data-testid="organization-headcount">{row.headcount ?? '—'}</span> },
            { label: tr(WORDS.vacancies), value: (row) => row.vacancies ?? null, render: (row) => <span data-testid="organization-vacancies">{row.vacancies ?? '—'}</span> },
            { label: tr(WORDS.staff), value: (row) => row.staff ?? null },
          ]}
        />
      )}
    </>
  );
}
