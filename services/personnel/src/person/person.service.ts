import { currentTerritoryVersion, requireCapability, TERRITORY_PROJECTION, TerritoryGuard, type Principal } from '@ps/auth';
import { PersonRegistered } from '@ps/contracts';
import { BadUserInputError } from '@ps/errors';
import { todayInVietnam } from '@ps/effective-dating';
import { recordEvent } from '@ps/events';
import type { DataSource } from 'typeorm';
import { Person } from './person.entity';
import type { RegisterPersonInput } from './person.inputs';

export const territoryGuard = new TerritoryGuard(TERRITORY_PROJECTION);

/** People of the caller's territory; the guard is part of every query. */
export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  /** Staff count of each unit, for units inside the caller's territory (one query per batch). */
  async headcounts(principal: Principal, unitCodes: readonly string[]): Promise<Map<string, number>> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('unit.code', 'code')
      .addSelect('count(person.id)::int', 'headcount')
      .from('territory_unit', 'unit')
      .leftJoin(Person, 'person', 'person.unit_code = unit.code')
      .where('unit.code IN (:...unitCodes)', { unitCodes })
      .andWhere(currentTerritoryVersion('unit'))
      .groupBy('unit.code');
    const rows = await territoryGuard.apply(query, principal, 'unit.path', todayInVietnam()).getRawMany<{ code: string; headcount: number }>();
    return new Map(rows.map((row) => [row.code, row.headcount]));
  }

  /** People registered in a unit of the caller's territory. */
  async inUnit(principal: Principal, unitCode: string): Promise<Person[]> {
    const query = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.unit_code = :unitCode', { unitCode })
      .orderBy('person.full_name');
    return territoryGuard.apply(query, principal, 'person.unit_path', todayInVietnam()).getMany();
  }

  async register(principal: Principal, input: RegisterPersonInput): Promise<Person> {
    requireCapability(principal, 'officer');
    const fullName = input.fullName.trim().replace(/\s+/g, ' ');
    if (fullName.length === 0 || fullName.length > 200) {
      throw new BadUserInputError('Họ và tên phải có từ 1 đến 200 ký tự', 'Full name must be 1–200 characters');
    }
    const thisYear = new Date().getFullYear();
    if (input.birthYear !== undefined && (input.birthYear < 1900 || input.birthYear > thisYear)) {
      throw new BadUserInputError(`Năm sinh phải từ 1900 đến ${thisYear}`, `Birth year must be 1900–${thisYear}`, {
        birthYear: input.birthYear,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const { path: unitPath } = await territoryGuard.unitWithin(manager, principal, input.unitCode, todayInVietnam());
      const people = manager.getRepository(Person);
      const person = people.create({
        fullName,
        birthYear: input.birthYear ?? null,
        unitCode: input.unitCode,
        unitPath,
        createdBy: principal.userId,
      });
      await people.insert(person);
      await recordEvent(
        manager,
        PersonRegistered,
        { personId: person.id, fullName, birthYear: person.birthYear, unitCode: person.unitCode },
        { aggregateId: person.id, unitPath, actor: principal.userId },
      );
      return person;
    });
  }
}
