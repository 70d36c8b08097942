import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { OutsideTerritoryError } from './errors';
import type { Principal } from './principal';

/**
 * Where a service keeps the territory tree it guards with: a table with an official code
 * and an `ltree` path per node (root first, e.g. `74.720.25801`).
 */
export interface TerritorySource {
  table: string;
  codeColumn: string;
  pathColumn: string;
  /** Optional SQL, given the table's alias, restricting which row of a code counts (e.g. the current version). */
  currentCondition?: (alias: string) => string;
  /**
   * For effective-dated sources: the column where each version starts. The caller's scope on a
   * date is then the version of their unit in force that day, or the last one before it
   * (so history stays readable inside a unit that has since been closed).
   */
  validFromColumn?: string;
}

/** A SQL condition with its named parameters, ready for TypeORM's `andWhere`. */
export interface SqlCondition {
  sql: string;
  parameters: Record<string, string>;
}

/**
 * Turns a principal into SQL: rows whose path lies at or below the caller's own unit.
 * The condition goes into the query itself, so nothing outside the territory is ever read.
 * A caller whose unit is unknown matches nothing.
 */
export class TerritoryGuard {
  constructor(private readonly source: TerritorySource) {}

  /**
   * `<pathExpression> <@ (the caller's unit path)`, with parameters named after `name`.
   * `asOf` (YYYY-MM-DD) picks the scope on that date when the source is effective-dated.
   */
  condition(principal: Principal, pathExpression: string, options: { asOf?: string; name?: string } = {}): SqlCondition {
    const { table, codeColumn, pathColumn, currentCondition, validFromColumn } = this.source;
    const name = options.name ?? 'territoryScope';
    if (validFromColumn && options.asOf) {
      return {
        sql:
          `${pathExpression} <@ (SELECT scope.${pathColumn} FROM ${table} scope ` +
          `WHERE scope.${codeColumn} = :${name} AND scope.${validFromColumn} <= :${name}AsOf ` +
          `ORDER BY scope.${validFromColumn} DESC LIMIT 1)`,
        parameters: { [name]: principal.unitCode, [`${name}AsOf`]: options.asOf },
      };
    }
    const current = currentCondition ? ` AND ${currentCondition('scope')}` : '';
    return {
      sql:
        `${pathExpression} <@ (SELECT scope.${pathColumn} FROM ${table} scope ` +
        `WHERE scope.${codeColumn} = :${name}${current} LIMIT 1)`,
      parameters: { [name]: principal.unitCode },
    };
  }

  /** Adds the territory condition to a query builder. */
  apply<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    principal: Principal,
    pathExpression: string,
    asOf?: string,
  ): SelectQueryBuilder<T> {
    const { sql, parameters } = this.condition(principal, pathExpression, { asOf });
    return query.andWhere(sql, parameters);
  }

  /**
   * Resolves a unit the caller wants to act on: its path when it lies inside the caller's
   * territory, OutsideTerritoryError otherwise (also for a code that does not exist).
   */
  async pathWithin(manager: EntityManager, principal: Principal, unitCode: string): Promise<string> {
    const { table, codeColumn, pathColumn } = this.source;
    const query = manager
      .createQueryBuilder()
      .select(`node.${pathColumn}`, 'path')
      .from(table, 'node')
      .where(`node.${codeColumn} = :unitCode`, { unitCode });
    if (this.source.currentCondition) query.andWhere(this.source.currentCondition('node'));
    const row = await this.apply(query, principal, `node.${pathColumn}`).getRawOne<{ path: string }>();
    if (!row) throw new OutsideTerritoryError(unitCode);
    return row.path;
  }
}
