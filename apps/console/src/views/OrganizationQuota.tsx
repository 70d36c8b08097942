import { useState } from 'react';
import type { SignedIn } from '../auth/principal';
import { DataTable } from '../components/DataTable';
import type { ConsoleOrganizationDetailQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { OrganizationQuotaForm } from './OrganizationQuotaForm';

const WORDS = {
  quota: { vi: 'Biên chế của tổ chức', en: 'The organization’s quota' },
  allocated: { vi: 'Đã phân bổ cho cấp dưới', en: 'Allocated below' },
  available: { vi: 'Còn lại để phân bổ', en: 'Left to allocate' },
  since: { vi: 'Từ ngày', en: 'Since' },
  reason: { vi: 'Lý do', en: 'Reason' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  noQuota: { vi: 'Chưa giao biên chế vào ngày này', en: 'No quota set on this date' },
  setQuota: { vi: 'Giao biên chế', en: 'Set the quota' },
  saved: { vi: 'Đã giao biên chế theo quyết định', en: 'Quota set on the decision' },
  history: { vi: 'Các lần thay đổi biên chế và quyết định', en: 'Quota changes and their decisions' },
  amount: { vi: 'Số biên chế', en: 'Quota' },
  from: { vi: 'Hiệu lực từ', en: 'From' },
  to: { vi: 'Đến (không kể)', en: 'Until (exclusive)' },
  decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
  decisionDate: { vi: 'Ngày ký', en: 'Signed on' },
  signer: { vi: 'Người ký', en: 'Signer' },
};

type Detail = ConsoleOrganizationDetailQuery;

interface Decision {
  number: string;
  decidedOn: string;
  signer: string;
}

/** A decision as one line: number (date, signer); a dash when there is none. */
export const decisionText = (decision: Decision | null | undefined) => (decision ? `${decision.number} (${decision.decidedOn}, ${decision.signer})` : '—');

/** The service sets an organization's quota for administrators only: officers would be refused, so they see no button. */
const setsQuota = (who: SignedIn) => who.capability === 'admin';

interface Props {
  who: SignedIn;
  organizationId: string;
  quota: Detail['organizationQuota'];
  history: Detail['quotaHistory'];
  onChanged(): void;
}

/** The organization's quota on the date against what it allocated, every version since with its decision, and (administrators) a new quota on a decision. */
export function OrganizationQuota({ who, organizationId, quota, history, onChanged }: Props) {
  const { t, tr } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const done = () => { setEditing(false); setSaved(true); onChanged(); };
  return (
    <section data-testid="organization-quota-block">
      <h3>{tr(WORDS.quota)}</h3>
      {quota ? (
        <dl className="facts">
          <dt>{t('quota')}</dt><dd data-testid="organization-quota-amount">{quota.amount}</dd>
          <dt>{tr(WORDS.allocated)}</dt><dd data-testid="organization-quota-allocated">{quota.allocated}</dd>
          <dt>{tr(WORDS.available)}</dt><dd data-testid="organization-quota-available">{quota.available}</dd>
          <dt>{tr(WORDS.since)}</dt><dd>{quota.validFrom}</dd>
          <dt>{tr(WORDS.reason)}</dt><dd>{quota.reason ?? '—'}</dd>
          <dt>{tr(WORDS.decision)}</dt><dd data-testid="organization-quota-decision">{decisionText(quota.decision)}</dd>
        </dl>
      ) : <p className="muted" data-testid="organization-quota-amount">{tr(WORDS.noQuota)}</p>}
      {saved && !editing && <p className="notice" role="status" data-testid="quota-saved">{tr(WORDS.saved)}</p>}
      {setsQuota(who) && (editing ? (
        <OrganizationQuotaForm organizationId={organizationId} current={quota?.amount ?? null} onDone={done} onCancel={() => setEditing(false)} />
      ) : (
        <div className="actions">
          <button type="button" name="setQuota" onClick={() => { setSaved(false); setEditing(true); }}>{tr(WORDS.setQuota)}</button>
        </div>
      ))}
      <DataTable
        caption={tr(WORDS.history)}
        fileName={`bien-che-${organizationId}.xlsx`}
        rows={history}
        rowKey={(version) => version.validFrom}
        columns={[
          { label: tr(WORDS.amount), value: (version) => version.amount, render: (version) => <span data-testid="quota-history-amount">{version.amount}</span> },
          { label: tr(WORDS.from), value: (version) => version.validFrom },
          { label: tr(WORDS.to), value: (version) => version.validTo ?? null },
          { label: tr(WORDS.reason), value: (version) => version.reason ?? null },
          { label: tr(WORDS.decisionNumber), value: (version) => version.decision?.number ?? null },
          { label: tr(WORDS.decisionDate), value: (version) => version.decision?.decidedOn ?? null },
          { label: tr(WORDS.signer), value: (version) => version.decision?.signer ?? null },
        ]}
      />
    </section>
  );
}
