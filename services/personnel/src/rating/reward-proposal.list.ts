import type { Principal } from '@ps/auth';
import type { DataSource } from 'typeorm';
import { withinUnitSubtree } from '../territory/unit-subtree';
import { RewardProposal } from './reward-proposal.entity';

/** Reward proposals from the ratings of a year, read inside the caller's territory. */
export class RewardProposalList {
  constructor(private readonly dataSource: DataSource) {}

  /** The proposals, standing and withdrawn, for people rated in a unit or below it in a year. */
  of(principal: Principal, unitCode: string, year: number, date: string): Promise<RewardProposal[]> {
    const query = this.dataSource.getRepository(RewardProposal).createQueryBuilder('proposal')
      .where('proposal.year = :year', { year })
      .orderBy('proposal.unit_code').addOrderBy('proposal.full_name');
    return withinUnitSubtree(query, principal, 'proposal.unit_code', unitCode, date).getMany();
  }
}
