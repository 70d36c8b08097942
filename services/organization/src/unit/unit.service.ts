import { OutsideTerritoryError, requireCapability, type Principal } from '@ps/auth';
import { UnitCreated } from '@ps/contracts';
import { recordEvent } from '@ps/events';
import { foldText, groupBy } from '@ps/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { recordChange } from '../decision/decision.service';
import { territoryGuard, validOn } from '../territory/validity';
import { AdministrativeUnit } from './unit.entity';
import { CHILD_TIERS, InvalidUnitError, UnitCodeTakenError } from './unit.errors';
import { unitSnapshot } from './unit.events';
import type { CreateUnitInput } from './unit.inputs';

const CODE_PATTERN = /^[0-9]{2,5}$|^[0-9]{5}_[0-9A-Za-z]+$/;

/** Reads and changes the territory tree; every query is cut to the caller's territory in SQL. */
export class UnitService {
  constructor(private readonly dataSource: DataSource) {}

  /** Versions in force on `asOf` inside the caller's territory (as it stood that day). */
  inForce(principal: Principal, asOf: string, manager: EntityManager = this.dataSource.manager) {
    const query = manager
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where(validOn('unit'), { asOf })
      .orderBy('unit.code');
    return territoryGuard.apply(query, principal, 'unit.path', asOf);
  }

  /** Units by code as of a date, inside the caller's territory (one query per batch). */
  async byCodes(principal: Principal, codes: readonly string[], asOf: string): Promise<Map<string, AdministrativeUnit>> {
    const units = await this.inForce(principal, asOf).andWhere('unit.code IN (:...codes)', { codes }).getMany();
    return new Map(units.map((unit) => [unit.code, stamp(unit, asOf)]));
  }

  /** Children of each parent code as of a date, inside the caller's territory (one query per batch). */
  async childrenOf(
    principal: Principal,
    parentCodes: readonly string[],
    asOf: string,
  ): Promise<Map<string, AdministrativeUnit[]>> {
    const units = await this.inForce(principal, asOf)
      .andWhere('unit.parent_code IN (:...parentCodes)', { parentCodes })
      .getMany();
    return groupBy(
      units.map((unit) => stamp(unit, asOf)),
      (unit) => unit.parentCode ?? '',
    );
  }

  /** True when a version of the code is in force on the date (to tell "outside your territory" from "absent"). */
  async existsOn(code: string, asOf: string): Promise<boolean> {
    return this.dataSource
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.code = :code', { code })
      .andWhere(validOn('unit'), { asOf })
      .getExists();
  }

  /** Establishes a unit under a parent inside the caller's territory and announces it. */
  async create(principal: Principal, input: CreateUnitInput): Promise<AdministrativeUnit> {
    requireCapability(principal, 'admin');
    const code = input.code.trim();
    const name = input.name.trim();
    if (!CODE_PATTERN.test(code)) {
      throw new InvalidUnitError('Mã đơn vị không hợp lệ', 'Invalid unit code', { code });
    }
    if (name.length === 0) throw new InvalidUnitError('Tên đơn vị không được để trống', 'Unit name is required');
    return this.dataSource.transaction(async (manager) => {
      const change = await recordChange(manager, principal, input.change);
      const [parent] = await this.inForce(principal, change.effectiveDate, manager)
        .andWhere('unit.code = :code', { code: input.parentCode })
        .getMany();
      if (!parent) throw await this.notPlaceable(input.parentCode, change.effectiveDate);
      this.checkPlacement(input.tier, parent);
      const units = manager.getRepository(AdministrativeUnit);
      if (await units.existsBy({ code })) throw new UnitCodeTakenError(code);
      const unit = units.create({
        code,
        name,
        searchName: foldText(name),
        tier: input.tier,
        parentCode: parent.code,
        path: `${parent.path}.${code}`,
        validFrom: change.effectiveDate,
        validTo: null,
        reason: change.reason,
        decisionId: change.decision.id,
        createdBy: principal.userId,
      });
      await units.insert(unit).catch((error: { code?: string }) => {
        throw error.code === '23505' || error.code === '23P01' ? new UnitCodeTakenError(code) : error;
      });
      await recordEvent(manager, UnitCreated, unitSnapshot(unit, change.decision), {
        aggregateId: unit.code,
        unitPath: unit.path,
        actor: principal.userId,
      });
      return stamp(unit, change.effectiveDate);
    });
  }

  /** Why a parent cannot take a child on a date: outside the territory, or not in force then. */
  private async notPlaceable(parentCode: string, date: string): Promise<Error> {
    if (await this.existsOn(parentCode, date)) return new OutsideTerritoryError(parentCode);
    return new InvalidUnitError(
      `Đơn vị cấp trên ${parentCode} không có hiệu lực vào ngày ${date}`,
      `Parent unit ${parentCode} is not in force on ${date}`,
      { parentCode, date },
    );
  }

  private checkPlacement(tier: CreateUnitInput['tier'], parent: AdministrativeUnit): void {
    if (!CHILD_TIERS[parent.tier].includes(tier)) {
      throw new InvalidUnitError(
        `Đơn vị cấp ${tier} không thể trực thuộc đơn vị cấp ${parent.tier}`,
        `A ${tier} cannot sit under a ${parent.tier}`,
        { tier, parentTier: parent.tier },
      );
    }
  }
}

/** Marks a loaded version with the date it answers for. */
export function stamp(unit: AdministrativeUnit, asOf: string): AdministrativeUnit {
  unit.asOf = asOf;
  return unit;
}
