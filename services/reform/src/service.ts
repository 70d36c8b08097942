import {
  CreateTerritoryProjection1732780000000,
  DateTerritoryProjection1732850000000,
  MarkCeasedUnits1732855000000,
  projectTerritory,
  type Principal,
} from '@ps/auth';
import { AuditTrail, AuditTrailReads1733100000000, CreateDecisionsAndAuditTrail1732845000000, Decision, decisionLoaders } from '@ps/effective-dating';
import { InboxConsumer, MESSAGING_MIGRATIONS } from '@ps/events';
import { referenceByKey, schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { ReformAuditResolver } from './audit/audit.resolver';
import { IndicatorActual, ReformIndicator } from './indicator/indicator.entity';
import { IndicatorResolver } from './indicator/indicator.resolver';
import { IndicatorService } from './indicator/indicator.service';
import { CreateReformPlans1732793000000 } from './migrations/1732793000000-create-reform-plans';
import { DateReformPlans1732870000000 } from './migrations/1732870000000-date-reform-plans';
import { PlanDocumentsGoalsTasksIndicators1734000000000 } from './migrations/1734000000000-plan-documents-goals-tasks-indicators';
import { ReformGoal } from './plan/goal.entity';
import { planContentsLoaders } from './plan/plan-contents.loaders';
import { CreateStaffingProposals1734100000000 } from './migrations/1734100000000-create-staffing-proposals';
import { FollowRestructurings1734300000000 } from './migrations/1734300000000-follow-restructurings';
import { TaskOrganizationsAndPeople1734200000000 } from './migrations/1734200000000-task-organizations-and-people';
import { projectOrganizations } from './organization/organization.projection';
import { projectPeople } from './person/person.projection';
import { ReformPlan } from './plan/plan.entity';
import { planLoaders } from './plan/plan.loaders';
import { OrganizationPlansResolver, PlanResolver, UnitPlansResolver } from './plan/plan.resolver';
import { PlanService } from './plan/plan.service';
import { progressLoaders } from './progress/progress.loaders';
import { OrganizationProgressResolver, UnitProgressResolver } from './progress/progress.resolver';
import { SourceDocument } from './source-document/source-document.entity';
import { SourceDocumentResolver } from './source-document/source-document.resolver';
import { SourceDocumentService } from './source-document/source-document.service';
import { followRestructurings } from './succession/restructuring.follow';
import { projectSuccessions } from './succession/succession.projection';
import { ReformTask, TaskProgressReport } from './task/task.entity';
import { TaskResolver } from './task/task.resolver';
import { TaskAssigneesResolver } from './task/task-assignees.resolver';
import { TaskService } from './task/task.service';
import { receiveProposalAnswers } from './proposal/proposal.answers';
import { ProposalStep, StaffingProposal } from './proposal/proposal.entity';
import { proposalLoaders } from './proposal/proposal.loaders';
import { ProposalQueries } from './proposal/proposal.queries';
import { OrganizationProposalsResolver, ProposalResolver, UnitProposalsResolver } from './proposal/proposal.resolver';
import { ProposalService } from './proposal/proposal.service';
import { AdministrativeUnit } from './territory/administrative-unit.type';
import { Organization } from './territory/organization.type';
import { territoryGuard } from './territory/territory.guard';

/** Per-request loaders of every feature. */
function serviceLoaders(dataSource: DataSource, principal: Principal) {
  return {
    ...planLoaders(new PlanService(dataSource), principal),
    ...planContentsLoaders(dataSource),
    ...progressLoaders(dataSource, principal),
    ...proposalLoaders(new ProposalQueries(dataSource), new ProposalService(dataSource), principal),
    ...decisionLoaders(dataSource),
  };
}

export type ReformLoaders = ReturnType<typeof serviceLoaders>;

export const reformService: ServiceDefinition<ReformLoaders> = {
  name: 'reform',
  entities: [ReformPlan, ReformGoal, SourceDocument, ReformTask, TaskProgressReport, ReformIndicator, IndicatorActual, StaffingProposal, ProposalStep, Decision],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateTerritoryProjection1732780000000,
    CreateReformPlans1732793000000,
    CreateDecisionsAndAuditTrail1732845000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    DateReformPlans1732870000000,
    AuditTrailReads1733100000000,
    PlanDocumentsGoalsTasksIndicators1734000000000,
    CreateStaffingProposals1734100000000,
    TaskOrganizationsAndPeople1734200000000,
    FollowRestructurings1734300000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(
      [
        new PlanResolver(new PlanService(dataSource)),
        new UnitPlansResolver(),
        new OrganizationPlansResolver(),
        new SourceDocumentResolver(new SourceDocumentService(dataSource)),
        new TaskResolver(new TaskService(dataSource)),
        new TaskAssigneesResolver(),
        new IndicatorResolver(new IndicatorService(dataSource)),
        new UnitProgressResolver(),
        new OrganizationProgressResolver(),
        new ProposalResolver(new ProposalService(dataSource), new ProposalQueries(dataSource)),
        new UnitProposalsResolver(),
        new OrganizationProposalsResolver(),
        new ReformAuditResolver(dataSource),
      ],
      { orphanedTypes: [AdministrativeUnit, Organization, AuditTrail], referenceResolvers: referenceByKey('AdministrativeUnit', 'Organization', 'AuditTrail') },
    ),
  territory: territoryGuard,
  loaders: serviceLoaders,
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'reform.territory', bus, dataSource, logger })),
    projectSuccessions(new InboxConsumer({ name: 'reform.successions', bus, dataSource, logger })),
    receiveProposalAnswers(new InboxConsumer({ name: 'reform.proposal-answers', bus, dataSource, logger })),
    followRestructurings(new InboxConsumer({ name: 'reform.restructurings', bus, dataSource, logger })),
    projectOrganizations(new InboxConsumer({ name: 'reform.organizations', bus, dataSource, logger })),
    projectPeople(new InboxConsumer({ name: 'reform.people', bus, dataSource, logger })),
  ],
};
