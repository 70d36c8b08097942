import type { Principal } from '@ps/auth';
import DataLoader from 'dataloader';
import type { ProposalStep, StaffingProposal } from './proposal.entity';
import type { ProposalStatus } from './proposal.kinds';
import type { ProposalQueries } from './proposal.queries';
import type { ProposalService } from './proposal.service';

/** A holder (unit code or organization id) and the status asked for; one batch per status. */
export interface ProposalKey {
  id: string;
  status: ProposalStatus | null;
}

function byStatus(load: (ids: readonly string[], status: ProposalStatus | null) => Promise<Map<string, StaffingProposal[]>>) {
  return new DataLoader<ProposalKey, StaffingProposal[], string>(
    async (keys) => {
      const statuses = [...new Set(keys.map((key) => key.status))];
      const answers = new Map(await Promise.all(statuses.map(async (status) => [status, await load(keys.filter((key) => key.status === status).map((key) => key.id), status)] as const)));
      return keys.map((key) => answers.get(key.status)?.get(key.id) ?? []);
    },
    { cacheKeyFn: (key) => `${key.status ?? '*'}:${key.id}` },
  );
}

/** Per-request batch loaders of proposals over the caller's territory, and of their steps. */
export function proposalLoaders(queries: ProposalQueries, proposals: ProposalService, principal: Principal) {
  return {
    proposalsOfUnit: byStatus((codes, status) => queries.ofUnits(principal, codes, status)),
    proposalsOfOrganization: byStatus((ids, status) => queries.ofOrganizations(principal, ids, status)),
    proposalSteps: new DataLoader<string, ProposalStep[]>(async (ids) => {
      const steps = await proposals.stepsOf(ids);
      return ids.map((id) => steps.get(id) ?? []);
    }),
  };
}

export type ProposalLoaders = ReturnType<typeof proposalLoaders>;
