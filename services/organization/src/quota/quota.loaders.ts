import type { Principal } from '@ps/auth';
import { QuotaHolderKind, type StaffingQuota } from './quota.entity';
import type { QuotaService } from './quota.service';
import { type OnDate, datedLoader } from '@ps/effective-dating';

/** A holder (unit code or organization id) on a date. */
export type HolderOnDate = OnDate<'id'>;

/** Per-request batch loaders of quotas in force on a date, inside the caller's territory (one query per date). */
export function quotaLoaders(quotas: QuotaService, principal: Principal) {
  const byKind = (kind: QuotaHolderKind) =>
    datedLoader<'id', StaffingQuota | null>('id', (ids, asOf) => quotas.quotasOf(principal, kind, ids, asOf), null);
  return {
    unitQuotaOn: byKind(QuotaHolderKind.UNIT),
    organizationQuotaOn: byKind(QuotaHolderKind.ORGANIZATION),
  };
}

export type QuotaLoaders = ReturnType<typeof quotaLoaders>;
