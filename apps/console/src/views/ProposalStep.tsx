import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { DecisionFields, decisionInput, decisionReady, newDecision } from '../components/DecisionFields';
import { ErrorNotice } from '../components/ErrorNotice';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const APPRAISE = graphql(`mutation ConsoleAppraise($input: ProposalStepInput!) { appraiseStaffingProposal(input: $input) { id status } }`);
const APPROVE = graphql(`mutation ConsoleApprove($input: ProposalStepInput!) { approveStaffingProposal(input: $input) { id status } }`);
const REJECT = graphql(`mutation ConsoleReject($input: ProposalStepInput!) { rejectStaffingProposal(input: $input) { id status } }`);

export type StepKind = 'appraise' | 'approve' | 'reject';
const MUTATIONS = { appraise: APPRAISE, approve: APPROVE, reject: REJECT };
const REASONS = { appraise: 'Thẩm định đề án biên chế', approve: 'Phê duyệt đề án biên chế', reject: 'Từ chối đề án biên chế' };

interface Props {
  proposalId: string;
  kind: StepKind;
  onDone(): void;
  onCancel(): void;
}

/** One step on a proposal, on a decision (number, date, signer) the step cites; a refusal says why. */
export function ProposalStep({ proposalId, kind, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const [decision, setDecision] = useState(newDecision());
  const [comment, setComment] = useState('');
  const [run, { loading, error }] = useMutation(MUTATIONS[kind]);
  const commentRequired = kind !== 'approve';
  const ready = decisionReady(decision) && (!commentRequired || comment.trim());
  const submit = async () => {
    await run({
      variables: { input: { proposalId, comment: comment.trim() || null, change: { effectiveDate: decision.date, reason: REASONS[kind], decision: decisionInput(decision) } } },
    }).then(onDone, () => undefined);
  };
  return (
    <form className="step-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <DecisionFields value={decision} onChange={setDecision} />
      <label><span>{t('comment')}</span><input name="comment" required={commentRequired} value={comment} onChange={(event) => setComment(event.target.value)} /></label>
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" name="confirm" disabled={!ready || loading}>{t('confirm')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
