import { hasCapability, type Principal } from '@ps/auth';
import { isStableId } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { StaffingProposal } from './proposal.entity';
import { ProposalStatus } from './proposal.kinds';
import { belowCallersTier, proposalsWithinTerritory } from './proposal.territory';

/** Which step an inbox waits for: appraisal by an organization body, or the competent tier's decision. */
export type AwaitedStep = 'APPRAISAL' | 'APPROVAL';

/** Reads of staffing proposals, each one statement cut to the caller's territory inside the SQL. */
export class ProposalQueries {
  constructor(private readonly dataSource: DataSource) {}

  private proposals(principal: Principal): SelectQueryBuilder<StaffingProposal> {
    const query = this.dataSource.getRepository(StaffingProposal).createQueryBuilder('proposal');
    return proposalsWithinTerritory(query, principal, 'proposal').orderBy('proposal.drafted_on').addOrderBy('proposal.created_at');
  }

  /** One proposal, or null when unknown or outside the caller's territory. */
  byId(principal: Principal, id: string): Promise<StaffingProposal | null> {
    if (!isStableId(id)) return Promise.resolve(null);
    return this.proposals(principal).andWhere('proposal.id = :id', { id }).getOne();
  }

  /** The proposals of each unit, of one status or all (for loaders). */
  async ofUnits(principal: Principal, codes: readonly string[], status: ProposalStatus | null): Promise<Map<string, StaffingProposal[]>> {
    const query = this.proposals(principal).andWhere('proposal.unit_code IN (:...codes)', { codes });
    if (status) query.andWhere('proposal.status = :status', { status });
    return groupBy(await query.getMany(), (proposal) => proposal.unitCode);
  }

  /** The proposals for each organization, of one status or all (for loaders). */
  async ofOrganizations(principal: Principal, ids: readonly string[], status: ProposalStatus | null): Promise<Map<string, StaffingProposal[]>> {
    const wanted = ids.filter(isStableId);
    if (wanted.length === 0) return new Map();
    const query = this.proposals(principal).andWhere('proposal.organization_id IN (:...wanted)', { wanted });
    if (status) query.andWhere('proposal.status = :status', { status });
    return groupBy(await query.getMany(), (proposal) => proposal.organizationId);
  }

  /**
   * The caller's inbox: submitted proposals waiting for their appraisal (officers of an
   * organization body), or appraised ones waiting for their decision (admins), of units of a
   * lower tier inside their territory; nobody else has anything waiting.
   */
  awaiting(principal: Principal, step: AwaitedStep): Promise<StaffingProposal[]> {
    const entitled = step === 'APPRAISAL' ? hasCapability(principal, 'officer') && principal.body !== null : hasCapability(principal, 'admin');
    if (!entitled) return Promise.resolve([]);
    const status = step === 'APPRAISAL' ? ProposalStatus.SUBMITTED : ProposalStatus.APPRAISED;
    return belowCallersTier(this.proposals(principal).andWhere('proposal.status = :status', { status }), principal, 'proposal').getMany();
  }
}
