import { isHigherTier, OutsideTerritoryError, requireCapability, TIERS, type Principal, type Tier } from '@ps/auth';
import { ForbiddenError } from '@ps/errors';
import type { DataSource, EntityManager } from 'typeorm';
import type { EffectiveChangeInput } from '../decision/decision.inputs';
import { recordChange } from '../decision/decision.service';
import { QuotaHolderKind, QuotaMove, StaffingQuota, type QuotaHolder } from './quota.entity';
import { InvalidQuotaError } from './quota.errors';
import { findHolder, holderUnitOn, isOrganizationId, requireHolder, type PlacedHolder } from './quota.holders';
import { applyQuotaChanges, type QuotaChange } from './quota.ledger';
import { quotasOn, quotaVersions } from './quota.queries';

const isAccessTier = (tier: string): tier is Tier => (TIERS as readonly string[]).includes(tier);

/**
 * Staffing quotas (biên chế) of units and organizations: reads cut to the caller's
 * territory, changes that keep every child's allocation within its parent's quota.
 */
export class QuotaService {
  constructor(private readonly dataSource: DataSource) {}

  /** The holder's quota in force on `asOf`; null when it has none that day; FORBIDDEN outside the territory. */
  async quotaOf(principal: Principal, holder: QuotaHolder, asOf: string): Promise<StaffingQuota | null> {
    const quota = (await this.quotasOf(principal, holder.kind, [holder.id], asOf)).get(holder.id);
    if (quota) return quota;
    const manager = this.dataSource.manager;
    if (await findHolder(manager, principal, holder, asOf)) return null;
    const unitCode = await holderUnitOn(manager, holder, asOf);
    if (unitCode) throw new OutsideTerritoryError(unitCode);
    return null;
  }

  /** Quotas in force on `asOf` by holder id, inside the caller's territory (one query; for loaders). */
  async quotasOf(
    principal: Principal,
    kind: QuotaHolderKind,
    ids: readonly string[],
    asOf: string,
  ): Promise<Map<string, StaffingQuota>> {
    const wanted = kind === QuotaHolderKind.ORGANIZATION ? ids.filter(isOrganizationId) : ids;
    if (wanted.length === 0) return new Map();
    const quotas = await quotasOn(this.dataSource.manager, principal, kind, wanted, asOf);
    return new Map(quotas.map((quota) => [quota.holderId, quota]));
  }

  /** Every version of the holder's quota, oldest first; FORBIDDEN when the holder lies outside the territory today. */
  async history(principal: Principal, holder: QuotaHolder): Promise<StaffingQuota[]> {
    const versions = await quotaVersions(this.dataSource.manager, principal, holder);
    if (versions.length > 0) return versions;
    const [latest] = await this.dataSource.query(
      `SELECT valid_from::text AS "validFrom" FROM staffing_quota
        WHERE holder_kind = $1 AND holder_id = $2 ORDER BY valid_from DESC LIMIT 1`,
      [holder.kind, holder.id],
    );
    const unitCode = latest ? await holderUnitOn(this.dataSource.manager, holder, latest.validFrom) : null;
    if (unitCode) throw new OutsideTerritoryError(unitCode);
    return [];
  }

  /** Sets a unit's quota: only an admin of a strictly higher tier, with the unit inside their territory. */
  async setUnitQuota(principal: Principal, unitCode: string, amount: number, input: EffectiveChangeInput): Promise<StaffingQuota> {
    requireCapability(principal, 'admin');
    requireAmount(amount, 0);
    return this.dataSource.transaction(async (manager) => {
      const unit = await requireHolder(manager, principal, { kind: QuotaHolderKind.UNIT, id: unitCode }, input.effectiveDate);
      requireTierAbove(principal, unit);
      await this.apply(manager, principal, [{ holder: unit, next: () => amount }], input);
      return this.readBack(manager, principal, unit, input.effectiveDate);
    });
  }

  /** Sets an organization's quota: an admin of its unit or of a tier above, inside their territory. */
  async setOrganizationQuota(
    principal: Principal,
    organizationId: string,
    amount: number,
    input: EffectiveChangeInput,
  ): Promise<StaffingQuota> {
    requireCapability(principal, 'admin');
    requireAmount(amount, 0);
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.organization(manager, principal, organizationId, input.effectiveDate);
      await this.apply(manager, principal, [{ holder: organization, next: () => amount }], input);
      return this.readBack(manager, principal, organization, input.effectiveDate);
    });
  }

  /** Moves quota between two organizations of one unit: both versions, one decision, one transaction. */
  async moveQuota(
    principal: Principal,
    fromId: string,
    toId: string,
    amount: number,
    input: EffectiveChangeInput,
  ): Promise<QuotaMove> {
    requireCapability(principal, 'admin');
    requireAmount(amount, 1);
    if (fromId === toId) {
      throw new InvalidQuotaError('Không thể điều chuyển biên chế cho chính tổ chức đó', 'Cannot move quota to the same organization');
    }
    return this.dataSource.transaction(async (manager) => {
      const from = await this.organization(manager, principal, fromId, input.effectiveDate);
      const to = await this.organization(manager, principal, toId, input.effectiveDate);
      if (from.unitCode !== to.unitCode) {
        throw new InvalidQuotaError(
          'Chỉ điều chuyển biên chế giữa các tổ chức của cùng một đơn vị',
          'Quota moves only between organizations of the same unit',
          { from: from.unitCode, to: to.unitCode },
        );
      }
      const changes = [
        { holder: from, next: (current: number) => current - amount },
        { holder: to, next: (current: number) => current + amount },
      ];
      await this.apply(manager, principal, changes, input);
      const [fromQuota, toQuota] = await Promise.all(
        [from, to].map((holder) => this.readBack(manager, principal, holder, input.effectiveDate)),
      );
      return Object.assign(new QuotaMove(), { from: fromQuota, to: toQuota, amount });
    });
  }

  private organization(manager: EntityManager, principal: Principal, id: string, date: string): Promise<PlacedHolder> {
    return requireHolder(manager, principal, { kind: QuotaHolderKind.ORGANIZATION, id }, date);
  }

  private async apply(manager: EntityManager, principal: Principal, changes: QuotaChange[], input: EffectiveChangeInput) {
    await applyQuotaChanges(manager, principal, changes, await recordChange(manager, principal, input));
  }

  private async readBack(manager: EntityManager, principal: Principal, holder: PlacedHolder, date: string) {
    const [quota] = await quotasOn(manager, principal, holder.kind, [holder.id], date);
    return quota;
  }
}

function requireAmount(amount: number, minimum: number): void {
  if (!Number.isInteger(amount) || amount < minimum) {
    throw new InvalidQuotaError(
      `Số biên chế phải là số nguyên không nhỏ hơn ${minimum}`,
      `The headcount must be an integer of at least ${minimum}`,
      { amount, minimum },
    );
  }
}

/**
 * Only the tier above assigns a unit's quota. A root unit (a province) has no tier above it on
 * the platform: its own admins record the allocation the centre decided.
 */
function requireTierAbove(principal: Principal, unit: PlacedHolder): void {
  if (!isAccessTier(unit.unitTier)) {
    throw new InvalidQuotaError('Thôn, ấp, khu phố không được giao biên chế', 'Sub-commune units hold no staffing quota', {
      unitCode: unit.unitCode,
    });
  }
  const recordsCentralAllocation = !unit.unitPath.includes('.') && principal.unitCode === unit.unitCode;
  if (!isHigherTier(principal.tier, unit.unitTier) && !recordsCentralAllocation) {
    throw new ForbiddenError(
      `Chỉ cấp trên mới được giao biên chế cho đơn vị ${unit.unitCode}`,
      `Only the tier above may set the quota of unit ${unit.unitCode}`,
      { unitCode: unit.unitCode, unitTier: unit.unitTier, callerTier: principal.tier },
    );
  }
}
