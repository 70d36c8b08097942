import type { EventContract } from '@ps/events';
import { disciplineReads } from './evaluation/discipline.reads';
import { ratedPersonnelReads } from './evaluation/personnel.reads';
import { ratedOrganizationReads } from './evaluation/organization.reads';
import { EvaluationFinalized } from './evaluation/evaluation.events';
import { evaluationReads } from './evaluation/evaluation.reads';
import { RatingRecorded } from './evaluation/rating.events';
import { DutyChanged } from './organization/duty.events';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, OrganizationMoved } from './organization/organization.events';
import { organizationReads } from './organization/organization.reads';
import { successionReads } from './organization/succession.reads';
import { QuotaChanged } from './organization/quota.events';
import {
  BoundaryAdjusted,
  UnitDissolved,
  UnitMoved,
  UnitRenamed,
  UnitSplit,
  UnitsMerged,
} from './organization/restructuring.events';
import { SeatChanged } from './organization/seat.events';
import { territoryReads } from './organization/territory.reads';
import { UnitCreated } from './organization/unit.events';
import { AssignmentChanged } from './personnel/assignment.events';
import { DownsizingDecided } from './personnel/downsizing.events';
import { CadrePlanningChanged } from './personnel/cadre-planning.events';
import { PartyMembershipChanged } from './personnel/party-membership.events';
import { PersonRegistered } from './personnel/person.events';
import { RotationChanged } from './personnel/rotation.events';
import { DisciplineRecorded, RewardRecorded } from './personnel/reward-discipline.events';
import { ReformPlanCreated } from './reform/plan.events';
import { ReformTaskAssigned, ReformTaskProgressReported } from './reform/task.events';
import { StaffingProposalApproved } from './reform/staffing-proposal.events';
import { proposalAnswerReads, proposalApprovalReads } from './reform/staffing-proposal.reads';
import { reformSuccessionReads } from './reform/succession.reads';
import { reformOrganizationReads } from './reform/organization.reads';
import { reformPersonnelReads } from './reform/personnel.reads';
import { QuotaIncreaseRefused } from './organization/quota-refusal.events';

/** Every event contract of every producer, for checks that must cover them all. */
export const EVENT_CONTRACTS: ReadonlyArray<EventContract<unknown, unknown>> = [
  UnitCreated,
  UnitsMerged,
  UnitSplit,
  UnitDissolved,
  UnitMoved,
  UnitRenamed,
  BoundaryAdjusted,
  OrganizationCreated,
  OrganizationChanged,
  OrganizationClosed,
  OrganizationMoved,
  SeatChanged,
  DutyChanged,
  QuotaChanged,
  QuotaIncreaseRefused,
  PersonRegistered,
  PartyMembershipChanged,
  CadrePlanningChanged,
  RotationChanged,
  DisciplineRecorded,
  RewardRecorded,
  DownsizingDecided,
  AssignmentChanged,
  RatingRecorded,
  EvaluationFinalized,
  ReformPlanCreated,
  ReformTaskAssigned,
  ReformTaskProgressReported,
  StaffingProposalApproved,
];

/** Each consumer's views of the events it reads; the contract test proves every one against its producer. */
export const CONSUMER_VIEWS: Readonly<Record<string, ReadonlyArray<EventContract<unknown, unknown>>>> = {
  'territory projection': Object.values(territoryReads),
  'organization projection': Object.values(organizationReads),
  'personnel succession follower': Object.values(successionReads),
  'personnel rating history': Object.values(evaluationReads),
  'evaluation discipline facts': Object.values(disciplineReads),
  'evaluation rated people and posts': Object.values(ratedPersonnelReads),
  'evaluation organization names': Object.values(ratedOrganizationReads),
  'reform staffing proposal answers': Object.values(proposalAnswerReads),
  'organization staffing proposal approvals': Object.values(proposalApprovalReads),
  'reform restructuring follower': Object.values(reformSuccessionReads),
  'reform task organizations': Object.values(reformOrganizationReads),
  'reform task owners': Object.values(reformPersonnelReads),
};
