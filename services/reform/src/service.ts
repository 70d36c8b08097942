import {
  CreateTerritoryProjection1732780000000,
  DateTerritoryProjection1732850000000,
  MarkCeasedUnits1732855000000,
  projectTerritory,
  type Principal,
} from '@ps/auth';
import { AuditTrail, AuditTrailReads1733100000000, CreateDecisionsAndAuditTrail1732845000000, Decision, decisionLoaders } from '@ps/effective-dating';
import { CreateMessagingTables1732770000000, InboxConsumer } from '@ps/events';
import { referenceByKey, schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { ReformAuditResolver } from './audit/audit.resolver';
import { CreateReformPlans1732793000000 } from './migrations/1732793000000-create-reform-plans';
import { DateReformPlans1732870000000 } from './migrations/1732870000000-date-reform-plans';
import { CreateStaffingProposals1734100000000 } from './migrations/1734100000000-create-staffing-proposals';
import { Organization } from './organization/organization.type';
import { ReformPlan } from './plan/plan.entity';
import { planLoaders } from './plan/plan.loaders';
import { PlanResolver, UnitPlansResolver } from './plan/plan.resolver';
import { PlanService } from './plan/plan.service';
import { receiveProposalAnswers } from './proposal/proposal.answers';
import { ProposalStep, StaffingProposal } from './proposal/proposal.entity';
import { proposalLoaders } from './proposal/proposal.loaders';
import { ProposalQueries } from './proposal/proposal.queries';
import { OrganizationProposalsResolver, ProposalResolver, UnitProposalsResolver } from './proposal/proposal.resolver';
import { ProposalService } from './proposal/proposal.service';
import { AdministrativeUnit } from './territory/administrative-unit.type';
import { territoryGuard } from './territory/territory.guard';

/** Per-request loaders of every feature. */
function serviceLoaders(dataSource: DataSource, principal: Principal) {
  return {
    ...planLoaders(new PlanService(dataSource), principal),
    ...proposalLoaders(new ProposalQueries(dataSource), new ProposalService(dataSource), principal),
    ...decisionLoaders(dataSource),
  };
}

export type ReformLoaders = ReturnType<typeof serviceLoaders>;

export const reformService: ServiceDefinition<ReformLoaders> = {
  name: 'reform',
  entities: [ReformPlan, StaffingProposal, ProposalStep, Decision],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateTerritoryProjection1732780000000,
    CreateReformPlans1732793000000,
    CreateDecisionsAndAuditTrail1732845000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    DateReformPlans1732870000000,
    AuditTrailReads1733100000000,
    CreateStaffingProposals1734100000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(
      [
        new PlanResolver(new PlanService(dataSource)),
        new UnitPlansResolver(),
        new ProposalResolver(new ProposalService(dataSource), new ProposalQueries(dataSource)),
        new UnitProposalsResolver(),
        new OrganizationProposalsResolver(),
        new ReformAuditResolver(dataSource),
      ],
      {
        orphanedTypes: [AdministrativeUnit, Organization, AuditTrail],
        referenceResolvers: referenceByKey('AdministrativeUnit', 'Organization', 'AuditTrail'),
      },
    ),
  territory: territoryGuard,
  loaders: serviceLoaders,
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'reform.territory', bus, dataSource, logger })),
    receiveProposalAnswers(new InboxConsumer({ name: 'reform.proposal-answers', bus, dataSource, logger })),
  ],
};
