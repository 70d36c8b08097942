import type { DatedWrite } from '@ps/effective-dating';
import { announceQuota, writeQuotaVersion } from './quota.ledger';
import type { PlacedHolder } from './quota.holders';
import { lockQuotaHolders, quotasInForce } from './quota.scope';

/** A holder that ceases, and the holder its quota passes to (none: the quota ends with it). */
export interface QuotaSuccession {
  from: PlacedHolder;
  to: PlacedHolder | null;
}

/**
 * Passes ceasing holders' quotas to their successors from the write's date: each successor's
 * amount becomes its own plus what it receives, each ceasing holder's quota ends; one
 * QuotaChanged per holder that changed. The totals are kept, so no ceiling can be breached.
 */
export async function passQuotas(write: DatedWrite, successions: readonly QuotaSuccession[]): Promise<void> {
  // Only successions whose ceasing holder has a quota take part, and only they are locked: the
  // national load ceases tens of thousands of holders, and one advisory lock each exhausts the
  // lock table (out of shared memory). The cost: a quota first given to a ceasing holder while
  // this runs is not passed on.
  const holding = await quotasInForce(write.manager, successions.map(({ from }) => from.key), write.date);
  const passing = successions.filter(({ from }) => holding.has(from.key));
  const holders = new Map<string, PlacedHolder>();
  for (const { from, to } of passing) for (const holder of to ? [from, to] : [from]) holders.set(holder.key, holder);
  await lockQuotaHolders(write.manager, [...holders.keys()]);
  const latest = await quotasInForce(write.manager, [...holders.keys()], write.date);
  const received = new Map<string, number>();
  for (const { from, to } of passing) {
    const quota = latest.get(from.key);
    if (!quota) continue;
    await writeQuotaVersion(write, from, quota, null, null);
    await announceQuota(write, from, quota.amount, null);
    if (to) received.set(to.key, (received.get(to.key) ?? 0) + quota.amount);
  }
  for (const [key, amount] of received) {
    const holder = holders.get(key) as PlacedHolder;
    const quota = latest.get(key) ?? null;
    await writeQuotaVersion(write, holder, quota, (quota?.amount ?? 0) + amount, quota?.validTo ?? null);
    await announceQuota(write, holder, quota?.amount ?? null, (quota?.amount ?? 0) + amount);
  }
}
