import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { DisciplineRecorded, RewardRecorded } from '@ps/contracts';
import { insertVersion, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import type { Person } from '../person/person.entity';
import { requireManaging } from '../management/management.guard';
import { PersonNotFoundError } from '../person/person.errors';
import { detailOf } from '../person/person.rules';
import { personLabel, type PersonService } from '../person/person.service';
import { territoryGuard } from '../territory/territory.guard';
import { checkDiscipline } from './discipline.rules';
import { Discipline, recordSnapshot, Reward } from './reward-discipline.entity';
import type { RecordDisciplineInput, RecordRewardInput } from './reward-discipline.inputs';

/** A period of days, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Disciplines of the people asked whose effect overlaps the days `from`–`to` (started by `to`
 * and not ended before `from`), oldest first: one statement per batch. Unguarded: planning and
 * downsizing read them for people they have already been given.
 */
export function disciplinesOf(manager: EntityManager, personIds: readonly string[], range: DayRange): Promise<Discipline[]> {
  return recordsOf(manager, Discipline, personIds, range);
}

/** Rewards given to the people asked between `from` and `to`, oldest first: one statement per batch. */
export function rewardsOf(manager: EntityManager, personIds: readonly string[], range: DayRange): Promise<Reward[]> {
  return recordsOf(manager, Reward, personIds, range);
}

function recordsOf<T extends Discipline | Reward>(manager: EntityManager, target: new () => T, personIds: readonly string[], range: DayRange): Promise<T[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return manager
    .getRepository(target)
    .createQueryBuilder('record')
    .where('record.person_id IN (:...personIds)', { personIds: [...personIds] })
    .andWhere("daterange(record.valid_from, record.valid_to) && daterange(:from, :to, '[]')", range)
    .orderBy('record.valid_from')
    .addOrderBy('record.created_at')
    .getMany();
}

/** Disciplines and rewards, each a dated write on a decision by the officers of the person's managing body. */
export class RewardDisciplineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonService,
  ) {}

  /** Records a discipline from the change's effective date, until `endsOn` when the decision sets one. */
  async recordDiscipline(principal: Principal, input: RecordDisciplineInput): Promise<Discipline> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'recordDiscipline', change: input.change }, async (write) => {
      const { person, unit } = await this.personOn(write, principal, input.personId);
      const endsOn = input.endsOn ?? null;
      checkDiscipline({ system: input.system, form: input.form, effectiveDate: write.date, endsOn }, person.category);
      const discipline = await insertVersion(write, Discipline, { id: randomUUID(), personId: person.id, system: input.system, form: input.form });
      if (endsOn !== null) {
        await write.manager.getRepository(Discipline).update({ id: discipline.id }, { validTo: endsOn });
        discipline.validTo = endsOn;
      }
      about(write, 'Discipline', discipline, person, unit).after(recordSnapshot(discipline));
      const { system, form } = discipline;
      await write.emit(
        DisciplineRecorded,
        { disciplineId: discipline.id, personId: person.id, unitCode: unit.code, system, form, endsOn, ...write.facts },
        { aggregateId: person.id, unitPath: unit.path },
      );
      return stampAsOf(discipline, write.date);
    });
  }

  /** Records a reward given on the change's effective date. */
  async recordReward(principal: Principal, input: RecordRewardInput): Promise<Reward> {
    requireCapability(principal, 'officer');
    const title = detailOf({ vi: 'Danh hiệu khen thưởng', en: 'Reward title' }, input.title, true) ?? '';
    return writeDated(this.dataSource, { actor: principal, operation: 'recordReward', change: input.change }, async (write) => {
      const { person, unit } = await this.personOn(write, principal, input.personId);
      const reward = await insertVersion(write, Reward, { id: randomUUID(), personId: person.id, form: input.form, title });
      about(write, 'Reward', reward, person, unit).after(recordSnapshot(reward));
      await write.emit(
        RewardRecorded,
        { rewardId: reward.id, personId: person.id, unitCode: unit.code, form: reward.form, title, ...write.facts },
        { aggregateId: person.id, unitPath: unit.path },
      );
      return stampAsOf(reward, write.date);
    });
  }

  private async personOn(write: DatedWrite, principal: Principal, personId: string): Promise<{ person: Person; unit: GuardedUnit }> {
    const person = await this.people.byId(principal, personId, write.date, write.manager);
    if (!person) throw new PersonNotFoundError(personId);
    const unit = await territoryGuard.unitWithin(write.manager, principal, person.unitCode, write.date);
    await requireManaging(write.manager, principal, person.id, write.date);
    return { person, unit };
  }
}

function about(write: DatedWrite, type: 'Discipline' | 'Reward', record: Discipline | Reward, person: Person, unit: GuardedUnit): DatedWrite {
  return write.about({ type, id: record.id, label: `${record.form} – ${personLabel(person, unit)}`, unitCode: unit.code, unitPaths: [unit.path] });
}
