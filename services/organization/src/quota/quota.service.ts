import { isHigherTier, requireCapability, TIERS, type Principal, type Tier } from '@ps/auth';
import { writeDated, writeDatedIn, type ChangeFacts, type DatedWrite, type EffectiveChangeInput } from '@ps/effective-dating';
import { ForbiddenError } from '@ps/errors';
import type { DataSource, EntityManager } from 'typeorm';
import { QuotaHolderKind, QuotaMove, type QuotaHolder, type StaffingQuota } from './quota.entity';
import { IncreaseNeedsProposalError, InvalidQuotaError } from './quota.errors';
import { isOrganizationId, requireHolder, type PlacedHolder } from './quota.holders';
import { applyQuotaChanges, type QuotaChange } from './quota.ledger';
import { quotasOn, quotaVersions } from './quota.queries';

const isAccessTier = (tier: string): tier is Tier => (TIERS as readonly string[]).includes(tier);

/**
 * Staffing quotas (biên chế) of units and organizations: reads cut to the caller's territory,
 * changes that keep every child's allocation within its parent's quota.
 */
export class QuotaService {
  constructor(private readonly dataSource: DataSource) {}

  /** The holder's quota in force on `asOf`, null when it has none that day; the holder itself must be visible then. */
  async quotaOf(principal: Principal, holder: QuotaHolder, asOf: string): Promise<StaffingQuota | null> {
    await requireHolder(this.dataSource.manager, principal, holder, asOf);
    return (await this.quotasOf(principal, holder.kind, [holder.id], asOf)).get(holder.id) ?? null;
  }

  /** Quotas in force on `asOf` by holder id, inside the caller's territory (one query; for loaders). */
  async quotasOf(principal: Principal, kind: QuotaHolderKind, ids: readonly string[], asOf: string): Promise<Map<string, StaffingQuota>> {
    const wanted = kind === QuotaHolderKind.ORGANIZATION ? ids.filter(isOrganizationId) : ids;
    if (wanted.length === 0) return new Map();
    const quotas = await quotasOn(this.dataSource.manager, principal, kind, wanted, asOf);
    return new Map(quotas.map((quota) => [quota.holderId, quota]));
  }

  /**
   * Every version of the holder's quota the caller may see, oldest first; when none is, the
   * holder's access on its latest quota's start says why (FORBIDDEN outside the territory).
   */
  async history(principal: Principal, holder: QuotaHolder): Promise<StaffingQuota[]> {
    const versions = await quotaVersions(this.dataSource.manager, principal, holder);
    if (versions.length > 0) return versions;
    const [latest]: Array<{ validFrom: string }> = await this.dataSource.query(
      `SELECT valid_from::text AS "validFrom" FROM staffing_quota WHERE holder_kind = $1 AND holder_id = $2 ORDER BY valid_from DESC LIMIT 1`,
      [holder.kind, holder.id],
    );
    if (latest) await requireHolder(this.dataSource.manager, principal, holder, latest.validFrom);
    return [];
  }

  /** Sets a unit's quota: only an admin of a strictly higher tier, with the unit inside their territory. */
  setUnitQuota(principal: Principal, unitCode: string, amount: number, change: EffectiveChangeInput): Promise<StaffingQuota> {
    requireCapability(principal, 'admin');
    requireAmount(amount, 0);
    return writeDated(this.dataSource, { actor: principal, operation: 'setUnitQuota', change }, async (write) => {
      const unit = await requireHolder(write.manager, principal, { kind: QuotaHolderKind.UNIT, id: unitCode }, write.date);
      requireTierAbove(principal, unit);
      return this.apply(write, principal, [{ holder: unit, next: () => amount }]).then(([quota]) => quota);
    });
  }

  /**
   * Sets an organization's quota: an admin of its unit or of a tier above, inside their
   * territory. Raising it is a higher tier's decision (or an approved proposal's, see
   * {@link raiseForProposal}): the unit's own admins only lower it or move quota between its organizations.
   */
  setOrganizationQuota(principal: Principal, organizationId: string, amount: number, change: EffectiveChangeInput): Promise<StaffingQuota> {
    requireCapability(principal, 'admin');
    requireAmount(amount, 0);
    return writeDated(this.dataSource, { actor: principal, operation: 'setOrganizationQuota', change }, async (write) => {
      const organization = await this.organization(write, principal, organizationId);
      const next = (current: number) => {
        if (amount > current && !decidesForUnit(principal, organization)) throw new IncreaseNeedsProposalError(organization, current, amount, principal.tier);
        return amount;
      };
      return this.apply(write, principal, [{ holder: organization, next }]).then(([quota]) => quota);
    });
  }

  /**
   * Raises an organization's quota by what an approved staffing proposal asks, inside the
   * caller's transaction (the inbox's), acting on the approver's decision: the organization must
   * be the proposing unit's and the approver of a tier strictly above it; the ceilings hold as
   * for every change. The QuotaChanged it emits names the proposal.
   */
  raiseForProposal(
    manager: EntityManager,
    approver: Principal,
    proposal: { proposalId: string; organizationId: string; unitCode: string; increase: number },
    change: ChangeFacts,
  ): Promise<StaffingQuota> {
    return writeDatedIn(manager, { actor: approver, operation: 'raiseQuotaForProposal', change }, async (write) => {
      const organization = await this.organization(write, approver, proposal.organizationId);
      if (organization.unitCode !== proposal.unitCode) {
        throw new InvalidQuotaError(
          `${organization.label} không thuộc đơn vị lập đề án ${proposal.unitCode}`,
          `${organization.label} is not an organization of the proposing unit ${proposal.unitCode}`,
          { reason: 'ORGANIZATION_OF_ANOTHER_UNIT', unitCode: organization.unitCode, proposingUnit: proposal.unitCode },
        );
      }
      if (!isAccessTier(organization.unitTier) || !isHigherTier(approver.tier, organization.unitTier)) {
        throw new IncreaseNeedsProposalError(organization, null, null, approver.tier);
      }
      const raise = { holder: organization, next: (current: number) => current + proposal.increase };
      return this.apply(write, approver, [raise], proposal.proposalId).then(([quota]) => quota);
    });
  }

  /** Moves quota between two organizations of one unit: both versions, one decision, one transaction. */
  moveQuota(principal: Principal, fromId: string, toId: string, amount: number, change: EffectiveChangeInput): Promise<QuotaMove> {
    requireCapability(principal, 'admin');
    requireAmount(amount, 1);
    if (fromId === toId) {
      throw new InvalidQuotaError('Không thể điều chuyển biên chế cho chính tổ chức đó', 'Cannot move quota to the same organization');
    }
    return writeDated(this.dataSource, { actor: principal, operation: 'moveQuota', change }, async (write) => {
      const from = await this.organization(write, principal, fromId);
      const to = await this.organization(write, principal, toId);
      if (from.unitCode !== to.unitCode) {
        throw new InvalidQuotaError(
          `Chỉ điều chuyển biên chế giữa các tổ chức của cùng một đơn vị (${from.label}, ${to.label})`,
          `Quota moves only between organizations of the same unit (${from.label}, ${to.label})`,
          { from: from.unitCode, to: to.unitCode },
        );
      }
      const [fromQuota, toQuota] = await this.apply(write, principal, [
        { holder: from, next: (current: number) => current - amount },
        { holder: to, next: (current: number) => current + amount },
      ]);
      return Object.assign(new QuotaMove(), { from: fromQuota, to: toQuota, amount });
    });
  }

  private organization(write: DatedWrite, principal: Principal, id: string): Promise<PlacedHolder> {
    return requireHolder(write.manager, principal, { kind: QuotaHolderKind.ORGANIZATION, id }, write.date);
  }

  /** Applies the changes, names the write for the audit row, and reads the new quotas back. */
  private async apply(write: DatedWrite, principal: Principal, changes: QuotaChange[], proposalId: string | null = null): Promise<StaffingQuota[]> {
    const [first] = changes;
    write.about({
      type: 'StaffingQuota',
      id: first.holder.key,
      label: changes.map((change) => change.holder.label).join(' → '),
      unitCode: first.holder.unitCode,
      unitPaths: changes.map((change) => change.holder.unitPath),
    });
    const plans = await applyQuotaChanges(write, principal, changes, proposalId);
    write.before(plans.map((plan) => ({ holder: plan.holder.label, amount: plan.previous?.amount ?? null })));
    write.after(plans.map((plan) => ({ holder: plan.holder.label, amount: plan.amount })));
    const quotas = await Promise.all(changes.map(({ holder }) => quotasOn(write.manager, principal, holder.kind, [holder.id], write.date)));
    return quotas.map(([quota]) => quota);
  }
}

function requireAmount(amount: number, minimum: number): void {
  if (!Number.isInteger(amount) || amount < minimum || amount > 1_000_000) {
    throw new InvalidQuotaError(
      `Số biên chế phải là số nguyên từ ${minimum} đến 1.000.000`,
      `The headcount must be an integer between ${minimum} and 1,000,000`,
      { amount, minimum },
    );
  }
}

/**
 * A higher tier decides for the unit: its admins raise the unit's organizations' quotas. A root
 * unit's own admins record what the centre decided, as for the unit's own quota.
 */
function decidesForUnit(principal: Principal, holder: PlacedHolder): boolean {
  const root = !holder.unitPath.includes('.');
  return (isAccessTier(holder.unitTier) && isHigherTier(principal.tier, holder.unitTier)) || (root && principal.unitCode === holder.unitCode);
}

/**
 * Only the tier above assigns a unit's quota. A root unit (a province) has no tier above it on
 * the platform but the centre: its own admins may record the allocation the centre decided.
 */
function requireTierAbove(principal: Principal, unit: PlacedHolder): void {
  if (!isAccessTier(unit.unitTier)) {
    throw new InvalidQuotaError('Thôn, ấp, khu phố không được giao biên chế', 'Sub-commune units hold no staffing quota', { unitCode: unit.unitCode });
  }
  const recordsCentralAllocation = !unit.unitPath.includes('.') && principal.unitCode === unit.unitCode;
  if (!isHigherTier(principal.tier, unit.unitTier) && !recordsCentralAllocation) {
    throw new ForbiddenError(
      `Chỉ cấp trên mới được giao biên chế cho ${unit.label}`,
      `Only the tier above may set the quota of ${unit.label}`,
      { reason: 'TIER', unitCode: unit.unitCode, unitTier: unit.unitTier, callerTier: principal.tier },
    );
  }
}
