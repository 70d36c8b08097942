import { writeDatedIn, type Actor, type DatedWrite } from '@ps/effective-dating';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SuccessionPlaces } from '../plan/plan.succession';
import type { OrganizationSuccession, UnitSuccession } from '../succession/restructuring.change';
import { unitOn } from '../territory/unit-on';
import { StaffingProposal, proposalSnapshot } from './proposal.entity';
import { OPEN_PROPOSAL_STATUSES, ProposalStepKind } from './proposal.kinds';
import { aboutProposal, appendStep } from './proposal.steps';

/** Open proposals, locked for the move. */
function openProposals(manager: EntityManager): SelectQueryBuilder<StaffingProposal> {
  return manager
    .getRepository(StaffingProposal)
    .createQueryBuilder('proposal')
    .where('proposal.status IN (:...open)', { open: [...OPEN_PROPOSAL_STATUSES] })
    .orderBy('proposal.id')
    .setLock('pessimistic_write');
}

/**
 * Open proposals of the ceased unit (placed there before the succession: a proposal of a unit
 * later re-established under the same code stays) move to the successor unit, from the
 * succession's date: one MOVED step citing the decision and one audit row each.
 */
export async function moveProposalsOfUnit(manager: EntityManager, actor: Actor, succession: UnitSuccession, places: SuccessionPlaces): Promise<number> {
  const proposals = await openProposals(manager)
    .andWhere('proposal.unit_code = :from AND proposal.placed_on < :date', { from: succession.predecessorCode, date: succession.effectiveDate })
    .getMany();
  for (const proposal of proposals) {
    await writeDatedIn(manager, { actor, operation: 'followUnitSuccession', change: succession.change }, async (write) => {
      aboutProposal(write, proposal, places.to).concerns([places.from.path]).before(proposalSnapshot(proposal));
      await move(write, proposal, { unitCode: places.to.code, placedOn: write.date }, `đơn vị ${label(places.from)} → ${label(places.to)} / unit ${places.from.code} → ${places.to.code}`);
    });
  }
  return proposals.length;
}

/**
 * Open proposals for the closed organization ask, from the closing date, for its successor's
 * quota instead: one MOVED step citing the decision and one audit row each.
 */
export async function moveProposalsOfOrganization(manager: EntityManager, actor: Actor, succession: OrganizationSuccession): Promise<number> {
  const proposals = await openProposals(manager).andWhere('proposal.organization_id = :from', { from: succession.organizationId }).getMany();
  for (const proposal of proposals) {
    await writeDatedIn(manager, { actor, operation: 'followOrganizationSuccession', change: succession.change }, async (write) => {
      const unit = await unitOn(manager, proposal.unitCode, proposal.placedOn);
      aboutProposal(write, proposal, unit).before(proposalSnapshot(proposal));
      const { organizationId: from, successorId: to } = succession;
      await move(write, proposal, { organizationId: to }, `tổ chức ${from} → ${to} / organization ${from} → ${to}`);
    });
  }
  return proposals.length;
}

/** Writes the move, its step (the decision cited first) and the audit row's after-state. */
async function move(write: DatedWrite, proposal: StaffingProposal, changes: Partial<StaffingProposal>, what: string): Promise<void> {
  Object.assign(proposal, changes);
  await write.manager.getRepository(StaffingProposal).update({ id: proposal.id }, changes);
  await appendStep(write, proposal.id, ProposalStepKind.MOVED, `Theo ${write.decision.number}: ${what}`);
  write.after(proposalSnapshot(proposal));
}

function label(unit: { name: string; code: string }): string {
  return `${unit.name} (${unit.code})`;
}
