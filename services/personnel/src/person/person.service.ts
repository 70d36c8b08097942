import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { PersonRegistered } from '@ps/contracts';
import { inForceOn, insertVersion, isStableId, nextVersion, openVersion, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import { requireManaging, requireWouldManage } from '../management/management.guard';
import { territoryGuard } from '../territory/territory.guard';
import { Person, personSnapshot, qualificationsOf } from './person.entity';
import { isPersonalIdTaken, PersonalIdTakenError, PersonNotFoundError } from './person.errors';
import type { RecordQualificationsInput, RegisterPersonInput } from './person.inputs';
import { qualificationsFrom } from './person-qualifications.rules';
import { birthYearOf, detailOf, fullNameOf } from './person.rules';
import { personalIdOf } from './personal-id.rules';

/** People of the caller's territory as of a date; the guard is part of every query. */
export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  /** People serving in a unit on `asOf`, when the unit lay inside the caller's territory that day. */
  async inUnit(principal: Principal, unitCode: string, asOf: string): Promise<Person[]> {
    const query = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.unit_code = :unitCode', { unitCode })
      .andWhere(inForceOn('person', ':asOf'), { asOf })
      .orderBy('person.full_name');
    const people = await territoryGuard.joinUnitOn(query, principal, 'person.unit_code', asOf).getMany();
    return people.map((person) => stampAsOf(person, asOf));
  }

  /** A person's version in force on `asOf`, when their unit lay inside the caller's territory that day. */
  async byId(principal: Principal, id: string, asOf: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    if (!isStableId(id)) return null;
    const query = manager
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.id = :id', { id })
      .andWhere(inForceOn('person', ':asOf'), { asOf });
    const person = await territoryGuard.joinUnitOn(query, principal, 'person.unit_code', asOf).getOne();
    return person ? stampAsOf(person, asOf) : null;
  }

  /**
   * Opens a person's e-file on a unit's staff from the change's effective date: by the officers
   * of the body that will manage them (their category in that unit). The personal ID must agree
   * with gender and birth year and be on no other person's file.
   */
  async register(principal: Principal, input: RegisterPersonInput): Promise<Person> {
    requireCapability(principal, 'officer');
    const file = eFileOf(input);
    return writeDated(this.dataSource, { actor: principal, operation: 'registerPerson', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      await requireWouldManage(write.manager, principal, { category: file.category, unitCode: unit.code }, write.date);
      await refuseTakenPersonalId(write.manager, file.personalId);
      const person = await insertVersion(write, Person, { id: randomUUID(), ...file, unitCode: unit.code }).catch((error: unknown) => {
        throw isPersonalIdTaken(error) ? new PersonalIdTakenError() : error;
      });
      about(write, person, unit).after(personSnapshot(person));
      const { fullName, birthYear, gender, category } = file;
      await write.emit(
        PersonRegistered,
        { personId: person.id, fullName, birthYear, gender, category, unitCode: unit.code, ...write.facts },
        { aggregateId: person.id, unitPath: unit.path },
      );
      return stampAsOf(person, write.date);
    });
  }

  /**
   * Records a person's qualifications, rank and salary grade from the change's effective date
   * (the officers of the managing body): a new version of the e-file, audited before and after.
   */
  async recordQualifications(principal: Principal, input: RecordQualificationsInput): Promise<Person> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'recordQualifications', change: input.change }, async (write) => {
      const seen = await this.byId(principal, input.personId, write.date, write.manager);
      const current = seen && (await openVersion(write.manager, Person, seen.id));
      if (!current) throw new PersonNotFoundError(input.personId);
      const unit = await territoryGuard.unitWithin(write.manager, principal, current.unitCode, write.date);
      await requireManaging(write.manager, principal, current.id, write.date);
      about(write, current, unit).before(personSnapshot(current));
      const qualifications = qualificationsFrom(input.qualifications, qualificationsOf(current));
      const next = await nextVersion(write, Person, current, qualifications, personLabel(current, unit));
      write.after(personSnapshot(next));
      return stampAsOf(next, write.date);
    });
  }
}

/** The e-file's fields as recorded, each checked by its rule; nothing is written before all pass. */
function eFileOf(input: RegisterPersonInput) {
  const birthYear = birthYearOf(input.birthDate, input.birthYear);
  return {
    fullName: fullNameOf(input.fullName),
    personalId: personalIdOf(input.personalId, input.gender, birthYear),
    birthDate: input.birthDate,
    birthYear,
    gender: input.gender,
    ethnicity: detailOf({ vi: 'Dân tộc', en: 'Ethnicity' }, input.ethnicity, true),
    religion: detailOf({ vi: 'Tôn giáo', en: 'Religion' }, input.religion, false),
    homePlace: detailOf({ vi: 'Quê quán', en: 'Home place' }, input.homePlace, true),
    category: input.category,
    ...qualificationsFrom(input.qualifications),
  };
}

async function refuseTakenPersonalId(manager: EntityManager, personalId: string): Promise<void> {
  const taken = await manager.getRepository(Person).exists({ where: { personalId } });
  if (taken) throw new PersonalIdTakenError();
}

/** "Lê Thị Hoa – Xã An Lập (25801)": how the audit trail names a person. */
export function personLabel(person: Pick<Person, 'fullName'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `${person.fullName} – ${unitSubject(unit.code).label(unit)}`;
}

function about(write: DatedWrite, person: Person, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'Person', id: person.id, label: personLabel(person, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
