import { classifyAccess, inForceOn, isInForce, requireVisible, todayInVietnam, type Access, type Period, type TerritoryTree } from '@ps/effective-dating';
import { ForbiddenError } from '@ps/errors';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isNational, type Principal } from './principal';

/**
 * Where a service keeps the territory tree it guards with: every version of every unit, by
 * official code, with an `ltree` path (root first, e.g. `74.720.25801`) and the kernel's
 * `valid_from` / `valid_to` columns.
 */
export type TerritorySource = TerritoryTree;

/** A SQL condition with its named parameters, ready for TypeORM's `andWhere`. */
export interface SqlCondition {
  sql: string;
  parameters: Record<string, string>;
}

/** A unit version as the guard reads it. */
export interface GuardedUnit extends Period {
  code: string;
  name: string;
  path: string;
}

/**
 * Turns a principal into SQL: rows whose path lies at or below the caller's own unit as it
 * stood on a date (the version in force that day, or the last one before it, so that the
 * administrators of a unit that has ceased still read its history). The condition goes into
 * the query itself, so nothing outside the territory is ever read. The centre sees everything;
 * a caller whose unit is unknown sees nothing.
 */
export class TerritoryGuard {
  constructor(readonly source: TerritorySource) {}

  /** `<pathExpression> <@ (the caller's unit path on :asOf)`, parameters named after `name`. */
  condition(principal: Principal, pathExpression: string, asOf: string, name = 'territoryScope'): SqlCondition {
    const scoped = this.conditionAt(principal, pathExpression, `:${name}AsOf`, name);
    return isNational(principal) ? scoped : { sql: scoped.sql, parameters: { ...scoped.parameters, [`${name}AsOf`]: asOf } };
  }

  /** The same, with the date as a SQL expression (a column, for a date that differs per row). */
  conditionAt(principal: Principal, pathExpression: string, dateSql: string, name = 'territoryScope'): SqlCondition {
    if (isNational(principal)) return { sql: 'TRUE', parameters: {} };
    const { table, codeColumn, pathColumn } = this.source;
    return {
      sql:
        `${pathExpression} <@ (SELECT scope.${pathColumn} FROM ${table} scope ` +
        `WHERE scope.${codeColumn} = :${name} AND scope.valid_from <= ${dateSql} ` +
        `ORDER BY scope.valid_from DESC LIMIT 1)`,
      parameters: { [name]: principal.unitCode },
    };
  }

  /** Adds the territory condition, as of `asOf`, to a query builder. */
  apply<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, pathExpression: string, asOf: string): SelectQueryBuilder<T> {
    const { sql, parameters } = this.condition(principal, pathExpression, asOf);
    return query.andWhere(sql, parameters);
  }

  /**
   * Joins, as `alias`, the version in force on `asOf` of the unit named by `unitCodeExpression`
   * and cuts the query to what lay inside the caller's territory that day: a row whose unit was
   * not in force then, or lay outside, is never read.
   */
  joinUnitOn<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    principal: Principal,
    unitCodeExpression: string,
    asOf: string,
    alias = 'unit',
  ): SelectQueryBuilder<T> {
    const { table, codeColumn, pathColumn } = this.source;
    const inForce = inForceOn(alias, `:${alias}AsOf`);
    query.innerJoin(table, alias, `${alias}.${codeColumn} = ${unitCodeExpression} AND ${inForce}`, { [`${alias}AsOf`]: asOf });
    return this.apply(query, principal, `${alias}.${pathColumn}`, asOf);
  }

  /**
   * The versions in force on `asOf` of the units named (alias `unit`, nothing selected yet)
   * that lay inside the caller's territory that day: the base of per-unit figures, where a
   * unit seen with nothing to count differs from a unit the caller may not see.
   */
  unitsOn(manager: EntityManager, principal: Principal, codes: readonly string[], asOf: string): SelectQueryBuilder<ObjectLiteral> {
    const { table, codeColumn, pathColumn } = this.source;
    const query = manager
      .createQueryBuilder()
      .from(table, 'unit')
      .where(`unit.${codeColumn} IN (:...unitCodes)`, { unitCodes: [...codes] })
      .andWhere(inForceOn('unit', ':unitAsOf'), { unitAsOf: asOf });
    return this.apply(query, principal, `unit.${pathColumn}`, asOf);
  }

  /** What the caller may learn about a unit on a date, from one query over its versions. */
  async unitAccess(manager: EntityManager, principal: Principal, unitCode: string, date: string): Promise<Access<GuardedUnit>> {
    const { table, codeColumn, pathColumn } = this.source;
    // The day a version was in force that is nearest the date asked: its last, or its first when it starts later.
    const nearestDay = `(CASE WHEN unit.valid_from > :accessDate THEN unit.valid_from ELSE unit.valid_to - 1 END)`;
    const visible = this.condition(principal, `unit.${pathColumn}`, date, 'accessScope');
    const visibleThen = this.conditionAt(principal, `unit.${pathColumn}`, nearestDay, 'accessScopeThen');
    const rows = await manager
      .createQueryBuilder()
      .select(`unit.${codeColumn}`, 'code')
      .addSelect('unit.name', 'name')
      .addSelect(`unit.${pathColumn}::text`, 'path')
      .addSelect('unit.valid_from::text', 'validFrom')
      .addSelect('unit.valid_to::text', 'validTo')
      .addSelect(`(${visible.sql})`, 'visible')
      .addSelect(`(${visibleThen.sql})`, 'visibleThen')
      .from(table, 'unit')
      .where(`unit.${codeColumn} = :accessCode`, { accessCode: unitCode, accessDate: date })
      .setParameters({ ...visible.parameters, ...visibleThen.parameters })
      .orderBy('unit.valid_from')
      .getRawMany<GuardedUnit & { visible: boolean; visibleThen: boolean }>();
    const sightings = rows.map(({ visible: inside, visibleThen: insideThen, ...version }) => {
      const inForce = isInForce(version, date);
      return { version, inForce, visible: inForce && inside, visibleWhileInForce: insideThen === true };
    });
    return classifyAccess(sightings, date);
  }

  /**
   * Refuses a write by a caller whose own unit has ceased (a district abolished, a commune
   * merged away): its accounts read its history only. The centre always serves; a unit the
   * tree does not know is left to the territory checks that follow.
   */
  async requireServing(manager: EntityManager, principal: Principal, today: string = todayInVietnam()): Promise<void> {
    if (isNational(principal)) return;
    const { table, codeColumn } = this.source;
    const [unit]: Array<{ name: string; validTo: string | null }> = await manager.query(
      `SELECT name, valid_to::text AS "validTo" FROM ${table} WHERE ${codeColumn} = $1 ORDER BY valid_from DESC LIMIT 1`,
      [principal.unitCode],
    );
    if (unit?.validTo && unit.validTo <= today) {
      const label = `${unit.name} (${principal.unitCode})`;
      throw new ForbiddenError(
        `${label} đã hết hiệu lực từ ${unit.validTo}: tài khoản của đơn vị này chỉ được tra cứu lịch sử, không ghi thay đổi`,
        `${label} ceased on ${unit.validTo}: its accounts read its history only and record no change`,
        { reason: 'UNIT_CEASED', unitCode: principal.unitCode, endedOn: unit.validTo },
      );
    }
  }

  /** The unit a write or a report applies to: visible on the date, or the one typed error for why not. */
  async unitWithin(manager: EntityManager, principal: Principal, unitCode: string, date: string): Promise<GuardedUnit> {
    return requireVisible(await this.unitAccess(manager, principal, unitCode, date), date, unitSubject(unitCode));
  }
}

/** How errors about a unit name it: "Xã An Lập (25801)". */
export function unitSubject(asked: string) {
  return {
    noun: { vi: 'đơn vị', en: 'unit' },
    asked,
    label: (unit: Pick<GuardedUnit, 'name' | 'code'>) => `${unit.name} (${unit.code})`,
    details: { unitCode: asked },
  };
}
