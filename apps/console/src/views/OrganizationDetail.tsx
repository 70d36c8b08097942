import { useQuery } from '@apollo/client';
import type { SignedIn } from '../auth/principal';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import type { ConsoleOrganizationDetailQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { decisionText, OrganizationQuota } from './OrganizationQuota';
import type { MoveHere } from './Organizations';

const DETAIL = graphql(`
  query ConsoleOrganizationDetail($id: ID!, $asOf: LocalDate!) {
    organization(id: $id, asOf: $asOf) {
      id name kind unitCode validFrom validTo headcount vacancies staff
      unit { name }
      parent { id name }
      decision { number decidedOn signer }
      duties { id kind text validFrom decision { number decidedOn signer } }
    }
    organizationSeats(organizationId: $id, asOf: $asOf) {
      seatId title selection capacity filled vacant vacantSince
      holders { assignmentId fullName concurrent since }
    }
    organizationQuota(organizationId: $id, asOf: $asOf) {
      amount allocated available validFrom reason
      decision { number decidedOn signer }
    }
    quotaHistory(holderId: $id, holderKind: ORGANIZATION) {
      validFrom validTo amount reason
      decision { number decidedOn signer }
    }
  }
`);

const WORDS = {
  back: { vi: '← Danh sách tổ chức', en: '← All organizations' },
  kind: { vi: 'Loại tổ chức', en: 'Kind' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  parent: { vi: 'Tổ chức cấp trên', en: 'Parent organization' },
  vacancies: { vi: 'Biên chế còn trống', en: 'Vacancies' },
  staff: { vi: 'Số người được phân công', en: 'People assigned' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  duties: { vi: 'Chức năng, nhiệm vụ', en: 'Functions and duties' },
  dutyKind: { vi: 'Loại', en: 'Kind' },
  text: { vi: 'Nội dung', en: 'Text' },
  FUNCTION: { vi: 'Chức năng', en: 'Function' },
  DUTY: { vi: 'Nhiệm vụ, quyền hạn', en: 'Duty' },
  seats: { vi: 'Vị trí bầu cử, bổ nhiệm', en: 'Elected and appointed seats' },
  seatTitle: { vi: 'Chức danh', en: 'Title' },
  selection: { vi: 'Cách chọn', en: 'Filled by' },
  ELECTED: { vi: 'Bầu cử', en: 'Election' },
  APPOINTED: { vi: 'Bổ nhiệm', en: 'Appointment' },
  capacity: { vi: 'Số người', en: 'Places' },
  filled: { vi: 'Đã có người', en: 'Filled' },
  vacant: { vi: 'Còn trống', en: 'Vacant' },
  vacantSince: { vi: 'Trống từ', en: 'Vacant since' },
  holders: { vi: 'Người giữ', en: 'Holders' },
  concurrent: { vi: 'kiêm nhiệm', en: 'concurrent' },
};

type Detail = ConsoleOrganizationDetailQuery;
type Organization = NonNullable<Detail['organization']>;

interface Props {
  who: SignedIn;
  organizationId: string;
  asOf: string;
  move: MoveHere;
}

/** One organization on the date: what it is, its headcount, its quota and the decisions that moved it, its duties and its seats with their holders. */
export function OrganizationDetail({ who, organizationId, asOf, move }: Props) {
  const { tr } = useI18n();
  const { data, loading, error, refetch } = useQuery(DETAIL, { variables: { id: organizationId, asOf } });
  const organization = data?.organization;
  return (
    <div className="view" data-testid="organization-detail">
      <a href="#" data-testid="back-to-list" onClick={(event) => { event.preventDefault(); move({ organization: null }); }}>{tr(WORDS.back)}</a>
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <>
          {organization && <Facts organization={organization} move={move} />}
          <OrganizationQuota
            who={who}
            organizationId={organizationId}
            quota={data?.organizationQuota ?? null}
            history={data?.quotaHistory ?? []}
            onChanged={() => void refetch()}
          />
          {organization && <Duties organization={organization} asOf={asOf} />}
          <Seats seats={data?.organizationSeats ?? []} organizationId={organizationId} name={organization?.name ?? organizationId} asOf={asOf} />
        </>
      )}
    </div>
  );
}

/** The organization's identity on the date and the people it holds. */
function Facts({ organization, move }: { organization: Organization; move: MoveHere }) {
  const { t, label, tr } = useI18n();
  const parent = organization.parent;
  return (
    <>
      <h2 data-testid="organization-name">{organization.name}</h2>
      <dl className="facts">
        <dt>{tr(WORDS.kind)}</dt><dd data-testid="organization-kind">{label('kind', organization.kind)}</dd>
        <dt>{tr(WORDS.unit)}</dt><dd>{organization.unit?.name ?? organization.unitCode} ({organization.unitCode})</dd>
        <dt>{t('validFrom')}</dt><dd>{organization.validFrom}{organization.validTo ? ` – ${organization.validTo}` : ''}</dd>
        {parent && (<><dt>{tr(WORDS.parent)}</dt><dd><a href="#" onClick={(event) => { event.preventDefault(); move({ organization: parent.id }); }}>{parent.name}</a></dd></>)}
        <dt>{tr(WORDS.decision)}</dt><dd>{decisionText(organization.decision)}</dd>
        <dt>{t('headcount')}</dt><dd data-testid="detail-headcount">{organization.headcount ?? '—'}</dd>
        <dt>{tr(WORDS.vacancies)}</dt><dd data-testid="detail-vacancies">{organization.vacancies ?? '—'}</dd>
        <dt>{tr(WORDS.staff)}</dt><dd data-testid="detail-staff">{organization.staff ?? '—'}</dd>
      </dl>
    </>
  );
}

/** The functions and duties in force on the date, each with the decision that gave it. */
function Duties({ organization, asOf }: { organization: Organization; asOf: string }) {
  const { t, tr } = useI18n();
  return (
    <DataTable
      caption={`${tr(WORDS.duties)}: ${organization.name} (${asOf})`}
      fileName={`nhiem-vu-${organization.id}-${asOf}.xlsx`}
      rows={organization.duties}
      rowKey={(duty) => duty.id}
      columns={[
        { label: tr(WORDS.dutyKind), value: (duty) => tr(WORDS[duty.kind]) },
        { label: tr(WORDS.text), value: (duty) => duty.text, render: (duty) => <span data-testid="duty-text">{duty.text}</span> },
        { label: t('validFrom'), value: (duty) => duty.validFrom },
        { label: tr(WORDS.decision), value: (duty) => decisionText(duty.decision) },
      ]}
    />
  );
}

/** The seats on the date: places, filled, vacant and since when, and who holds them. */
function Seats({ seats, organizationId, name, asOf }: { seats: Detail['organizationSeats']; organizationId: string; name: string; asOf: string }) {
  const { tr } = useI18n();
  const holders = (seat: Detail['organizationSeats'][number]) =>
    seat.holders.map((holder) => `${holder.fullName} (${holder.since}${holder.concurrent ? `, ${tr(WORDS.concurrent)}` : ''})`).join('; ');
  return (
    <DataTable
      caption={`${tr(WORDS.seats)}: ${name} (${asOf})`}
      fileName={`vi-tri-${organizationId}-${asOf}.xlsx`}
      rows={seats}
      rowKey={(seat) => seat.seatId}
      columns={[
        { label: tr(WORDS.seatTitle), value: (seat) => seat.title },
        { label: tr(WORDS.selection), value: (seat) => (seat.selection === 'ELECTED' || seat.selection === 'APPOINTED' ? tr(WORDS[seat.selection]) : seat.selection) },
        { label: tr(WORDS.capacity), value: (seat) => seat.capacity },
        { label: tr(WORDS.filled), value: (seat) => seat.filled },
        { label: tr(WORDS.vacant), value: (seat) => seat.vacant, render: (seat) => <span data-testid="seat-vacant">{seat.vacant}</span> },
        { label: tr(WORDS.vacantSince), value: (seat) => seat.vacantSince ?? null },
        { label: tr(WORDS.holders), value: (seat) => holders(seat) || null },
      ]}
    />
  );
}
