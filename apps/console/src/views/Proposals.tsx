import { useQuery } from '@apollo/client';
import { useState } from 'react';
import { canWrite } from '../auth/principal';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/States';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { ProposalStep, type StepKind } from './ProposalStep';
import type { ViewProps } from './view-props';

const AWAITING = graphql(`
  query ConsoleAwaiting($step: AwaitedProposalStep!) {
    staffingProposalsAwaiting(step: $step) { id unitCode organizationId title increase status draftedOn appliedQuota outcomeReason }
  }
`);

const QUOTA = graphql(`
  query ConsoleOrganizationQuota($id: ID!) { organizationQuota(organizationId: $id) { amount } }
`);

/** The organization's quota today, read again while its proposal is being applied. */
function QuotaCell({ organizationId, watching }: { organizationId: string; watching: boolean }) {
  const { data } = useQuery(QUOTA, { variables: { id: organizationId }, pollInterval: watching ? 1000 : 0, fetchPolicy: 'network-only' });
  return <span data-testid="organization-quota">{data?.organizationQuota?.amount ?? '—'}</span>;
}

const PROPOSAL = graphql(`
  query ConsoleProposal($id: ID!) { staffingProposal(id: $id) { id title organizationId status appliedQuota outcomeCode outcomeReason } }
`);

const SETTLED = ['APPLIED', 'APPLY_FAILED', 'REJECTED', 'WITHDRAWN', 'APPRAISED'];

/** A proposal just handled here: its status followed until organization has applied (or refused) it, and the quota then. */
function Handled({ id }: { id: string }) {
  const { t, label } = useI18n();
  const { data } = useQuery(PROPOSAL, { variables: { id }, pollInterval: 1000, fetchPolicy: 'network-only' });
  const proposal = data?.staffingProposal;
  if (!proposal) return null;
  const settled = SETTLED.includes(proposal.status);
  return (
    <li data-testid="handled-proposal">
      {proposal.title}: <strong data-testid="handled-status" data-status={proposal.status}>{label('proposal', proposal.status)}</strong>
      {proposal.outcomeReason && <span> — {proposal.outcomeReason}</span>}
      {' · '}{t('quotaNow')}: <QuotaCell organizationId={proposal.organizationId} watching={!settled} />
    </li>
  );
}

type Step = 'APPRAISAL' | 'APPROVAL';

/** The competent tier's inbox: proposals awaiting its appraisal or approval, each step on a decision. */
export function Proposals({ who, params, go }: ViewProps) {
  const { t, label } = useI18n();
  const step: Step = params.get('step') === 'APPRAISAL' ? 'APPRAISAL' : 'APPROVAL';
  const [acting, setActing] = useState<{ id: string; kind: StepKind } | null>(null);
  const [decided, setDecided] = useState<string[]>([]);
  const { data, loading, error, refetch } = useQuery(AWAITING, { variables: { step }, fetchPolicy: 'network-only' });
  const rows = data?.staffingProposalsAwaiting ?? [];
  const actions: StepKind[] = step === 'APPROVAL' ? ['approve', 'reject'] : ['appraise', 'reject'];
  return (
    <div className="view">
      <h2>{t('navProposals')}</h2>
      <nav className="tabs">
        {(['APPRAISAL', 'APPROVAL'] as const).map((tab) => (
          <button key={tab} type="button" className={tab === step ? 'chip active' : 'chip'} onClick={() => go('proposals', { step: tab })}>
            {t(tab === 'APPRAISAL' ? 'awaitingAppraisal' : 'awaitingApproval')}
          </button>
        ))}
      </nav>
      {decided.length > 0 && (
        <section className="handled">
          <h3>{t('handled')}</h3>
          <ul>{decided.map((id) => <Handled key={id} id={id} />)}</ul>
        </section>
      )}
      <ErrorNotice error={error} />
      {loading && !data ? <Loading /> : (
        <DataTable
          caption={t(step === 'APPRAISAL' ? 'awaitingAppraisal' : 'awaitingApproval')}
          fileName={`de-an-bien-che-${step.toLowerCase()}.xlsx`}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { label: t('title'), value: (row) => row.title },
            { label: t('code'), value: (row) => row.unitCode },
            { label: t('increase'), value: (row) => row.increase },
            { label: t('status'), value: (row) => label('proposal', row.status) },
            { label: t('quotaNow'), value: () => null, render: (row) => <QuotaCell organizationId={row.organizationId} watching={false} /> },
            ...(canWrite(who) ? [{
              label: '',
              value: () => null,
              render: (row: (typeof rows)[number]) => acting?.id === row.id ? (
                <ProposalStep
                  proposalId={row.id}
                  kind={acting.kind}
                  onCancel={() => setActing(null)}
                  onDone={() => { setDecided((ids) => [...ids, row.id]); setActing(null); void refetch(); }}
                />
              ) : (
                <span className="actions">
                  {actions.map((kind) => <button key={kind} type="button" name={kind} onClick={() => setActing({ id: row.id, kind })}>{t(kind)}</button>)}
                </span>
              ),
            }] : []),
          ]}
        />
      )}
    </div>
  );
}
