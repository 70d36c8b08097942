import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { DownsizingDecided } from '@ps/contracts';
import { addMonths, insertVersion, isStableId, stampAsOf, updateVersions, writeDated, type DatedWrite } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { requireManaging } from '../management/management.guard';
import type { Person } from '../person/person.entity';
import { personLabel, type PersonService } from '../person/person.service';
import { territoryGuard } from '../territory/territory.guard';
import { withinUnitSubtree } from '../territory/unit-subtree';
import { DownsizingCandidate, DownsizingCandidateStatus } from './downsizing-candidate.entity';
import { circumstancesOn, downsizingRulesOn } from './downsizing-rules.lookup';
import { Downsizing, DownsizingRule, DownsizingRuleKind, PersonCircumstance } from './downsizing.entity';
import {
  AlreadyDownsizedError,
  CandidateGroundMismatchError,
  CandidateWithdrawnError,
  CircumstanceUnknownError,
  DownsizingCandidateNotFoundError,
  DownsizingPersonNotFoundError,
  downsizingRefusal,
} from './downsizing.errors';
import type { DecideDownsizingInput, RecordCircumstanceInput } from './downsizing.inputs';
import { assessDownsizing, type DownsizingAssessment } from './downsizing.rules';

/** Downsizing decisions judged by the rules in force on their date, and the circumstances that defer them. */
export class DownsizingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /** The grounds and exclusions in force on the date. */
  rules(date: string, manager: EntityManager = this.dataSource.manager): Promise<DownsizingRule[]> {
    return downsizingRulesOn(manager, date);
  }

  /** Whether the person may be downsized on the ground on the date, each exclusion with why. */
  async assess(principal: Principal, personId: string, groundCode: string, volunteered: boolean, date: string, manager = this.dataSource.manager): Promise<DownsizingAssessment> {
    await this.personWithin(principal, personId, date, manager);
    return assessDownsizing(await this.rules(date, manager), groundCode, await circumstancesOn(manager, personId, date), volunteered);
  }

  /** Records a circumstance deferring downsizing from the change's date, to its end or the rule's duration. */
  async recordCircumstance(principal: Principal, input: RecordCircumstanceInput): Promise<PersonCircumstance> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'recordCircumstance', change: input.change }, async (write) => {
      const { person, unit } = await this.personWithin(principal, input.personId, write.date, write.manager);
      await requireManaging(write.manager, principal, person.id, write.date);
      const rule = (await this.rules(write.date, write.manager)).find((candidate) => candidate.kind === DownsizingRuleKind.EXCLUSION && candidate.code === input.kind);
      if (!rule) throw new CircumstanceUnknownError(input.kind, write.date);
      const endsOn = input.endsOn ?? (rule.lastsMonths ? addMonths(write.date, rule.lastsMonths) : null);
      if (endsOn !== null && endsOn <= write.date) {
        throw new BadUserInputError('Ngày kết thúc phải sau ngày bắt đầu', 'The end must come after the start', { reason: 'ENDS_BEFORE_START', endsOn, date: write.date });
      }
      const circumstance = await insertVersion(write, PersonCircumstance, { id: randomUUID(), personId: person.id, kind: rule.code });
      if (endsOn) await updateVersions(write.manager, PersonCircumstance, [circumstance.versionId], { validTo: endsOn });
      circumstance.validTo = endsOn;
      about(write, person, unit).after({ kind: rule.code, validFrom: circumstance.validFrom, validTo: endsOn });
      return stampAsOf(circumstance, write.date);
    });
  }

  /** Decides a downsizing from the change's date when the rules in force allow it; refuses with the blocking rules otherwise. */
  async decide(principal: Principal, input: DecideDownsizingInput): Promise<Downsizing> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'decideDownsizing', change: input.change }, async (write) => {
      const { person, unit } = await this.personWithin(principal, input.personId, write.date, write.manager);
      await requireManaging(write.manager, principal, person.id, write.date);
      if (await write.manager.getRepository(Downsizing).exists({ where: { personId: person.id, validTo: IsNull() } })) throw new AlreadyDownsizedError();
      const assessment = await this.assess(principal, person.id, input.groundCode, input.volunteered, write.date, write.manager);
      if (!assessment.allowed) throw downsizingRefusal(assessment, write.date);
      if (input.candidateId) await requireCitableCandidate(write.manager, input.candidateId, person.id, input.groundCode);
      const downsizing = await insertVersion(write, Downsizing, {
        id: randomUUID(), personId: person.id, groundCode: input.groundCode, volunteered: input.volunteered, candidateId: input.candidateId ?? null,
      });
      about(write, person, unit).after({ groundCode: downsizing.groundCode, volunteered: downsizing.volunteered, candidateId: downsizing.candidateId });
      await write.emit(
        DownsizingDecided,
        { downsizingId: downsizing.id, personId: person.id, unitCode: unit.code, groundCode: downsizing.groundCode, volunteered: downsizing.volunteered, candidateId: downsizing.candidateId, ...write.facts },
        { aggregateId: person.id, unitPath: unit.path },
      );
      return stampAsOf(downsizing, write.date);
    });
  }

  /** Candidates from evaluation's ratings for a unit and below, inside the caller's territory, for a year; all statuses unless one is asked. */
  candidates(principal: Principal, unitCode: string, year: number, status: DownsizingCandidateStatus | null, date: string): Promise<DownsizingCandidate[]> {
    const query = this.dataSource.getRepository(DownsizingCandidate).createQueryBuilder('candidate')
      .where('candidate.year = :year', { year })
      .orderBy('candidate.unit_code').addOrderBy('candidate.full_name').addOrderBy('candidate.ground_code');
    if (status) query.andWhere('candidate.status = :status', { status });
    return withinUnitSubtree(query, principal, 'candidate.unit_code', unitCode, date).getMany();
  }

  private async personWithin(principal: Principal, personId: string, date: string, manager: EntityManager): Promise<{ person: Person; unit: GuardedUnit }> {
    const person = await this.people.byId(principal, personId, date, manager);
    if (!person) throw new DownsizingPersonNotFoundError(personId);
    return { person, unit: await territoryGuard.unitWithin(manager, principal, person.unitCode, date) };
  }
}

/** The candidate a decision cites: the person's own, still standing, on the ground decided. */
async function requireCitableCandidate(manager: EntityManager, candidateId: string, personId: string, groundCode: string): Promise<void> {
  const candidate = isStableId(candidateId) ? await manager.getRepository(DownsizingCandidate).findOneBy({ id: candidateId, personId }) : null;
  if (!candidate) throw new DownsizingCandidateNotFoundError(candidateId);
  if (candidate.status === DownsizingCandidateStatus.WITHDRAWN) throw new CandidateWithdrawnError(candidate);
  if (candidate.groundCode !== groundCode) throw new CandidateGroundMismatchError(candidate, groundCode);
}

function about(write: DatedWrite, person: Person, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'Person', id: person.id, label: personLabel(person, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
