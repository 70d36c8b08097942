import type { Tier as AccessTier } from '@ps/auth';
import { isInForce } from '@ps/effective-dating';
import { registerEnumType } from 'type-graphql';
import { Tier } from '../unit/unit.entity';

/** Bodies whose decisions create, merge, split, dissolve, move or rename administrative units. */
export enum DecisionIssuer {
  NATIONAL_ASSEMBLY = 'NATIONAL_ASSEMBLY',
  NA_STANDING_COMMITTEE = 'NA_STANDING_COMMITTEE',
  GOVERNMENT = 'GOVERNMENT',
  PROVINCE_PEOPLES_COUNCIL = 'PROVINCE_PEOPLES_COUNCIL',
  PROVINCE_PEOPLES_COMMITTEE = 'PROVINCE_PEOPLES_COMMITTEE',
}

registerEnumType(DecisionIssuer, {
  name: 'DecisionIssuer',
  description: 'Cơ quan ban hành quyết định về đơn vị hành chính / body issuing a decision on administrative units',
  valuesConfig: {
    NATIONAL_ASSEMBLY: { description: 'Quốc hội / National Assembly' },
    NA_STANDING_COMMITTEE: { description: 'Ủy ban Thường vụ Quốc hội / Standing Committee of the National Assembly' },
    GOVERNMENT: { description: 'Chính phủ / Government' },
    PROVINCE_PEOPLES_COUNCIL: { description: 'Hội đồng nhân dân cấp tỉnh / provincial People’s Council' },
    PROVINCE_PEOPLES_COMMITTEE: { description: 'Ủy ban nhân dân cấp tỉnh / provincial People’s Committee' },
  },
});

/** Who decides changes to units of some tiers, and which tiers' administrators may record them. */
export interface AuthorityRule {
  unitTiers: readonly Tier[];
  issuers: readonly DecisionIssuer[];
  /** Tiers whose administrators (the centre: its recorders) may record such a decision, inside their territory. */
  recorders: readonly AccessTier[];
}

export interface AuthorityRuleSet {
  validFrom: string;
  validTo: string | null;
  source: { document: string; articles: string };
  rules: readonly AuthorityRule[];
}

/**
 * The competent issuers are data: the National Assembly for provinces, its Standing Committee
 * for the units below them, the provincial People's Council for hamlets. The centre records the
 * central decisions no province can (a province merger); a province's administrators record
 * those about its districts and communes; a district never creates or merges communes.
 */
export const AUTHORITY_RULE_SETS: readonly AuthorityRuleSet[] = [
  {
    validFrom: '2014-01-01',
    validTo: null,
    source: {
      document:
        'Hiến pháp 2013; Luật Tổ chức chính quyền địa phương 2015 (sửa đổi 2019) và 2025 (72/2025/QH15); Thông tư 04/2012/TT-BNV (sửa đổi bởi 14/2018/TT-BNV)',
      articles:
        'Hiến pháp 2013 Điều 70 khoản 9 (Quốc hội: tỉnh) và Điều 74 (Ủy ban Thường vụ Quốc hội: đơn vị hành chính dưới tỉnh); Luật 2015 Điều 129; Thông tư 04/2012: HĐND cấp tỉnh quyết định thôn, tổ dân phố',
    },
    rules: [
      { unitTiers: [Tier.PROVINCE], issuers: [DecisionIssuer.NATIONAL_ASSEMBLY], recorders: ['NATIONAL'] },
      {
        unitTiers: [Tier.DISTRICT, Tier.COMMUNE],
        issuers: [DecisionIssuer.NA_STANDING_COMMITTEE, DecisionIssuer.NATIONAL_ASSEMBLY],
        recorders: ['NATIONAL', 'PROVINCE'],
      },
      { unitTiers: [Tier.HAMLET], issuers: [DecisionIssuer.PROVINCE_PEOPLES_COUNCIL], recorders: ['NATIONAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'] },
    ],
  },
];

/** The rule for units of a tier on a date. */
export function authorityFor(tier: Tier, date: string): AuthorityRule & { source: AuthorityRuleSet['source'] } {
  const set = AUTHORITY_RULE_SETS.find((candidate) => isInForce(candidate, date)) ?? AUTHORITY_RULE_SETS[0];
  const rule = set.rules.find((candidate) => candidate.unitTiers.includes(tier));
  return { ...(rule ?? set.rules[0]), source: set.source };
}
