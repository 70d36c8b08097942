import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { PersonRegistered } from '@ps/contracts';
import { inForceOn, insertVersion, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { Person, personSnapshot } from './person.entity';
import type { RegisterPersonInput } from './person.inputs';
import { checkBirthYear, fullNameOf } from './person.rules';

/** People of the caller's territory as of a date; the guard is part of every query. */
export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Staff on each unit's rolls on `asOf`, for units in force that day inside the caller's
   * territory then (one query per batch); other units are left out.
   */
  async headcounts(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, number>> {
    const rows = await territoryGuard
      .unitsOn(this.dataSource.manager, principal, unitCodes, asOf)
      .select('unit.code', 'code')
      .addSelect('count(person.version_id)::int', 'headcount')
      .leftJoin(Person, 'person', `person.unit_code = unit.code AND ${inForceOn('person', ':asOf')}`, { asOf })
      .groupBy('unit.code')
      .getRawMany<{ code: string; headcount: number }>();
    return new Map(rows.map((row) => [row.code, row.headcount]));
  }

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

  /** Registers a person on a unit's staff from the change's effective date (officers). */
  async register(principal: Principal, input: RegisterPersonInput): Promise<Person> {
    requireCapability(principal, 'officer');
    const fullName = fullNameOf(input.fullName);
    const birthYear = checkBirthYear(input.birthYear);
    return writeDated(this.dataSource, { actor: principal, operation: 'registerPerson', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const person = await insertVersion(write, Person, { id: randomUUID(), fullName, birthYear, unitCode: unit.code });
      about(write, person, unit).after(personSnapshot(person));
      await write.emit(
        PersonRegistered,
        { personId: person.id, fullName, birthYear, unitCode: unit.code, ...write.facts },
        { aggregateId: person.id, unitPath: unit.path },
      );
      return stampAsOf(person, write.date);
    });
  }
}

/** "Lê Thị Hoa – Xã An Lập (25801)": how the audit trail names a person. */
export function personLabel(person: Pick<Person, 'fullName'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `${person.fullName} – ${unitSubject(unit.code).label(unit)}`;
}

function about(write: DatedWrite, person: Person, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'Person', id: person.id, label: personLabel(person, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
