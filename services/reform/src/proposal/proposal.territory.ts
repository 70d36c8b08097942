import { TIERS, tierRank, type GuardedUnit, type Principal } from '@ps/auth';
import { inForceOn, isStableId } from '@ps/effective-dating';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { StaffingProposal } from './proposal.entity';
import { ProposalNotFoundError } from './proposal.errors';
import type { ProposingUnit } from './proposal.workflow';

const { table, codeColumn, pathColumn } = territoryGuard.source;

/**
 * Cuts a query over proposals (`alias`) to those whose unit lay inside the caller's territory
 * on the day the proposal came under it (drafted there, or moved there by a restructuring: a
 * successor may not have existed when the proposal was drafted), inside the SQL; joins that
 * unit version as `<alias>_unit`.
 */
export function proposalsWithinTerritory<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  const unit = `${alias}_unit`;
  const date = `${alias}.placed_on`;
  query.innerJoin(table, unit, `${unit}.${codeColumn} = ${alias}.unit_code AND ${inForceOn(unit, date)}`);
  const { sql, parameters } = territoryGuard.conditionAt(principal, `${unit}.${pathColumn}`, date, `${unit}Scope`);
  return query.andWhere(sql, parameters);
}

/** `<alias>_unit`'s tier is strictly below the caller's, and the unit is not the caller's own: the caller's tier decides it. */
export function belowCallersTier<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  return query
    .andWhere(`array_position(CAST(:tiers AS text[]), ${alias}_unit.tier) > :callerRank`, { tiers: [...TIERS], callerRank: tierRank(principal.tier) + 1 })
    .andWhere(`${alias}.unit_code <> :callerUnit`, { callerUnit: principal.unitCode });
}

/** The proposal, locked for the write; unknown or outside the caller's territory is NOT_FOUND. */
export async function lockedProposal(manager: EntityManager, principal: Principal, id: string): Promise<StaffingProposal> {
  if (!isStableId(id)) throw new ProposalNotFoundError(id);
  const query = manager.getRepository(StaffingProposal).createQueryBuilder('proposal').where('proposal.id = :id', { id });
  const proposal = await proposalsWithinTerritory(query, principal, 'proposal').setLock('pessimistic_write', undefined, ['proposal']).getOne();
  if (!proposal) throw new ProposalNotFoundError(id);
  return proposal;
}

/** A unit in force on the date inside the caller's territory (FORBIDDEN, NOT_FOUND, NOT_IN_FORCE otherwise), with its tier. */
export async function proposingUnit(manager: EntityManager, principal: Principal, code: string, date: string): Promise<GuardedUnit & ProposingUnit> {
  const unit = await territoryGuard.unitWithin(manager, principal, code, date);
  return { ...unit, tier: await tierOf(manager, code, date) };
}

async function tierOf(manager: EntityManager, code: string, date: string): Promise<string> {
  const [row]: Array<{ tier: string }> = await manager.query(`SELECT unit.tier FROM ${table} unit WHERE unit.${codeColumn} = $1 AND ${inForceOn('unit', '$2')}`, [code, date]);
  return row?.tier ?? '';
}
