import type { Principal } from '@ps/auth';
import { proposalApprovalReads, QuotaIncreaseRefused, type StaffingProposalApproved } from '@ps/contracts';
import { DomainError } from '@ps/errors';
import { recordEvent, type EventEnvelope, type InboxConsumer } from '@ps/events';
import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import { QuotaService } from './quota.service';

type Approval = z.output<typeof StaffingProposalApproved.payload>;

/** The approver as organization acts for them: an admin of their tier and unit, their territory. */
function approverOf(approval: Approval): Principal {
  return { ...approval.approvedBy, capability: 'admin', roles: [approval.approvedBy.role], body: null };
}

/**
 * The saga's step at organization: an approved staffing proposal raises the organization's
 * quota (QuotaChanged naming the proposal), or, when the rules refuse it (above the parent's
 * allocation, another unit's organization, a tier not above), nothing changes and the refusal
 * goes back as QuotaIncreaseRefused with the typed error's code and message. Both in the inbox
 * transaction, so a redelivered approval changes the quota once.
 */
export function receiveApprovedProposals(consumer: InboxConsumer, dataSource: DataSource): InboxConsumer {
  const quotas = new QuotaService(dataSource);
  return consumer.on(proposalApprovalReads.staffingProposalApproved, async (event, manager) => {
    await manager.query('SAVEPOINT staffing_proposal');
    try {
      const { effectiveDate, reason, decision } = event.payload;
      await quotas.raiseForProposal(manager, approverOf(event.payload), event.payload, { effectiveDate, reason, decision });
      await manager.query('RELEASE SAVEPOINT staffing_proposal');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT staffing_proposal');
      await refuse(manager, event, error);
    }
  });
}

async function refuse(manager: EntityManager, event: EventEnvelope<Approval>, error: DomainError): Promise<void> {
  const { proposalId, organizationId, unitCode, increase, effectiveDate } = event.payload;
  await recordEvent(
    manager,
    QuotaIncreaseRefused,
    { proposalId, organizationId, unitCode, increase, effectiveDate, code: error.code, message: error.message },
    { aggregateId: proposalId, actor: event.actor ?? null, correlationId: event.correlationId, causationId: event.id },
  );
}
