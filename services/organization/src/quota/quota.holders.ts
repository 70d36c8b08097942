import type { Principal } from '@ps/auth';
import { isStableId } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { requireOrganization } from '../organization/organization.access';
import { organizationLabel } from '../organization/organization.entity';
import { requireUnit, unitLabel } from '../unit/unit.access';
import type { Tier } from '../unit/unit.entity';
import { QuotaHolderKind, holderKey, type QuotaHolder } from './quota.entity';

/** A holder in force on a date, with the unit it belongs to (itself, for a unit) and how messages name it. */
export interface PlacedHolder extends QuotaHolder {
  key: string;
  label: string;
  unitCode: string;
  unitPath: string;
  unitTier: Tier;
}

/** Organization ids are uuids; anything else names no organization. */
export function isOrganizationId(id: string): boolean {
  return isStableId(id);
}

/**
 * The holder a change or a report acts on, visible on the date, or the one typed error for why
 * not (NOT_FOUND, NOT_IN_FORCE, FORBIDDEN), as for every other query and mutation.
 */
export async function requireHolder(manager: EntityManager, principal: Principal, holder: QuotaHolder, date: string): Promise<PlacedHolder> {
  if (holder.kind === QuotaHolderKind.UNIT) {
    const unit = await requireUnit(manager, principal, holder.id, date);
    return { ...holder, key: holderKey(holder), label: unitLabel(unit), unitCode: unit.code, unitPath: unit.path, unitTier: unit.tier };
  }
  const organization = await requireOrganization(manager, principal, holder.id, date);
  const unit = await requireUnit(manager, principal, organization.unitCode, date);
  return { ...holder, key: holderKey(holder), label: organizationLabel(organization), unitCode: unit.code, unitPath: unit.path, unitTier: unit.tier };
}

/** How messages name holders by key (units by name and code, organizations by name and unit), in one query. */
export async function holderLabels(manager: EntityManager, keys: readonly string[], date: string): Promise<Map<string, string>> {
  const rows: Array<{ key: string; label: string }> = await manager.query(
    `SELECT DISTINCT ON (key) key, label FROM (
       SELECT 'UNIT:' || code AS key, name || ' (' || code || ')' AS label, valid_from
         FROM administrative_unit WHERE 'UNIT:' || code = ANY($1::text[]) AND valid_from <= $2
       UNION ALL
       SELECT 'ORGANIZATION:' || id, name || ' (' || unit_code || ')', valid_from
         FROM organization WHERE 'ORGANIZATION:' || id = ANY($1::text[]) AND valid_from <= $2) named
     ORDER BY key, valid_from DESC`,
    [keys, date],
  );
  return new Map(rows.map((row) => [row.key, row.label]));
}
