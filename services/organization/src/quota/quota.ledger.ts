import type { Principal } from '@ps/auth';
import type { DatedWrite } from '@ps/effective-dating';
import { findBreach, type ProposedQuota } from './quota.allocation';
import { StaffingQuota } from './quota.entity';
import { QuotaExceededError, RetroactiveQuotaChangeError } from './quota.errors';
import { QuotaChanged } from '@ps/contracts';
import { holderLabels, type PlacedHolder } from './quota.holders';
import { lockAllocationScope, type LatestQuota } from './quota.scope';

/** A holder's new amount, computed from its amount in force on the change's date (0 when none). */
export interface QuotaChange {
  holder: PlacedHolder;
  next: (current: number) => number;
}

/**
 * Applies quota changes in the write's transaction, all or nothing: locks every holder
 * involved and their ceilings, checks both allocation rules on every date from the change on,
 * writes the new versions and one QuotaChanged per holder (sharing the write's correlation id).
 */
export async function applyQuotaChanges(
  write: DatedWrite,
  principal: Principal,
  changes: readonly QuotaChange[],
  proposalId: string | null = null,
): Promise<VersionPlan[]> {
  const scope = await lockAllocationScope(write.manager, principal, changes.map((item) => item.holder.key), write.date);
  const plans = changes.map(({ holder, next }) => planVersion(holder, scope.latest.get(holder.key) ?? null, next, write.date));
  const breach = findBreach(scope, new Map(plans.map((plan) => [plan.holder.key, plan])), write.date);
  if (breach) {
    throw new QuotaExceededError(breach, await holderLabels(write.manager, [breach.holder, ...(breach.rule === 'CEILING' ? [breach.ceilingHolder] : [])], write.date));
  }
  for (const plan of plans) {
    await writeQuotaVersion(write, plan.holder, plan.previous, plan.amount, plan.until);
    await announceQuota(write, plan.holder, plan.previous?.amount ?? null, plan.amount, proposalId);
  }
  return plans;
}

/** The version a change writes: from its date until the latest version's end when that is later. */
export interface VersionPlan extends ProposedQuota {
  holder: PlacedHolder;
  /** The version in force on the change's date, if any. */
  previous: LatestQuota | null;
}

function planVersion(holder: PlacedHolder, latest: LatestQuota | null, next: (current: number) => number, date: string): VersionPlan {
  if (latest && date < latest.validFrom) throw new RetroactiveQuotaChangeError(holder.label, date, latest.validFrom);
  const previous = latest && (latest.validTo === null || date < latest.validTo) ? latest : null;
  return { holder, previous, amount: next(previous?.amount ?? 0), until: previous?.validTo ?? null };
}

/**
 * The one writer of `staffing_quota` versions. Same-day change: the version is replaced.
 * Later: the version in force closes the day the new one starts. `amount` null ends the quota.
 */
export async function writeQuotaVersion(
  write: DatedWrite,
  holder: Pick<PlacedHolder, 'kind' | 'id'>,
  previous: LatestQuota | null,
  amount: number | null,
  until: string | null,
): Promise<void> {
  const quotas = write.manager.getRepository(StaffingQuota);
  const audit = { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId };
  if (previous?.validFrom === write.date) {
    if (amount === null) await quotas.delete({ id: previous.id });
    else await quotas.update({ id: previous.id }, { amount, ...audit, createdAt: new Date() });
    return;
  }
  if (previous) await quotas.update({ id: previous.id }, { validTo: write.date });
  if (amount === null) return;
  await quotas.insert({ holderKind: holder.kind, holderId: holder.id, amount, validFrom: write.date, validTo: until, ...audit });
}

/**
 * Announces a holder's amount from the write's date (0 when its quota ended with it), naming the
 * approved staffing proposal it carries out, if any: reform waits for that answer.
 */
export function announceQuota(write: DatedWrite, holder: PlacedHolder, previousAmount: number | null, amount: number | null, proposalId: string | null = null) {
  return write.emit(
    QuotaChanged,
    {
      holderKind: holder.kind,
      holderId: holder.id,
      unitCode: holder.unitCode,
      previousAmount,
      amount: amount ?? 0,
      effectiveDate: write.date,
      reason: write.change.reason,
      decision: { number: write.change.decision.number, date: write.change.decision.decidedOn, signer: write.change.decision.signer },
      ended: amount === null,
      proposalId,
    },
    { aggregateId: holder.key, unitPath: holder.unitPath },
  );
}
