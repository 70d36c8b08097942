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
import { EvaluationAuditResolver } from './audit/audit.resolver';
import { DownsizingTrigger } from './downsizing-trigger/downsizing-trigger.entity';
import { DownsizingTriggerResolver } from './downsizing-trigger/downsizing-trigger.resolver';
import { DownsizingTriggerService } from './downsizing-trigger/downsizing-trigger.service';
import { CreateRatings1732792000000 } from './migrations/1732792000000-create-ratings';
import { DateRatings1732870000000 } from './migrations/1732870000000-date-ratings';
import { RatingRuleSets1733600000000 } from './migrations/1733600000000-rating-rule-sets';
import { DownsizingTriggers1733610000000 } from './migrations/1733610000000-downsizing-triggers';
import { ResponsibilityRulesCyclesScores1733700000000 } from './migrations/1733700000000-responsibility-rules-cycles-scores';
import { Evaluations1733800000000 } from './migrations/1733800000000-evaluations';
import { EvaluationDecisionService } from './evaluation/evaluation.decision';
import { projectDisciplines } from './evaluation/evaluation.disciplines';
import { RatedPeoplePosts1733820000000 } from './migrations/1733820000000-rated-people-posts';
import { projectRatedPersonnel } from './rated-personnel/rated-personnel.projection';
import { DisciplineFact, Evaluation, EvaluationAppeal, EvaluationStep } from './evaluation/evaluation.entity';
import { EvaluationJudging } from './evaluation/evaluation.judging';
import { evaluationLoaders } from './evaluation/evaluation.loaders';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { EvaluationService } from './evaluation/evaluation.service';
import { DropRatings1733830000000 } from './migrations/1733830000000-drop-ratings';
import { RatedOrganizations1733840000000 } from './migrations/1733840000000-rated-organizations';
import { projectOrganizationNames } from './organization/organization.projection';
import { Organization } from './organization/organization.type';
import { PersonEvaluationsResolver } from './person/person-evaluations.resolver';
import { PersonEvaluations } from './person/person-evaluations.service';
import { Person } from './person/person.type';
import { ratingLoaders } from './rating/rating.loaders';
import { OrganizationRatingResolver, UnitRatingResolver } from './rating/rating.resolver';
import { RatingService } from './rating/rating.service';
import { RatingReportResolver } from './report/report.resolver';
import { RatingReportService } from './report/report.service';
import { RatingRuleSet } from './rule-set/rule-set.entity';
import { RatingRuleSetResolver } from './rule-set/rule-set.resolver';
import { RatingRuleSetService } from './rule-set/rule-set.service';
import { AdministrativeUnit } from './territory/administrative-unit.type';
import { EvaluationCycle } from './cycle/cycle.entity';
import { EvaluationCycleResolver } from './cycle/cycle.resolver';
import { EvaluationCycleService } from './cycle/cycle.service';
import { ResponsibilityRule } from './responsibility-rule/responsibility-rule.entity';
import { ResponsibilityRuleResolver } from './responsibility-rule/responsibility-rule.resolver';
import { ResponsibilityRuleService } from './responsibility-rule/responsibility-rule.service';
import { AnnualScoreService } from './work-score/annual-score.service';
import { PeriodScore } from './work-score/period-score.entity';
import { PeriodScoreResolver } from './work-score/period-score.resolver';
import { PeriodScoreService } from './work-score/period-score.service';
import { territoryGuard } from './territory/territory.guard';

/** Responsibility rules, cycles and the scores of work products, over one set of services. */
function workResultResolvers(dataSource: DataSource) {
  const [rules, cycles, ruleSets] = [new ResponsibilityRuleService(dataSource), new EvaluationCycleService(dataSource), new RatingRuleSetService(dataSource)];
  return [
    new ResponsibilityRuleResolver(rules),
    new EvaluationCycleResolver(cycles),
    new PeriodScoreResolver(new PeriodScoreService(dataSource, cycles, rules, ruleSets), new AnnualScoreService(dataSource, ruleSets)),
  ];
}

/** The rating workflow, judged by the rule sets and downsizing triggers in force. */
function evaluationResolver(dataSource: DataSource) {
  const judging = new EvaluationJudging(new RatingRuleSetService(dataSource), new DownsizingTriggerService(dataSource));
  return new EvaluationResolver(new EvaluationService(dataSource), new EvaluationDecisionService(dataSource, judging));
}

/** Per-request loaders of every feature. */
function serviceLoaders(dataSource: DataSource, principal: Principal) {
  return { ...ratingLoaders(new RatingService(dataSource), new PersonEvaluations(dataSource), principal), ...evaluationLoaders(dataSource), ...decisionLoaders(dataSource) };
}

export type EvaluationLoaders = ReturnType<typeof serviceLoaders>;

export const evaluationService: ServiceDefinition<EvaluationLoaders> = {
  name: 'evaluation',
  entities: [RatingRuleSet, DownsizingTrigger, ResponsibilityRule, EvaluationCycle, PeriodScore, Evaluation, EvaluationStep, EvaluationAppeal, DisciplineFact, Decision],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateTerritoryProjection1732780000000,
    CreateRatings1732792000000,
    CreateDecisionsAndAuditTrail1732845000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    DateRatings1732870000000,
    AuditTrailReads1733100000000,
    RatingRuleSets1733600000000,
    DownsizingTriggers1733610000000,
    ResponsibilityRulesCyclesScores1733700000000,
    Evaluations1733800000000,
    RatedPeoplePosts1733820000000,
    DropRatings1733830000000,
    RatedOrganizations1733840000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(
      [
        ...workResultResolvers(dataSource),
        new UnitRatingResolver(),
        new OrganizationRatingResolver(),
        new PersonEvaluationsResolver(),
        new RatingReportResolver(new RatingReportService(dataSource)),
        new RatingRuleSetResolver(new RatingRuleSetService(dataSource)),
        new DownsizingTriggerResolver(new DownsizingTriggerService(dataSource)),
        new EvaluationAuditResolver(dataSource),
        evaluationResolver(dataSource),
      ],
      {
        orphanedTypes: [AdministrativeUnit, Organization, Person, AuditTrail],
        referenceResolvers: referenceByKey('AdministrativeUnit', 'Organization', 'Person', 'AuditTrail'),
      },
    ),
  territory: territoryGuard,
  loaders: serviceLoaders,
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'evaluation.territory', bus, dataSource, logger })),
    projectDisciplines(new InboxConsumer({ name: 'evaluation.disciplines', bus, dataSource, logger })),
    projectRatedPersonnel(new InboxConsumer({ name: 'evaluation.personnel', bus, dataSource, logger })),
    projectOrganizationNames(new InboxConsumer({ name: 'evaluation.organizations', bus, dataSource, logger })),
  ],
};
