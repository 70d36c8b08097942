import { requireCapability, TerritoryGuard, type Principal } from '@ps/auth';
import { recordEvent } from '@ps/events';
import { groupBy } from '@ps/service-kit';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AdministrativeUnit } from './unit.entity';
import { CHILD_TIER, InvalidUnitError, UnitCodeTakenError } from './unit.errors';
import { UnitCreated } from './unit.events';
import type { CreateUnitInput } from './unit.inputs';

/** The organization service guards with its own tree: current versions of administrative units. */
export const territoryGuard = new TerritoryGuard({
  table: 'administrative_unit',
  codeColumn: 'code',
  pathColumn: 'path',
  currentCondition: (alias) => `${alias}.valid_to IS NULL`,
});

const CODE_PATTERN = /^[0-9]{2,5}$|^[0-9]{5}_[0-9A-Za-z]+$/;

/** Reads and changes the territory tree; every query is cut to the caller's territory in SQL. */
export class UnitService {
  constructor(private readonly dataSource: DataSource) {}

  private current(principal: Principal, manager: EntityManager = this.dataSource.manager) {
    const query = manager
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.valid_to IS NULL')
      .orderBy('unit.code');
    return territoryGuard.apply(query, principal, 'unit.path');
  }

  /** Current units by code, inside the caller's territory (one query per batch). */
  async byCodes(principal: Principal, codes: readonly string[]): Promise<Map<string, AdministrativeUnit>> {
    const units = await this.current(principal).andWhere('unit.code IN (:...codes)', { codes }).getMany();
    return new Map(units.map((unit) => [unit.code, unit]));
  }

  /** Current children of each parent code, inside the caller's territory (one query per batch). */
  async childrenOf(principal: Principal, parentCodes: readonly string[]): Promise<Map<string, AdministrativeUnit[]>> {
    const units = await this.current(principal)
      .andWhere('unit.parent_code IN (:...parentCodes)', { parentCodes })
      .getMany();
    return groupBy(units, (unit) => unit.parentCode ?? '');
  }

  /** True when a current unit with this code exists anywhere (to tell "forbidden" from "absent"). */
  async exists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(AdministrativeUnit).exists({ where: { code } });
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
      const units = manager.getRepository(AdministrativeUnit);
      const parentPath = await territoryGuard.pathWithin(manager, principal, input.parentCode);
      const parent = await units.findOneByOrFail({ code: input.parentCode, path: parentPath, validTo: IsNull() });
      this.checkPlacement(input, parent);
      if (await units.existsBy({ code, validTo: IsNull() })) throw new UnitCodeTakenError(code);
      const unit = units.create({
        code,
        name,
        tier: input.tier,
        parentCode: parent.code,
        path: `${parentPath}.${code}`,
        validFrom: input.validFrom,
        validTo: null,
        decisionRef: input.decisionRef ?? null,
        createdBy: principal.userId,
      });
      await units.insert(unit).catch((error: { code?: string }) => {
        throw error.code === '23505' ? new UnitCodeTakenError(code) : error;
      });
      await recordEvent(manager, UnitCreated, unitCreatedPayload(unit), {
        aggregateId: unit.code,
        unitPath: unit.path,
        actor: principal.userId,
      });
      return unit;
    });
  }

  private checkPlacement(input: CreateUnitInput, parent: AdministrativeUnit): void {
    if (CHILD_TIER[parent.tier] !== input.tier) {
      throw new InvalidUnitError(
        `Đơn vị cấp ${input.tier} không thể trực thuộc đơn vị cấp ${parent.tier}`,
        `A ${input.tier} cannot sit under a ${parent.tier}`,
        { tier: input.tier, parentTier: parent.tier },
      );
    }
    if (input.validFrom < parent.validFrom) {
      throw new InvalidUnitError(
        'Ngày hiệu lực sớm hơn ngày thành lập đơn vị cấp trên',
        'Effective date precedes the parent unit',
        { validFrom: input.validFrom, parentValidFrom: parent.validFrom },
      );
    }
  }
}

export function unitCreatedPayload(unit: AdministrativeUnit) {
  return {
    code: unit.code,
    name: unit.name,
    tier: unit.tier,
    parentCode: unit.parentCode,
    path: unit.path,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    decisionRef: unit.decisionRef,
  };
}
