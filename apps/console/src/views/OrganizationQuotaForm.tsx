import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { todayInVietnam } from '../api/dates';
import { DateField } from '../components/DateField';
import { DecisionFields, decisionInput, decisionReady, newDecision } from '../components/DecisionFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const SET_QUOTA = graphql(`
  mutation ConsoleSetOrganizationQuota($id: ID!, $amount: Int!, $change: EffectiveChangeInput!) {
    setOrganizationQuota(organizationId: $id, amount: $amount, change: $change) { amount validFrom }
  }
`);

const WORDS = {
  amount: { vi: 'Số biên chế giao', en: 'Quota to set' },
  effectiveDate: { vi: 'Có hiệu lực từ ngày', en: 'In force from' },
  reason: { vi: 'Lý do', en: 'Reason' },
  raiseHint: {
    vi: 'Tăng biên chế chỉ theo quyết định của cấp trên hoặc đề án đã được phê duyệt; đơn vị tự giảm được.',
    en: 'A raise needs a higher tier’s decision or an approved proposal; the unit itself may lower it.',
  },
};

interface Props {
  organizationId: string;
  current: number | null;
  onDone(): void;
  onCancel(): void;
}

const isWholeNumber = (text: string) => /^\d+$/.test(text.trim());

/** A new quota for the organization, on a decision (number, date, signer), with its reason and the date it takes effect. */
export function OrganizationQuotaForm({ organizationId, current, onDone, onCancel }: Props) {
  const { t, tr } = useI18n();
  const [amount, setAmount] = useState(current === null ? '' : String(current));
  const [effectiveDate, setEffectiveDate] = useState(todayInVietnam());
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState(newDecision());
  const [run, { loading, error }] = useMutation(SET_QUOTA);
  const ready = isWholeNumber(amount) && reason.trim() && decisionReady(decision);
  const submit = async () => {
    await run({
      variables: { id: organizationId, amount: Number(amount.trim()), change: { effectiveDate, reason: reason.trim(), decision: decisionInput(decision) } },
    }).then(onDone, () => undefined);
  };
  return (
    <form className="step-form" data-testid="quota-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <p className="muted">{tr(WORDS.raiseHint)}</p>
      <label><span>{tr(WORDS.amount)}</span><input type="number" min={0} step={1} name="amount" required value={amount} onChange={(event) => setAmount(event.target.value)} /></label>
      <DateField name="effectiveDate" label={tr(WORDS.effectiveDate)} value={effectiveDate} onChange={setEffectiveDate} />
      <label><span>{tr(WORDS.reason)}</span><input name="reason" required value={reason} onChange={(event) => setReason(event.target.value)} /></label>
      <DecisionFields value={decision} onChange={setDecision} />
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" name="confirm" disabled={!ready || loading}>{t('confirm')}</button>
        <button type="button" name="cancel" className="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
