import { UnitCreated } from '@ps/contracts';
import { type Principal } from '@ps/auth';
import { inForceOn, notEndedBy, requiredText, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { requireAuthority } from '../restructure/authority';
import type { RestructuringChangeInput } from '../restructure/restructure.inputs';
import { territoryGuard } from '../territory/territory.guard';
import { requireLastingUnit, unitLabel } from './unit.access';
import { AdministrativeUnit } from './unit.entity';
import { InvalidUnitError, UnitCodeTakenError } from './unit.errors';
import { unitSnapshot } from './unit.events';
import type { CreateUnitInput } from './unit.inputs';
import { mayPlaceUnder } from './unit.rules';
import { insertUnits } from './unit.versions';

const CODE_PATTERN = /^[0-9]{2,5}$|^[0-9]{5}_[0-9A-Za-z]+$/;

/** Reads and establishes units of the territory tree; every query is cut to the caller's territory in SQL. */
export class UnitService {
  constructor(private readonly dataSource: DataSource) {}

  /** Versions in force on `asOf` inside the caller's territory (as it stood that day). */
  inForce(principal: Principal, asOf: string, manager: EntityManager = this.dataSource.manager) {
    const query = manager
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where(inForceOn('unit', ':asOf'), { asOf })
      .orderBy('unit.code');
    return territoryGuard.apply(query, principal, 'unit.path', asOf);
  }

  /** Units by code as of a date, inside the caller's territory (one query per batch). */
  async byCodes(principal: Principal, codes: readonly string[], asOf: string): Promise<Map<string, AdministrativeUnit>> {
    const units = await this.inForce(principal, asOf).andWhere('unit.code IN (:...codes)', { codes }).getMany();
    return new Map(units.map((unit) => [unit.code, stampAsOf(unit, asOf)]));
  }

  /** Children of each parent code as of a date, inside the caller's territory (one query per batch). */
  async childrenOf(principal: Principal, parentCodes: readonly string[], asOf: string): Promise<Map<string, AdministrativeUnit[]>> {
    const units = await this.inForce(principal, asOf).andWhere('unit.parent_code IN (:...parentCodes)', { parentCodes }).getMany();
    return groupBy(
      units.map((unit) => stampAsOf(unit, asOf)),
      (unit) => unit.parentCode ?? '',
    );
  }

  /** The provinces in force on a date (what the centre sees first). */
  roots(principal: Principal, asOf: string): Promise<AdministrativeUnit[]> {
    return this.inForce(principal, asOf)
      .andWhere('unit.parent_code IS NULL')
      .getMany()
      .then((units) => units.map((unit) => stampAsOf(unit, asOf)));
  }

  /** Establishes a unit under a parent, on a decision of the body competent for its tier, recorded by a tier allowed to. */
  async create(principal: Principal, input: CreateUnitInput): Promise<AdministrativeUnit> {
    const code = input.code.trim();
    const name = requiredText(input.name, { vi: 'Tên đơn vị', en: 'Unit name' });
    if (!CODE_PATTERN.test(code)) throw new InvalidUnitError('Mã đơn vị không hợp lệ', 'Invalid unit code', { code });
    const change: RestructuringChangeInput = input.change;
    return writeDated(this.dataSource, { actor: principal, operation: 'createUnit', change }, async (write) => {
      const parent = await requireLastingUnit(write.manager, principal, input.parentCode, write.date);
      requireAuthority(principal, input.tier, write.date, change.decision.issuer);
      if (!mayPlaceUnder(input.tier, parent.tier, write.date)) {
        throw new InvalidUnitError(
          `Ngày ${write.date}, đơn vị cấp ${input.tier} không thể trực thuộc ${unitLabel(parent)} (cấp ${parent.tier})`,
          `On ${write.date} a ${input.tier} cannot sit under ${unitLabel(parent)} (${parent.tier})`,
          { tier: input.tier, parentTier: parent.tier },
        );
      }
      await ensureCodesFree(write, [code]);
      const [unit] = await insertUnits(write, [{ code, name, tier: input.tier, parentCode: parent.code, path: `${parent.path}.${code}` }]);
      write.about({ type: 'AdministrativeUnit', id: code, label: unitLabel(unit), unitCode: code, unitPaths: [unit.path] }).after(unitSnapshot(unit, write.change.decision));
      await write.emit(UnitCreated, unitSnapshot(unit, write.change.decision), { aggregateId: unit.code, unitPath: unit.path });
      return stampAsOf(unit, write.date);
    });
  }
}

/** New codes must not name a unit in force on the date or later (a code ended earlier may be given again). */
export async function ensureCodesFree(write: DatedWrite, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  const [taken]: Array<{ code: string }> = await write.manager.query(
    `SELECT code FROM administrative_unit WHERE code = ANY($1::text[]) AND ${notEndedBy('', '$2')} ORDER BY code LIMIT 1`,
    [codes, write.date],
  );
  if (taken) throw new UnitCodeTakenError(taken.code);
}
