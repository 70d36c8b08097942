import { isInForce } from '@ps/effective-dating';
import { Tier } from './unit.entity';

/** Which tiers may sit under which, for a period, with the texts it encodes. */
export interface PlacementRuleSet {
  validFrom: string;
  validTo: string | null;
  source: string;
  children: Record<Tier, readonly Tier[]>;
}

/**
 * The territory's shape: three tiers until 30 June 2025, then two (the district tier abolished,
 * communes directly under the province). Hamlets sit under communes throughout.
 */
export const PLACEMENT_RULE_SETS: readonly PlacementRuleSet[] = [
  {
    validFrom: '1946-01-01',
    validTo: '2025-07-01',
    source: 'Hiến pháp 2013 Điều 110; Luật Tổ chức chính quyền địa phương 2015 Điều 2 (ba cấp: tỉnh, huyện, xã)',
    children: { PROVINCE: [Tier.DISTRICT], DISTRICT: [Tier.COMMUNE], COMMUNE: [Tier.HAMLET], HAMLET: [] },
  },
  {
    validFrom: '2025-07-01',
    validTo: null,
    source: 'Nghị quyết 203/2025/QH15 sửa đổi Hiến pháp (Điều 110); Luật Tổ chức chính quyền địa phương 2025 (72/2025/QH15), Điều 2 (hai cấp: tỉnh, xã)',
    children: { PROVINCE: [Tier.COMMUNE], DISTRICT: [Tier.COMMUNE], COMMUNE: [Tier.HAMLET], HAMLET: [] },
  },
];

/** True when a unit of tier `child` may sit under one of tier `parent` on the date. */
export function mayPlaceUnder(child: Tier, parent: Tier, date: string): boolean {
  const set = PLACEMENT_RULE_SETS.find((candidate) => isInForce(candidate, date)) ?? PLACEMENT_RULE_SETS[PLACEMENT_RULE_SETS.length - 1];
  return set.children[parent].includes(child);
}
