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
import { Assignment } from './assignment/assignment.entity';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { AssignmentService } from './assignment/assignment.service';
import { StaffCounts } from './assignment/staff.figures';
import { staffLoaders } from './assignment/staff.loaders';
import { OrganizationStaffResolver, UnitStaffResolver } from './assignment/staff.resolver';
import { PersonnelAuditResolver } from './audit/audit.resolver';
import { EligibilityResolver } from './criteria/eligibility.resolver';
import { EligibilityService } from './criteria/eligibility.service';
import { DownsizingCandidate } from './downsizing/downsizing-candidate.entity';
import { Downsizing, DownsizingRule, PersonCircumstance } from './downsizing/downsizing.entity';
import { DownsizingResolver } from './downsizing/downsizing.resolver';
import { DownsizingService } from './downsizing/downsizing.service';
import { FamilyMember } from './family/family-member.entity';
import { FamilyMemberResolver } from './family/family-member.resolver';
import { FamilyMemberService } from './family/family-member.service';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';
import { managementLoaders } from './management/management.loaders';
import { ManagementRuleResolver } from './management/management.resolver';
import { CreatePeople1732791000000 } from './migrations/1732791000000-create-people';
import { DatePeople1732870000000 } from './migrations/1732870000000-date-people';
import { PersonEFile1733000000000 } from './migrations/1733000000000-person-e-file';
import { PartyMembership1733010000000 } from './migrations/1733010000000-party-membership';
import { TitleCatalogue1733020000000 } from './migrations/1733020000000-title-catalogue';
import { OrganizationSuccession1733040000000 } from './migrations/1733040000000-organization-succession';
import { Downsizing1733050000000 } from './migrations/1733050000000-downsizing';
import { HeadcountReductionRule1733060000000 } from './migrations/1733060000000-headcount-reduction-rule';
import { OrganizationProjection1733200000000 } from './migrations/1733200000000-organization-projection';
import { Assignment1733210000000 } from './migrations/1733210000000-assignment';
import { projectOrganizations } from './organization/organization.projection';
import { Organization } from './organization/organization.type';
import { CadreRules1733300000000 } from './migrations/1733300000000-cadre-rules';
import { CadrePlanning1733310000000 } from './migrations/1733310000000-cadre-planning';
import { Rotation1733320000000 } from './migrations/1733320000000-rotation';
import { TitleCriteria1733330000000 } from './migrations/1733330000000-title-criteria';
import { ManagementRules1733110000000 } from './migrations/1733110000000-management-rules';
import { PersonQualifications1733120000000 } from './migrations/1733120000000-person-qualifications';
import { RewardsDisciplines1733130000000 } from './migrations/1733130000000-rewards-disciplines';
import { TitleManagementRules1733400000000 } from './migrations/1733400000000-title-management-rules';
import { AddedManagementRules1733410000000 } from './migrations/1733410000000-added-management-rules';
import { FamilyMembers1733500000000 } from './migrations/1733500000000-family-members';
import { RatingHistory1733900000000 } from './migrations/1733900000000-rating-history';
import { SuccessionBySuccessor1734000000000 } from './migrations/1734000000000-succession-by-successor';
import { SamePostLedByOrganization1734100000000 } from './migrations/1734100000000-same-post-led-by-organization';
import { PersonalIdRuleApartFromPersonLookups1734110000000 } from './migrations/1734110000000-personal-id-rule-apart-from-person-lookups';
import { CardAndPersonalIdRulesByHash1734120000000 } from './migrations/1734120000000-card-and-personal-id-rules-by-hash';
import { PartyMemberCounts } from './party/party-member.counts';
import { PartyMembership } from './party/party-membership.entity';
import { partyMembershipLoaders } from './party/party-membership.loaders';
import { OrganizationPartyMembersResolver, PartyMembershipResolver, UnitPartyMembersResolver } from './party/party-membership.resolver';
import { PartyMembershipService } from './party/party-membership.service';
import { Person } from './person/person.entity';
import { SeatOccupancyResolver } from './seat/seat-occupancy.resolver';
import { SeatOccupancyService } from './seat/seat-occupancy.service';
import { personLoaders } from './person/person.loaders';
import { PersonResolver } from './person/person.resolver';
import { personReferenceLoaders, personReferenceResolvers } from './person/person.reference';
import { PersonService } from './person/person.service';
import { PlanningEntry } from './planning/planning.entity';
import { PlanningLists } from './planning/planning-list.service';
import { PlanningResolver } from './planning/planning.resolver';
import { PlanningService } from './planning/planning.service';
import { Rotation } from './rotation/rotation.entity';
import { RotationResolver } from './rotation/rotation.resolver';
import { RotationService } from './rotation/rotation.service';
import { PersonalDataService } from './person/personal-data.service';
import { receiveFinalizedEvaluations } from './rating/evaluation-finalized.inbox';
import { PersonRating } from './rating/person-rating.entity';
import { ratingHistoryLoaders } from './rating/rating-history.loaders';
import { PersonRatingResolver, RewardProposalResolver } from './rating/rating.resolver';
import { RewardProposal } from './rating/reward-proposal.entity';
import { RewardProposalList } from './rating/reward-proposal.list';
import { Discipline, Reward } from './reward-discipline/reward-discipline.entity';
import { rewardDisciplineLoaders } from './reward-discipline/reward-discipline.loaders';
import { DisciplineDecisionResolver, PersonRecordsResolver, RewardDecisionResolver } from './reward-discipline/reward-discipline.resolver';
import { RewardDisciplineService } from './reward-discipline/reward-discipline.service';
import { followSuccessions } from './succession/succession.follow';
import { SurplusResolver } from './surplus/surplus.resolver';
import { AdministrativeUnit } from './territory/administrative-unit.type';
import { territoryGuard } from './territory/territory.guard';
import { Title } from './title/title.entity';
import { TitleResolver } from './title/title.resolver';
import { TitleCatalogue } from './title/title.service';

/** Per-request loaders of every feature. */
function serviceLoaders(dataSource: DataSource, principal: Principal) {
  return {
    ...staffLoaders(new StaffCounts(dataSource), principal),
    ...personLoaders(new PersonalDataService(dataSource), principal),
    ...personReferenceLoaders(dataSource, principal),
    ...partyMembershipLoaders(new PartyMemberCounts(dataSource), principal),
    ...managementLoaders(dataSource),
    ...rewardDisciplineLoaders(dataSource),
    ...decisionLoaders(dataSource),
    ...ratingHistoryLoaders(dataSource),
  };
}

export type PersonnelLoaders = ReturnType<typeof serviceLoaders>;

function resolvers(dataSource: DataSource) {
  const people = new PersonService(dataSource);
  const planning = new PlanningService(dataSource, people);
  return [
    new PersonResolver(people),
    new UnitStaffResolver(),
    new OrganizationStaffResolver(),
    new AssignmentResolver(new AssignmentService(dataSource, people)),
    new SeatOccupancyResolver(new SeatOccupancyService(dataSource)),
    new PartyMembershipResolver(new PartyMembershipService(dataSource, people)),
    new UnitPartyMembersResolver(),
    new OrganizationPartyMembersResolver(),
    new FamilyMemberResolver(new FamilyMemberService(dataSource, people)),
    new PersonRecordsResolver(new RewardDisciplineService(dataSource, people)),
    new DisciplineDecisionResolver(),
    new RewardDecisionResolver(),
    new ManagementRuleResolver(dataSource),
    new PersonnelAuditResolver(dataSource),
    new TitleResolver(new TitleCatalogue(dataSource)),
    new DownsizingResolver(new DownsizingService(dataSource, people)),
    new SurplusResolver(dataSource),
    new ImportResolver(new ImportService(dataSource)),
    new PlanningResolver(planning, new PlanningLists(dataSource, planning), people),
    new RotationResolver(new RotationService(dataSource, people), people),
    new EligibilityResolver(new EligibilityService(dataSource, people)),
    new PersonRatingResolver(),
    new RewardProposalResolver(new RewardProposalList(dataSource)),
  ];
}

export const personnelService: ServiceDefinition<PersonnelLoaders> = {
  name: 'personnel',
  entities: [
    Person, PartyMembership, Title, Assignment, DownsizingRule, PersonCircumstance, Downsizing, DownsizingCandidate, PlanningEntry, Rotation, Discipline,
    Reward, FamilyMember, Decision, PersonRating, RewardProposal,
  ],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateTerritoryProjection1732780000000,
    CreatePeople1732791000000,
    CreateDecisionsAndAuditTrail1732845000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    DatePeople1732870000000,
    PersonEFile1733000000000,
    PartyMembership1733010000000,
    TitleCatalogue1733020000000,
    OrganizationSuccession1733040000000,
    Downsizing1733050000000,
    HeadcountReductionRule1733060000000,
    AuditTrailReads1733100000000,
    ManagementRules1733110000000,
    PersonQualifications1733120000000,
    RewardsDisciplines1733130000000,
    OrganizationProjection1733200000000,
    Assignment1733210000000,
    CadreRules1733300000000,
    CadrePlanning1733310000000,
    Rotation1733320000000,
    TitleCriteria1733330000000,
    TitleManagementRules1733400000000,
    AddedManagementRules1733410000000,
    FamilyMembers1733500000000,
    RatingHistory1733900000000,
    SuccessionBySuccessor1734000000000,
    SamePostLedByOrganization1734100000000,
    PersonalIdRuleApartFromPersonLookups1734110000000,
    CardAndPersonalIdRulesByHash1734120000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(resolvers(dataSource), {
      orphanedTypes: [AdministrativeUnit, Organization, AuditTrail],
      referenceResolvers: { ...referenceByKey('AdministrativeUnit', 'Organization', 'AuditTrail'), ...personReferenceResolvers },
    }),
  territory: territoryGuard,
  loaders: serviceLoaders,
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'personnel.territory', bus, dataSource, logger })),
    projectOrganizations(new InboxConsumer({ name: 'personnel.organizations', bus, dataSource, logger })),
    followSuccessions(new InboxConsumer({ name: 'personnel.successions', bus, dataSource, logger })),
    receiveFinalizedEvaluations(new InboxConsumer({ name: 'personnel.evaluations', bus, dataSource, logger }), logger),
  ],
};
