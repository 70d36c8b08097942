import type { Principal } from '@ps/auth';
import { QuotaChanged } from '@ps/contracts';
import { recordEvent } from '@ps/events';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EffectiveChange } from '../decision/decision.service';
import { findBreach, type ProposedQuota } from './quota.allocation';
import { StaffingQuota } from './quota.entity';
import { QuotaExceededError, RetroactiveQuotaChangeError } from './quota.errors';
import type { PlacedHolder } from './quota.holders';
import { lockAllocationScope, type LatestQuota } from './quota.scope';

/** A holder's new amount, computed from its amount in force on the change's date (0 when none). */
export interface QuotaChange {
  holder: PlacedHolder;
  next: (current: number) => number;
}

/**
 * Applies quota changes in the caller's transaction, all or nothing: locks every holder
 * involved and their ceilings, checks both allocation rules on every date from the change
 * on, writes the new versions and one QuotaChanged per holder (sharing one correlationId).
 */
export async function applyQuotaChanges(
  manager: EntityManager,
  principal: Principal,
  changes: readonly QuotaChange[],
  change: EffectiveChange,
): Promise<void> {
  const date = change.effectiveDate;
  const scope = await lockAllocationScope(manager, principal, changes.map((item) => item.holder.key), date);
  const plans = changes.map(({ holder, next }) => planVersion(holder, scope.latest.get(holder.key) ?? null, next, date));
  const breach = findBreach(scope, new Map(plans.map((plan) => [plan.holder.key, plan])), date);
  if (breach) throw new QuotaExceededError(breach);
  const correlationId = randomUUID();
  for (const plan of plans) {
    await writeVersion(manager, principal, plan, change);
    await recordEvent(
      manager,
      QuotaChanged,
      {
        holderKind: plan.holder.kind,
        holderId: plan.holder.id,
        unitCode: plan.holder.unitCode,
        previousAmount: plan.previous?.amount ?? null,
        amount: plan.amount,
        effectiveDate: date,
        reason: change.reason,
        decision: { number: change.decision.number, date: change.decision.decidedOn, signer: change.decision.signer },
      },
      { aggregateId: plan.holder.key, unitPath: plan.holder.unitPath, actor: principal.userId, correlationId },
    );
  }
}

/** The version a change writes: from its date until the latest version's end when that is later. */
interface VersionPlan extends ProposedQuota {
  holder: PlacedHolder;
  /** The version in force on the change's date, if any. */
  previous: LatestQuota | null;
}

function planVersion(
  holder: PlacedHolder,
  latest: LatestQuota | null,
  next: (current: number) => number,
  date: string,
): VersionPlan {
  if (latest && date < latest.validFrom) throw new RetroactiveQuotaChangeError(holder.key, date, latest.validFrom);
  const previous = latest && (latest.validTo === null || date < latest.validTo) ? latest : null;
  return { holder, previous, amount: next(previous?.amount ?? 0), until: previous?.validTo ?? null };
}

/** Same-day change: the version is replaced. Later: the version in force closes the day the new one starts. */
async function writeVersion(manager: EntityManager, principal: Principal, plan: VersionPlan, change: EffectiveChange) {
  const quotas = manager.getRepository(StaffingQuota);
  const audit = { reason: change.reason, decisionId: change.decision.id, createdBy: principal.userId };
  const { previous, amount } = plan;
  if (previous?.validFrom === change.effectiveDate) {
    await quotas.update({ id: previous.id }, { amount, ...audit, createdAt: new Date() });
    return;
  }
  if (previous) await quotas.update({ id: previous.id }, { validTo: change.effectiveDate });
  await quotas.insert({
    holderKind: plan.holder.kind,
    holderId: plan.holder.id,
    amount,
    validFrom: change.effectiveDate,
    validTo: plan.until,
    ...audit,
  });
}
